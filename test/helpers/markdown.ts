/** Fenced TypeScript blocks of a Markdown file, with the heading they sit under. */
import { readFileSync } from "node:fs";

/** One fenced block: the nearest heading above it, its code and the line its code starts on. */
export interface CodeExample {
  name: string;
  code: string;
  line: number;
}

/** Every ```ts block of the file, optionally only those under the section titled `heading`. */
export function extractExamples(path: string, heading?: string): CodeExample[] {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const start = heading === undefined ? -1 : lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, "").trim() === heading);
  if (heading !== undefined && start < 0) throw new Error(`${path}: no heading "${heading}"`);
  const level = start < 0 ? 0 : lines[start]!.indexOf(" ");
  const out: CodeExample[] = [];
  let name = heading ?? "";
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) {
      if (h[1]!.length <= level) break;
      name = h[2]!.trim();
      continue;
    }
    if (/^```(ts|typescript)\s*$/.test(line)) {
      const body: string[] = [];
      const first = i + 1;
      while (++i < lines.length && !/^```\s*$/.test(lines[i]!)) body.push(lines[i]!);
      out.push({ name, code: body.join("\n"), line: first + 1 });
    }
  }
  return out;
}
