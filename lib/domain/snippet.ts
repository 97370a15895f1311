// Highlighted search snippets. The database matches on folded text (see foldForMatch); this
// module finds the same matches in the ORIGINAL text, so the snippet shows the article's own
// spelling ("nhà máy") with the part the query ("nha may") matched marked.

export type SnippetPart = { text: string; match: boolean };
/** `parts` joined give the window (with "…" where it was cut); `matched` is false when no query word occurs. */
export type Snippet = { parts: SnippetPart[]; matched: boolean };

const ELLIPSIS = "…";
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** Folds one character (one code point) for matching: NFD, no combining marks, đ/Đ → d, lower case; may return "". */
export function foldChar(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  return ch
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

/**
 * Folded text (as foldForMatch folds it, whitespace runs collapsed to one space) with, for each
 * folded UTF-16 unit i, the span [from[i], to[i]) of original UTF-16 units it came from. Combining
 * marks fold to nothing and are added to the span of the character before them.
 */
export function foldWithOffsets(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const end = i + ch.length;
    if (SPACE.test(ch)) {
      if (folded.length > 0 && !folded.endsWith(" ")) {
        folded += " ";
        from.push(i);
        to.push(end);
      }
    } else {
      const f = foldChar(ch);
      if (f.length === 0) {
        if (to.length > 0) to[to.length - 1] = end;
      } else {
        // A character that folds to several units maps each of them to the whole character.
        for (let k = 0; k < f.length; k++) {
          from.push(i);
          to.push(end);
        }
        folded += f;
      }
    }
    i = end;
  }
  if (folded.endsWith(" ")) {
    folded = folded.slice(0, -1);
    from.pop();
    to.pop();
  }
  return { folded, from, to };
}

/** The folded terms a query is matched by: the whole phrase, then each word of 2+ characters, longest first. */
export function queryTerms(query: string): string[] {
  const phrase = foldWithOffsets(query).folded;
  if (!phrase) return [];
  const words = phrase.split(" ").filter((w) => w.length >= 2);
  const terms = [phrase, ...words.sort((a, b) => b.length - a.length)];
  return [...new Set(terms)].filter((t) => t.length >= 2);
}

type Hit = { start: number; end: number; term: number };

function findHits(folded: string, terms: string[], wordStartOnly: boolean): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, t) => {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      if (wordStartOnly && at > 0 && WORD_CHAR.test(folded.charAt(at - 1)) && WORD_CHAR.test(term.charAt(0))) continue;
      hits.push({ start: at, end: at + term.length, term: t });
    }
  });
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Merges overlapping or touching ranges (sorted by start). */
function merge(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The hit to centre the window on: the first phrase match, else the one with most distinct terms nearby; undefined without hits. */
function bestHit(hits: Hit[], radius: number): Hit | undefined {
  const phrase = hits.find((h) => h.term === 0);
  if (phrase) return phrase;
  let best = hits[0];
  let bestCount = 0;
  // Candidates from the first few hundred only: a common word in a long text stays linear enough.
  for (const h of hits.slice(0, 200)) {
    const near = new Set(hits.filter((o) => o.start >= h.start - radius && o.end <= h.end + radius).map((o) => o.term));
    if (near.size > bestCount) {
      best = h;
      bestCount = near.size;
    }
  }
  return best;
}

const isLowSurrogate = (text: string, i: number) =>
  i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(i)) && /[\uD800-\uDBFF]/.test(text.charAt(i - 1));
const isMark = (text: string, i: number) => i < text.length && /\p{M}/u.test(text.charAt(i));

/** Window [start, end) of UTF-16 units: `radius` each side of [matchStart, matchEnd), unused room moved to the other side, cut at spaces. */
function cutWindow(text: string, matchStart: number, matchEnd: number, radius: number): { start: number; end: number } {
  let start = matchStart - radius;
  let end = matchEnd + radius;
  if (start < 0) {
    end -= start;
    start = 0;
  }
  if (end > text.length) {
    start = Math.max(0, start - (end - text.length));
    end = text.length;
  }
  if (start > 0) {
    const space = text.slice(start, matchStart).search(SPACE);
    if (space !== -1) start += space + 1;
    while (start < matchStart && SPACE.test(text.charAt(start))) start++;
    while (start > 0 && (isLowSurrogate(text, start) || isMark(text, start))) start--;
  }
  if (end < text.length) {
    let cut = end;
    while (cut > matchEnd && !SPACE.test(text.charAt(cut))) cut--;
    if (SPACE.test(text.charAt(cut))) end = cut;
    while (end > matchEnd && SPACE.test(text.charAt(end - 1))) end--;
    while (end < text.length && (isLowSurrogate(text, end) || isMark(text, end))) end++;
  }
  return { start, end };
}

/**
 * A snippet of `text` around the best match of `query`, ignoring case and diacritics, with every
 * occurrence of the phrase and of each query word (2+ characters) marked. About `radius` UTF-16
 * units of context each side; "…" where the text was cut. No match: a window from the start.
 */
export function highlightSnippet(text: string, query: string, radius = 80): Snippet {
  const { folded, from, to } = foldWithOffsets(text);
  const terms = queryTerms(query);
  // Prefer matches at the start of a word ("may" in "máy", not in "xmay"); fall back to any.
  let hits = findHits(folded, terms, true);
  if (hits.length === 0) hits = findHits(folded, terms, false);

  const best = bestHit(hits, radius);
  if (best === undefined) {
    const { start, end } = cutWindow(text, 0, 0, radius);
    return { parts: withEllipses(text, start, end, []), matched: false };
  }
  // The original-text range a hit (a non-empty range of folded units) came from.
  const original = (h: Hit) => {
    const start = from[h.start];
    const end = to[h.end - 1];
    if (start === undefined || end === undefined) throw new RangeError(`folded range ${h.start}–${h.end} is outside the folded text`);
    return { start, end };
  };
  const centre = original(best);
  const { start, end } = cutWindow(text, centre.start, centre.end, radius);
  const ranges = merge(hits.map(original))
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start), end: Math.min(r.end, end) }));
  return { parts: withEllipses(text, start, end, ranges), matched: true };
}

function withEllipses(text: string, start: number, end: number, ranges: { start: number; end: number }[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += s;
    else parts.push({ text: s, match });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const r of ranges) {
    push(text.slice(at, r.start), false);
    push(text.slice(r.start, r.end), true);
    at = r.end;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(ELLIPSIS, false);
  return parts;
}
