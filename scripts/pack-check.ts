/**
 * `npm run pack:check`: packs once (`prepack` builds dist/), then runs publint
 * (strict) and attw (every resolution mode) on that tarball, and compiles the
 * scratch type consumers (scripts/lib/consumer-types.ts) against it. Exits 1 on
 * any problem; attw's and publint's own exit codes count, nothing is ignored.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTypeConsumers, consumerTypeDependencies, packedFilename, writeTypeConsumers } from "./lib/consumer-types";
import { repoRoot } from "./lib/paths";

const tmp = mkdtempSync(join(tmpdir(), "stash-pack-check-"));
const failures: string[] = [];
const step = (label: string, file: string, args: string[], cwd: string): string | undefined => {
  console.log(`\n> ${label}`);
  try {
    return execFileSync(file, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  } catch (err) {
    const out = (err as { stdout?: string }).stdout ?? "";
    console.log(out);
    failures.push(label);
    return undefined;
  }
};
try {
  const packed = step("npm pack (prepack builds dist/)", "npm", ["pack", "--json", "--pack-destination", tmp], repoRoot);
  if (!packed) throw new Error("npm pack failed");
  const tarball = join(tmp, packedFilename(packed));
  const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
  console.log(step("publint --strict", bin("publint"), ["run", tarball, "--strict"], repoRoot) ?? "");
  console.log(step("attw (all resolution modes)", bin("attw"), [tarball], repoRoot) ?? "");
  const project = join(tmp, "consumer");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  step("install the tarball into a scratch consumer", "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball, ...consumerTypeDependencies()], project);
  writeTypeConsumers(project, readFileSync(join(repoRoot, "README.md"), "utf8"));
  console.log("\n> tsc per resolution (strict, skipLibCheck: false)");
  for (const r of await checkTypeConsumers(project)) {
    console.log(`${r.code === 0 ? "ok  " : "FAIL"} ${r.name}${r.output ? `\n${r.output}` : ""}`);
    if (r.code !== 0) failures.push(`tsc ${r.name}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\npack:check failed: ${failures.join(", ")}`);
  process.exitCode = 1;
} else console.log("\npack:check: all green");
