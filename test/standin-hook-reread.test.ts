/**
 * Every hooked mutation answers what its hooks left behind: Stash's resolvers
 * re-read the object after ExecutePostHooks (resolver_mutation_tag.go TagCreate
 * and BulkTagUpdate), not only the scene ones.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startStandIn, type StandIn } from "../src/testing/index";
import { gqlData } from "./helpers/standin";

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({
    plugins: [
      {
        id: "describer",
        exec: [process.execPath, fileURLToPath(new URL("./fixtures/plugins/tag-hook.mjs", import.meta.url))],
        hooks: [{ name: "Describe", triggeredBy: ["Tag.Create.Post", "Tag.Update.Post"] }],
      },
    ],
  });
});
afterAll(async () => {
  await standIn.plugins.idle();
  await standIn.close();
});

test("tagCreate and bulkTagUpdate answer the tags as the hook left them", async () => {
  const created = await gqlData(standIn, `mutation { tagCreate(input: { name: "Hooked" }) { id description } }`);
  expect(created.tagCreate.description).toBe("set by Tag.Create.Post");
  const plain = await gqlData(standIn, `mutation { tagCreate(input: { name: "Second", description: "mine" }) { id description } }`);
  expect(plain.tagCreate.description).toBe("mine");
  const bulk = await gqlData(standIn, `mutation($ids: [ID!]) { bulkTagUpdate(input: { ids: $ids, favorite: true }) { id description favorite } }`, {
    ids: [plain.tagCreate.id],
  });
  // The hook saw the favourite only after the bulk update committed; the answer is read after it ran.
  expect(bulk.bulkTagUpdate).toEqual([{ id: plain.tagCreate.id, description: "favorite seen", favorite: true }]);
});
