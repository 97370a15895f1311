// Shape of the re-anchoring regression corpus and the helpers its cases are written with.

type Counted = { outcome: "exact" | "moved" | "fuzzy"; quote: string; occurrence?: number };
type Review = { outcome: "needs_review"; proposal?: string };
type Orphaned = { outcome: "orphaned" };

export type CorpusCase = {
  id: string;
  article: string;
  /** What the case exercises, for the miss list. */
  covers: string;
  original: string;
  /** The claim: the n-th (0-based) occurrence of quote in original. */
  claim: { quote: string; occurrence?: number };
  corrected: string;
  /** For counted outcomes, the new quote (its n-th occurrence in corrected when repeated). */
  expected: Counted | Review | Orphaned;
};

/** Applies each [from, to] replacement to its first occurrence; throws when from is missing so the corpus cannot drift. */
export function edit(text: string, ...changes: [from: string, to: string][]): string {
  return changes.reduce((acc, [from, to]) => {
    const at = acc.indexOf(from);
    if (at < 0) throw new Error(`corpus edit: "${from}" not in "${acc.slice(0, 40)}…"`);
    return acc.slice(0, at) + to + acc.slice(at + from.length);
  }, text);
}

/** Moves `sentence` (which must occur once, followed by a space or at the end) to the front of text. */
export function moveToFront(text: string, sentence: string): string {
  const rest = edit(text, [` ${sentence}`, ""]);
  return `${sentence} ${rest}`;
}
