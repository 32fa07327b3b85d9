import { describe, expect, it } from "vitest";
import { gql, gqlData, withStandIn } from "./helpers/standin";

const stash = withStandIn();

const SAVE = `mutation($input: SaveFilterInput!) { saveFilter(input: $input) { id mode name filter find_filter { q page per_page sort direction } object_filter ui_options } }`;
const LIST = `query($mode: FilterMode) { findSavedFilters(mode: $mode) { id name mode } }`;

describe("stand-in saved filters", () => {
  it("saves, finds, updates and destroys a filter, keeping the maps as given", async () => {
    const objectFilter = { rating100: { value: 60, modifier: "GREATER_THAN" }, tags: { value: { items: [{ id: "1", label: "x" }] } } };
    const saved = await gqlData(stash(), SAVE, {
      input: { mode: "SCENES", name: "  Best  ", find_filter: { q: "beach", sort: "date", direction: "DESC" }, object_filter: objectFilter, ui_options: { display_mode: 1 } },
    });
    const f = saved.saveFilter;
    expect(f).toEqual({
      id: f.id,
      mode: "SCENES",
      name: "Best",
      filter: "",
      find_filter: { q: "beach", page: null, per_page: null, sort: "date", direction: "DESC" },
      object_filter: objectFilter,
      ui_options: { display_mode: 1 },
    });
    const found = await gqlData(stash(), `query($id: ID!) { findSavedFilter(id: $id) { name object_filter } }`, { id: f.id });
    expect(found.findSavedFilter).toEqual({ name: "Best", object_filter: objectFilter });

    const updated = await gqlData(stash(), SAVE, { input: { id: f.id, mode: "SCENES", name: "Better" } });
    expect(updated.saveFilter).toMatchObject({ id: f.id, name: "Better", find_filter: null, object_filter: null });

    await gqlData(stash(), `mutation($id: ID!) { destroySavedFilter(input: { id: $id }) }`, { id: f.id });
    expect((await gqlData(stash(), `query($id: ID!) { findSavedFilter(id: $id) { id } }`, { id: f.id })).findSavedFilter).toBeNull();
    const again = await gql(stash(), `mutation($id: ID!) { destroySavedFilter(input: { id: $id }) }`, { id: f.id });
    expect(again.body.errors?.[0]?.message).toBe(`id ${f.id} does not exist in saved_filters`);
  });

  it("lists by mode sorted by name (groups and movies together), and all filters in id order", async () => {
    for (const [mode, name] of [
      ["PERFORMERS", "zeta"],
      ["PERFORMERS", "Alpha"],
      ["GROUPS", "g1"],
      ["MOVIES", "m1"],
    ]) {
      await gqlData(stash(), SAVE, { input: { mode, name } });
    }
    const performers = await gqlData(stash(), LIST, { mode: "PERFORMERS" });
    expect(performers.findSavedFilters.map((f: { name: string }) => f.name)).toEqual(["Alpha", "zeta"]);
    const groups = await gqlData(stash(), LIST, { mode: "GROUPS" });
    expect(groups.findSavedFilters.map((f: { name: string; mode: string }) => `${f.mode}:${f.name}`)).toEqual(["GROUPS:g1", "MOVIES:m1"]);
    const all = await gqlData(stash(), LIST, {});
    const ids = all.findSavedFilters.map((f: { id: string }) => Number(f.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(all.findSavedFilters.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses a blank name and a (mode, name) pair that exists", async () => {
    const blank = await gql(stash(), SAVE, { input: { mode: "TAGS", name: " " } });
    expect(blank.body.errors?.[0]?.message).toBe("name must be non-empty");
    await gqlData(stash(), SAVE, { input: { mode: "TAGS", name: "Twice" } });
    const dup = await gql(stash(), SAVE, { input: { mode: "TAGS", name: "Twice" } });
    expect(dup.body.errors?.[0]?.message).toBe("UNIQUE constraint failed: saved_filters.mode, saved_filters.name");
    // The same name under another mode is a different filter.
    await gqlData(stash(), SAVE, { input: { mode: "STUDIOS", name: "Twice" } });
  });

  it("keeps the deprecated default filter in the UI configuration", async () => {
    const set = `mutation($input: SetDefaultFilterInput!) { setDefaultFilter(input: $input) }`;
    const find = `query { findDefaultFilter(mode: IMAGES) { id name mode find_filter { sort per_page } object_filter } }`;
    expect((await gqlData(stash(), find)).findDefaultFilter).toBeNull();
    await gqlData(stash(), set, { input: { mode: "IMAGES", find_filter: { sort: "title", per_page: 40 }, object_filter: { organized: true } } });
    expect((await gqlData(stash(), find)).findDefaultFilter).toEqual({
      id: "0",
      name: "",
      mode: "IMAGES",
      find_filter: { sort: "title", per_page: 40 },
      object_filter: { organized: true },
    });
    const ui = await gqlData(stash(), `query { configuration { ui } }`);
    expect(ui.configuration.ui.defaultFilters.images.mode).toBe("IMAGES");
    await gqlData(stash(), set, { input: { mode: "IMAGES" } });
    expect((await gqlData(stash(), find)).findDefaultFilter).toBeNull();
  });

  it("seeds saved filters from a fixture and refuses an unknown mode by record", async () => {
    const ids = await stash().seed({ saved_filters: [{ mode: "GALLERIES", name: "Seeded", find_filter: { per_page: 60 }, object_filter: { organized: true } }] });
    const found = await gqlData(stash(), `query($id: ID!) { findSavedFilter(id: $id) { mode name find_filter { per_page q } object_filter } }`, { id: ids.savedFilters[0] });
    expect(found.findSavedFilter).toEqual({ mode: "GALLERIES", name: "Seeded", find_filter: { per_page: 60, q: null }, object_filter: { organized: true } });
    await expect(stash().seed({ saved_filters: [{ mode: "WIDGETS", name: "x" }] })).rejects.toThrow(/^invalid fixture: saved_filters\[0\]\.mode must be one of/);
  });
});
