/**
 * `stash-gql plugin init <dir>` scaffolds a TypeScript Stash plugin;
 * `stash-gql plugin run <dir> --task <name>` runs a built one against a
 * server the way Stash would (pkg/plugin/raw.go): the input as JSON on stdin,
 * log lines decoded from stderr, the `{output, error}` answer from stdout.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { normalizeUrl } from "../../core/url";
import { decodeLogLine } from "../../plugin/log";
import type { PluginInput } from "../../plugin/input";
import { isHookTrigger } from "../../plugin/hook-context";
import { addConnectionOptions, type CliContext, type ConnectionFlags } from "../context";
import { CliExit, CliUsageError, EXIT } from "../exit-codes";
import { jsonObject } from "../parse";
import { PLUGIN_ID, pluginScaffold } from "./plugin-init";
import { readPluginYml } from "./plugin-yml";

interface InitFlags {
  id: string;
  name?: string;
  force?: boolean;
}

interface RunFlags extends ConnectionFlags {
  task?: string;
  hook?: string;
  id?: number;
  args?: Record<string, unknown>;
}

function pluginId(value: string): string {
  if (!PLUGIN_ID.test(value)) throw new InvalidArgumentError("expected letters, digits, '-' or '_' (the yml's file name), starting with a letter or digit");
  return value;
}

function objectId(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError("expected a positive numeric id");
  return n;
}

/** Writes the scaffold; refuses to overwrite without --force. */
async function init(ctx: CliContext, dir: string, flags: InitFlags): Promise<void> {
  const root = resolve(ctx.io.cwd ?? process.cwd(), dir);
  const files = pluginScaffold(flags.id, flags.name?.trim() || flags.id);
  const clashes = Object.keys(files).filter((f) => existsSync(join(root, f)));
  if (clashes.length && !flags.force) throw new CliUsageError(`${root} already has ${clashes.join(", ")}; pass --force to overwrite`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  await ctx.out(
    `created ${Object.keys(files).map((f) => join(dir, f)).join(", ")}\n` +
      `next: cd ${dir} && npm install && npm run build, then copy the folder into Stash's plugins folder\n`,
  );
}

/** The input Stash would send, for the server at `url` (no session: the API key goes through STASH_API_KEY). */
function synthesizeInput(ctx: CliContext, dir: string, url: URL, args: Record<string, unknown>): PluginInput {
  const Scheme = url.protocol === "https:" ? "https" : "http";
  if (url.pathname.replace(/\/graphql$/, "") !== "") {
    ctx.err(`stash-gql: warning: Stash's plugin input has no path; the plugin will call ${Scheme}://${url.host}/graphql\n`);
  }
  return {
    server_connection: {
      Scheme,
      Host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      Port: Number(url.port || (Scheme === "https" ? 443 : 80)),
      SessionCookie: null,
      Dir: ctx.io.cwd ?? process.cwd(),
      PluginDir: dir,
    },
    args,
  };
}

/** Prints one stderr line of the plugin as `[level] message`. */
function relayLog(ctx: CliContext, line: string): void {
  const { level, message } = decodeLogLine(line);
  if (level === "progress") ctx.err(`[progress] ${Math.round(Number(message) * 100)}%\n`);
  else ctx.err(`[${level ?? "stderr"}] ${message}\n`);
}

/** Spawns the plugin with `input` and resolves with its stdout once it exits. */
function execute(ctx: CliContext, command: string[], input: PluginInput, apiKey: string | undefined): Promise<{ stdout: string; code: number | null }> {
  const { STASH_API_KEY: _unused, ...env } = process.env;
  const child = spawn(command[0]!, command.slice(1), { stdio: ["pipe", "pipe", "pipe"], env: { ...env, ...(apiKey ? { STASH_API_KEY: apiKey } : {}) } });
  const stop = () => child.kill("SIGTERM");
  ctx.io.signal?.addEventListener("abort", stop, { once: true });
  return new Promise((done, fail) => {
    let stdout = "";
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) if (line.trim()) relayLog(ctx, line.replace(/\r$/, ""));
    });
    child.stdin.on("error", () => {});
    child.once("error", (err) => fail(new CliExit(EXIT.failure, `cannot start ${command[0]}: ${err.message}`)));
    child.once("close", (code) => {
      ctx.io.signal?.removeEventListener("abort", stop);
      if (pending.trim()) relayLog(ctx, pending);
      done({ stdout, code });
    });
    child.stdin.end(JSON.stringify(input));
  });
}

async function run(ctx: CliContext, dir: string, flags: RunFlags): Promise<void> {
  if (!flags.task === !flags.hook) throw new CliUsageError("give exactly one of --task <name> and --hook <trigger>");
  const root = resolve(ctx.io.cwd ?? process.cwd(), dir);
  const yml = readPluginYml(root);
  const args: Record<string, unknown> = {};
  if (flags.task) {
    const task = yml.tasks.find((t) => t.name === flags.task || t.defaultArgs["mode"] === flags.task);
    if (!task) throw new CliUsageError(`no task "${flags.task}" in ${yml.file} (tasks: ${yml.tasks.map((t) => t.name).join(", ") || "none"})`);
    Object.assign(args, task.defaultArgs);
  } else {
    if (!isHookTrigger(flags.hook!)) throw new CliUsageError(`--hook: "${flags.hook}" is not a Stash trigger (e.g. Scene.Update.Post)`);
    args["hookContext"] = { ...(flags.id ? { id: flags.id } : {}), type: flags.hook, input: null };
  }
  Object.assign(args, flags.args ?? {});
  const { url } = normalizeUrl(flags.url ?? ctx.io.env["STASH_URL"]);
  const input = synthesizeInput(ctx, root, new URL(url), args);
  const command = yml.exec.map((arg, i) => (i === 0 ? (arg === "node" ? process.execPath : arg) : arg.replaceAll("{pluginDir}", root)));
  const { stdout, code } = await execute(ctx, command, input, ctx.apiKey(flags));
  let answer: { output?: unknown; error?: unknown };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    // Stash takes text that is not JSON as the output itself.
    answer = { output: stdout };
  }
  if (typeof answer.error === "string") throw new CliExit(EXIT.failure, `plugin error: ${answer.error}`);
  await ctx.out(`${JSON.stringify(answer.output ?? null, null, 2)}\n`);
  if (code !== 0) throw new CliExit(EXIT.failure, `plugin exited with code ${code}`);
}

/** Registers `plugin init` and `plugin run`. */
export function registerPlugin(program: Command, ctx: CliContext): void {
  const plugin = program.command("plugin").description("Write Stash plugins in TypeScript");
  plugin
    .command("init")
    .description("Scaffold a TypeScript Stash plugin: <id>.yml, src/index.ts, package.json (esbuild bundle)")
    .argument("<dir>", "folder to create the plugin in")
    .requiredOption("--id <id>", "plugin id: the yml's file name", pluginId)
    .option("--name <name>", "display name (default: the id)")
    .option("--force", "overwrite existing files")
    .action((dir: string, flags: InitFlags) => init(ctx, dir, flags));
  const runCmd = plugin
    .command("run")
    .description("Run a built plugin's task (or hook) against a server, as Stash would, printing its log and output")
    .argument("<dir>", "the plugin folder (holding <id>.yml)")
    .option("--task <name>", "task name or mode")
    .option("--hook <trigger>", "run the hook for this trigger instead, e.g. Scene.Create.Post")
    .option("--id <id>", "with --hook: the object id in the hook context", objectId)
    .option("--args <json>", "extra args as a JSON object (or @file)", jsonObject)
    .addHelpText("after", "\nExample:\n  stash-gql plugin run ./my-plugin --task hello --url http://localhost:9999\n");
  addConnectionOptions(runCmd).action((dir: string, flags: RunFlags) => run(ctx, dir, flags));
}
