/**
 * Plain-text layout for the demo tour: section headings, aligned tables and
 * human units. Pure functions returning lines, so the tour decides where
 * they go (stdout in the CLI, an array in tests).
 */

/** Where a column's cells line up. */
export type Align = "left" | "right";

/** One table column: its header, how to read a cell from a row, and its alignment. */
export interface Column<R> {
  header: string;
  cell: (row: R) => string | number | null | undefined;
  /** Default: right for numbers, left otherwise (decided per column from its first non-empty cell). */
  align?: Align;
  /** Longer cells are cut with an ellipsis; default 40. */
  maxWidth?: number;
}

const RULE_WIDTH = 72;

/** A section heading: a blank line, the title, and a rule under it. */
export function heading(title: string): string[] {
  return ["", title, "─".repeat(Math.min(RULE_WIDTH, Math.max(title.length, 24)))];
}

/** `label: value` pairs with the values lined up. */
export function keyValues(pairs: readonly (readonly [string, string | number])[]): string[] {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `  ${`${k}:`.padEnd(width + 1)}  ${v}`);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Renders rows as an aligned table with a header and a dashed underline; `(none)` when empty. */
export function table<R>(rows: readonly R[], columns: readonly Column<R>[]): string[] {
  if (rows.length === 0) return ["  (none)"];
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const aligns = columns.map((c, i): Align => {
    if (c.align) return c.align;
    const sample = cells.find((r) => r[i] !== null && r[i] !== undefined && r[i] !== "")?.[i];
    return typeof sample === "number" ? "right" : "left";
  });
  const text = cells.map((r) => r.map((v, i) => clip(v === null || v === undefined ? "—" : String(v), columns[i]!.maxWidth ?? 40)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...text.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) =>
    `  ${values.map((v, i) => (aligns[i] === "right" ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join("  ")}`.trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...text.map(line)];
}

/** Bytes in binary units with one decimal, e.g. `1.4 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Seconds as `h:mm:ss` or `m:ss`. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A file's size as `1920×1080`. */
export function formatResolution(file: { width: number; height: number } | undefined): string {
  return file ? `${file.width}×${file.height}` : "—";
}
