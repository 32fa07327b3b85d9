/**
 * `npm run docs` keeps building: typedoc.json treats warnings as errors, so an
 * unexported public type fails here. Runs the steps of typedoc's CLI (read the
 * config, convert, validate, render the HTML) through its API, in-process,
 * and fails on any warning or error from any step.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Application, Logger, LogLevel, PackageJsonReader, TSConfigReader, TypeDocReader } from "typedoc";
import { expect, it } from "vitest";

/** Keeps every warning and error, so a failure names them. */
class CollectingLogger extends Logger {
  readonly messages: string[] = [];
  override log(message: string, level: LogLevel): void {
    if (level >= LogLevel.Warn) this.messages.push(`${LogLevel[level]}: ${message}`);
  }
}

it("typedoc builds the API reference without warnings", async () => {
  const out = mkdtempSync(join(tmpdir(), "stash-docs-"));
  try {
    // The readers `typedoc` itself uses, minus command-line arguments: typedoc.json, package.json, tsconfig.json.
    const app = await Application.bootstrapWithPlugins({ out }, [new TypeDocReader(), new PackageJsonReader(), new TSConfigReader()]);
    expect(app.options.getValue("treatWarningsAsErrors")).toBe(true);
    expect([app.logger.errorCount, app.logger.warningCount], "typedoc options").toEqual([0, 0]);
    const logger = new CollectingLogger();
    app.logger = logger;
    const project = await app.convert();
    expect(project, logger.messages.join("\n")).toBeDefined();
    app.validate(project!);
    await app.generateOutputs(project!);
    expect(logger.messages).toEqual([]);
    expect(existsSync(join(out, "index.html"))).toBe(true);
    const pages = readdirSync(out, { recursive: true }).map(String);
    for (const name of ["StashClient", "startStandIn", "FindSceneDocument"]) expect(pages.some((p) => p.includes(name)), name).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
