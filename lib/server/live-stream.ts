import "server-only";
import { assertCan, requireMember, type Actor } from "@/lib/auth/membership";
import { AppError } from "@/lib/server/errors";
import { claimHidden } from "@/lib/server/visibility";
import { eventHub, eventsAfter, latestEventId, prunedSince, type LiveEvent } from "@/lib/server/event-hub";
import type { LiveLogQuery, LiveQuery } from "@/lib/validation/live";

/** A comment line every so often keeps proxies from closing an idle stream; membership is re-checked then too. */
export const HEARTBEAT_MS = 15_000;

/**
 * Where a page's live updates start: read it BEFORE the page's data, so every change the data
 * might not include is replayed (at worst one refresh too many, never one too few).
 */
export async function liveCursor(actor: Actor): Promise<string> {
  assertCan(actor, "workspace.read");
  return (await latestEventId(actor.workspaceId)).toString();
}

/**
 * Whether a page filtered on an article or a proposition wants this event (membership changes
 * always go out), and whether `actor` may see it: a blind session's work stays with its author.
 */
export function wants(q: LiveQuery, e: LiveEvent, actor: Actor): boolean {
  if (e.entityType === "Membership" || e.entityType === "Workspace") return true;
  const articleWide = e.entityType === "Article" || e.entityType === "Passage" || e.entityType === "AnnotationSession";
  if (claimHidden(actor, { sessionId: e.sessionId, authorId: e.actorId, articleId: articleWide ? null : e.articleId })) return false;
  if (q.articleId && e.articleId !== q.articleId) return false;
  if (q.propositionId && !e.propositionIds.includes(q.propositionId) && !(e.entityType === "Proposition" && e.entityId === q.propositionId)) return false;
  return true;
}

/**
 * The change log after an id, for scripts that poll: the same events, order and filters as the
 * stream, one page at a time. `nextCursor` is set while more events wait; `position` is where
 * the scan stopped: ask with `after=position` later to get only newer events.
 */
export async function listChanges(
  actor: Actor,
  query: LiveLogQuery,
): Promise<{ items: LiveEvent[]; nextCursor: string | null; position: string; truncated: boolean }> {
  assertCan(actor, "workspace.read");
  const items: LiveEvent[] = [];
  let after = BigInt(query.after);
  const truncated = after > 0n && (await prunedSince(actor.workspaceId, after));
  // Filtered-out events still advance the cursor, so a page is never empty while more remain.
  for (;;) {
    const batch = await eventsAfter(actor.workspaceId, after, query.limit);
    for (const e of batch) {
      after = BigInt(e.id);
      if (wants(query, e, actor)) items.push(e);
      if (items.length === query.limit) return { items, nextCursor: after.toString(), position: after.toString(), truncated };
    }
    if (batch.length < query.limit) return { items, nextCursor: null, position: after.toString(), truncated };
  }
}

const frame = (e: LiveEvent) => `id: ${e.id}\nevent: change\ndata: ${JSON.stringify(e)}\n\n`;

/**
 * The workspace's changes as Server-Sent Events: with a Last-Event-ID, first every event after it
 * (from the outbox, in order), then live ones, never one twice. The member is re-checked on every
 * heartbeat and the stream ends at once when their membership is removed.
 */
export async function liveStream(
  actor: Actor,
  query: LiveQuery,
  lastEventIdHeader: string | null,
  signal: AbortSignal,
  opts: { tokenRole?: Actor["role"] } = {},
): Promise<Response> {
  assertCan(actor, "workspace.read");
  const raw = lastEventIdHeader ?? query.lastEventId;
  if (raw !== undefined && !/^\d{1,19}$/.test(raw))
    throw new AppError("validation", "Last-Event-ID must be an event id", { fields: { lastEventId: "Not an event id" } });
  let start = raw !== undefined ? BigInt(raw) : await latestEventId(actor.workspaceId);
  // Resuming from before events that were pruned: the page must reload to catch up.
  const reset = raw !== undefined && (await prunedSince(actor.workspaceId, start));
  if (reset) start = await latestEventId(actor.workspaceId);
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let lastSent = start;
      let unsubscribe = () => {};
      // Re-read on every heartbeat: a revealed blind session shows its events from then on.
      let current = actor;
      let beat: ReturnType<typeof setInterval> | undefined;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const end = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(beat);
        try {
          controller.close();
        } catch {
          // Already closed: the client went away (cancel) before we did.
        }
      };
      stop = end;
      const deliver = (events: LiveEvent[]) => {
        for (const e of events) {
          if (BigInt(e.id) <= lastSent) continue;
          lastSent = BigInt(e.id);
          // A Membership event's entity is the member's user id.
          if (e.entityType === "Membership" && e.entityId === actor.userId && (e.kind === "member.removed" || e.kind === "member.left")) {
            send(`event: revoked\ndata: ${JSON.stringify({ code: "removed", reason: "You are no longer a member of this workspace" })}\n\n`);
            end();
            return;
          }
          if (wants(query, e, current)) send(frame(e));
        }
      };
      send(`retry: 2000\n: connected\n\n`);
      if (reset) send(`id: ${start}\nevent: reset\ndata: ${JSON.stringify({ code: "too_long_offline", reason: "Too long offline: reload to catch up" })}\n\n`);
      // Replay first, then subscribe from where the replay ended: the hub only hands over later ids.
      for (let batch = await eventsAfter(actor.workspaceId, start); batch.length && open; batch = await eventsAfter(actor.workspaceId, lastSent))
        deliver(batch);
      if (!open) return;
      unsubscribe = eventHub().subscribe(actor.workspaceId, lastSent, deliver);
      beat = setInterval(() => {
        void requireMember(actor.userId, actor.workspaceId, { tokenRole: opts.tokenRole, need: "workspace.read" }).then(
          (fresh) => {
            current = fresh;
            send(": heartbeat\n\n");
          },
          () => {
            send(`event: revoked\ndata: ${JSON.stringify({ code: "no_access", reason: "You no longer have access to this workspace" })}\n\n`);
            end();
          },
        );
      }, HEARTBEAT_MS);
      signal.addEventListener("abort", end, { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
