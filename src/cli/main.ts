#!/usr/bin/env node
/** Entry point of the `stash-gql` binary: runs the CLI on the process and exits with its code. */
import { runCli } from "./program";
import { processIo } from "./io";

const interrupt = new AbortController();
const stop = (signal: NodeJS.Signals) => {
  // The first signal stops between requests (and `standin` closes its server); a second one leaves at once.
  interrupt.abort();
  process.once(signal, () => process.exit(130));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  // The reader went away (e.g. `| head`): stop quietly.
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

runCli(process.argv.slice(2), processIo(interrupt.signal)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`stash-gql: unexpected error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
