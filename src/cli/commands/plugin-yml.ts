/**
 * Reads what `stash-gql plugin run` needs from a plugin yml (pkg/plugin/config.go):
 * the id (the file's name), `exec`, and each task's name and `defaultArgs`.
 * It understands the block style `plugin init` writes and Stash's examples
 * use (`key: value`, `- item` lists, nested maps by indentation); anything it
 * cannot read fails with the line, rather than guessing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CliUsageError } from "../exit-codes";

/** A task as `plugin run` uses it. */
export interface YmlTask {
  name: string;
  defaultArgs: Record<string, string>;
}

/** The parts of a plugin yml `plugin run` uses. */
export interface PluginYml {
  id: string;
  file: string;
  exec: string[];
  tasks: YmlTask[];
}

/** A YAML scalar without its quotes. */
function scalar(text: string): string {
  const t = text.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t.replace(/\s+#.*$/, "");
}

interface Line {
  indent: number;
  text: string;
  no: number;
}

/** Non-blank, non-comment lines with their indentation. */
function linesOf(source: string): Line[] {
  return source.split(/\r?\n/).flatMap((raw, i) => {
    if (/^\s*(#.*)?$/.test(raw)) return [];
    return [{ indent: raw.length - raw.trimStart().length, text: raw.trim(), no: i + 1 }];
  });
}

/** The lines nested under the top-level key `key`. */
function block(lines: Line[], key: string): Line[] {
  const start = lines.findIndex((l) => l.indent === 0 && l.text.startsWith(`${key}:`));
  if (start === -1) return [];
  const out: Line[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.indent === 0 && !l.text.startsWith("- ")) break;
    out.push(l);
  }
  return out;
}

/** Parses the yml text of plugin `id`. */
export function parsePluginYml(id: string, file: string, source: string): PluginYml {
  const lines = linesOf(source);
  const execLine = lines.find((l) => l.indent === 0 && l.text.startsWith("exec:"));
  if (!execLine) throw new CliUsageError(`${file}: no "exec:" list; a raw plugin names its command there`);
  const inline = execLine.text.slice("exec:".length).trim();
  const exec = inline.startsWith("[")
    ? inline.replace(/^\[|\]$/g, "").split(",").map(scalar).filter(Boolean)
    : block(lines, "exec").map((l) => {
        if (!l.text.startsWith("- ")) throw new CliUsageError(`${file} line ${l.no}: expected "- <argument>" under exec`);
        return scalar(l.text.slice(2));
      });
  if (exec.length === 0) throw new CliUsageError(`${file}: "exec:" is empty`);
  const tasks: YmlTask[] = [];
  let current: YmlTask | undefined;
  let argsIndent = -1;
  for (const l of block(lines, "tasks")) {
    const item = /^- name:\s*(.*)$/.exec(l.text);
    if (item) {
      current = { name: scalar(item[1]!), defaultArgs: {} };
      tasks.push(current);
      argsIndent = -1;
    } else if (current && l.text === "defaultArgs:") argsIndent = l.indent;
    else if (current && argsIndent >= 0 && l.indent > argsIndent) {
      const kv = /^([\w.-]+):\s*(.*)$/.exec(l.text);
      if (!kv) throw new CliUsageError(`${file} line ${l.no}: expected "key: value" under defaultArgs`);
      current.defaultArgs[kv[1]!] = scalar(kv[2]!);
    } else if (l.indent <= argsIndent) argsIndent = -1;
  }
  return { id, file, exec, tasks };
}

/** Reads the one `<id>.yml` in `dir`. */
export function readPluginYml(dir: string): PluginYml {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n));
  } catch (err) {
    throw new CliUsageError(`cannot read plugin folder ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (names.length !== 1) {
    throw new CliUsageError(`${dir} must hold exactly one plugin .yml (found ${names.length ? names.join(", ") : "none"})`);
  }
  const file = join(dir, names[0]!);
  return parsePluginYml(names[0]!.replace(/\.ya?ml$/i, ""), file, readFileSync(file, "utf8"));
}
