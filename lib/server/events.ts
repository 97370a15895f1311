import "server-only";
import type { Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { affectsVerdicts, changeLockSql, maintainVerdicts } from "@/lib/server/verdict-store";

/** The NOTIFY channel; its payload is only the event id (payload limits and lost notifications do not matter). */
export const EVENTS_CHANNEL = "claimboard_events";

/** What changed, for live updates: the kind, the ids a page filters on and the new version. */
export type ChangeInput = {
  /** "annotation.created", "annotation.updated", "annotation.deleted", "annotation.reviewed", "mention.linked", "comment.created", … */
  kind: string;
  entityType: string;
  entityId: string;
  articleId?: string | null;
  propositionIds?: string[];
  /**
   * The propositions whose verdicts the change can move, when fewer than `propositionIds` (which
   * say where it shows, for live pages): a correction that only moves quotes moves no verdict.
   */
  verdictPropositionIds?: string[];
  sessionId?: string | null;
  version?: number | null;
  data?: Prisma.InputJsonValue;
};

/**
 * Record a change in the outbox inside the caller's transaction and announce it at commit. Call it
 * as the LAST statement of the transaction: it takes the workspace's change lock, so events of one
 * workspace commit in id order and a client resuming "after id N" can never miss an earlier one.
 * Holding that lock, it also brings the stored verdicts the change can alter up to date
 * (lib/server/verdict-store.ts). A change that alters no verdict costs one statement.
 */
export async function emit(tx: Tx, actor: Pick<Actor, "userId" | "workspaceId">, change: ChangeInput): Promise<void> {
  if (affectsVerdicts(change)) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${changeLockSql(actor.workspaceId)}))`;
    await maintainVerdicts(tx, actor.workspaceId, change);
  }
  await tx.$executeRaw`WITH ${changeEventCtes(actor, change)} SELECT pg_notify(${EVENTS_CHANNEL}, e.id::text) FROM e`;
}

/**
 * The CTEs `l` and `e` that take the workspace's change lock and insert the change's outbox row
 * (RETURNING id): for emit(), and for a write that is one statement (claim create), whose own
 * CTEs run first when `after` reads them (e.g. `SELECT id FROM a`: no row, no event). The lock is
 * taken in the INSERT's source row, before the row's id is drawn from the sequence, so ids are
 * drawn in commit order; NOTIFY the id from `e` (delivered at commit).
 */
export function changeEventCtes(actor: Pick<Actor, "userId" | "workspaceId">, change: ChangeInput, after: Prisma.Sql = Prisma.sql`SELECT 1`): Prisma.Sql {
  return Prisma.sql`
    l AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext(${changeLockSql(actor.workspaceId)})) AS locked FROM (${after}) AS after_rows),
    e AS (
      INSERT INTO "ChangeEvent" ("workspaceId", kind, "entityType", "entityId", "articleId", "propositionIds", "sessionId", "actorId", version, data)
      SELECT ${actor.workspaceId}::uuid, ${change.kind}, ${change.entityType}, ${change.entityId}, ${change.articleId ?? null}::uuid,
        ${[...(change.propositionIds ?? [])]}::uuid[], ${change.sessionId ?? null}::uuid, ${actor.userId}::uuid, ${change.version ?? null}::int,
        ${JSON.stringify(change.data ?? {})}::jsonb
      FROM l
      RETURNING id
    )`;
}

/** Where a claim shows: its article, the propositions it is linked to and its session (one statement). */
export async function annotationScope(tx: Tx, annotationId: string): Promise<{ articleId: string | null; propositionIds: string[]; sessionId: string | null }> {
  const [row] = await tx.$queryRaw<{ articleId: string; sessionId: string | null; propositionIds: string[] }[]>`
    SELECT p."articleId"::text AS "articleId", a."sessionId"::text AS "sessionId",
      COALESCE((SELECT array_agg(ml."propositionId"::text ORDER BY ml."propositionId") FROM "MentionLink" ml WHERE ml."annotationId" = a.id), '{}') AS "propositionIds"
    FROM "Annotation" a JOIN "Passage" p ON p.id = a."passageId"
    WHERE a.id = ${annotationId}::uuid`;
  return { articleId: row?.articleId ?? null, propositionIds: row?.propositionIds ?? [], sessionId: row?.sessionId ?? null };
}

/** The propositions any claim of an article is linked to (for article-wide changes). */
export async function articlePropositions(tx: Tx, workspaceId: string, articleId: string): Promise<string[]> {
  const rows = await tx.mentionLink.findMany({
    where: { workspaceId, annotation: { passage: { articleId } } },
    select: { propositionId: true },
    distinct: ["propositionId"],
  });
  return rows.map((r) => r.propositionId);
}

/** Announce a change to one claim, with where it shows (its article and propositions). */
export async function emitClaimChange(
  tx: Tx,
  actor: Pick<Actor, "userId" | "workspaceId">,
  kind: string,
  annotationId: string,
  version: number | null,
): Promise<void> {
  await emit(tx, actor, { kind, entityType: "Annotation", entityId: annotationId, version, ...(await annotationScope(tx, annotationId)) });
}
