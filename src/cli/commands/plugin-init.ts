/**
 * The files `stash-gql plugin init` writes: a Stash plugin yml, a TypeScript
 * entry using `stash-graphql-client/plugin`, and a package.json whose build
 * bundles everything into `dist/<id>.js`, so the plugin folder runs on the
 * Stash machine with nothing but Node (no node_modules).
 */
import { SDK_VERSION } from "../sdk-version";

/** A plugin id as Stash takes it: the yml's file name. */
export const PLUGIN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The scaffold: relative path → content. */
export function pluginScaffold(id: string, name: string): Record<string, string> {
  const quoted = JSON.stringify(name);
  const yml = `# Stash plugin "${name}". Build with \`npm install && npm run build\`, then copy this folder
# (${id}.yml and dist/) into Stash's plugins folder and reload plugins.
name: ${quoted}
description: A Stash plugin written in TypeScript.
version: 0.1.0
# Stash starts exec from its own working directory, hence {pluginDir}.
exec:
  - node
  - "{pluginDir}/dist/${id}.js"
interface: raw
tasks:
  - name: Say hello
    description: Logs a greeting and counts the scenes.
    defaultArgs:
      mode: hello
hooks:
  - name: Log scene updates
    description: Logs which fields an update set.
    triggeredBy:
      - Scene.Update.Post
settings:
  greeting:
    displayName: Greeting
    description: What the task says.
    type: STRING
`;
  const index = `import { runPlugin } from "stash-graphql-client/plugin";

/** This plugin's settings (${id}.yml \`settings:\`); unset ones are absent. */
interface Settings {
  greeting: string;
}

runPlugin<Settings>({
  tasks: {
    // Picked by the task's \`defaultArgs: { mode: hello }\` in ${id}.yml.
    async hello({ stash, settings, log }) {
      const { count } = await stash.findScenes({ filter: { per_page: 0 } });
      log.info(\`\${settings.greeting ?? "Hello"}: \${count} scenes\`);
      log.progress(1);
      return { scenes: count };
    },
  },
  hooks: {
    "Scene.Update.Post": async ({ hook, log }) => {
      log.debug(\`scene \${hook.id} updated: \${hook.inputFields.join(", ")}\`);
    },
  },
});
`;
  const pkg = {
    name: `stash-plugin-${id.toLowerCase()}`,
    version: "0.1.0",
    private: true,
    description: `Stash plugin: ${name}`,
    scripts: {
      build: `esbuild src/index.ts --bundle --platform=node --target=node20 --format=cjs --outfile=dist/${id}.js`,
      typecheck: "tsc --noEmit",
    },
    dependencies: { "stash-graphql-client": `^${SDK_VERSION}` },
    devDependencies: { "@types/node": "^20.19.0", esbuild: "^0.25.12", typescript: "~5.9.3" },
  };
  const tsconfig = {
    compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true, types: ["node"], skipLibCheck: true },
    include: ["src"],
  };
  return {
    [`${id}.yml`]: yml,
    "src/index.ts": index,
    "package.json": `${JSON.stringify(pkg, null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify(tsconfig, null, 2)}\n`,
  };
}
