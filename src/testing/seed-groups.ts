/**
 * Seeds a fixture's group details and sub-groups, saved filters and folders
 * (inside seedStore's transaction, after the named entities exist). Folders
 * of every seeded file are created too, as Stash's scanner leaves them.
 */
import type { Fixture, SeedResult } from "./fixture";
import type { FixtureGroup } from "./fixture-groups";
import { ensureFolders } from "./file-access";
import { addSubGroupLinks, checkHierarchy, containingLinks } from "./group-hierarchy";
import type { Store } from "./store";

/** Name → id lookups of the surrounding seed (creating unknown entities). */
export interface GroupSeedNames {
  readonly group: (name: string) => number;
  readonly tag: (name: string) => number;
  readonly studio: (name: string) => number;
}

function seedGroup(store: Store, group: Exclude<FixtureGroup, string>, names: GroupSeedNames, path: string): void {
  const id = names.group(group.name);
  store.patch("groups", id, {
    ...(group.aliases !== undefined ? { aliases: group.aliases.trim() } : {}),
    ...(group.duration !== undefined ? { duration: group.duration } : {}),
    ...(group.date !== undefined ? { date: group.date } : {}),
    ...(group.rating100 !== undefined ? { rating100: group.rating100 } : {}),
    ...(group.director !== undefined ? { director: group.director.trim() } : {}),
    ...(group.synopsis !== undefined ? { synopsis: group.synopsis.trim() } : {}),
    ...(group.urls !== undefined ? { urls: group.urls.map((u) => u.trim()) } : {}),
    ...(group.studio !== undefined ? { studioId: group.studio === null ? null : names.studio(group.studio) } : {}),
    ...(group.tags !== undefined ? { tagIds: [...new Set(group.tags.map((t) => names.tag(t)))] } : {}),
    ...(group.front_image !== undefined || group.back_image ? { hasFrontImage: Boolean(group.front_image || group.back_image) } : {}),
    ...(group.back_image !== undefined ? { hasBackImage: group.back_image } : {}),
  });
  const subs = (group.sub_groups ?? []).map((s) =>
    typeof s === "string" ? { groupId: names.group(s), description: "" } : { groupId: names.group(s.name), description: (s.description ?? "").trim() },
  );
  const current = store.get("groups", id)!.subGroups;
  try {
    // Groups seeded earlier may already contain this one.
    checkHierarchy(store, id, containingLinks(store, id).map((l) => l.groupId), [...current.map((l) => l.groupId), ...subs.map((s) => s.groupId)]);
  } catch (err) {
    throw new Error(`invalid fixture: ${path}.sub_groups ${(err as Error).message}`);
  }
  addSubGroupLinks(
    store,
    id,
    subs.filter((s, i) => !current.some((l) => l.groupId === s.groupId) && subs.findIndex((o) => o.groupId === s.groupId) === i),
  );
}

/** Writes groups' details and sub-groups, saved filters and folders; ids go into `result`. */
export function seedGroupsAndFilters(store: Store, fixture: Fixture, names: GroupSeedNames, result: SeedResult): void {
  (fixture.groups ?? []).forEach((group, i) => {
    if (typeof group !== "string") seedGroup(store, group, names, `groups[${i}]`);
  });
  for (const filter of fixture.saved_filters ?? []) {
    const id = store.allocateId("savedFilters");
    store.put("savedFilters", {
      id,
      mode: filter.mode,
      name: filter.name.trim(),
      findFilter: filter.find_filter ?? null,
      objectFilter: filter.object_filter ?? null,
      uiOptions: filter.ui_options ?? null,
    });
    result.savedFilters.push(String(id));
  }
  for (const path of fixture.folders ?? []) store.folderId(path);
  ensureFolders(store);
  for (const folder of store.all("folders")) result.folders[folder.path] = String(folder.id);
}

