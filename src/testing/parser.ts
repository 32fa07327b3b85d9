/**
 * parseSceneFilenames: matches a filename pattern against scenes' primary
 * file names and proposes titles, dates, ratings and related ids. The scenes
 * considered are those with any file path matching the pattern (paged by the
 * find filter); a scene whose primary name does not match is left out of the
 * page. Quirks kept from Stash: `rating` carries the 1-100 value, and a
 * yyyymmdd-style date is only proposed when the scene already has another date.
 */
import { asciiLower, likeMatcher } from "./criteria";
import type { FindFilterInput } from "./find-filter";
import { compilePattern, escapeParserChars, type ParseMapper, PARSER_FIELDS } from "./scene-parser-pattern";
import type { SceneRecord, Store } from "./store";

/** SceneParserInput. */
export interface SceneParserInput {
  readonly ignoreWords?: readonly string[] | null;
  readonly whitespaceCharacters?: string | null;
  readonly capitalizeTitle?: boolean | null;
  readonly ignoreOrganized?: boolean | null;
}

/** A SceneParserResult before the scene is turned into a view. */
export interface ParsedScene {
  readonly scene: SceneRecord;
  readonly title: string | null;
  readonly date: string | null;
  readonly rating: number | null;
  readonly studio_id: string | null;
  readonly performer_ids: string[] | null;
  readonly tag_ids: string[] | null;
  readonly movies: { movie_id: string; scene_index: null }[] | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** parseDate (pkg/scene/filename_parser.go): a real y-m-d date with the year in 1900..2100, else null. */
function parseDate(text: string): string | null {
  const parts = text.split("-");
  if (parts.length !== 3) return null;
  const [y, m, d] = parts.map((p) => (/^[+-]?\d+$/.test(p) ? Number(p) : 0)) as [number, number, number];
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? text : null;
}

/** What one filename yields before names are resolved to ids. */
interface Holder {
  title: string | null;
  date: string | null;
  rating: number | null;
  yyyy: string;
  mm: string;
  dd: string;
  performers: string[];
  groups: string[];
  tags: string[];
  studio: string;
}

function setFullDate(h: Holder, scene: SceneRecord, field: string, value: string): void {
  const yearLength = field.split("y").length - 1;
  let [yearAt, monthAt, dayAt] = [0, 0, 0];
  if (field.startsWith("y")) [monthAt, dayAt] = [yearLength, yearLength + 2];
  else if (field.startsWith("dd")) [monthAt, yearAt] = [2, 4];
  else [dayAt, yearAt] = [2, 4];
  const full = `${value.slice(yearAt, yearAt + yearLength)}-${value.slice(monthAt, monthAt + 2)}-${value.slice(dayAt, dayAt + 2)}`;
  const parsed = parseDate(full);
  if (parsed !== null && scene.date !== null && scene.date !== parsed) h.date = parsed;
}

function setField(h: Holder, scene: SceneRecord, field: string, value: string): void {
  if (PARSER_FIELDS[field]?.fullDate) return setFullDate(h, scene, field, value);
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : 0;
  switch (field) {
    case "title":
      h.title = value;
      break;
    case "date":
      h.date = parseDate(value);
      break;
    case "rating":
      if (n >= 1 && n <= 5) h.rating = n * 20;
      break;
    case "rating100":
      if (n >= 1 && n <= 100) h.rating = n;
      break;
    case "performer":
      h.performers.push(value);
      break;
    case "studio":
      h.studio = value;
      break;
    case "movie":
      h.groups.push(value);
      break;
    case "tag":
      h.tags.push(value);
      break;
    case "yyyy":
      h.yyyy = value;
      break;
    case "yy":
      h.yyyy = `20${value}`;
      break;
    case "mmm": {
      const month = MONTHS.indexOf(asciiLower(value));
      h.mm = month < 0 ? "" : String(month + 1).padStart(2, "0");
      break;
    }
    case "mm":
      h.mm = value;
      break;
    case "dd":
      h.dd = value;
      break;
  }
}

function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path === "" ? "." : path.slice(cut + 1);
}

/** Applies the pattern to one scene's primary file; null when it does not match. */
function parseScene(store: Store, mapper: ParseMapper, scene: SceneRecord): Holder | null {
  const primary = scene.fileIds[0] === undefined ? undefined : store.get("files", scene.fileIds[0]);
  const path = primary?.path ?? "";
  // A pattern naming a directory separator is matched against the whole path.
  const name = mapper.regexString.includes("\\\\") || mapper.regexString.includes("/") ? path : basename(path);
  const match = mapper.regex.exec(name);
  if (!match) return null;
  const h: Holder = { title: null, date: null, rating: null, yyyy: "", mm: "", dd: "", performers: [], groups: [], tags: [], studio: "" };
  for (let i = 1; i < match.length; i++) {
    const field = mapper.fields[i - 1];
    // Stash indexes its field list without a bounds check (e.g. `{rating100}` is captured but not listed).
    if (field === undefined) {
      throw new Error(`Internal system error. Error <runtime error: index out of range [${i - 1}] with length ${mapper.fields.length}>`);
    }
    setField(h, scene, field, match[i] ?? "");
  }
  if (h.yyyy !== "" && h.mm !== "" && h.dd !== "") h.date = parseDate(`${h.yyyy}-${h.mm}-${h.dd}`);
  return h;
}

/** Name → id lookups of one parse call: delimiters become spaces, names match case-insensitively. */
class NameResolver {
  private readonly cache = new Map<string, number | null>();

  constructor(private readonly find: (name: string) => number | null) {}

  resolve(raw: string): number | null {
    const name = raw.replace(/[._-]/g, " ");
    if (!this.cache.has(name)) this.cache.set(name, this.find(name));
    return this.cache.get(name)!;
  }

  /** Distinct ids for the names, or null when none resolves (Stash leaves the list unset). */
  resolveAll(names: readonly string[]): string[] | null {
    const out: string[] = [];
    for (const name of names) {
      const id = name === "" ? null : this.resolve(name);
      if (id !== null && !out.includes(String(id))) out.push(String(id));
    }
    return out.length > 0 ? out : null;
  }
}

function byName<T extends { id: number; name: string; aliases?: readonly string[] }>(
  records: () => Iterable<T>,
  useAliases: boolean,
): (name: string) => number | null {
  return (name) => {
    const like = likeMatcher(name);
    for (const r of records()) if (like(r.name)) return r.id;
    if (useAliases) for (const r of records()) if ((r.aliases ?? []).some((a) => like(a))) return r.id;
    return null;
  };
}

function exactNoCase<T extends { id: number; name: string }>(records: () => Iterable<T>): (name: string) => number | null {
  return (name) => {
    const wanted = asciiLower(name);
    for (const r of records()) if (asciiLower(r.name) === wanted) return r.id;
    return null;
  };
}

/** Title clean-up from the parser input: whitespace characters to spaces, optional capitalisation. */
function titleCleaner(config: SceneParserInput): (title: string) => string {
  const chars = (config.whitespaceCharacters ?? "").trim();
  const ws = chars === "" ? null : new RegExp(`[${escapeParserChars(chars)}]`, "g");
  return (title) => {
    let t = ws ? title.replace(ws, " ").replace(/ {2,}/g, " ") : title;
    if (config.capitalizeTitle) t = t.replace(/(^| )[0-9A-Za-z_]/g, (m) => m.toUpperCase());
    return t;
  };
}

/** Parses the page of scenes `select` returns for the compiled pattern. */
export function parseSceneFilenames(
  store: Store,
  filter: FindFilterInput | null | undefined,
  config: SceneParserInput,
  select: (pathRegex: string, ignoreOrganized: boolean) => { count: number; scenes: SceneRecord[] },
): { count: number; results: ParsedScene[] } {
  if (filter?.q === undefined || filter.q === null) {
    throw new Error("Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>");
  }
  const mapper = compilePattern(filter.q, config.ignoreWords ?? []);
  const { count, scenes } = select(`(?i)${mapper.regexString}`, config.ignoreOrganized === true);
  const performers = new NameResolver(exactNoCase(() => store.all("performers")));
  const studios = new NameResolver(byName(() => store.all("studios"), true));
  const tags = new NameResolver(byName(() => store.all("tags"), true));
  const groups = new NameResolver(exactNoCase(() => store.all("groups")));
  const clean = titleCleaner(config);
  const results: ParsedScene[] = [];
  for (const scene of scenes) {
    const h = parseScene(store, mapper, scene);
    if (!h) continue;
    const studioId = h.studio === "" ? null : studios.resolve(h.studio);
    const groupIds = h.groups.length > 0 ? groups.resolveAll(h.groups) : null;
    results.push({
      scene,
      title: h.title ? clean(h.title) : null,
      date: h.date,
      rating: h.rating,
      studio_id: studioId === null ? null : String(studioId),
      performer_ids: h.performers.length > 0 ? performers.resolveAll(h.performers) : null,
      tag_ids: h.tags.length > 0 ? tags.resolveAll(h.tags) : null,
      movies: groupIds && groupIds.map((id) => ({ movie_id: id, scene_index: null })),
    });
  }
  return { count, results };
}
