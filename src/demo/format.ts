/**
 * Plain-text layout for the demo tour: section headings, key/value blocks and
 * aligned tables with an underlined header. Pure functions returning lines, so
 * the tour decides where they go (stdout in the CLI, an array in tests). Sizes
 * and durations use the report's formatters, so both read the same.
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

/** A section heading: a blank line, the title underlined, and the SDK calls it shows. */
export function heading(title: string, ...calls: string[]): string[] {
  const shown = calls.flatMap((call) => call.split("\n").map((line, i) => (i === 0 ? `  › ${line}` : `    ${line}`)));
  return ["", title, "─".repeat(title.length), ...shown];
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

/** `1 scene`, `2 scenes`: a count with its noun, plural unless the count is one. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
