/**
 * Stash-box submissions and batch tagging (internal/api/resolver_mutation_stash_box.go).
 * The endpoint is resolved against `general.stashBoxes` exactly as Stash
 * does (internal/api/stash_box.go), so input errors read the same; a
 * resolved endpoint then fails because the stand-in never goes online.
 */
import type { ResolverModule, RootResolver, StandInContext } from "./context";
import { parseId, parseIds } from "./ids";
import { converting } from "./scene-input";

type Box = { endpoint: string; name?: string };

/** resolveStashBoxFn: the endpoint wins over the index; `indexField` names the index in errors. */
function resolveBox(ctx: StandInContext, index: unknown, endpoint: unknown, indexField: string): Box {
  const boxes = ((ctx.config.section("general") as Record<string, unknown>).stashBoxes as Box[] | undefined) ?? [];
  if (endpoint != null) {
    const box = boxes.find((b) => b.endpoint.toLowerCase() === String(endpoint).toLowerCase());
    if (!box) throw new Error("stash box not found");
    return box;
  }
  if (index != null) {
    const i = Number(index);
    if (i < 0 || i >= boxes.length) throw new Error(`invalid ${indexField} ${i}`);
    return boxes[i]!;
  }
  throw new Error("stash_box_endpoint not provided");
}

function offline(box: Box): Error {
  return new Error(`the stand-in cannot reach stash-box ${box.endpoint}`);
}

const submitStashBoxFingerprints: RootResolver = (args, ctx) => {
  const box = resolveBox(ctx, args.input.stash_box_index, args.input.stash_box_endpoint, "stash_box_index");
  parseIds(args.input.scene_ids);
  throw offline(box);
};

function draft(table: "scenes" | "performers"): RootResolver {
  return (args, ctx) => {
    const box = resolveBox(ctx, args.input.stash_box_index, args.input.stash_box_endpoint, "stash_box_index");
    const id = converting("id", () => parseId(args.input.id));
    if (!ctx.store.has(table, id)) throw new Error(`${table === "scenes" ? "scene" : "performer"} with id ${id} not found`);
    throw offline(box);
  };
}

function batchTag(kind: "performers" | "studios"): RootResolver {
  return (args, ctx) => {
    const box = resolveBox(ctx, args.input.endpoint, args.input.stash_box_endpoint, "endpoint");
    return ctx.jobs.enqueue(`Batch stash-box ${kind === "performers" ? "performer" : "studio"} tag...`, async (job) => {
      job.log("Error", offline(box).message);
    });
  };
}

/** Stash-box mutations. */
export const stashBoxResolvers: ResolverModule = {
  Mutation: {
    submitStashBoxFingerprints,
    submitStashBoxSceneDraft: draft("scenes"),
    submitStashBoxPerformerDraft: draft("performers"),
    stashBoxBatchPerformerTag: batchTag("performers"),
    stashBoxBatchStudioTag: batchTag("studios"),
  },
};
