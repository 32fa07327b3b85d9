/**
 * Servers older than v0.30 reject `2024` and `2024-03` as dates. When the
 * client knows the server (its compatibility check is on), such dates are
 * refused before the request, with the field named, instead of after it.
 */
import type { CallOptions, StashCoreApi } from "./client";
import { supportsPartialDates } from "./capabilities";
import { StashValidationError } from "./errors";

const PARTIAL = /^\d{4}(-\d{2})?$/;

/** Throws when any of the named dates is partial and the server cannot store it. */
export async function guardPartialDates(
  core: StashCoreApi,
  dates: readonly { argument: string; value: unknown }[],
  options?: CallOptions,
): Promise<void> {
  const partial = dates.find((d) => typeof d.value === "string" && PARTIAL.test(d.value.trim()));
  if (!partial || !core.checksCompatibility || !core.capabilities) return;
  const caps = await core.capabilities(options?.signal ? { signal: options.signal } : {});
  if (supportsPartialDates(caps)) return;
  throw new StashValidationError(
    partial.argument,
    `"${String(partial.value)}" is a partial date, which Stash ${caps.version || "(this build)"} does not accept (partial dates need v0.30 or newer); use YYYY-MM-DD`,
  );
}
