/**
 * Stash's configuration: one typed read, and an update that sends only what
 * changed — one `configuration` read, then one `configure*` mutation per
 * section that has a changed key, none when nothing changed.
 */
import type { CallOptions, StashCore } from "../core/client";
import { StashValidationError } from "../core/errors";
import { checkInputForServer } from "../core/input-fields";
import { serverVersion } from "../core/server-version";
import { checkObject } from "../core/validate";
import type {
  ConfigDataFragment,
  ConfigDefaultSettingsInput,
  ConfigDLNAInput,
  ConfigGeneralInput,
  ConfigInterfaceInput,
  ConfigScrapingInput,
} from "../../generated/graphql";
import { changedKeys, checkInputKeys } from "./diff";

/** The whole configuration as `configuration { ...ConfigData }` returns it. */
export type StashConfig = ConfigDataFragment;

/** What `config.update` accepts: any sections, each with only the keys to set. */
export interface ConfigUpdate {
  general?: ConfigGeneralInput;
  interface?: ConfigInterfaceInput;
  dlna?: ConfigDLNAInput;
  scraping?: ConfigScrapingInput;
  defaults?: ConfigDefaultSettingsInput;
  /** The web UI's free-form settings; nested maps are merged into the current ones. */
  ui?: Record<string, unknown>;
}

/** The sections `config.update` accepts. */
export type ConfigSection = keyof ConfigUpdate;

type Input = Record<string, unknown>;

interface SectionRule {
  /** The schema input type its keys are checked against; none for the free-form `ui` map. */
  readonly type?: "ConfigGeneralInput" | "ConfigInterfaceInput" | "ConfigDLNAInput" | "ConfigScrapingInput" | "ConfigDefaultSettingsInput";
  /** Stash sets only the sub-fields sent (interface's nested objects, ui's nested maps) rather than replacing whole values. */
  readonly merging: boolean;
  readonly send: (core: StashCore, changes: Input, options?: CallOptions) => Promise<unknown>;
}

// Dispatch table: which mutation a section goes through. Keys within a section come from the schema, not from here.
const SECTIONS: { readonly [S in ConfigSection]-?: SectionRule } = {
  general: {
    type: "ConfigGeneralInput",
    merging: false,
    send: async (core, input, o) => (await core.ops.configureGeneral({ input }, o)).configureGeneral,
  },
  interface: {
    type: "ConfigInterfaceInput",
    merging: true,
    send: async (core, input, o) => (await core.ops.configureInterface({ input }, o)).configureInterface,
  },
  dlna: { type: "ConfigDLNAInput", merging: false, send: async (core, input, o) => (await core.ops.configureDLNA({ input }, o)).configureDLNA },
  scraping: {
    type: "ConfigScrapingInput",
    merging: false,
    send: async (core, input, o) => (await core.ops.configureScraping({ input }, o)).configureScraping,
  },
  defaults: {
    type: "ConfigDefaultSettingsInput",
    merging: false,
    send: async (core, input, o) => (await core.ops.configureDefaults({ input }, o)).configureDefaults,
  },
  // `partial` is merged (MergeMaps); `input` would replace the whole UI map.
  ui: { merging: true, send: async (core, partial, o) => (await core.ops.configureUI({ partial }, o)).configureUI },
};

const SECTION_NAMES = Object.keys(SECTIONS) as ConfigSection[];

/** The current configuration, typed. */
export async function getConfig(core: StashCore, options?: CallOptions): Promise<StashConfig> {
  return (await core.ops.configuration({}, options)).configuration;
}

/** Checks an update's sections and keys before any request; returns the sections given. */
function checkUpdate(update: unknown): [ConfigSection, Input][] {
  const given = checkObject(update, "update");
  const unknown = Object.keys(given).filter((k) => given[k] !== undefined && !(SECTION_NAMES as string[]).includes(k));
  if (unknown.length > 0) {
    throw new StashValidationError(
      "update",
      `unknown section${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}; allowed: ${SECTION_NAMES.join(", ")}` +
        (unknown.includes("plugins") ? " (plugin settings: stash.plugins.configure)" : ""),
    );
  }
  const sections: [ConfigSection, Input][] = [];
  for (const name of SECTION_NAMES) {
    const value = given[name];
    if (value === undefined) continue;
    const type = SECTIONS[name].type;
    if (type) checkInputKeys(type, value, `update.${name}`);
    sections.push([name, checkObject(value, `update.${name}`)]);
  }
  return sections;
}

/**
 * Changes the configuration, sending only what differs: one read, then one
 * `configure*` mutation per section with a changed key (only those keys),
 * none when nothing changed. Returns the new configuration. Unknown sections
 * or keys throw `StashValidationError` before any request. `null` cannot clear
 * a section key (Stash ignores null there); in `ui` it is stored as null.
 * Sections are sent one after another: if one fails, those before it stay changed.
 */
export async function updateConfig(core: StashCore, update: ConfigUpdate, options?: CallOptions): Promise<StashConfig> {
  const sections = checkUpdate(update);
  if (sections.length === 0) return getConfig(core, options);
  const current = await getConfig(core, options);
  const pending: [ConfigSection, Input][] = [];
  for (const [name, given] of sections) {
    const changes = changedKeys(given, current[name] as Input, { merging: SECTIONS[name].merging, keepNull: name === "ui" });
    if (changes) pending.push([name, changes]);
  }
  if (pending.length === 0) return current;
  // A key newer than the server's release fails here with a clear message, not as a 422.
  const server = await serverVersion(core, options);
  for (const [name, changes] of pending) {
    const type = SECTIONS[name].type;
    if (type) checkInputForServer(type, changes, `update.${name}`, server);
  }
  const next: Input = { ...current };
  for (const [name, changes] of pending) next[name] = await SECTIONS[name].send(core, changes, options);
  return next as StashConfig;
}

/** `stash.config`: the configuration namespace of `StashClient`. */
export interface ConfigNamespace {
  /** The current configuration, typed (`configuration { ...ConfigData }`). */
  get(options?: CallOptions): Promise<StashConfig>;
  /** Sends only the keys that differ from the current configuration; returns the new one. See `updateConfig`. */
  update(update: ConfigUpdate, options?: CallOptions): Promise<StashConfig>;
}

/** Builds the `stash.config` namespace over a core. */
export function createConfig(core: StashCore): ConfigNamespace {
  return {
    get: (options) => getConfig(core, options),
    update: (update, options) => updateConfig(core, update, options),
  };
}
