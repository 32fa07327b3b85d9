// Bundle-size entry: what an app that reads one scene with this SDK ships.
import { StashClient } from "../../src/index";

const stash = new StashClient({ url: process.env["STASH_URL"], apiKey: process.env["STASH_API_KEY"] });
console.log(await stash.findScene("1"));
