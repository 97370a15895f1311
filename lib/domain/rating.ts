/** The desk's rating in words: "False (2 on a scale from 1 to 5)", "False", "2 of 1–5". */
export function describeRating(r: { label: string | null; value: number | null; best: number | null; worst: number | null }): string {
  const scale = r.value !== null && r.best !== null && r.worst !== null ? `${r.value} on a scale from ${r.worst} (worst) to ${r.best} (best)` : null;
  if (r.label && scale) return `${r.label} (${scale})`;
  return r.label ?? scale ?? "";
}
