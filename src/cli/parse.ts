/**
 * Option value parsers. They throw commander's InvalidArgumentError, so a bad
 * value is reported as one "option ... is invalid" line with exit code 2.
 */
import { readFileSync } from "node:fs";
import { InvalidArgumentError } from "commander";

/** A whole number ≥ `min`. */
export function wholeNumber(min = 0): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
    return n;
  };
}

/** A finite number ≥ 0. */
export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number ≥ 0");
  return n;
}

/** A Stash id: digits only. */
export function sceneId(value: string): string {
  const id = value.trim();
  if (!/^\d+$/.test(id)) throw new InvalidArgumentError("expected a numeric scene id");
  return id;
}

/** Variadic collector of scene ids. */
export function collectIds(value: string, previous: string[] | undefined): string[] {
  const ids = value.split(",").map((v) => sceneId(v));
  return [...(previous ?? []), ...ids];
}

/** Parses JSON text (or `@file` to read it from a file) into a plain object. */
export function jsonObject(value: string): Record<string, unknown> {
  let text = value;
  if (value.startsWith("@")) {
    try {
      text = readFileSync(value.slice(1), "utf8");
    } catch (err) {
      throw new InvalidArgumentError(`cannot read ${value.slice(1)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`not valid JSON (${(err as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InvalidArgumentError("expected a JSON object, e.g. '{\"organized\": false}'");
  }
  return parsed as Record<string, unknown>;
}
