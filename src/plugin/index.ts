/**
 * `stash-graphql-client/plugin`: write Stash plugins in TypeScript. `runPlugin`
 * does a raw-interface plugin's whole run; `readPluginInput`,
 * `StashClient.fromPluginInput` and `createPluginLog` are the parts, for
 * plugins that want no runner.
 */
export { runPlugin } from "./run";
export type { HookHandler, PluginDefinition, PluginHandlerContext, PluginIo, PluginRunResult, TaskHandler } from "./run";
export { checkPluginInput, parsePluginInput, readPluginInput } from "./input";
export type { InputStream, PluginInput, PluginServerConnection, PluginSessionCookie } from "./input";
export { createPluginLog, decodeLogLine, encodeLogLines } from "./log";
export type { DecodedLogLine, LogSink, PluginLog } from "./log";
export { pluginClientOptions, pluginServerUrl } from "./connection";
export type { PluginClientOptions } from "./connection";
export { hookTriggers, isHookTrigger, readHookContext } from "./hook-context";
export type { HookContext, HookContextOf, HookInputs, HookTrigger, HookUpdateTrigger } from "./hook-context";
export { pluginIdFromDir } from "./settings";
export { StashClient } from "../stash-client";
export type { PluginSettings } from "../plugins/plugins";
