import "server-only";
import { visibleClaims, visibleClaimsSql } from "@/lib/server/visibility";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { type Attribution, computeVerdict, independentOrigins, type OriginGraph, sampleQuotes, type Stance, type Verdict } from "@/lib/domain/comparison";
import { rankSuggestions } from "@/lib/domain/suggestions";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { hasMentionFilter, mentionMatches, type MentionFilter } from "@/lib/domain/claim-filter";
import { ensureVerdicts, verdictOfLinks } from "@/lib/server/verdict-store";
import { readCellRows, readMentionRows } from "@/lib/server/mention-rows";
import { mentionFacts, mentionFilterSql, resolveMentionFilter } from "@/lib/server/claim-filter";
import {
  actorRefs,
  comparedAnnotationSelect,
  counts,
  loadActorAliases,
  loadCountingRule,
  loadOriginGraph,
  sameValuesOf,
  speakerRefs,
  toMentionInput,
  type ActorAliases,
  type CountingRule,
} from "@/lib/server/mention-inputs";

export { sameValuesOf };
import { cellQuotesQuerySchema, matrixFilterSchema, type MatrixFilter } from "@/lib/validation/propositions";
import { groupBy } from "@/lib/domain/group-by";

const src = { select: { id: true, name: true, kind: true } } as const;

export const mentionSelect = {
  stance: true,
  propositionId: true,
  annotation: {
    select: {
      ...comparedAnnotationSelect,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      passage: {
        select: {
          id: true,
          position: true,
          article: {
            select: {
              ...comparedAnnotationSelect.passage.select.article.select,
              language: true,
              publisher: src,
            },
          },
        },
      },
    },
  },
} satisfies Prisma.MentionLinkSelect;

export type MentionRow = Prisma.MentionLinkGetPayload<{ select: typeof mentionSelect }>;

/** The desk's rating of a proposition, as the API and exports show it. */
export const ratingSelect = {
  ratingLabel: true,
  ratingValue: true,
  ratingBest: true,
  ratingWorst: true,
  reviewUrl: true,
  reviewDate: true,
  reviewer: { select: { id: true, name: true } },
} satisfies Prisma.PropositionSelect;

type RatingRow = Prisma.PropositionGetPayload<{ select: typeof ratingSelect }>;
export type Rating = {
  label: string | null;
  value: number | null;
  best: number | null;
  worst: number | null;
  url: string | null;
  date: string | null;
  reviewer: { id: string; name: string } | null;
};

export function toRating(r: RatingRow): Rating | null {
  if (r.ratingLabel === null && r.ratingValue === null && r.reviewUrl === null) return null;
  return {
    label: r.ratingLabel,
    value: r.ratingValue,
    best: r.ratingBest,
    worst: r.ratingWorst,
    url: r.reviewUrl,
    date: r.reviewDate?.toISOString().slice(0, 10) ?? null,
    reviewer: r.reviewer,
  };
}

/** One proposition with every mention, its verdict and the sentence explaining it. */
export async function getProposition(actor: Actor, id: string) {
  assertCan(actor, "workspace.read");
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  const db = getDb();
  const p = await db.proposition.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: { id: true, statement: true, createdAt: true, sameValues: true, ...ratingSelect, claimType: { select: { id: true, label: true, color: true } } },
  });
  if (!p) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  const [mentions, graph, rule] = await Promise.all([
    db.mentionLink.findMany({
      where: { workspaceId: actor.workspaceId, propositionId: id, annotation: { deletedAt: null, ...visibleClaims(actor) } },
      select: {
        ...mentionSelect,
        annotation: { select: { ...mentionSelect.annotation.select, passage: { select: { ...mentionSelect.annotation.select.passage.select, text: true } } } },
      },
      orderBy: { createdAt: "asc" },
    }),
    loadOriginGraph(actor.workspaceId),
    loadCountingRule(actor.workspaceId),
  ]);
  const aliases = await loadActorAliases(
    actor.workspaceId,
    mentions.map((m) => m.annotation),
  );
  const withInputs = mentions.map((m) => ({ m, input: toMentionInput(m.stance, m.annotation, aliases) }));
  const sameValues = sameValuesOf(p.sameValues);
  // Orphaned and needs-review claims (and, approved-only, unapproved ones) are listed but do not count.
  const counted = withInputs.filter(({ m }) => counts(m.annotation, rule)).map(({ input }) => input);
  const verdict = computeVerdict(counted, graph, { sameValues, uncounted: withInputs.length - counted.length, approvedOnly: rule.approvedOnly });
  const { sameValues: _raw, ratingLabel: _l, ratingValue: _v, ratingBest: _b, ratingWorst: _w, reviewUrl: _u, reviewDate: _d, reviewer: _r, ...rest } = p;
  return {
    ...rest,
    rating: toRating(p),
    sameValues,
    countApprovedOnly: rule.approvedOnly,
    verdict,
    mentions: withInputs.map(({ m, input }) => {
      const { speakers: _s, actorEntities, ...annotation } = m.annotation;
      return {
        stance: m.stance,
        annotation: { ...annotation, speakers: speakerRefs(m.annotation), actorEntities: actorEntities.map((x) => x.entity) },
        counted: counts(m.annotation, rule),
        details: input.fields,
        actors: input.actors,
        origins: independentOrigins(input, graph),
      };
    }),
  };
}

/** A cell is its stances and how many counted mentions it holds; its quotes come on demand (getCellQuotes). */
export type MatrixCell = { stances: Stance[]; count: number };
const PAGE = 50;

const matrixPropositionSelect = {
  id: true,
  statement: true,
  createdAt: true,
  sameValues: true,
  ...ratingSelect,
  claimType: { select: { id: true, label: true, color: true } },
} satisfies Prisma.PropositionSelect;
type MatrixProposition = Prisma.PropositionGetPayload<{ select: typeof matrixPropositionSelect }>;
type MatrixPage = { total: number; rows: { p: MatrixProposition; verdict: Verdict; counted: number }[] };

/**
 * Propositions × sources, 50 rows a page. Verdicts are the stored ones (lib/server/verdict-store.ts),
 * so the filters, the sort and the page are one SQL query and only the page's mentions are read.
 * An annotator in a running blind session sees verdicts computed from the claims they may see.
 */
export async function getMatrix(actor: Actor, rawFilter: unknown) {
  assertCan(actor, "workspace.read");
  const f: MatrixFilter = matrixFilterSchema.parse(rawFilter ?? {});
  const [graph, filter, rule] = await Promise.all([loadOriginGraph(actor.workspaceId), resolveMentionFilter(actor, f), loadCountingRule(actor.workspaceId)]);
  const page = actor.blind.sessionIds.length > 0 ? await liveMatrixPage(actor, f, filter, graph, rule) : await storedMatrixPage(actor, f, filter);
  const ids = page.rows.map((r) => r.p.id);
  const links = ids.length ? await readCellRows(getDb(), Prisma.sql`${visibleLinks(actor)} AND ml."propositionId" = ANY(${ids}::uuid[])`) : [];
  const byProp = groupBy(
    links.filter((l) => counts(l, rule)),
    (l) => l.propositionId,
  );
  const columns = new Map<string, { key: string; label: string; kind?: string; count: number }>();
  const table = page.rows.map(({ p, verdict, counted }) => {
    const cells: Record<string, MatrixCell> = {};
    for (const m of byProp.get(p.id) ?? []) {
      // A claim with two speakers sits in both speakers' columns.
      for (const col of columnsOf(m, f.columns, graph)) {
        const c = columns.get(col.key) ?? { ...col, count: 0 };
        c.count += 1;
        columns.set(col.key, c);
        const cell = cells[col.key] ?? { stances: [], count: 0 };
        cells[col.key] = cell;
        if (!cell.stances.includes(m.stance)) cell.stances.push(m.stance);
        cell.count += 1;
      }
    }
    return { id: p.id, statement: p.statement, rating: toRating(p), claimType: p.claimType, verdict, mentionCount: counted, cells };
  });
  return {
    filter: f,
    countApprovedOnly: rule.approvedOnly,
    total: page.total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(page.total / PAGE)),
    columns: [...columns.values()].sort(
      (a, b) => (a.key === "unattributed" ? 1 : 0) - (b.key === "unattributed" ? 1 : 0) || b.count - a.count || a.label.localeCompare(b.label),
    ),
    rows: table,
  };
}

const NO_ALIASES: ActorAliases = new Map();

/**
 * The quotes in one matrix cell, oldest first: the counted mentions of proposition `id` that sit in
 * `column` (a key of getMatrix's columns). The matrix carries only each cell's stances and count,
 * since a busy page has thousands of cells; a cell's quotes are read when it is opened.
 */
export async function getCellQuotes(actor: Actor, id: string, rawQuery: unknown) {
  assertCan(actor, "workspace.read");
  const q = cellQuotesQuerySchema.parse(rawQuery ?? {});
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  const db = getDb();
  const [p, links, graph, rule] = await Promise.all([
    db.proposition.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: { id: true } }),
    readMentionRows(db, Prisma.sql`${visibleLinks(actor)} AND ml."propositionId" = ${id}::uuid`),
    loadOriginGraph(actor.workspaceId),
    loadCountingRule(actor.workspaceId),
  ]);
  if (!p) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  let column: { key: string; label: string; kind?: string } | null = null;
  const quotes: { annotationId: string; exact: string; stance: Stance; articleId: string; articleTitle: string; publishedAt: string | null }[] = [];
  for (const m of links) {
    if (!counts(m.annotation, rule)) continue;
    const col = columnsOf(toMentionInput(m.stance, m.annotation, NO_ALIASES), q.columns, graph).find((c) => c.key === q.column);
    if (!col) continue;
    column ??= col;
    const art = m.annotation.passage.article;
    quotes.push({
      annotationId: m.annotation.id,
      exact: m.annotation.exact,
      stance: m.stance,
      articleId: art.id,
      articleTitle: art.title,
      publishedAt: art.publishedAt?.toISOString().slice(0, 10) ?? null,
    });
  }
  return { propositionId: id, column, count: quotes.length, quotes: sampleQuotes(quotes) };
}

/** The workspace's links to live claims that `actor` may see, for readMentionRows. */
const visibleLinks = (actor: Actor) =>
  Prisma.sql`ml."workspaceId" = ${actor.workspaceId}::uuid AND an."deletedAt" IS NULL AND ${visibleClaimsSql(actor, "an", 'ps."articleId"')}`;

/** The page from the stored verdicts: filter, sort, count and cut in SQL (two queries, after healing). */
async function storedMatrixPage(actor: Actor, f: MatrixFilter, filter: MentionFilter): Promise<MatrixPage> {
  const db = getDb();
  await ensureVerdicts(actor.workspaceId);
  const ws = actor.workspaceId;
  const conditions: Prisma.Sql[] = [Prisma.sql`p."workspaceId" = ${ws}::uuid`];
  if (f.claimTypeId) conditions.push(Prisma.sql`p."claimTypeId" = ${f.claimTypeId}::uuid`);
  if (f.verdict) conditions.push(Prisma.sql`v.kind = ${f.verdict}`);
  if (hasMentionFilter(filter)) {
    const mention = await mentionFilterSql(actor, filter, "an", "ar");
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "MentionLink" ml
      JOIN "Annotation" an ON an.id = ml."annotationId" AND an."deletedAt" IS NULL
      JOIN "Passage" ps ON ps.id = an."passageId"
      JOIN "Article" ar ON ar.id = ps."articleId"
      WHERE ml."propositionId" = p.id AND ${mention})`);
  }
  const where = Prisma.join(conditions, " AND ");
  const order =
    f.sort === "contested"
      ? Prisma.sql`v.score DESC, v.counted DESC, p."createdAt" DESC, p.id`
      : f.sort === "mentions"
        ? Prisma.sql`v.counted DESC, p."createdAt" DESC, p.id`
        : Prisma.sql`p."createdAt" DESC, p.id`;
  const from = Prisma.sql`FROM "Proposition" p JOIN "PropositionVerdict" v ON v."propositionId" = p.id AND v."workspaceId" = p."workspaceId"`;
  const [pageIds, [count]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT p.id ${from} WHERE ${where} ORDER BY ${order} LIMIT ${PAGE} OFFSET ${(f.page - 1) * PAGE}`,
    db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total ${from} WHERE ${where}`,
  ]);
  const ids = pageIds.map((r) => r.id);
  const props = ids.length
    ? await db.proposition.findMany({
        where: { workspaceId: ws, id: { in: ids } },
        select: { ...matrixPropositionSelect, verdict: { select: { verdict: true, counted: true } } },
      })
    : [];
  const byId = new Map(props.map((p) => [p.id, p]));
  return {
    total: count?.total ?? 0,
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row?.verdict) return [];
      const { verdict, ...p } = row;
      return [{ p, verdict: verdict.verdict as unknown as Verdict, counted: verdict.counted }];
    }),
  };
}

/**
 * The page computed from every visible mention, for an annotator in a running blind session: the
 * stored verdicts count claims they may not see, so their verdicts are recomputed from what they can.
 */
async function liveMatrixPage(actor: Actor, f: MatrixFilter, filter: MentionFilter, graph: OriginGraph, rule: CountingRule): Promise<MatrixPage> {
  const db = getDb();
  const [props, links] = await Promise.all([
    db.proposition.findMany({
      where: { workspaceId: actor.workspaceId, ...(f.claimTypeId ? { claimTypeId: f.claimTypeId } : {}) },
      select: matrixPropositionSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    readMentionRows(db, visibleLinks(actor)),
  ]);
  const aliases = await loadActorAliases(
    actor.workspaceId,
    links.map((l) => l.annotation),
  );
  const byProp = groupBy(links, (l) => l.propositionId);
  const filtering = hasMentionFilter(filter);
  const rows = props
    .map((p) => {
      const all = byProp.get(p.id) ?? [];
      // Every linked mention decides whether the row matches the filters (as in the exports);
      // only counted ones make the verdict.
      const matching = !filtering || all.some((m) => mentionMatches(filter, mentionFacts(m.annotation)));
      return { p, matching, ...verdictOfLinks(all, p.sameValues, graph, rule, aliases) };
    })
    .filter((r) => r.matching && (!f.verdict || r.verdict.kind === f.verdict));
  if (f.sort === "contested") rows.sort((a, b) => b.score - a.score || b.counted - a.counted);
  if (f.sort === "mentions") rows.sort((a, b) => b.counted - a.counted);
  return { total: rows.length, rows: rows.slice((f.page - 1) * PAGE, f.page * PAGE) };
}

// Unattributed mentions share one column ("unattributed"), never one each.
function columnsOf(m: Attribution, mode: MatrixFilter["columns"], graph: OriginGraph): { key: string; label: string; kind?: string }[] {
  if (mode === "origins") return independentOrigins(m, graph).map((o) => ({ key: o.key, label: o.key === "unattributed" ? "Unattributed" : o.label }));
  const p = m.publisher;
  return [p ? { key: `source:${p.id}`, label: p.name, kind: p.kind } : { key: "none", label: "No publisher" }];
}

const suggestAnnotationSelect = {
  exact: true,
  actors: true,
  fields: true,
  modality: true,
  claimType: { select: { key: true } },
  speakers: { select: { entity: { select: { id: true, name: true } }, source: { select: { id: true, name: true, kind: true } } } },
  actorEntities: { select: { entity: { select: { id: true, name: true } } } },
} satisfies Prisma.AnnotationSelect;
type SuggestAnnotation = Prisma.AnnotationGetPayload<{ select: typeof suggestAnnotationSelect }>;

function suggestEntities(a: SuggestAnnotation, aliases: ReadonlyMap<string, { id: string; name: string }>) {
  return [...speakerRefs(a).map((s) => ({ key: `${s.type}:${s.id}`, label: s.name })), ...actorRefs(a, aliases).map((x) => ({ key: x.key, label: x.label }))];
}

/**
 * Existing propositions a claim probably belongs to, best first, with reasons in words and the
 * stance to link with. Candidates: the same type, similar wording, or shared speakers and actors
 * in any type, so a denial finds the arms-transfer proposition it refutes.
 */
export async function suggestPropositions(actor: Actor, annotationId: string) {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const a = await db.annotation.findFirst({
    where: { id: annotationId, workspaceId: actor.workspaceId, deletedAt: null, ...visibleClaims(actor) },
    select: { ...suggestAnnotationSelect, claimTypeId: true, mentions: { select: { propositionId: true } } },
  });
  if (!a) throw new AppError("not_found", "Claim not found", undefined, { key: "errors.claimNotFound" });
  const ownAliases = await loadActorAliases(actor.workspaceId, [a]);
  const entities = suggestEntities(a, ownAliases);
  const entityIds = entities.filter((e) => e.key.startsWith("entity:")).map((e) => e.key.slice(7));
  const sourceIds = entities.filter((e) => e.key.startsWith("source:")).map((e) => e.key.slice(7));
  const aliasTexts = entityIds.length
    ? (await db.entityAlias.findMany({ where: { workspaceId: actor.workspaceId, entityId: { in: entityIds } }, select: { alias: true } })).map((x) => x.alias)
    : [];
  const folded = foldForMatch(a.exact);
  // Candidates by type or wording (trigram index), and by shared entities whatever their type.
  const similar = await db.$queryRaw<{ id: string }[]>`
    (SELECT id FROM "Proposition"
      WHERE "workspaceId" = ${actor.workspaceId}::uuid
        AND ("claimTypeId" = ${a.claimTypeId}::uuid OR similarity("searchText", ${folded}) > 0.15)
      ORDER BY similarity("searchText", ${folded}) DESC LIMIT 200)
    UNION
    (SELECT DISTINCT ml."propositionId" FROM "MentionLink" ml
      JOIN "Annotation" an ON an.id = ml."annotationId" AND an."deletedAt" IS NULL
      JOIN "Passage" p ON p.id = an."passageId"
      WHERE ml."workspaceId" = ${actor.workspaceId}::uuid AND ${visibleClaimsSql(actor, "an", 'p."articleId"')} AND (
        EXISTS (SELECT 1 FROM "AnnotationSpeaker" sp WHERE sp."annotationId" = an.id AND (sp."entityId" = ANY(${entityIds}::uuid[]) OR sp."sourceId" = ANY(${sourceIds}::uuid[])))
        OR EXISTS (SELECT 1 FROM "AnnotationActor" ac WHERE ac."annotationId" = an.id AND ac."entityId" = ANY(${entityIds}::uuid[]))
        OR an.actors && ${aliasTexts}::text[])
      LIMIT 200)`;
  const linked = new Set(a.mentions.map((m) => m.propositionId));
  const ids = similar.map((s) => s.id).filter((id) => !linked.has(id));
  if (ids.length === 0) return [];
  const candidates = await db.proposition.findMany({
    where: { id: { in: ids }, workspaceId: actor.workspaceId },
    select: {
      id: true,
      statement: true,
      claimTypeId: true,
      claimType: { select: { key: true } },
      mentions: { take: 20, where: { annotation: { deletedAt: null, ...visibleClaims(actor) } }, select: { annotation: { select: suggestAnnotationSelect } } },
    },
  });
  const aliases = await loadActorAliases(
    actor.workspaceId,
    candidates.flatMap((c) => c.mentions.map((m) => m.annotation)),
  );
  const ranked = rankSuggestions(
    { claimTypeId: a.claimTypeId, text: a.exact, entities, denies: a.modality === "DENIED" || a.claimType.key === "denial" },
    candidates.map((c) => ({
      id: c.id,
      statement: c.statement,
      claimTypeId: c.claimTypeId,
      isDenial: c.claimType?.key === "denial",
      entities: c.mentions.flatMap((m) => suggestEntities(m.annotation, aliases)),
      mentionTexts: c.mentions.map((m) => m.annotation.exact),
    })),
  );
  const statement = new Map(candidates.map((c) => [c.id, c.statement]));
  return ranked.map((r) => ({ ...r, statement: statement.get(r.id)! }));
}

/** Propositions whose statement contains or resembles `q` (trigram index), for "link to existing". */
export async function findPropositions(actor: Actor, rawQ: unknown) {
  assertCan(actor, "workspace.read");
  const q = foldForMatch(z.string().max(200).catch("").parse(rawQ));
  if (q.length < 2) {
    return getDb().proposition.findMany({
      where: { workspaceId: actor.workspaceId },
      select: { id: true, statement: true },
      orderBy: { createdAt: "desc" },
      take: 50,
    });
  }
  return getDb().$queryRaw<{ id: string; statement: string }[]>`
    SELECT id, statement FROM "Proposition"
    WHERE "workspaceId" = ${actor.workspaceId}::uuid
      AND ("searchText" LIKE '%' || ${q} || '%' OR ${q} <% "searchText")
    ORDER BY ("searchText" LIKE '%' || ${q} || '%') DESC, word_similarity(${q}, "searchText") DESC, "createdAt" DESC
    LIMIT 10`;
}

/** Choices for the comparison filters. */
export async function matrixFilterOptions(actor: Actor) {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const where = { workspaceId: actor.workspaceId };
  const [claimTypes, entities, sources, sessions] = await Promise.all([
    db.claimType.findMany({ where, select: { id: true, label: true }, orderBy: { position: "asc" } }),
    db.entity.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
    db.source.findMany({ where, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
    db.annotationSession.findMany({ where, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 200 }),
  ]);
  return { claimTypes, entities, sources, sessions };
}
