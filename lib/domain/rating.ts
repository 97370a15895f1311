type Rating = { label: string | null; value: number | null; best: number | null; worst: number | null };

/** How a rating is put into words, in one language (the interface's, from its catalogue). */
export type RatingWords = {
  scale: (v: { value: number; worst: number; best: number }) => string;
  labelled: (v: { label: string; scale: string }) => string;
};

const ENGLISH: RatingWords = {
  scale: ({ value, worst, best }) => `${value} on a scale from ${worst} (worst) to ${best} (best)`,
  labelled: ({ label, scale }) => `${label} (${scale})`,
};

/** The desk's rating in words: "False (2 on a scale from 1 (worst) to 5 (best))", "False", "2 on a scale …". */
export function describeRating(r: Rating, words: RatingWords = ENGLISH): string {
  const scale = r.value !== null && r.best !== null && r.worst !== null ? words.scale({ value: r.value, worst: r.worst, best: r.best }) : null;
  if (r.label && scale) return words.labelled({ label: r.label, scale });
  return r.label ?? scale ?? "";
}
