// Chance-corrected agreement on nominal labels. Counts stay integers until the final division so that "chance
// agreement is exactly 1" is decided exactly, not by a float comparison.

/**
 * Cohen's (1960) kappa for two raters, one [raterA, raterB] label pair per item: (Po − Pe) / (1 − Pe), Pe from each
 * rater's own label distribution. Null when there are no pairs or Pe = 1 (both raters used one and the same label
 * throughout: observed agreement is then perfect but kappa is 0/0, undefined).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  // n²·Pe: the number of (item, item) label coincidences expected by chance.
  let chance = 0;
  for (const [label, countA] of countsA) chance += countA * (countsB.get(label) ?? 0);
  const denominator = n * n - chance;
  return denominator === 0 ? null : (n * agreed - chance) / denominator;
}

/**
 * Fleiss' (1971) kappa: one array per subject holding the labels its raters gave, every subject rated by the same
 * number (≥ 2) of raters (not necessarily the same raters). Null with no subjects or when chance agreement P̄e = 1
 * (every label identical). Throws when the number of raters differs between subjects or is below 2.
 */
export function fleissKappa(units: readonly (readonly string[])[]): number | null {
  const subjects = units.length;
  if (subjects === 0) return null;
  const raters = units[0]!.length;
  units.forEach((labels, i) => {
    if (labels.length !== raters) {
      throw new Error(`fleissKappa: subject ${i} has ${labels.length} ratings, subject 0 has ${raters}; every subject needs the same number of raters`);
    }
  });
  if (raters < 2) throw new Error(`fleissKappa: needs at least 2 raters per subject, got ${raters}`);

  const totals = new Map<string, number>();
  let sumSquares = 0; // Σ_i Σ_j n_ij²
  for (const labels of units) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const [label, count] of counts) {
      sumSquares += count * count;
      totals.set(label, (totals.get(label) ?? 0) + count);
    }
  }
  const ratings = subjects * raters;
  let totalSquares = 0; // Σ_j (Σ_i n_ij)² = (N·n)²·P̄e
  for (const total of totals.values()) totalSquares += total * total;
  if (totalSquares === ratings * ratings) return null;
  const meanAgreement = (sumSquares - ratings) / (ratings * (raters - 1)); // P̄
  const chance = totalSquares / (ratings * ratings); // P̄e
  return (meanAgreement - chance) / (1 - chance);
}
