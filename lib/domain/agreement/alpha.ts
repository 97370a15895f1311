/**
 * Krippendorff's alpha for nominal data by the coincidence-matrix method: one array per unit holding each coder's value,
 * null for a missing one. Units with fewer than 2 values are not pairable and drop out. α = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 * Null when undefined: no pairable values, or expected disagreement 0 (every pairable value is the same).
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): number | null {
  const totals = new Map<string, number>(); // n_c, the margins of the coincidence matrix
  let observed = 0; // Σ_{c≠k} o_ck
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let same = 0; // ordered pairs of coders with equal values, Σ_c n_uc·(n_uc − 1) plus the m self-pairs
    for (const [value, count] of counts) {
      same += count * count;
      totals.set(value, (totals.get(value) ?? 0) + count);
    }
    // Each of the m·(m−1) ordered pairs of distinct coders weighs 1/(m−1) in the coincidence matrix.
    observed += (m * m - same) / (m - 1);
  }
  let n = 0;
  let squares = 0;
  for (const total of totals.values()) {
    n += total;
    squares += total * total;
  }
  const expected = n * n - squares; // Σ_{c≠k} n_c·n_k
  if (n === 0 || expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
