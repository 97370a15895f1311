import { z } from "zod";

// PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form (Node would
// store U+FFFD in its place). Input holding either is refused, naming where, rather than failing
// in the database or being stored altered.

/** Why a string cannot be stored, as the end of a sentence about it ("line 3: "text" contains …"). */
export const TEXT_PROBLEMS = {
  nul: "contains a NUL character (U+0000), which cannot be stored; remove it",
  surrogate: "contains a broken character (an unpaired surrogate: half of an emoji or other character); retype it",
} as const;

export type TextProblem = keyof typeof TEXT_PROBLEMS;

const LONE_SURROGATE = /\p{Cs}/u;

/** A string's problem, or null when it can be stored as is. */
export function textProblem(s: string): TextProblem | null {
  if (s.includes("\u0000")) return "nul";
  // With the u flag a paired surrogate is one code point, so \p{Cs} matches only lone halves.
  return LONE_SURROGATE.test(s) ? "surrogate" : null;
}

/** The message for a field: "Contains a NUL character …". */
export const fieldMessage = (problem: TextProblem) => TEXT_PROBLEMS[problem].charAt(0).toUpperCase() + TEXT_PROBLEMS[problem].slice(1);

export type FoundProblem = { path: (string | number)[]; problem: TextProblem };

/** A field name with its NULs and lone surrogates written as \\uXXXX, so a message can show it. */
export const printable = (key: string) => Array.from(key, (c) => (textProblem(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c)).join("");

// Paths are kept as links to the parent, so walking a deeply nested value stays linear.
type PathLink = { key: string | number; up: PathLink | null };

function pathOf(link: PathLink | null, base: (string | number)[]): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = link; at; at = at.up) keys.push(at.key);
  return [...base, ...keys.reverse()];
}

const isPlainObject = (v: object) => Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/**
 * The first string in `value` (strings, arrays, plain objects and their keys, FormData fields)
 * that cannot be stored, with its path. Iterative and linear, so any nesting JSON.parse accepts
 * is walked without overflowing the stack.
 */
export function findTextProblem(value: unknown, base: (string | number)[] = []): FoundProblem | null {
  const stack: [unknown, PathLink | null][] = [[value, null]];
  const push = (v: unknown, key: string | number, up: PathLink | null) => stack.push([v, { key, up }]);
  const badKey = (key: string, up: PathLink | null): FoundProblem | null => {
    const problem = textProblem(key);
    return problem ? { path: pathOf({ key: printable(key), up }, base), problem } : null;
  };
  while (stack.length) {
    const [v, at] = stack.pop() as [unknown, PathLink | null];
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) return { path: pathOf(at, base), problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) push(v[i], i, at);
    } else if (typeof FormData !== "undefined" && v instanceof FormData) {
      const entries = [...v.entries()];
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, field] = entries[i] as [string, FormDataEntryValue];
        const found = badKey(key, at);
        if (found) return found;
        // A file's bytes are decoded (and checked) by whoever reads it.
        if (typeof field === "string") push(field, key, at);
      }
    } else if (typeof v === "object" && v !== null && isPlainObject(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, field] = entries[i] as [string, unknown];
        const found = badKey(key, at);
        if (found) return found;
        push(field, key, at);
      }
    }
  }
  return null;
}

/** The refusal as a ZodError, so the one error mapper answers it like any field error (422 with `fields`). */
export function textProblemError({ path, problem }: FoundProblem): z.ZodError {
  return new z.ZodError([{ code: "custom", path, message: fieldMessage(problem), input: undefined }]);
}

/** Throws (a ZodError: 422 naming the field) when any string in `value` cannot be stored. */
export function assertStorableText(value: unknown, base: (string | number)[] = []): void {
  const found = findTextProblem(value, base);
  if (found) throw textProblemError(found);
}

/** For zod schemas used outside the API and action choke points: refuse NUL and lone surrogates. */
export const storableText = (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: fieldMessage(problem) });
};
