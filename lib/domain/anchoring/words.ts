// Word-level comparison of a stored quote with the text proposed for it, used to tell a typo
// fix from a rewording and to say in the reason what changed.
import { codePoints, editDistance } from "./distance";
import { isWordCode } from "./prepared";

/** Runs of word characters and runs of everything else, in order. */
export function tokens(s: string): string[] {
  const out: string[] = [];
  let current = "";
  let currentIsWord = false;
  for (const ch of s) {
    const word = isWordCode(ch.codePointAt(0)!);
    if (current !== "" && word !== currentIsWord) {
      out.push(current);
      current = "";
    }
    current += ch;
    currentIsWord = word;
  }
  if (current !== "") out.push(current);
  return out;
}

export type Change = { before: string; after: string };

/** The changed middle of two texts once their common leading and trailing tokens are set aside (whitespace-trimmed). */
export function changedMiddle(before: string, after: string): Change {
  const a = tokens(before);
  const b = tokens(after);
  let lead = 0;
  while (lead < a.length && lead < b.length && a[lead] === b[lead]) lead++;
  let trail = 0;
  while (trail < a.length - lead && trail < b.length - lead && a[a.length - 1 - trail] === b[b.length - 1 - trail]) {
    trail++;
  }
  return {
    before: a
      .slice(lead, a.length - trail)
      .join("")
      .trim(),
    after: b
      .slice(lead, b.length - trail)
      .join("")
      .trim(),
  };
}

/** s without diacritics (đ → d too), so a moved or fixed tone mark is not a new word. */
function baseLetters(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/**
 * True when words were replaced by dissimilar ones: more than half of the longer side's base
 * letters differ. Pure insertions, deletions, spelling and diacritic fixes are not rewordings.
 */
export function isRewording(change: Change): boolean {
  if (change.before === "" || change.after === "") return false;
  const a = codePoints(baseLetters(change.before));
  const b = codePoints(baseLetters(change.after));
  return editDistance(a, b) * 2 > Math.max(a.length, b.length);
}

/** The numbers in s (runs of digits with their separators), in order. */
function numbers(s: string): string[] {
  return s.match(/\p{N}+(?:[.,:/]\p{N}+)*/gu) ?? [];
}

/** The numbers that differ between two texts (common leading and trailing ones set aside), or null when they are the same. */
export function numberChange(before: string, after: string): Change | null {
  const a = numbers(before);
  const b = numbers(after);
  if (a.length === b.length && a.every((x, i) => x === b[i])) return null;
  let lead = 0;
  while (lead < a.length && lead < b.length && a[lead] === b[lead]) lead++;
  let trail = 0;
  while (trail < a.length - lead && trail < b.length - lead && a[a.length - 1 - trail] === b[b.length - 1 - trail]) trail++;
  return { before: a.slice(lead, a.length - trail).join(", "), after: b.slice(lead, b.length - trail).join(", ") };
}

/** s cut to at most max code points with an ellipsis in the middle, for reasons shown to the desk. */
export function shortQuote(s: string, max = 40): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join("")}…${chars.slice(-half).join("")}`;
}

/** A change's two sides as a reason's values (shortened; an empty side stays empty). */
export function changeValues(change: Change): { before: string; after: string } {
  return { before: change.before === "" ? "" : shortQuote(change.before), after: change.after === "" ? "" : shortQuote(change.after) };
}

/** "'a' → 'b'" for a change, with empty sides shown as (nothing). */
export function describeChange(change: Change): string {
  const side = (s: string) => (s === "" ? "(nothing)" : `'${shortQuote(s)}'`);
  return `${side(change.before)} → ${side(change.after)}`;
}
