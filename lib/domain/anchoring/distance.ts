// Edit distances over code point sequences (arrays of code point values). Inputs here are
// short (a quote, 32 code points of context), so a plain two-row DP is fast enough.

/** Levenshtein distance between two code point sequences (insert, delete, substitute cost 1). */
export function editDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let next = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  // prev and next hold b.length + 1 cells, so every j in 0..b.length below is in range.
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      next[j] = Math.min(substitute, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  return prev[b.length]!;
}

/**
 * Edits needed to align all of `pattern` with some leading part of `text`, both read
 * outward from an anchor (code point values). The far end is free, so context that simply
 * runs on past the stored 32 code points costs nothing, while text squeezed in right at
 * the anchor does.
 */
export function anchoredDistance(pattern: ArrayLike<number>, text: ArrayLike<number>): number {
  const m = pattern.length;
  if (m === 0) return 0;
  let prev = new Int32Array(text.length + 1);
  let next = new Int32Array(text.length + 1);
  for (let j = 0; j <= text.length; j++) prev[j] = j;
  // prev and next hold text.length + 1 cells, so every j in 0..text.length below is in range.
  for (let i = 1; i <= m; i++) {
    next[0] = i;
    const pi = pattern[i - 1];
    for (let j = 1; j <= text.length; j++) {
      const substitute = prev[j - 1]! + (pi === text[j - 1] ? 0 : 1);
      next[j] = Math.min(substitute, prev[j]! + 1, next[j - 1]! + 1);
    }
    [prev, next] = [next, prev];
  }
  let best = prev[0]!;
  for (let j = 1; j <= text.length; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Code point values of s. */
export function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; n++) {
    const code = s.codePointAt(i)!;
    out[n] = code;
    i += code > 0xffff ? 2 : 1;
  }
  return n === s.length ? out : out.slice(0, n);
}
