/**
 * Which mutation fires which trigger with which `hookContext`, derived from
 * generated/hooks.ts (read from Stash's resolvers at v0.30.1 by
 * scripts/derive-hooks.ts) rather than listed per entity: a mutation resolver
 * the stand-in gains later fires its hooks with no change here.
 *
 * The objects a firing concerns come from the answer (creates, updates, merges:
 * its `id`, or each element's for bulk forms) or, for destroys answering a
 * boolean, from the argument (`id`, `ids`, or the id list itself). Destroy
 * structs add file facts of the object as it was (pkg/plugin/hooks.go).
 */
import { hookFirings, hookTriggers, type HookFiring } from "../../generated/hooks";
import type { StandInContext } from "./context";
import { galleryChapterView, galleryView } from "./present-gallery";
import { groupView, movieView } from "./present-group";
import { imageView } from "./present-image";
import { performerView } from "./present-performer";
import { markerView, sceneView } from "./present-scene";
import { studioView } from "./present-studio";
import { tagView } from "./present-tag";
import type { TableName, TableRecords } from "./tables";

/** One trigger firing: the object id, the input Stash hands over, and the input's field names (updates only). */
export interface HookEvent {
  trigger: string;
  id: number;
  input: unknown;
  inputFields: string[] | null;
}

type Args = Record<string, any>;

/** Converts a value to what Go marshals for the mutation argument `arg` (see plugin-hooks.ts goInput). */
export type FullInput = (value: unknown, arg?: string) => unknown;

/** How a mutation fires hooks: `before` snapshots what a destroy removes; `after` lists the firings. */
export interface HookSpec {
  before?(args: Args, ctx: StandInContext): unknown;
  after(args: Args, result: unknown, full: FullInput, before: unknown): HookEvent[];
  /** Re-reads the answer once hooks ran (the resolvers' `getScene` after ExecutePostHooks). */
  refetch?(ctx: StandInContext, result: unknown): unknown;
}

const idOf = (view: unknown) => Number((view as { id: string }).id);
const fieldsOf = (input: unknown) => (input && typeof input === "object" ? Object.keys(input) : []);

/** File facts a destroy struct adds, keyed by its JSON field names. */
type Facts = Record<string, string>;

const md5Of = (fingerprints: readonly { type: string; value: string }[]) => fingerprints.find((f) => f.type === "md5")?.value ?? "";

/** The facts of one object before it goes, by the trigger's entity (Scene, Image, Gallery). */
function factsOf(ctx: StandInContext, trigger: string, id: number): Facts | null {
  const { store } = ctx;
  if (trigger.startsWith("Scene.")) {
    const scene = store.get("scenes", id);
    if (!scene) return null;
    const file = scene.fileIds[0] === undefined ? undefined : store.get("files", scene.fileIds[0]);
    return { checksum: file?.md5 ?? "", oshash: file?.oshash ?? "", path: file?.path ?? "" };
  }
  if (trigger.startsWith("Image.")) {
    const image = store.get("images", id);
    if (!image) return null;
    const file = image.fileIds[0] === undefined ? undefined : store.get("imageFiles", image.fileIds[0]);
    return { checksum: file ? md5Of(file.fingerprints) : "", path: file?.path ?? "" };
  }
  if (trigger.startsWith("Gallery.")) {
    const gallery = store.get("galleries", id);
    if (!gallery) return null;
    const zip = gallery.fileIds[0] === undefined ? undefined : store.get("galleryFiles", gallery.fileIds[0]);
    const folder = gallery.folderId === null ? undefined : store.get("folders", gallery.folderId);
    return { checksum: zip ? md5Of(zip.fingerprints) : "", path: zip?.path ?? folder?.path ?? "" };
  }
  return {};
}

/** The ids a destroy's argument names: `{id}`, `{ids}`, an id list, or one id. */
function argumentIds(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  if (value && typeof value === "object") {
    const v = value as Args;
    if (Array.isArray(v.ids)) return v.ids.map(Number);
    if (v.id !== undefined) return [Number(v.id)];
    return [];
  }
  return value === undefined || value === null ? [] : [Number(value)];
}

/** The objects a firing concerns, each with the input fields its part of the argument set. */
function targets(firing: HookFiring, args: Args, result: unknown): { id: number; fields: string[] }[] {
  const arg = firing.argument === null ? undefined : args[firing.argument];
  if (Array.isArray(result)) {
    // ScenesUpdate-style lists pair each answer with its own input; bulk forms share one.
    return result.map((v, i) => ({ id: idOf(v), fields: fieldsOf(Array.isArray(arg) ? arg[i] : arg) }));
  }
  if (result && typeof result === "object") return [{ id: idOf(result), fields: fieldsOf(arg) }];
  return argumentIds(arg).map((id) => ({ id, fields: [] }));
}

/** A spec for every firing of one mutation, in Stash's call order per object. */
function derivedSpec(firings: readonly (HookFiring & { trigger: string })[]): HookSpec {
  // The image hooks of galleryDestroy hand over a zero-valued struct for images found in Go; the stand-in cannot see those.
  const usable = firings.filter((f) => !(f.input === "struct" && f.argument === null)).sort((a, b) => a.call - b.call);
  const structs = usable.filter((f) => f.input === "struct");
  return {
    before: structs.length
      ? (args, ctx) => {
          const facts = new Map<string, Facts | null>();
          for (const f of structs) for (const { id } of targets(f, args, true)) facts.set(`${f.trigger}#${id}`, factsOf(ctx, f.trigger, id));
          return facts;
        }
      : undefined,
    after(args, result, full, before) {
      const events: HookEvent[] = [];
      const perObject = new Map<number, HookEvent[]>();
      for (const f of usable) {
        for (const { id, fields } of targets(f, args, result)) {
          let input: unknown = null;
          if (f.input === "argument") input = full(args[f.argument!], f.argument!);
          else if (f.input === "wrapped") input = [args[f.argument!]];
          else if (f.input === "struct") {
            const facts = (before as Map<string, Facts | null>).get(`${f.trigger}#${id}`);
            if (!facts) continue; // Stash fails the destroy of a missing object before any hook
            input = { ...(full(args[f.argument!], f.argument!) as object), ...Object.fromEntries(f.extraFields.map((k) => [k, facts[k] ?? ""])) };
          }
          const list = perObject.get(id) ?? [];
          list.push({ trigger: f.trigger, id, input, inputFields: f.inputFields ? fields : null });
          perObject.set(id, list);
        }
      }
      for (const list of perObject.values()) events.push(...list);
      return events;
    },
  };
}

type Reread = (ctx: StandInContext, id: number) => unknown;
const reread =
  <T extends TableName>(table: T, view: (ctx: StandInContext, record: TableRecords[T]) => unknown): Reread =>
  (ctx, id) => {
    const record = ctx.store.get(table, id);
    return record === undefined ? undefined : view(ctx, record);
  };

/** How to read an answer's object again, by its GraphQL type. */
const REREAD: Readonly<Record<string, Reread>> = {
  Scene: reread("scenes", sceneView),
  SceneMarker: reread("markers", markerView),
  Tag: reread("tags", tagView),
  Performer: reread("performers", performerView),
  Studio: reread("studios", studioView),
  Group: reread("groups", groupView),
  Movie: reread("groups", movieView),
  Gallery: reread("galleries", galleryView),
  GalleryChapter: reread("galleryChapters", galleryChapterView),
  Image: reread("images", imageView),
};

/**
 * Re-reads the answer once hooks ran, so it shows what they changed: every
 * resolver calls its getter after ExecutePostHooks, bulk forms per object
 * (e.g. resolver_mutation_tag.go TagUpdate and BulkTagUpdate). An object a
 * hook removed keeps the answer the mutation had.
 */
function refetchAnswer(ctx: StandInContext, answer: unknown): unknown {
  if (Array.isArray(answer)) return answer.map((v) => refetchAnswer(ctx, v));
  if (!answer || typeof answer !== "object") return answer;
  const again = REREAD[(answer as { __typename?: string }).__typename ?? ""];
  return again?.(ctx, idOf(answer)) ?? answer;
}

/** Builds the spec of every mutation generated/hooks.ts names. */
function buildSpecs(): Record<string, HookSpec> {
  const byMutation = new Map<string, (HookFiring & { trigger: string })[]>();
  for (const trigger of hookTriggers) {
    for (const f of hookFirings[trigger]) {
      if (f.mutation === null) continue;
      byMutation.set(f.mutation, [...(byMutation.get(f.mutation) ?? []), { ...f, trigger }]);
    }
  }
  const specs: Record<string, HookSpec> = {};
  for (const [mutation, firings] of byMutation) specs[mutation] = { ...derivedSpec(firings), refetch: refetchAnswer };
  // SceneCreate fires from pkg/scene/create.go (RegisterPostHooks with no input), outside the resolver file.
  specs.sceneCreate = { after: (_a, result) => [{ trigger: "Scene.Create.Post", id: idOf(result), input: null, inputFields: null }], refetch: refetchAnswer };
  return specs;
}

/** The mutations that fire hooks, by root field. */
export const HOOK_SPECS: Readonly<Record<string, HookSpec>> = buildSpecs();
