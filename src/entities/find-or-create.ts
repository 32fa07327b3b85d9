/**
 * `findOrCreate` for named entities (tags, performers, studios): look the
 * name up the way Stash checks uniqueness, create only when nothing matches.
 * Concurrent calls of one client for the same name share one attempt, and a
 * create that loses a race against another client re-reads instead of failing.
 */
import type { CallOptions } from "../core/client";
import { StashError, StashValidationError } from "../core/errors";
import { checkObject, checkString } from "../core/validate";

/** What `findOrCreate` resolves with: the entity, and whether this call created it. */
export interface FindOrCreateResult<T> {
  readonly item: T;
  readonly created: boolean;
}

/** A named entity as findOrCreate compares it. */
export interface NamedEntity {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null;
  readonly alias_list?: readonly string[] | null;
  readonly disambiguation?: string | null;
}

/** How one namespace looks names up and creates. */
export interface FindOrCreateSpec<T extends NamedEntity> {
  /** Names the method in errors, e.g. `tags.findOrCreate`. */
  readonly operation: string;
  /** Candidates whose name or alias may equal `name` (the server's filter; compared again here). */
  readonly candidates: (name: string, options?: CallOptions) => Promise<readonly T[]>;
  readonly create: (input: Record<string, unknown>, options?: CallOptions) => Promise<T>;
  /** Checks the would-be create input up front, so bad input fails before any request. */
  readonly validate?: (input: Record<string, unknown>) => void;
  /** Whether the entity's identity includes a disambiguation (performers). */
  readonly disambiguates?: boolean;
}

/** Stash's uniqueness errors (pkg/tag/update.go, pkg/studio/validate.go, pkg/performer/validate.go). */
const CONFLICT = /already exists|is used as alias/i;

const fold = (s: string | null | undefined) => (s ?? "").trim().toLocaleLowerCase();

/** The first candidate whose name or an alias equals `name` case-insensitively (and whose disambiguation matches). */
export function pickMatch<T extends NamedEntity>(candidates: readonly T[], name: string, disambiguation: string | undefined): T | undefined {
  const wanted = fold(name);
  const names = (c: T) => [c.name, ...(c.aliases ?? []), ...(c.alias_list ?? [])].map(fold);
  const matches = candidates.filter((c) => names(c).includes(wanted) && (disambiguation === undefined || fold(c.disambiguation) === fold(disambiguation)));
  // An exact name beats an alias, so a rename leaves the old alias's owner second.
  return matches.find((c) => fold(c.name) === wanted) ?? matches[0];
}

/** The `findOrCreate(name, extra?, options?)` method of one namespace instance, with its own in-flight map. */
export function makeFindOrCreate<T extends NamedEntity>(spec: FindOrCreateSpec<T>) {
  // Per namespace instance, so two clients never share attempts.
  const inFlight = new Map<string, Promise<FindOrCreateResult<T>>>();

  const attempt = async (name: string, extra: Record<string, unknown>, options?: CallOptions): Promise<FindOrCreateResult<T>> => {
    const disambiguation = spec.disambiguates ? ((extra["disambiguation"] as string | undefined) ?? "") : undefined;
    const lookup = async () => pickMatch(await spec.candidates(name, options), name, disambiguation);
    const found = await lookup();
    if (found) return { item: found, created: false };
    try {
      return { item: await spec.create({ ...extra, name }, options), created: true };
    } catch (err) {
      if (!(err instanceof StashError) || !CONFLICT.test(err.message)) throw err;
      // Another client created it between our read and our create: read again.
      const winner = await lookup();
      if (winner) return { item: winner, created: false };
      throw err;
    }
  };

  return (name: string, extra: object = {}, options?: CallOptions): Promise<FindOrCreateResult<T>> => {
    try {
      const text = checkString(name, "name", { nonEmpty: true }).trim();
      const fields = checkObject(extra, "extra");
      if (fields["name"] !== undefined) throw new StashValidationError("extra.name", "is the first argument; leave it out of extra");
      if (fields["disambiguation"] != null) checkString(fields["disambiguation"], "extra.disambiguation");
      spec.validate?.({ ...fields, name: text });
      const key = `${fold(text)}\u0000${spec.disambiguates ? fold(fields["disambiguation"] as string | undefined) : ""}`;
      const pending = inFlight.get(key);
      // A caller joining an attempt in flight did not create anything itself.
      if (pending) return pending.then((r) => ({ item: r.item, created: false }));
      const run = attempt(text, fields, options).finally(() => inFlight.delete(key));
      inFlight.set(key, run);
      return run;
    } catch (err) {
      return Promise.reject(err);
    }
  };
}
