/** Plain-text tables for terminal output: padded columns, long cells cut with an ellipsis. */

/** How one column is laid out. */
export interface Column {
  header: string;
  /** Right-align (numbers); default left. */
  right?: boolean;
  /** Longest cell before it is cut; default unlimited. */
  max?: number;
}

function cut(text: string, max: number | undefined): string {
  const flat = text.replace(/\s+/g, " ");
  return max !== undefined && flat.length > max ? `${flat.slice(0, Math.max(1, max - 1))}…` : flat;
}

/** Renders rows under a header line; the last column is never padded, so lines carry no trailing spaces. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => columns.map((c, i) => cut(row[i] ?? "", c.max)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const last = i === row.length - 1;
        if (columns[i]!.right) return cell.padStart(widths[i]!);
        return last ? cell : cell.padEnd(widths[i]!);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join("\n") + "\n";
}
