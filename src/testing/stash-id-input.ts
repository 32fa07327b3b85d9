/** One StashIDInput entry as Stash converts it (pkg/models/stash_ids.go ToStashID): `updated_at` is RFC3339 and defaults to now. */
import { parseRfc3339 } from "./dates";
import { formatTime, type StashIdRecord } from "./store";

/** A StashIDInput entry as a record; a bad `updated_at` is a `converting stash_ids` error. */
export function stashIdEntry(entry: Readonly<Record<string, unknown>>, now: string): StashIdRecord {
  let updatedAt = now;
  if (entry.updated_at != null) {
    const parsed = parseRfc3339(String(entry.updated_at));
    if (!parsed) throw new Error(`converting stash_ids: invalid updated_at ${JSON.stringify(entry.updated_at)}`);
    updatedAt = formatTime(parsed);
  }
  return { endpoint: String(entry.endpoint ?? ""), stashId: String(entry.stash_id ?? ""), updatedAt };
}
