import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { EVENTS_CHANNEL } from "@/lib/server/events";
import type { ChangeEvent } from "@/lib/generated/prisma/client";
import { type LiveEvent, RETENTION_DAYS } from "@/lib/validation/live";

export type { LiveEvent };

type Subscriber = { workspaceId: string; lastId: bigint; deliver: (events: LiveEvent[]) => void };

/** How often every subscribed workspace is checked even without a notification (lost ones do not matter). */
const SAFETY_POLL_MS = 2000;
const PRUNE_MS = 60 * 60 * 1000;
const BATCH = 500;

const toLive = (r: ChangeEvent): LiveEvent => ({
  id: r.id.toString(),
  kind: r.kind,
  entityType: r.entityType,
  entityId: r.entityId,
  articleId: r.articleId,
  propositionIds: r.propositionIds,
  sessionId: r.sessionId,
  actorId: r.actorId,
  version: r.version,
  data: r.data,
  at: r.at.toISOString(),
});

/** Events of a workspace after `afterId`, in id (= commit) order. */
export async function eventsAfter(workspaceId: string, afterId: bigint, limit = BATCH): Promise<LiveEvent[]> {
  const rows = await getDb().changeEvent.findMany({ where: { workspaceId, id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit });
  return rows.map(toLive);
}

/** Whether events of a workspace after `afterId` were pruned: a client resuming from there must reload. */
export async function prunedSince(workspaceId: string, afterId: bigint): Promise<boolean> {
  const ws = await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { eventsPrunedTo: true } });
  return (ws?.eventsPrunedTo ?? 0n) > afterId;
}

/**
 * Drop events past the retention window and remember, per workspace, the newest id dropped
 * (idempotent; any instance may run it). Returns how many workspaces lost events.
 */
export async function pruneEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
  return getDb().$executeRaw`
    WITH gone AS (DELETE FROM "ChangeEvent" WHERE "at" < ${before} RETURNING "workspaceId", "id"),
         newest AS (SELECT "workspaceId", max("id") AS "id" FROM gone GROUP BY "workspaceId")
    UPDATE "Workspace" w SET "eventsPrunedTo" = newest."id"
    FROM newest WHERE w."id" = newest."workspaceId" AND w."eventsPrunedTo" < newest."id"`;
}

/** The newest event id of a workspace (0 when none): where a fresh subscription starts. */
export async function latestEventId(workspaceId: string): Promise<bigint> {
  const row = await getDb().changeEvent.findFirst({ where: { workspaceId }, orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

/**
 * LISTENs on one connection and fans new events out to this process's subscribers. A
 * notification only says "something new": the hub reads each subscribed workspace's rows after
 * the oldest position its subscribers have, so a lost notification or a reconnect loses nothing,
 * and each subscriber gets only what is past its own position (no duplicates).
 */
export class EventHub {
  private client: pg.Client | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private poll: ReturnType<typeof setInterval> | null = null;
  private prune: ReturnType<typeof setInterval> | null = null;
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  /** Receive every event of `workspaceId` after `afterId`, in order; returns the unsubscribe function. */
  subscribe(workspaceId: string, afterId: bigint, deliver: (events: LiveEvent[]) => void): () => void {
    const sub: Subscriber = { workspaceId, lastId: afterId, deliver };
    this.subscribers.add(sub);
    void this.start();
    this.schedule(workspaceId);
    return () => {
      this.subscribers.delete(sub);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    if (this.prune) clearInterval(this.prune);
    this.poll = null;
    this.prune = null;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }

  private async start() {
    if (this.client || this.closed) return;
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    client.on("notification", (msg) => {
      if (msg.channel !== EVENTS_CHANNEL) return;
      // The payload is only an id; which workspaces to read is simply every one subscribed here.
      for (const ws of this.workspaces()) this.schedule(ws);
    });
    client.on("error", () => this.restart());
    client.on("end", () => this.restart());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch {
      this.restart();
      return;
    }
    this.poll ??= setInterval(() => {
      for (const ws of this.workspaces()) this.schedule(ws);
    }, SAFETY_POLL_MS);
    this.poll.unref?.();
    if (!this.prune) {
      void pruneEvents().catch(() => {});
      this.prune = setInterval(() => void pruneEvents().catch(() => {}), PRUNE_MS);
      this.prune.unref?.();
    }
    // Anything committed while we were connecting.
    for (const ws of this.workspaces()) this.schedule(ws);
  }

  private restart() {
    if (this.closed || !this.client) return;
    const old = this.client;
    this.client = null;
    void old.end().catch(() => {});
    setTimeout(() => void this.start(), 500).unref?.();
  }

  private workspaces(): Set<string> {
    return new Set([...this.subscribers].map((s) => s.workspaceId));
  }

  private schedule(workspaceId: string) {
    this.pending.add(workspaceId);
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.size) this.schedule([...this.pending][0]!);
    });
  }

  private async flush() {
    // Let a burst of notifications collapse into one read per workspace.
    await new Promise((r) => setTimeout(r, 15));
    const workspaces = [...this.pending];
    this.pending.clear();
    for (const ws of workspaces) {
      const subs = [...this.subscribers].filter((s) => s.workspaceId === ws);
      if (subs.length === 0) continue;
      // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.min does not take
      const from = subs.reduce((min, s) => (s.lastId < min ? s.lastId : min), subs[0]!.lastId);
      let events: LiveEvent[];
      try {
        events = await eventsAfter(ws, from);
      } catch {
        continue; // The next poll tries again.
      }
      if (events.length === 0) continue;
      for (const s of subs) {
        const fresh = events.filter((e) => BigInt(e.id) > s.lastId);
        if (fresh.length === 0) continue;
        s.lastId = BigInt(fresh[fresh.length - 1]!.id);
        try {
          s.deliver(fresh);
        } catch {
          this.subscribers.delete(s);
        }
      }
      if (events.length === BATCH) this.pending.add(ws);
    }
  }
}

const registry = globalThis as typeof globalThis & { __claimboardHub?: EventHub };

/** This process's hub (one LISTEN connection per app instance). */
export function eventHub(): EventHub {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  registry.__claimboardHub ??= new EventHub(url);
  return registry.__claimboardHub;
}
