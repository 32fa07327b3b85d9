/**
 * Regular expressions as Stash's Go code compiles them (RE2 syntax), mapped
 * onto JavaScript's engine. Leading inline flags such as the `(?i)` Stash
 * prepends become JS flags; features RE2 rejects (look-around, back
 * references) are rejected with Go's wording so clients see the same errors.
 */

/** Go's message for a pattern that does not compile: `error parsing regexp: <why>: `<fragment>``. */
function goRegexError(why: string, fragment: string): Error {
  return new Error(`error parsing regexp: ${why}: \`${fragment}\``);
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Rejects constructs RE2 does not have, before JS would happily accept them. */
function checkRe2Only(source: string): void {
  const lookaround = /\(\?(?:=|!|<=|<!)/.exec(source);
  if (lookaround) throw goRegexError("invalid or unsupported Perl syntax", lookaround[0]);
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== "\\") continue;
    const next = source[i + 1];
    if (next === undefined) throw goRegexError("trailing backslash at end of expression", "");
    if (next >= "1" && next <= "9") throw goRegexError("invalid escape sequence", `\\${next}`);
    i++;
  }
}

function translate(source: string): string {
  return source
    .replace(/\(\?P</g, "(?<")
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negate: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      if (!cls) throw goRegexError("invalid character class range", whole);
      // Only the positive form maps cleanly inside a bracket expression.
      if (negate) throw goRegexError("invalid or unsupported Perl syntax", whole);
      return cls;
    })
    .replace(/(^|[^\\])\\z/g, "$1$")
    .replace(/(^|[^\\])\\A/g, "$1^");
}

function explain(message: string): string {
  if (/Unterminated group/i.test(message)) return "missing closing )";
  if (/Unmatched '\)'/i.test(message)) return "unexpected )";
  if (/Unterminated character class/i.test(message)) return "missing closing ]";
  if (/Nothing to repeat/i.test(message)) return "missing argument to repetition operator";
  if (/out of order/i.test(message)) return "invalid character class range";
  if (/Invalid group/i.test(message)) return "invalid or unsupported Perl syntax";
  if (/escape/i.test(message)) return "invalid escape sequence";
  return "invalid regular expression";
}

/** Compiles an RE2-style pattern, throwing Go's `error parsing regexp: …` wording on failure. */
export function goRegExp(pattern: string): RegExp {
  let source = pattern;
  let flags = "";
  // Stash adds `(?i)` in front of user patterns; JS needs it as a flag.
  for (let m = /^\(\?([imsU]+)\)/.exec(source); m; m = /^\(\?([imsU]+)\)/.exec(source)) {
    for (const f of m[1]!) if (f !== "U" && !flags.includes(f)) flags += f;
    source = source.slice(m[0].length);
  }
  checkRe2Only(source);
  const translated = translate(source);
  if (/\\[pP]/.test(translated)) flags += "u";
  try {
    return new RegExp(translated, flags);
  } catch (err) {
    throw goRegexError(explain((err as Error).message), pattern);
  }
}
