/** `stash-gql schema pull`: the schema tool of `npm run schema:pull`, mounted under `schema`. */
import type { Command } from "commander";
import { schemaPullCommand } from "../../schema/command";
import { schemaDiffCommand } from "../../schema/diff-command";
import type { CliContext } from "../context";

/** Registers `schema pull` and `schema diff`. */
export function registerSchema(program: Command, ctx: CliContext): void {
  const schema = program.command("schema").description("Schema snapshots for regenerating the SDK against your Stash");
  const pull = schemaPullCommand({
    name: "pull",
    prefix: "stash-gql schema pull",
    writeOut: (text) => void ctx.io.stdout.write(text),
    writeErr: (text) => void ctx.io.stderr.write(text),
  });
  // A mounted command inherits nothing: make its errors throw like the rest of the program.
  pull.exitOverride();
  schema.addCommand(pull);
  const diff = schemaDiffCommand({ name: "diff", writeOut: (text) => void ctx.io.stdout.write(text), env: ctx.io.env });
  diff.exitOverride();
  schema.addCommand(diff);
}
