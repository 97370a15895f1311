// Deterministic ordering helpers: every result of this library must not depend on input order or locale.
import { groupBy } from "@/lib/domain/group-by";

/** Groups items by a string key; groups come out in sorted key order (code units) so callers iterate deterministically. */
export function sortedGroups<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  return [...groupBy(items, key).entries()].sort(([x], [y]) => compareStrings(x, y));
}

/** Locale-independent string order, so results never depend on the runtime's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
