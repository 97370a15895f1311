import "server-only";
import { visibleClaimsSql } from "@/lib/server/visibility";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { currentSnapshot, getDb, snapshotConnection } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { ExportMention, ExportProposition } from "@/lib/domain/export/records";
import { ratingSelect, toRating } from "@/lib/server/comparison";
import { loadOriginGraph } from "@/lib/server/mention-inputs";
import { exportScopeSchema, type ExportScope } from "@/lib/validation/exports";
import { hasMentionFilter, mentionMatches } from "@/lib/domain/claim-filter";
import { resolveMentionFilter } from "@/lib/server/claim-filter";
import { inSnapshot, readSnapshot } from "@/lib/db/snapshot";
import { computeVerdicts, currentVerdicts, ensureVerdicts } from "@/lib/server/verdict-store";
import {
  type ClaimRow,
  claimsSql,
  ExportNames,
  type ExportQuery,
  type OriginPaths,
  rowFacts,
  toExportMention,
  type VerdictInfo,
} from "@/lib/server/export-rows";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Claims fetched from the cursor at a time: one round trip and one response chunk each; small
 * enough that turning a batch into text holds the event loop for only a few milliseconds.
 */
const BATCH = 1000;
/**
 * `batchSize`: claims fetched at a time (tests make it small to write between batches).
 * `throughClient`: read the cursor through the client even when the snapshot's connection is known
 * (the fallback's own path, so a test can hold it to the same records).
 */
export type ExportReadOptions = { batchSize?: number; throughClient?: boolean };

/** Parse and check an export scope; ids from other workspaces simply match nothing. */
export function parseScope(input: unknown): ExportScope {
  return exportScopeSchema.parse(input ?? {});
}

/**
 * Every claim mention in scope, in batches by id, read through one server-side cursor so memory
 * stays flat however large the workspace is: the next batch is fetched while the consumer turns
 * this one into text, and no further. Verdicts are looked up once per proposition as it is first
 * met. Everything is read in one snapshot (REPEATABLE READ, READ ONLY), so claims written during
 * the export are not in it and every record agrees with every other; stored verdicts are brought
 * up to date before it opens, so the export reads them rather than recomputing.
 */
export function exportMentionBatches(actor: Actor, scope: ExportScope, opts: ExportReadOptions = {}): AsyncGenerator<ExportMention[]> {
  const batches = inSnapshot(() => batchesInScope(actor, scope, opts.batchSize ?? BATCH, opts.throughClient ?? false));
  // A blind annotator's verdicts are computed from what they see, never read from the store.
  if (actor.blind.sessionIds.length > 0 || currentSnapshot()) return batches;
  return (async function* () {
    await ensureVerdicts(actor.workspaceId);
    yield* batches;
  })();
}

/** The same records one at a time. */
export async function* exportMentions(actor: Actor, scope: ExportScope, opts: ExportReadOptions = {}): AsyncGenerator<ExportMention> {
  for await (const batch of exportMentionBatches(actor, scope, opts)) yield* batch;
}

// Cursor names are per transaction; a counter keeps two reads in one snapshot apart.
let cursors = 0;
let warnedNoConnection = false;

async function* batchesInScope(actor: Actor, scope: ExportScope, batchSize: number, throughClient: boolean): AsyncGenerator<ExportMention[]> {
  assertCan(actor, "workspace.read");
  const mentionFilter = await resolveMentionFilter(actor, scope);
  // An unknown session matches nothing.
  if (mentionFilter.sessionId === null) return;
  const filtering = hasMentionFilter(mentionFilter);
  const choosesPropositions = Boolean(scope.claimTypeId || scope.verdict);
  const graph = await loadOriginGraph(actor.workspaceId);
  const verdicts = new Map<string, VerdictInfo>();
  const origins: OriginPaths = new Map();
  const db = getDb();
  const cursor = Prisma.raw(`export_claims_${++cursors}`);
  // The cursor is read to its end: plan for the whole result, not for its first rows.
  await db.$executeRaw`SET LOCAL cursor_tuple_fraction = 1`;
  await db.$executeRaw`DECLARE ${cursor} NO SCROLL CURSOR FOR ${claimsSql(actor, scope, mentionFilter)}`;
  // The rows are read on the snapshot's connection itself, with the driver's own parsing: mapping
  // them through the client cost more than the rest of the export.
  // (Through the client, slower but the same rows, should the connection not be known.)
  const connection = throughClient ? undefined : snapshotConnection();
  if (!connection && !throughClient && !warnedNoConnection) {
    warnedNoConnection = true;
    console.warn("[exports] the snapshot's connection is not known: reading the cursor through the client (slower)");
  }
  const query: ExportQuery = connection
    ? (text, values) => connection.query(text, values).then((r) => r.rows)
    : (text, values) => db.$queryRawUnsafe(text, ...values);
  const fetchSql = `FETCH FORWARD ${batchSize} FROM ${cursor.sql}`;
  const fetch = () => query<ClaimRow>(fetchSql, []);
  const names = new ExportNames(actor.workspaceId, query);
  let next: Promise<ClaimRow[]> | null = fetch();
  try {
    while (next) {
      const claims = await next;
      next = null;
      const rows = await names.resolve(claims);
      // SQL narrowed the rows to a superset; the filter decides exactly, as the matrix does.
      const kept = filtering ? rows.filter((r) => mentionMatches(mentionFilter, rowFacts(r))) : rows;
      const missing = [...new Set(kept.flatMap((r) => r.mentions.map((m) => m.id)))].filter((id) => !verdicts.has(id));
      if (missing.length > 0) for (const [id, v] of await loadVerdicts(actor, missing)) verdicts.set(id, v);
      // The next batch is read while this one is written out (one statement at a time on the connection).
      if (claims.length === batchSize) next = fetch();
      const batch: ExportMention[] = [];
      for (const r of kept) {
        const m = toExportMention(r, verdicts, graph, origins);
        if (!choosesPropositions) {
          batch.push(m);
          continue;
        }
        // Claim type and verdict choose propositions, as on the comparison page: a claim is exported
        // with the propositions that match, and left out when it has none.
        const claimTypeOf = new Map(r.mentions.map((l) => [l.id, l.claimTypeId]));
        const links = m.propositions.filter(
          (p) => (!scope.claimTypeId || claimTypeOf.get(p.id) === scope.claimTypeId) && (!scope.verdict || p.verdict === scope.verdict),
        );
        if (links.length > 0) batch.push({ ...m, propositions: links });
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    // Stopped early: let the read in flight end before the transaction does.
    await next?.catch(() => {});
  }
  await db.$executeRaw`CLOSE ${cursor}`;
}

/**
 * The verdicts of these propositions as `actor` may see them (a blind session hides claims from
 * its annotators), keyed by proposition id. The one place an export obtains verdicts: it is called
 * once per batch with the ids not seen before, whatever it reads them from.
 */
async function loadVerdicts(actor: Actor, propositionIds: readonly string[]): Promise<Map<string, VerdictInfo>> {
  // Stored verdicts (lib/server/verdict-store.ts), read in the export's snapshot; a blind
  // annotator's count only the claims they may see, so theirs are computed from those.
  const stored =
    actor.blind.sessionIds.length > 0
      ? new Map(
          [...(await computeVerdicts(actor.workspaceId, propositionIds, getDb(), visibleClaimsSql(actor, "an", 'ps."articleId"')))].map(([id, v]) => [
            id,
            v.verdict,
          ]),
        )
      : await currentVerdicts(actor.workspaceId, propositionIds);
  return new Map([...stored].map(([id, v]) => [id, { kind: v.kind, sentence: v.sentence }]));
}

/** Propositions in scope with their mentions, for ClaimReview and the human report; one snapshot, as exportMentions. */
export async function exportPropositions(actor: Actor, scope: ExportScope, opts: ExportReadOptions = {}): Promise<ExportProposition[]> {
  assertCan(actor, "workspace.read");
  if (actor.blind.sessionIds.length === 0 && !currentSnapshot()) await ensureVerdicts(actor.workspaceId);
  return readSnapshot(() => propositionsInScope(actor, scope, opts));
}

async function propositionsInScope(actor: Actor, scope: ExportScope, opts: ExportReadOptions): Promise<ExportProposition[]> {
  const byId = new Map<string, ExportProposition>();
  const props = await getDb().proposition.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(scope.propositionIds ? { id: { in: scope.propositionIds } } : {}),
      ...(scope.claimTypeId ? { claimTypeId: scope.claimTypeId } : {}),
    },
    select: { id: true, statement: true, createdAt: true, updatedAt: true, claimType: { select: { label: true } }, ...ratingSelect },
    orderBy: { createdAt: "asc" },
  });
  for (const p of props) {
    const rating = toRating(p);
    byId.set(p.id, {
      id: p.id,
      statement: p.statement,
      claimType: p.claimType?.label ?? null,
      rating: rating && { ...rating, reviewer: rating.reviewer?.name ?? null },
      verdict: "no_mentions",
      verdictSentence: "",
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      mentions: [],
    });
  }
  for await (const m of exportMentions(actor, { ...scope, verdict: undefined }, opts)) {
    for (const link of m.propositions) {
      const p = byId.get(link.id);
      if (!p) continue;
      p.verdict = link.verdict;
      p.verdictSentence = link.verdictSentence;
      p.mentions.push(m);
    }
  }
  const filtering = Boolean(scope.articleId || scope.sourceId || scope.entityId || scope.from || scope.to || scope.sessionId);
  return [...byId.values()].filter((p) => (!filtering || p.mentions.length > 0) && (!scope.verdict || p.verdict === scope.verdict));
}

export const foldedTitle = (s: string) =>
  foldForMatch(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "") || "export";

/**
 * The words a file name needs so two exports of different scopes do not collide: the article or
 * proposition, then each filter (claim type, verdict, entity, source, session, dates), folded to
 * ASCII. At most one small query per filter that is set, all at once.
 */
export async function exportScopeLabel(actor: Actor, scope: ExportScope): Promise<string> {
  const db = getDb();
  const ws = actor.workspaceId;
  const one = scope.propositionIds?.length === 1 ? scope.propositionIds[0] : undefined;
  const [article, proposition, type, entity, source, session] = await Promise.all([
    scope.articleId ? db.article.findFirst({ where: { id: scope.articleId, workspaceId: ws }, select: { title: true } }) : null,
    one ? db.proposition.findFirst({ where: { id: one, workspaceId: ws }, select: { statement: true } }) : null,
    scope.claimTypeId ? db.claimType.findFirst({ where: { id: scope.claimTypeId, workspaceId: ws }, select: { label: true } }) : null,
    scope.entityId ? db.entity.findFirst({ where: { id: scope.entityId, workspaceId: ws }, select: { name: true } }) : null,
    scope.sourceId ? db.source.findFirst({ where: { id: scope.sourceId, workspaceId: ws }, select: { name: true } }) : null,
    scope.sessionId ? db.annotationSession.findFirst({ where: { id: scope.sessionId, workspaceId: ws }, select: { name: true } }) : null,
  ]);
  const parts = [
    article && foldedTitle(article.title).slice(0, 40),
    proposition && foldedTitle(proposition.statement).slice(0, 40),
    scope.propositionIds && scope.propositionIds.length > 1 && `${scope.propositionIds.length}-propositions`,
    type && foldedTitle(type.label),
    scope.verdict?.replace(/_/g, "-"),
    entity && foldedTitle(entity.name).slice(0, 30),
    source && foldedTitle(source.name).slice(0, 30),
    session && `session-${foldedTitle(session.name).slice(0, 30)}`,
    (scope.from || scope.to) && `${scope.from ?? "start"}-to-${scope.to ?? "now"}`,
  ];
  return parts
    .filter((x): x is string => typeof x === "string" && x.length > 0)
    .map((x) => x.replace(/-+$/, ""))
    .join("-");
}
