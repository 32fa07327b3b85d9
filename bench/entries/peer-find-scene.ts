// Bundle-size entry: the same app written with stashapp-api, asking for the same fields.
import { StashClient } from "stashapp-api";
import { sceneDataSelection } from "../lib/peer-selection";

const stash = new StashClient({ url: process.env["STASH_URL"] ?? "http://localhost:9999", apiKey: process.env["STASH_API_KEY"] ?? "" });
console.log(await stash.query({ findScene: { __args: { id: "1" }, ...sceneDataSelection } }));
