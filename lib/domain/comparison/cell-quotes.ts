/** How many quotes an opened comparison-matrix cell lists; the proposition's page lists them all. */
export const QUOTES_PER_CELL = 100;

/**
 * The quotes an opened matrix cell lists when it has more than `n`: the first of each stance it holds (so a
 * mixed cell never shows one side only), then the earliest of the rest, in their original order.
 */
export function sampleQuotes<T extends { stance: string }>(quotes: readonly T[], n = QUOTES_PER_CELL): T[] {
  if (quotes.length <= n) return [...quotes];
  const chosen = new Set<number>();
  const seen = new Set<string>();
  quotes.forEach((q, i) => {
    if (chosen.size < n && !seen.has(q.stance)) {
      seen.add(q.stance);
      chosen.add(i);
    }
  });
  for (let i = 0; i < quotes.length && chosen.size < n; i++) chosen.add(i);
  return quotes.filter((_, i) => chosen.has(i));
}
