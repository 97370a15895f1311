import type { AgreementClaim } from "./types";

type ClaimSpec = Partial<Omit<AgreementClaim, "labels">> & { labels?: Partial<AgreementClaim["labels"]> };

/** A claim for tests: passage "p1" of article "art1", labels fact / no speaker / asserted unless given. */
export function claim(id: string, annotatorId: string, start: number, end: number, spec: ClaimSpec = {}): AgreementClaim {
  return {
    id,
    annotatorId,
    articleId: spec.articleId ?? "art1",
    passageId: spec.passageId ?? "p1",
    start,
    end,
    labels: { claimType: "fact", speaker: "", modality: "asserted", ...spec.labels },
  };
}

/** The optimum of a maximum-weight matching by trying every matching (rows in order, each unmatched or on a free column): fine for ≤ 6 × 6. */
export function bruteForceOptimum(weights: readonly (readonly number[])[]): number {
  const cols = weights[0]?.length ?? 0;
  const best = (row: number, used: number): number => {
    if (row === weights.length) return 0;
    let result = best(row + 1, used);
    for (let j = 0; j < cols; j++) {
      const w = weights[row]![j]!;
      if (!(used & (1 << j)) && w > 0) result = Math.max(result, w + best(row + 1, used | (1 << j)));
    }
    return result;
  };
  return best(0, 0);
}

/** The total of the greedy matching that repeatedly takes the heaviest edge still free. */
export function greedyTotal(weights: readonly (readonly number[])[]): number {
  const edges = weights.flatMap((row, i) => row.map((w, j) => ({ i, j, w }))).sort((x, y) => y.w - x.w);
  const rows = new Set<number>();
  const cols = new Set<number>();
  let sum = 0;
  for (const { i, j, w } of edges) {
    if (w <= 0 || rows.has(i) || cols.has(j)) continue;
    rows.add(i);
    cols.add(j);
    sum += w;
  }
  return sum;
}
