// Pure planning for annotation sessions: who gets which article, and where a session stands.

export type AssignmentPair = { articleId: string; userId: string };

/**
 * Article × annotator pairs: "all" gives every article to every annotator (double annotation for
 * agreement); "split" gives each article to one annotator in turn, in the order given.
 */
export function planAssignments(articleIds: readonly string[], annotatorIds: readonly string[], mode: "all" | "split" | "none"): AssignmentPair[] {
  if (mode === "none" || annotatorIds.length === 0) return [];
  if (mode === "all") return articleIds.flatMap((articleId) => annotatorIds.map((userId) => ({ articleId, userId })));
  return articleIds.map((articleId, i) => ({ articleId, userId: annotatorIds[i % annotatorIds.length]! }));
}

export type SessionState = "blind" | "open" | "revealed" | "closed";

/** Where a session stands: closed; blind and not yet revealed; revealed (was blind); or open. */
export function sessionState(s: { mode: "OPEN" | "BLIND"; revealedAt: Date | null; closedAt: Date | null }): SessionState {
  if (s.closedAt) return "closed";
  if (s.mode === "BLIND") return s.revealedAt ? "revealed" : "blind";
  return "open";
}

export type ProgressCounts = { assigned: number; todo: number; inProgress: number; done: number };

/** Per-annotator progress from their assignments' statuses. */
export function progressOf(statuses: readonly ("TODO" | "IN_PROGRESS" | "DONE")[]): ProgressCounts {
  const out = { assigned: statuses.length, todo: 0, inProgress: 0, done: 0 };
  for (const s of statuses) {
    if (s === "TODO") out.todo++;
    else if (s === "IN_PROGRESS") out.inProgress++;
    else out.done++;
  }
  return out;
}
