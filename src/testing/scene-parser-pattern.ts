/**
 * The filename pattern language of parseSceneFilenames: `{field}` tokens
 * become regex pieces, `-.()[]` are escaped, `{}` is a wildcard and `{i}`
 * matches any ignore word. Other regex syntax in the pattern passes through,
 * as in Stash. The captured fields come back in pattern order.
 */
import { goRegExp } from "./query-regex";

/** How a `{field}` token is matched. */
interface ParserField {
  readonly regex: string;
  readonly captured: boolean;
  /** yyyymmdd-style tokens carry a whole date in one group. */
  readonly fullDate?: boolean;
}

/** Every token Stash knows, with the regex it stands for. */
export const PARSER_FIELDS: Readonly<Record<string, ParserField>> = {
  title: { regex: ".*", captured: true },
  ext: { regex: ".*$", captured: false },
  d: { regex: "(?:\\.|-|_)", captured: false },
  rating: { regex: "\\d", captured: true },
  rating100: { regex: "\\d", captured: true },
  performer: { regex: ".*", captured: true },
  studio: { regex: ".*", captured: true },
  movie: { regex: ".*", captured: true },
  tag: { regex: ".*", captured: true },
  date: { regex: "\\d{4}-\\d{2}-\\d{2}", captured: true },
  yyyy: { regex: "\\d{4}", captured: true },
  yy: { regex: "\\d{2}", captured: true },
  mm: { regex: "\\d{2}", captured: true },
  mmm: { regex: "\\w{3}", captured: true },
  dd: { regex: "\\d{2}", captured: true },
  yyyymmdd: { regex: "\\d{8}", captured: true, fullDate: true },
  yymmdd: { regex: "\\d{6}", captured: true, fullDate: true },
  ddmmyyyy: { regex: "\\d{8}", captured: true, fullDate: true },
  ddmmyy: { regex: "\\d{6}", captured: true, fullDate: true },
  mmddyyyy: { regex: "\\d{8}", captured: true, fullDate: true },
  mmddyy: { regex: "\\d{6}", captured: true, fullDate: true },
};

/** Escapes the characters Stash escapes in patterns, ignore words and whitespace sets. */
export function escapeParserChars(text: string): string {
  return text.replace(/[-.()[\]]/g, "\\$&");
}

function ignoreClause(words: readonly string[]): string {
  if (words.length === 0) return "";
  return `(?:${words.map((w) => `(?:${escapeParserChars(w).trim()})`).join("|")})`;
}

/** A compiled pattern: the regex, its source without `(?i)`, and the captured fields in group order. */
export interface ParseMapper {
  readonly regex: RegExp;
  readonly regexString: string;
  readonly fields: readonly string[];
}

/** Compiles a pattern; throws `Invalid fields: {x}, {y}` for unknown tokens, or Go's regex error. */
export function compilePattern(pattern: string, ignoreWords: readonly string[]): ParseMapper {
  let source = escapeParserChars(pattern).replace(/\{\}/g, ".*");
  source = source.replace(/\{([A-Za-z0-9_]+)\}/g, (token, name: string) => {
    const field = PARSER_FIELDS[name];
    if (!field) return token;
    return field.captured ? `(${field.regex})` : field.regex;
  });
  const ignore = ignoreClause(ignoreWords);
  source = source.replace(/\{i\}/g, () => ignore);
  const regex = goRegExp(`(?i)${source}`);
  const invalid = source.match(/\{[A-Za-z]+\}/g);
  if (invalid) throw new Error(`Invalid fields: ${invalid.join(", ")}`);
  const fields = [...pattern.matchAll(/\{([A-Za-z]+)\}/g)]
    .map((m) => m[1]!)
    .filter((name) => PARSER_FIELDS[name]?.captured === true);
  return { regex, regexString: source, fields };
}
