// Per-text tables for re-anchoring. The services re-anchor every claim of a paragraph against
// the same corrected text, so the tables for the last text are kept and reused.

/** A passage text with code point tables; every index here counts code points unless named u16. */
export type Prepared = {
  text: string;
  /** Length in code points. */
  length: number;
  /** Code point values. */
  codes: Int32Array;
  /** UTF-16 offset of each code point index (length + 1 entries). */
  cpToU16: Int32Array;
  /** Code point index of each UTF-16 offset; the low half of a pair maps to its pair. */
  u16ToCp: Int32Array;
  /** 1 where the code point is a letter, digit or mark (`\p{L}\p{N}\p{M}`). */
  isWord: Uint8Array;
};

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True for letters, digits and combining marks, so a Vietnamese letter with its marks is one word. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  return WORD.test(String.fromCodePoint(code));
}

let last: Prepared | null = null;

/** Tables for `text`, reused while the same text is passed again (offsets in code points). */
export function prepare(text: string): Prepared {
  if (last !== null && last.text === text) return last;
  const codes = new Int32Array(text.length);
  const cpToU16 = new Int32Array(text.length + 1);
  const u16ToCp = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    codes[n] = code;
    cpToU16[n] = i;
    u16ToCp[i] = n;
    if (units === 2) u16ToCp[i + 1] = n;
    i += units;
    n++;
  }
  cpToU16[n] = text.length;
  u16ToCp[text.length] = n;
  const isWord = new Uint8Array(n);
  // n ≤ text.length = codes.length, so codes[k] is in range.
  for (let k = 0; k < n; k++) isWord[k] = isWordCode(codes[k]!) ? 1 : 0;
  const prepared: Prepared = {
    text,
    length: n,
    codes: codes.slice(0, n),
    cpToU16: cpToU16.slice(0, n + 1),
    u16ToCp,
    isWord,
  };
  last = prepared;
  return prepared;
}

const MARK = /\p{M}/u;

function isRegionalIndicator(code: number): boolean {
  return code >= 0x1f1e6 && code <= 0x1f1ff;
}

/**
 * True when the code point at i belongs to the same user-perceived character as the one
 * before it: combining marks and variation selectors, emoji skin tones and tags, either side
 * of a zero-width joiner, and the second half of a flag. (Intl.Segmenter gives the full
 * rules but costs ~100 ms on a 20,000-code-point text; these cover news copy.)
 */
export function joinsPrevious(p: Prepared, i: number): boolean {
  if (i <= 0 || i >= p.length) return false;
  // 0 < i < p.length from here on, so i and i - 1 index code points.
  const code = p.codes[i]!;
  const before = p.codes[i - 1]!;
  if (code === 0x200d || before === 0x200d) return true;
  if ((code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f)) return true;
  if (isRegionalIndicator(code) && isRegionalIndicator(before)) {
    let run = 0;
    for (let k = i - 1; k >= 0 && isRegionalIndicator(p.codes[k]!); k--) run++;
    return run % 2 === 1;
  }
  return code >= 0x300 && MARK.test(String.fromCodePoint(code));
}

/** Code point index where a UTF-16 end offset (0..text.length) lands, rounding up so a pair is never split. */
export function cpEndOf(p: Prepared, u16: number): number {
  const cp = p.u16ToCp[u16];
  if (cp === undefined) throw new RangeError(`UTF-16 offset ${u16} is outside the text (0..${p.text.length})`);
  return p.cpToU16[cp] === u16 ? cp : cp + 1;
}

/** Substring between code point indexes start and end. */
export function sliceOf(p: Prepared, start: number, end: number): string {
  return p.text.slice(p.cpToU16[start], p.cpToU16[end]);
}

/** True when a boundary at code point index i would cut a word in two. */
export function cutsWord(p: Prepared, i: number): boolean {
  return i > 0 && i < p.length && p.isWord[i - 1] === 1 && p.isWord[i] === 1;
}

/** Widens start–end (code points) outward until neither end cuts a word or a user-perceived character. */
export function snapToWords(p: Prepared, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && (joinsPrevious(p, s) || cutsWord(p, s))) s--;
  while (e < p.length && (joinsPrevious(p, e) || cutsWord(p, e))) e++;
  return { start: s, end: e };
}
