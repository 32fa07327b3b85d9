/** The installed stashapp-api version, for the record. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";

/** Version from node_modules/stashapp-api/package.json, or "unknown". */
export function peerVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", "stashapp-api", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
