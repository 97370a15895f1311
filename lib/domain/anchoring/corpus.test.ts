import { describe, expect, it } from "vitest";
import { isCounted, quoteSelector, quoteSpan, reanchor, type StoredSelector } from "../anchoring";
import { sliceCodePoints } from "../text";
import { baselineReanchor } from "./baseline";
import { corpus, type CorpusCase } from "./corpus";

type Found = { outcome: string; start?: number; end?: number; reason?: string };

function storedFor(c: CorpusCase): StoredSelector {
  const span = quoteSpan(c.original, c.claim.quote, c.claim.occurrence ?? 0);
  if (!span) throw new Error(`${c.id}: claim not in original`);
  return { ...span, ...quoteSelector(c.original, span.start, span.end) };
}

/** Why a result misses the expectation, or null when outcome and quote (or proposal) are right. */
function miss(c: CorpusCase, found: Found): string | null {
  const { expected } = c;
  if (found.outcome !== expected.outcome) return `expected ${expected.outcome}, got ${found.outcome}`;
  const text = found.start === undefined ? null : sliceCodePoints(c.corrected, found.start, found.end!);
  if (expected.outcome === "needs_review" && expected.proposal !== undefined && text !== expected.proposal) {
    return `proposed "${text}", expected "${expected.proposal}"`;
  }
  if (expected.outcome === "exact" || expected.outcome === "moved" || expected.outcome === "fuzzy") {
    const want = quoteSpan(c.corrected, expected.quote, expected.occurrence ?? 0)!;
    if (found.start !== want.start || found.end !== want.end) {
      return `found "${text}" at ${found.start}–${found.end}, expected "${expected.quote}" at ${want.start}–${want.end}`;
    }
  }
  return null;
}

function score(run: (c: CorpusCase) => Found) {
  const misses = corpus.flatMap((c) => {
    const found = run(c);
    const why = miss(c, found);
    return why ? [`${c.id} (${c.covers}): ${why}${found.reason ? ` — "${found.reason}"` : ""}`] : [];
  });
  return { misses, accuracy: (corpus.length - misses.length) / corpus.length };
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

describe("re-anchoring corpus", () => {
  it("is big and varied enough", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.article)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    const outcomes = new Set(corpus.map((c) => c.expected.outcome));
    expect([...outcomes].sort()).toEqual(["exact", "fuzzy", "moved", "needs_review", "orphaned"]);
  });

  it.each(corpus.map((c) => [c.id, c] as const))("%s is well formed", (_id, c) => {
    for (const s of [c.original, c.corrected, c.claim.quote]) expect(s).toBe(s.normalize("NFC"));
    expect(c.corrected).not.toBe(c.original);
    expect(quoteSpan(c.original, c.claim.quote, c.claim.occurrence ?? 0)).not.toBeNull();
    const { expected } = c;
    if (expected.outcome === "exact" || expected.outcome === "moved" || expected.outcome === "fuzzy") {
      expect(quoteSpan(c.corrected, expected.quote, expected.occurrence ?? 0)).not.toBeNull();
    }
    if (expected.outcome === "needs_review" && expected.proposal !== undefined) {
      expect(c.corrected).toContain(expected.proposal);
    }
  });

  it("reanchor gets every case right and beats the approx-string-match baseline", () => {
    const ours = score((c) => reanchor(c.corrected, storedFor(c)));
    const baseline = score((c) => baselineReanchor(c.corrected, storedFor(c)));
    console.log(
      [
        `re-anchoring corpus: ${corpus.length} cases`,
        `  reanchor: ${percent(ours.accuracy)}${ours.misses.map((m) => `\n    miss ${m}`).join("")}`,
        `  baseline: ${percent(baseline.accuracy)} (${baseline.misses.length} misses)`,
      ].join("\n"),
    );
    expect(ours.misses).toEqual([]);
    expect(ours.accuracy).toBeGreaterThan(baseline.accuracy);
  });

  it("never counts a case that expects review or orphaning", () => {
    const wronglyCounted = corpus
      .filter((c) => !isCounted(c.expected.outcome))
      .filter((c) => isCounted(reanchor(c.corrected, storedFor(c)).outcome))
      .map((c) => c.id);
    expect(wronglyCounted).toEqual([]);
  });

  it("reports the user's rewording the way the desk reads it", () => {
    const c = corpus.find((x) => x.id === "vi-video-reworded-end")!;
    expect(reanchor(c.corrected, storedFor(c)).reason).toBe("reworded: 'tin giả' → 'thông tin bịa đặt'");
  });
});
