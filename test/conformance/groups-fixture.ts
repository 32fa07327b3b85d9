/**
 * The group library of test/conformance/cases/groups.md: groups with tags, urls and
 * a studio, a parent with one sub-group and a chain of three. Every optional
 * field is set by its own groupUpdate so a refused field fails only its own cases.
 */
import { create, Labels, updateEach } from "./fixture-builder";
import type { Conformance } from "./harness";

/** Labels of everything the group fixture builds. */
export interface GroupLibrary {
  readonly groups: Labels;
  readonly tags: Labels;
  readonly studios: Labels;
}

/** Group names by label. */
export const GROUP_NAMES: Readonly<Record<string, string>> = {
  GA: "group_0001_Name",
  GB: "group_0002_Name",
  GC: "group three tags",
  GD: "group one tag",
  GU: "group urls",
  GP: "group parent",
  GK: "group kid",
  GT: "group top",
  GM: "group middle",
  GBT: "group bottom",
};

/** Group urls by label. */
export const GROUP_URLS: Readonly<Record<string, readonly string[]>> = {
  GA: ["https://example.org/group_0001_URL"],
  GB: ["https://example.org/group_0002_URL"],
  GU: ["aaa", "bbb"],
};

/** Builds the group library. */
export async function buildGroupLibrary(c: Conformance): Promise<GroupLibrary> {
  const lib: GroupLibrary = { groups: new Labels(), tags: new Labels(), studios: new Labels() };
  for (const name of ["gt", "gt1", "gt2", "gt3"]) lib.tags.set(name, await create(c, "tag", { name }));
  lib.studios.set("studio g", await create(c, "studio", { name: "studio g" }));
  for (const [label, name] of Object.entries(GROUP_NAMES)) lib.groups.set(label, await create(c, "group", { name }));
  const t = (...names: string[]) => lib.tags.ids(...names);
  const g = (label: string) => lib.groups.id(label);
  const fields: Record<string, Record<string, unknown>> = {
    GA: { studio_id: lib.studios.id("studio g"), urls: GROUP_URLS.GA, tag_ids: t("gt") },
    GB: { urls: GROUP_URLS.GB, tag_ids: t("gt1", "gt2") },
    GC: { tag_ids: t("gt1", "gt2", "gt3") },
    GD: { tag_ids: t("gt1") },
    GU: { urls: GROUP_URLS.GU },
    GP: { sub_groups: [{ group_id: g("GK") }] },
    GT: { sub_groups: [{ group_id: g("GM") }] },
    GM: { sub_groups: [{ group_id: g("GBT") }] },
  };
  for (const [label, set] of Object.entries(fields)) await updateEach(c, "group", g(label), set, "group");
  const clip = (i: number) => ({ path: `/lib/groups/clip_${i}.mp4`, size: 1000 * i, duration: 60, width: 640, height: 480 });
  await c.standIn.seed({
    scenes: [
      { title: "group scene one", groups: [GROUP_NAMES.GA!], files: [clip(1)] },
      { title: "group scene two", groups: [GROUP_NAMES.GA!], files: [clip(2)] },
      { title: "group scene three", groups: [GROUP_NAMES.GB!], files: [clip(3)] },
    ],
  });
  return lib;
}
