/**
 * Date and time inputs as Stash parses them: fuzzy scene dates (v0.30+ keeps
 * the precision it was given), RFC3339 `Time`, and the `Timestamp` scalar with
 * its `<4h` / `>5m` relative forms. Parsers return null or throw the message a
 * Go client would see, so callers can wrap it the way Stash's resolvers do.
 */

type Triple = readonly [number, number, number];

function versionTriple(version: string): Triple | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * True when `version` is at least `target`. Dev builds (`v0.30.1-12-gabc`)
 * count as their release; an empty or unparsable version is the newest.
 */
export function versionAtLeast(version: string, target: string): boolean {
  const have = versionTriple(version);
  const want = versionTriple(target);
  if (!have || !want) return true;
  return compare(have, want) >= 0;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Stash started keeping partial dates (`YYYY`, `YYYY-MM`) in v0.30.0. */
export function supportsPartialDates(version: string): boolean {
  return versionAtLeast(version, "v0.30.0");
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Real calendar date check: Go's time.Parse rejects `2014-02-30` ("day out of range"). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validClock(h: number, m: number, s: number): boolean {
  return h <= 23 && m <= 59 && s <= 59;
}

/** Parses an RFC3339 time as Go's time.RFC3339 layout does; null when it is not one. */
export function parseRfc3339(text: string): Date | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDate(y, mo, d) || !validClock(h, mi, s)) return null;
  let offsetMinutes = 0;
  if (m[8] !== "Z") {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] ? Number(`0${m[7]}`) : 0;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return new Date(utc + Math.floor(fraction * 1000));
}

/**
 * Stash's ParseDateStringAsTime (pkg/utils/date.go): RFC3339, then `YYYY-MM-DD`, then
 * `YYYY-MM-DD HH:MM:SS` (the last two read as UTC). Null when none fits.
 */
export function parseDateStringAsTime(text: string): Date | null {
  const rfc = parseRfc3339(text);
  if (rfc) return rfc;
  const day = FULL_DATE.exec(text);
  if (day) {
    const [y, mo, d] = day.slice(1, 4).map(Number) as [number, number, number];
    return isCalendarDate(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : null;
  }
  const dt = DATE_TIME.exec(text);
  if (dt) {
    const [y, mo, d, h, mi, s] = dt.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    return isCalendarDate(y, mo, d) && validClock(h, mi, s) ? new Date(Date.UTC(y, mo - 1, d, h, mi, s)) : null;
  }
  return null;
}

/**
 * A scene date at the precision it was given (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`),
 * or null when Stash would refuse it. Times are cut to the day they name.
 * Before v0.30 only full dates exist.
 */
export function parseFuzzyDate(text: string, version = ""): string | null {
  if (parseDateStringAsTime(text)) {
    // RFC3339 keeps the calendar day written in its own offset, as Go's Format does.
    return text.slice(0, 10);
  }
  if (!supportsPartialDates(version)) return null;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? text : null;
  return /^\d{4}$/.test(text) ? text : null;
}

/**
 * Converts a scene date input, throwing Stash's `converting date: failed to parse date "<s>"`
 * (pkg/models/date.go ParseDate; Stash appends Go's parse errors, which the stand-in leaves out).
 */
export function convertSceneDate(text: string, version = ""): string {
  const date = parseFuzzyDate(text, version);
  if (date === null) throw new Error(`converting date: failed to parse date ${JSON.stringify(text)}`);
  return date;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  "μs": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration (`1h30m`, `1.5h`, `90s`), in milliseconds, with Go's error texts. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== "") {
    const num = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const matched = num?.[0] ?? "";
    if (matched === "" || matched === ".") throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(matched.length);
    const unit = /^[^\d.]+/.exec(rest)?.[0];
    if (!unit) throw new Error(`time: missing unit in duration ${quoted}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    total += Number(matched.endsWith(".") ? matched.slice(0, -1) : matched) * scale;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

/** Cuts a time to whole seconds: Stash keeps history entries at one-second precision. */
export function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * The `Timestamp` scalar: RFC3339, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, or
 * `<dur` (ago) / `>dur` (ahead) relative to `now`. Throws a clear error otherwise.
 */
export function parseTimestamp(raw: unknown, now: Date): Date {
  if (typeof raw !== "string") throw new Error(`${JSON.stringify(raw)} is not a string`);
  if (raw === "") throw new Error("empty string");
  const first = raw[0];
  if (first === "<" || first === ">") {
    const ms = parseGoDuration(raw.slice(1));
    return new Date(now.getTime() + (first === "<" ? -ms : ms));
  }
  const parsed = parseDateStringAsTime(raw);
  if (!parsed) throw new Error(`ParseDateStringAsTime failed: dateString <${raw}>`);
  return parsed;
}
