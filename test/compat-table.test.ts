import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compatReleases, deprecatedOperations, operationMinVersion, operationReleases } from "../generated/compat";
import { computeCompat, renderCompatMarkdown, renderCompatModule } from "../scripts/lib/compat";
import { projectPaths } from "../scripts/lib/paths";

const paths = projectPaths();
const result = computeCompat();

describe("compatibility table", () => {
  it("generated/compat.ts and docs/compatibility.md are fresh", () => {
    expect(readFileSync(`${paths.generated}/compat.ts`, "utf8")).toBe(renderCompatModule(result));
    expect(readFileSync(paths.compatDoc, "utf8")).toBe(renderCompatMarkdown(result));
  });

  it("checks every committed release snapshot, oldest first", () => {
    expect(compatReleases).toEqual(["v0.25.1", "v0.26.2", "v0.27.2", "v0.28.1", "v0.29.3", "v0.30.1"]);
  });

  it("knows the first release of version-dependent operations", () => {
    expect(operationMinVersion["SceneResetActivity"]).toBe("v0.27.2");
    expect(operationMinVersion["SceneMarkersDestroy"]).toBe("v0.28.1");
    expect(operationMinVersion["BulkSceneMarkerUpdate"]).toBe("v0.30.1");
    expect(operationMinVersion["FindScene"]).toBe("v0.28.1");
    expect(operationMinVersion["Version"]).toBe("v0.25.1");
  });

  it("every operation validates on the newest snapshot and from its first release on", () => {
    for (const [name, first] of Object.entries(operationMinVersion)) {
      expect(first, name).not.toBeNull();
      const supported = operationReleases[name] ?? [];
      expect(supported, name).toEqual(compatReleases.slice(compatReleases.indexOf(first as string)));
    }
  });

  it("marks the deprecated operations", () => {
    // Exactly the operations under operations/deprecated/, each selecting a root field Stash deprecates.
    expect([...deprecatedOperations].sort()).toEqual(result.rows.filter((r) => r.deprecated).map((r) => r.name).sort());
    expect(deprecatedOperations).toEqual(expect.arrayContaining(["AllScenes", "FindMovies", "SceneIncrementO", "SetDefaultFilter"]));
    expect(deprecatedOperations).toHaveLength(21);
    expect(readFileSync(paths.compatDoc, "utf8")).toContain("| AllScenes (deprecated) | query | v0.25.1 |");
  });

  it("explains why an operation needs its first release", () => {
    const row = result.rows.find((r) => r.name === "SceneMarkersDestroy");
    expect(row?.reason).toBe('Cannot query field "sceneMarkersDestroy" on type "Mutation".');
  });
});
