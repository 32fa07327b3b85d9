/** Reads a server's capabilities as a per-method verdict, for the CLI's `compat` command and for scripts. */
import type { Capabilities } from "./capabilities";
import { methodOperations } from "../../generated/method-operations";
import { operationMinVersion } from "../../generated/compat";

/** Whether one StashClient method works on the server, and if not, why. */
export interface MethodSupport {
  readonly method: string;
  readonly works: boolean;
  /** Operations the method needs that the server lacks. */
  readonly missing: readonly string[];
  /** The oldest committed release that has everything the method needs. */
  readonly firstRelease: string | null;
}

/** One verdict per StashClient method, in a stable order. */
export function methodSupport(caps: Capabilities): MethodSupport[] {
  return Object.entries(methodOperations).map(([method, operations]) => {
    const missing = caps.meetsMinimum ? operations.filter((op) => !caps.supports(op)) : [...operations];
    const releases = operations.map((op) => operationMinVersion[op] ?? null);
    const firstRelease = releases.reduce<string | null>((latest, r) => (r !== null && (latest === null || r > latest) ? r : latest), null);
    return { method, works: missing.length === 0 && caps.meetsMinimum, missing, firstRelease };
  });
}
