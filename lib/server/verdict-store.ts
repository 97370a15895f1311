import "server-only";
import { getDb, withSnapshot, type Tx } from "@/lib/db/client";
import { computeVerdict, contestedness, type OriginGraph, type Stance, type Verdict } from "@/lib/domain/comparison";
import { groupBy } from "@/lib/domain/group-by";
import { Prisma } from "@/lib/generated/prisma/client";
import { readMentionRows } from "@/lib/server/mention-rows";
import {
  type ActorAliases,
  type ComparedAnnotation,
  type CountingRule,
  counts,
  loadActorAliases,
  loadCountingRule,
  loadOriginGraph,
  sameValuesOf,
  toMentionInput,
} from "@/lib/server/mention-inputs";

// Stored verdicts (PropositionVerdict): the pure comparison's result per proposition, kept in the
// database so the matrix, reports and exports filter, sort and page in SQL instead of recomputing
// every verdict of the workspace per request.
//
// How they stay right:
// - Every write service ends its transaction with `emit()` (lib/server/events.ts), which takes the
//   workspace's change lock and then calls `maintainVerdicts`. Under that lock the transaction sees
//   every earlier committed change, so recomputing the propositions the change names, from the
//   data, gives the same result as a fresh recomputation; a concurrent change waits for the lock
//   and recomputes after this one commits. Nothing is incremental, so nothing can drift.
// - A change that can move any proposition's verdict (a relay, an entity or alias, the counting
//   rule) marks the workspace's rows stale in the same transaction instead of recomputing
//   thousands of propositions under the lock. Stale and missing rows are recomputed in batches,
//   under the same lock, in the background after commit and by every reader before it reads
//   (`healVerdicts`), so no page ever shows a stale verdict as current.
// - A blind annotation session hides some claims from its annotators; their verdicts are computed
//   live from what they may see (lib/server/comparison.ts), never read from here.

export type StoredVerdict = { verdict: Verdict; counted: number; linked: number; score: number };

/** Changes whose effect on verdicts is not limited to the propositions they name. */
const WORKSPACE_WIDE = new Set(["source.changed", "entity.changed", "workspace.settings"]);
/** Changes that never alter a verdict (comments, inbox, members, presence…). */
const NO_EFFECT = /^(comment|notification|member|invitation|presence)\./;

/** The lock every change of a workspace takes before it records its event (see emit()). */
export const changeLockSql = (workspaceId: string) => `changes:${workspaceId}`;

/** A proposition's verdict from its linked claims: the counted ones make it, the others are said as uncounted. */
export function verdictOfLinks(
  links: readonly { stance: Stance; annotation: ComparedAnnotation }[],
  sameValues: unknown,
  graph: OriginGraph,
  rule: CountingRule,
  aliases: ActorAliases,
): StoredVerdict {
  const counted = links.filter((l) => counts(l.annotation, rule)).map((l) => toMentionInput(l.stance, l.annotation, aliases));
  const verdict = computeVerdict(counted, graph, {
    sameValues: sameValuesOf(sameValues),
    uncounted: links.length - counted.length,
    approvedOnly: rule.approvedOnly,
  });
  return { verdict, counted: counted.length, linked: links.length, score: contestedness(verdict) };
}

/**
 * The verdicts of these propositions from the data as `db` sees it: every linked, non-deleted
 * claim, or only those `visible` selects (a blind annotator's). Four to five queries, whatever the
 * number of propositions.
 */
export async function computeVerdicts(
  workspaceId: string,
  propositionIds: readonly string[],
  db: Tx = getDb(),
  visible: Prisma.Sql = Prisma.sql`TRUE`,
): Promise<Map<string, StoredVerdict>> {
  const out = new Map<string, StoredVerdict>();
  if (propositionIds.length === 0) return out;
  // The loaders read through getDb(); inside a write transaction they must see its own changes.
  return withSnapshot(db, async () => {
    const ids = [...new Set(propositionIds)];
    const [props, links, graph, rule] = await Promise.all([
      db.proposition.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, sameValues: true } }),
      readMentionRows(
        db,
        Prisma.sql`ml."workspaceId" = ${workspaceId}::uuid AND ml."propositionId" = ANY(${ids}::uuid[]) AND an."deletedAt" IS NULL AND ${visible}`,
      ),
      loadOriginGraph(workspaceId),
      loadCountingRule(workspaceId),
    ]);
    const aliases = await loadActorAliases(
      workspaceId,
      links.map((l) => l.annotation),
    );
    const byProp = groupBy(links, (l) => l.propositionId);
    for (const p of props) out.set(p.id, verdictOfLinks(byProp.get(p.id) ?? [], p.sameValues, graph, rule, aliases));
    return out;
  });
}

/** Recompute and store these propositions' verdicts inside `tx` (call it holding the change lock). */
export async function refreshVerdicts(tx: Tx, workspaceId: string, propositionIds: readonly string[]): Promise<void> {
  const computed = await computeVerdicts(workspaceId, propositionIds, tx);
  if (computed.size === 0) return;
  const rows = [...computed].map(([id, v]) => ({ id, kind: v.verdict.kind, score: v.score, counted: v.counted, linked: v.linked, verdict: v.verdict }));
  await tx.$executeRaw`
    INSERT INTO "PropositionVerdict" ("propositionId", "workspaceId", kind, score, counted, linked, verdict, stale, "computedAt")
    SELECT (r->>'id')::uuid, ${workspaceId}::uuid, r->>'kind', (r->>'score')::int, (r->>'counted')::int, (r->>'linked')::int, r->'verdict', FALSE, now()
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r
    ON CONFLICT ("propositionId") DO UPDATE SET
      kind = EXCLUDED.kind, score = EXCLUDED.score, counted = EXCLUDED.counted, linked = EXCLUDED.linked,
      verdict = EXCLUDED.verdict, stale = FALSE, "computedAt" = EXCLUDED."computedAt"`;
}

/** What emit() tells the store about a change. */
export type VerdictChange = { kind: string; propositionIds?: readonly string[]; verdictPropositionIds?: readonly string[] };

/** The propositions whose verdicts a change can move: those it names for that, else all it shows on. */
const verdictTargets = (change: VerdictChange): readonly string[] => change.verdictPropositionIds ?? change.propositionIds ?? [];

/** Whether a change can alter any stored verdict (decides whether emit() must do more than log it). */
export function affectsVerdicts(change: VerdictChange): boolean {
  return WORKSPACE_WIDE.has(change.kind) || (!NO_EFFECT.test(change.kind) && verdictTargets(change).length > 0);
}

/**
 * Keep the stored verdicts right after `change`, inside its transaction, holding the change lock:
 * the named propositions are recomputed; a workspace-wide change marks every row stale and starts
 * a background recomputation that runs once the transaction has committed.
 */
export async function maintainVerdicts(tx: Tx, workspaceId: string, change: VerdictChange): Promise<void> {
  if (WORKSPACE_WIDE.has(change.kind)) {
    await tx.$executeRaw`UPDATE "PropositionVerdict" SET stale = TRUE WHERE "workspaceId" = ${workspaceId}::uuid AND NOT stale`;
    scheduleHeal(workspaceId);
    return;
  }
  if (affectsVerdicts(change)) await refreshVerdicts(tx, workspaceId, verdictTargets(change));
}

const HEAL_BATCH = 200;
const healing = new Map<string, Promise<void>>();

/**
 * Recompute every stale or missing verdict of the workspace, in batches of 200 propositions, each
 * in its own transaction under the change lock (so a batch never holds writers back for long).
 * Concurrent calls for one workspace share one run, which ends when a batch finds nothing left.
 */
export function healVerdicts(workspaceId: string): Promise<void> {
  const running = healing.get(workspaceId);
  if (running) return running;
  const run = (async () => {
    for (;;) {
      const more = await getDb().$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${changeLockSql(workspaceId)}))`;
          const ids = await tx.$queryRaw<{ id: string }[]>`SELECT p.id ${needingHeal(workspaceId)} LIMIT ${HEAL_BATCH}`;
          await refreshVerdicts(
            tx,
            workspaceId,
            ids.map((r) => r.id),
          );
          return ids.length === HEAL_BATCH;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      if (!more) return;
    }
  })().finally(() => {
    if (healing.get(workspaceId) === run) healing.delete(workspaceId);
  });
  healing.set(workspaceId, run);
  return run;
}

// The workspace's propositions without a current stored verdict (FROM … WHERE, for a SELECT).
const needingHeal = (workspaceId: string) => Prisma.sql`FROM "Proposition" p
  WHERE p."workspaceId" = ${workspaceId}::uuid
    AND NOT EXISTS (SELECT 1 FROM "PropositionVerdict" v WHERE v."propositionId" = p.id AND NOT v.stale)`;

/** Whether the workspace has stale or missing verdicts (one indexed query). */
async function verdictsNeedHealing(workspaceId: string): Promise<boolean> {
  return (await getDb().$queryRaw<unknown[]>`SELECT 1 ${needingHeal(workspaceId)} LIMIT 1`).length > 0;
}

/**
 * Make every stored verdict of the workspace current before reading it (cheap when nothing is
 * stale). A shared heal may have checked before a later change marked rows stale: check again.
 */
export async function ensureVerdicts(workspaceId: string): Promise<void> {
  while (await verdictsNeedHealing(workspaceId)) await healVerdicts(workspaceId);
}

// After a workspace-wide change: the heal's first lock waits for that transaction to commit (it
// holds the change lock until then), so it sees the stale marks; after a rollback it finds none.
function scheduleHeal(workspaceId: string) {
  setTimeout(() => {
    healVerdicts(workspaceId).catch((e: unknown) => {
      console.error(`verdicts: background recomputation for workspace ${workspaceId} failed; readers will recompute them`, e);
    });
  }, 20).unref?.();
}

/**
 * The current verdicts of these propositions for a reader that cannot heal first (an export inside
 * its read-only snapshot): stored rows where they are current, recomputed from the same snapshot
 * where they are stale or missing. Not for blind annotators (their verdicts count only what they see).
 */
export async function currentVerdicts(workspaceId: string, propositionIds: readonly string[]): Promise<Map<string, Verdict>> {
  const ids = [...new Set(propositionIds)];
  if (ids.length === 0) return new Map();
  const rows = await getDb().propositionVerdict.findMany({
    where: { workspaceId, propositionId: { in: ids }, stale: false },
    select: { propositionId: true, verdict: true },
  });
  const out = new Map(rows.map((r) => [r.propositionId, r.verdict as unknown as Verdict]));
  const missing = ids.filter((id) => !out.has(id));
  if (missing.length) for (const [id, v] of await computeVerdicts(workspaceId, missing)) out.set(id, v.verdict);
  return out;
}
