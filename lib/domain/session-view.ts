// Pure helpers for showing annotation sessions: progress, due dates, pickers and field errors.

/** Share of `done` in `total`, as a whole percentage 0–100 (0 when nothing is assigned). */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** A due date as the form and the pages show it (YYYY-MM-DD, UTC), and whether it has passed by `now`. */
export function dueOf(dueAt: Date | null, now: Date, closed = false): { date: string; overdue: boolean } | null {
  if (!dueAt) return null;
  const date = dueAt.toISOString().slice(0, 10);
  return { date, overdue: !closed && date < now.toISOString().slice(0, 10) };
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase();

/** Whether every word of `query` occurs in `text`, ignoring case and accents (an empty query matches). */
export function matchesQuery(text: string, query: string): boolean {
  const hay = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** A server field key such as "annotatorIds.2" as the form field and the index of the item it names. */
export function fieldOfKey(key: string): { field: string; index: number | null } {
  const [field = key, rest] = key.split(".", 2);
  const index = rest !== undefined && /^\d+$/.test(rest) ? Number(rest) : null;
  return { field, index };
}

/** The key under which an assignment is looked up in the article × annotator grid. */
export const assignmentKey = (articleId: string, userId: string) => `${articleId}:${userId}`;
