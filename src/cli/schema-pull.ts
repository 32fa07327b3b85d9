/** Entry point of `npm run schema:pull`: see `--help`. */
import { schemaPullCommand } from "../schema/command";

await schemaPullCommand().parseAsync(process.argv);
