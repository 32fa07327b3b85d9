/**
 * `configuration` and the `configure*` / `generateAPIKey` mutations over the
 * instance's ConfigStore (config.ts). Each mutation answers with the section
 * it changed, as resolver_mutation_configure.go returns make*Result().
 */
import type { ResolverModule } from "./context";

/** The configuration root fields. */
export const configResolvers: ResolverModule = {
  Query: {
    // resolver_query_configuration.go makeConfigResult; `plugins(include)` is a field resolver there too.
    configuration: (_args, ctx) => ({
      general: ctx.config.section("general"),
      interface: ctx.config.section("interface"),
      dlna: ctx.config.section("dlna"),
      scraping: ctx.config.section("scraping"),
      defaults: ctx.config.section("defaults"),
      ui: ctx.config.section("ui"),
      plugins: (args: { include?: string[] | null }) => ctx.config.pluginSettings(args.include),
    }),
  },
  Mutation: {
    configureGeneral: ({ input }, ctx) => {
      const general = ctx.config.configureGeneral(input);
      // The log level setting decides which lines the log cache keeps from now on.
      const level = (general as { logLevel?: unknown }).logLevel;
      if (level === "Trace" || level === "Debug" || level === "Info" || level === "Warning" || level === "Error") ctx.logs.level = level;
      return general;
    },
    configureInterface: ({ input }, ctx) => ctx.config.configureInterface(input),
    configureDLNA: ({ input }, ctx) => ctx.config.configureDLNA(input),
    configureScraping: ({ input }, ctx) => ctx.config.configureScraping(input),
    configureDefaults: ({ input }, ctx) => ctx.config.configureDefaults(input),
    configureUI: ({ input, partial }, ctx) => ctx.config.configureUI(input, partial),
    configureUISetting: ({ key, value }, ctx) => ctx.config.configureUISetting(key, value),
    configurePlugin: ({ plugin_id, input }, ctx) => ctx.config.configurePlugin(String(plugin_id), input),
    generateAPIKey: ({ input }, ctx) => ctx.config.generateAPIKey(input?.clear),
  },
};
