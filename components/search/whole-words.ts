import type { Snippet, SnippetPart } from "@/lib/domain/snippet";

/** Similar-spelling hits shown after the contained ones, at most. */
export const SIMILAR_TAIL = 3;

/** Keeps every contained hit and at most `SIMILAR_TAIL` similar-spelling ones after them. */
export function shortenSimilarTail<T extends { similar: boolean }>(items: T[]): T[] {
  let similar = 0;
  return items.filter((it) => !it.similar || ++similar <= SIMILAR_TAIL);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Widens each marked part to the whole word(s) it touches, so a similar spelling shows
 * "Komsomolsk" marked rather than the trigram fragment "oms".
 */
export function wholeWords(snippet: Snippet): Snippet {
  const parts: SnippetPart[] = snippet.parts.map((p) => ({ ...p }));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part?.match) continue;
    const before = parts[i - 1];
    if (before && !before.match) {
      const chars = [...before.text];
      let k = chars.length;
      while (k > 0 && WORD_CHAR.test(chars[k - 1] ?? "")) k--;
      part.text = chars.slice(k).join("") + part.text;
      before.text = chars.slice(0, k).join("");
    }
    const after = parts[i + 1];
    if (after && !after.match) {
      const chars = [...after.text];
      let k = 0;
      while (k < chars.length && WORD_CHAR.test(chars[k] ?? "")) k++;
      part.text += chars.slice(0, k).join("");
      after.text = chars.slice(k).join("");
    }
  }
  const merged: SnippetPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.match === p.match) last.text += p.text;
    else merged.push(p);
  }
  return { ...snippet, parts: merged };
}
