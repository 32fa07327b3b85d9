/** The Group view. */
import type { StandInContext } from "./context";
import { sceneView } from "./present-scene";
import type { GroupRecord, SceneRecord } from "./store";

function countScenes(ctx: StandInContext, test: (scene: SceneRecord) => boolean): number {
  let n = 0;
  for (const scene of ctx.store.all("scenes")) if (test(scene)) n++;
  return n;
}

/** A Group view. */
export function groupView(ctx: StandInContext, group: GroupRecord): Record<string, unknown> {
  const inGroup = (s: SceneRecord) => s.groups.some((g) => g.groupId === group.id);
  return {
    __typename: "Group",
    id: String(group.id),
    name: group.name,
    urls: [],
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    tags: [],
    containing_groups: [],
    sub_groups: [],
    sub_group_count: 0,
    performer_count: 0,
    scene_count: () => countScenes(ctx, inGroup),
    scenes: () => [...ctx.store.all("scenes")].filter(inGroup).map((s) => sceneView(ctx, s)),
  };
}
