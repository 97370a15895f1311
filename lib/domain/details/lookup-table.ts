// Word tables are looked up with whatever word the editor typed; a plain object literal would
// answer "constructor" or "toString" from its prototype and turn them into numbers.

/** A word → value table with no prototype, so only its own words are found. */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
