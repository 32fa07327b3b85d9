/** `npm run schema:diff -- A B`: runs the schema diff command on its own. */
import { schemaDiffCommand } from "../schema/diff-command";

schemaDiffCommand()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`schema:diff: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
