/**
 * What one filter evaluation reads besides the record at hand: the store,
 * the served schema (which picks each key's criterion), the specs of other
 * entities for sub-filters, and lookups built lazily. One env per request,
 * so a filter that needs no lookup pays nothing and nothing outlives the call.
 */
import type { GraphQLSchema } from "graphql";
import { formatTime, type Store } from "../store";
import type { AnySpec, Hierarchy } from "./types";

const PHASH_COUNTS = Symbol("phash counts");

/** Specs by input type name (`TagFilterType`, `MovieFilterType`, …). */
export type SpecRegistry = ReadonlyMap<string, AnySpec>;

/** Per-request evaluation state. */
export class FilterEnv {
  /** BETWEEN's default upper bound for dates and timestamps (Stash: now + 1 day). */
  readonly upperDefault: string;
  /** Lookups other modules build on first use (`lookup`), by key. */
  private readonly lookups = new Map<symbol, unknown>();

  constructor(
    readonly store: Store,
    readonly schema: GraphQLSchema,
    readonly registry: SpecRegistry,
  ) {
    this.upperDefault = formatTime(new Date(store.now().getTime() + 24 * 3600 * 1000));
  }

  /** A lookup built once per request: `build` runs the first time `key` is asked for. */
  lookup<T>(key: symbol, build: () => T): T {
    if (!this.lookups.has(key)) this.lookups.set(key, build());
    return this.lookups.get(key) as T;
  }

  /** Direct children in a hierarchy: child tags, child studios, sub-groups. */
  children(hierarchy: Hierarchy, id: number): readonly number[] {
    switch (hierarchy) {
      case "tags":
        return [...this.store.referrers("tagParents", id)];
      case "studios":
        return [...this.store.referrers("studioParent", id)];
      case "groups":
        return this.store.get("groups", id)?.subGroups.map((s) => s.groupId) ?? [];
    }
  }

  /** True when the scene has at least one marker. */
  hasMarkers(sceneId: number): boolean {
    return this.store.referrers("markerScene", sceneId).size > 0;
  }

  /** How many video files (attached or not) carry this phash. */
  phashCount(phash: string): number {
    const counts = this.lookup(PHASH_COUNTS, () => {
      const out = new Map<string, number>();
      for (const file of this.store.all("files")) if (file.phash) out.set(file.phash, (out.get(file.phash) ?? 0) + 1);
      return out;
    });
    return counts.get(phash) ?? 0;
  }

  /** The spec serving an input type; an unknown type is a stand-in gap, named by `path` (the key using it). */
  spec(typeName: string, path: string = typeName): AnySpec {
    const spec = this.registry.get(typeName);
    if (!spec) throw new Error(`${path} is not supported by the stand-in`);
    return spec;
  }
}
