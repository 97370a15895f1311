// Presence: who has an article open, merged from one heartbeat row per browser tab.

/** A viewer counts as present this long after their last heartbeat, in milliseconds. */
export const PRESENCE_WINDOW_MS = 15_000;
/** How often an open, visible tab says it is still there, in milliseconds. */
export const HEARTBEAT_MS = 5_000;

/** One person on an article: their tabs merged; `editingAnnotationId` is the claim their latest editing tab has open. */
export type Viewer = { userId: string; name: string; initials: string; editingAnnotationId: string | null; you: boolean };

/** One tab's heartbeat row. */
export type PresenceRow = { userId: string; name: string; editingAnnotationId: string | null; seenAt: Date };

/** Up to two letters for an avatar: the first letters of the first and last words ("Lan Nguyễn" → "LN"). */
export function initials(name: string): string {
  const words = name.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return "?";
  const letter = (w: string) => Array.from(w)[0] ?? "";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return (letter(first) + (last === undefined ? "" : letter(last))).toLocaleUpperCase();
}

/**
 * Tabs → people, ordered by name (so avatars do not jump around between heartbeats). A person
 * editing in one tab and reading in another is editing.
 */
export function mergeTabs(rows: readonly PresenceRow[], selfId: string): Viewer[] {
  const latestFirst = [...rows].sort((a, b) => b.seenAt.getTime() - a.seenAt.getTime());
  const byUser = new Map<string, Viewer>();
  for (const r of latestFirst) {
    const seen = byUser.get(r.userId);
    if (seen) {
      seen.editingAnnotationId ??= r.editingAnnotationId;
      continue;
    }
    byUser.set(r.userId, { userId: r.userId, name: r.name, initials: initials(r.name), editingAnnotationId: r.editingAnnotationId, you: r.userId === selfId });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** What a viewer would notice about one person: whether they are there, and which claim they edit. */
export function presenceOf(tabs: readonly { editingAnnotationId: string | null; seenAt: Date }[]): { present: boolean; editing: string | null } {
  const latestFirst = [...tabs].sort((a, b) => b.seenAt.getTime() - a.seenAt.getTime());
  return { present: tabs.length > 0, editing: latestFirst.find((t) => t.editingAnnotationId !== null)?.editingAnnotationId ?? null };
}
