// Bundle-size entry: what an app that reads one scene through the tree-shakable entries ships.
import { createStashCore } from "../../src/entries/core";
import { findScene } from "../../src/entries/scenes";

const core = createStashCore({ url: "http://localhost:9999", apiKey: "bench-key" });
console.log(await findScene(core, "1"));
