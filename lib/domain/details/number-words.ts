// Numbers spelled in Vietnamese or English words. Words must carry their diacritics: without them
// "trăm" (hundred) and "trạm" (station) are one word, and "5 trạm radar" must never read as 500.
//
// Vietnamese rules that a naive reader gets wrong:
// - "năm" is five, but also "year": after "mười"/"mươi" five is "lăm" ("hai mươi lăm" = 25) and
//   "năm" ends the number ("mười năm" = ten years); a lone "năm" after a scale word is also a year
//   ("hai trăm năm" = 200 years; 205 is "hai trăm linh năm").
// - A lone digit after a scale word is the next digit down, as spoken: "một trăm hai" = 120,
//   "ba nghìn hai" = 3,200, "hai triệu rưỡi" = 2,500,000; "một trăm linh hai" is 102.
// - "không" alone means "no", not zero; it only counts inside a number ("không trăm linh năm").
import type { Token } from "./tokens";
import { lookupTable } from "./lookup-table";

const VI_UNITS: Record<string, number> = lookupTable({ một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9 });
// Unit spellings after "mươi" (21 = "hai mươi mốt", 24 = "hai mươi tư", 25 = "hai mươi lăm").
const VI_AFTER_TENS: Record<string, number> = lookupTable({ ...VI_UNITS, mốt: 1, tư: 4, lăm: 5, nhăm: 5, năm: NaN });
const VI_AFTER_TEN: Record<string, number> = lookupTable({ ...VI_AFTER_TENS, mốt: NaN });
// The spoken shorthand after a scale word: every unit except "năm", which would be "year".
const VI_SHORT: Record<string, number> = lookupTable({ ...VI_UNITS, mốt: 1, tư: 4, năm: NaN });
const VI_LINH: Record<string, number> = lookupTable({ ...VI_UNITS, tư: 4 });
const VI_BIG: Record<string, number> = lookupTable({ nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 });
const VI_WORDS = new Set([...Object.keys(VI_AFTER_TENS), ...Object.keys(VI_BIG), "mười", "mươi", "chục", "trăm", "linh", "lẻ", "rưỡi", "không", "nửa"]);

const EN_UNITS: Record<string, number> = lookupTable({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
const EN_TENS: Record<string, number> = lookupTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const EN_BIG: Record<string, number> = lookupTable({ thousand: 1e3, million: 1e6, billion: 1e9 });
const EN_WORDS = new Set([...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(EN_BIG), "hundred", "dozen", "and", "a", "an", "half", "-"]);

/** Scale words that may follow digits: "1,5 triệu", "3 nghìn", "1.5 million", "2 dozen". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ...Object.entries(VI_BIG),
  ["trăm", 100],
  ["chục", 10],
  ...Object.entries(EN_BIG),
  ["hundred", 100],
  ["dozen", 12],
]);

/** The table's value for a word, or undefined when there is no word or the table does not have it. */
function lookup(table: Record<string, number>, word: string | undefined): number | undefined {
  return word === undefined ? undefined : table[word];
}

/** A number read from words: its value, the token after it, and the largest scale word it used (1 if none). */
export type WordsRead = { value: number; next: number; scale: number };

/** Read Vietnamese or English number words at tokens[from]: the longest run that spells one number, or null. */
export function readNumberWords(tokens: Token[], from: number): WordsRead | null {
  const first = tokens[from];
  if (first?.kind !== "word") return null;
  const vi = VI_WORDS.has(first.lower);
  const vocabulary = vi ? VI_WORDS : EN_WORDS;
  let end = from;
  for (const token of tokens.slice(from)) {
    if (!vocabulary.has(token.lower)) break;
    end++;
  }
  for (let stop = end; stop > from; stop--) {
    const words = tokens.slice(from, stop).map((t) => t.lower);
    if (!vi && words.some((w, i) => w === "-" && !isHyphenJoin(words, i))) continue;
    const value = vi ? viValue(words) : enValue(words.filter((w) => w !== "-"));
    if (value === null) continue;
    const scales = words.map((w) => (vi ? VI_BIG[w] : EN_BIG[w]) ?? (w === "trăm" || w === "hundred" ? 100 : 1));
    return { value, next: stop, scale: Math.max(...scales) };
  }
  return null;
}

// "twenty-five": a hyphen only joins a tens word to a unit.
function isHyphenJoin(words: string[], i: number): boolean {
  const unit = lookup(EN_UNITS, words[i + 1]);
  return words[i] === "-" && lookup(EN_TENS, words[i - 1]) !== undefined && unit !== undefined && unit >= 1 && unit <= 9;
}

/** The first of the largest scale words in `words`, with its value, or null when there is none. */
function largestScale(words: string[], scales: Record<string, number>): { at: number; scale: number } | null {
  let largest: { at: number; scale: number } | null = null;
  for (const [at, w] of words.entries()) {
    const scale = scales[w];
    if (scale !== undefined && (largest === null || scale > largest.scale)) largest = { at, scale };
  }
  return largest;
}

function viValue(w: string[]): number | null {
  const largest = largestScale(w, VI_BIG);
  if (largest === null) return viBelowThousand(w);
  const { at, scale } = largest;
  const left = at === 1 && w[0] === "nửa" ? 0.5 : viValue(w.slice(0, at));
  const right = viRemainder(w.slice(at + 1), scale);
  if (left === null || left < 0.5 || right === null) return null;
  return left * scale + right;
}

function viRemainder(w: string[], scale: number): number | null {
  if (w.length === 0) return 0;
  const [head, next] = w;
  if (w.length === 1 && head === "rưỡi") return scale / 2;
  const short = lookup(VI_SHORT, head);
  if (w.length === 1 && short !== undefined) return Number.isNaN(short) ? null : (short * scale) / 10;
  const value = (head === "linh" || head === "lẻ") && w.length === 2 ? (lookup(VI_LINH, next) ?? null) : viValue(w);
  return value !== null && value < scale ? value : null;
}

function viBelowThousand(w: string[]): number | null {
  const [head, second] = w;
  if (second !== "trăm") return viTens(w);
  const hundreds = head === "không" ? 0 : lookup(VI_UNITS, head);
  if (hundreds === undefined) return null;
  const rest = w.slice(2);
  if (rest.length === 0) return hundreds * 100;
  if (rest.length === 1 && rest[0] === "rưỡi") return hundreds * 100 + 50;
  if (rest[0] === "linh" || rest[0] === "lẻ") {
    const unit = lookup(VI_LINH, rest[1]);
    return rest.length === 2 && unit !== undefined ? hundreds * 100 + unit : null;
  }
  // A single word after "trăm" is the tens digit ("một trăm hai" = 120) or "mười" (110).
  if (rest.length === 1) {
    const tail = viRemainder(rest, 100);
    return tail === null ? null : hundreds * 100 + tail;
  }
  const tens = viTens(rest);
  return tens === null || tens < 10 ? null : hundreds * 100 + tens;
}

function viTens(w: string[]): number | null {
  const valid = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? null : n);
  if (w[0] === "mười") {
    if (w.length === 1) return 10;
    const unit = w.length === 2 ? valid(lookup(VI_AFTER_TEN, w[1])) : null;
    return unit === null ? null : 10 + unit;
  }
  const digit = lookup(VI_UNITS, w[0]);
  if (digit === undefined) return null;
  if (w.length === 1) return digit;
  if (w[1] === "chục") return w.length === 2 ? digit * 10 : null;
  if (w[1] !== "mươi" || digit < 2) return null;
  if (w.length === 2) return digit * 10;
  const unit = w.length === 3 ? valid(lookup(VI_AFTER_TENS, w[2])) : null;
  return unit === null ? null : digit * 10 + unit;
}

function enValue(w: string[]): number | null {
  if (w.length === 0) return null;
  const n = w.length;
  if (w[n - 1] === "dozen") {
    const left = enMultiplier(w.slice(0, -1));
    return left === null || left >= 100 ? null : left * 12;
  }
  const largest = largestScale(w, EN_BIG);
  if (largest === null) {
    if (n > 3 && w.slice(-3).join(" ") === "and a half") {
      const whole = enBelowThousand(w.slice(0, -3));
      return whole === null ? null : whole + 0.5;
    }
    return enBelowThousand(w);
  }
  const { at, scale } = largest;
  const left = enMultiplier(w.slice(0, at));
  let right = w.slice(at + 1);
  if (right[0] === "and") right = right.slice(1);
  const rest = right.length === 0 ? (w.length === at + 1 ? 0 : null) : enValue(right);
  if (left === null || rest === null || rest >= scale) return null;
  return left * scale + rest;
}

// What may stand before a scale word: a number, "a"/"an", "half a", "one and a half".
function enMultiplier(w: string[]): number | null {
  const phrase = w.join(" ");
  if (phrase === "a" || phrase === "an") return 1;
  if (phrase === "half a" || phrase === "half an") return 0.5;
  if (w.length > 3 && w.slice(-3).join(" ") === "and a half") {
    const whole = enBelowThousand(w.slice(0, -3));
    return whole === null ? null : whole + 0.5;
  }
  const value = w.length === 0 ? null : enValue(w);
  return value === null || value === 0 ? null : value;
}

function enBelowThousand(w: string[]): number | null {
  const at = w.indexOf("hundred");
  if (at < 0) return enTens(w);
  const left = w.slice(0, at).join(" ");
  const hundreds = left === "a" || left === "an" ? 1 : enTens(w.slice(0, at));
  let rest = w.slice(at + 1);
  if (rest[0] === "and") rest = rest.slice(1);
  const tens = rest.length === 0 ? (w.length === at + 1 ? 0 : null) : enTens(rest);
  if (hundreds === null || hundreds === 0 || tens === null) return null;
  return hundreds * 100 + tens;
}

function enTens(w: string[]): number | null {
  const [head, next] = w;
  if (w.length === 1) return lookup(EN_UNITS, head) ?? lookup(EN_TENS, head) ?? null;
  const tens = lookup(EN_TENS, head);
  const unit = lookup(EN_UNITS, next);
  if (w.length === 2 && tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9) return tens + unit;
  return null;
}
