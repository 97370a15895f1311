import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { computeVerdict, independentOrigins, type OriginGraph } from "@/lib/domain/comparison";
import type { ExportFields, ExportMention, ExportProposition } from "@/lib/domain/export/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mentionSelect, ratingSelect, sameValuesOf, toRating } from "@/lib/server/comparison";
import {
  comparedAnnotationSelect,
  counts,
  loadActorAliases,
  loadCountingRule,
  loadOriginGraph,
  toMentionInput,
  type ActorAliases,
  type CountingRule,
} from "@/lib/server/mention-inputs";
import { exportScopeSchema, type ExportScope } from "@/lib/validation/exports";
import { mentionMatches, type MentionFilter } from "@/lib/domain/claim-filter";
import { mentionFacts, resolveMentionFilter } from "@/lib/server/claim-filter";
import { groupBy } from "@/lib/domain/group-by";
import { inSnapshot, readSnapshot } from "@/lib/db/snapshot";

const BATCH = 500;
/** `batchSize`: claims read per query (tests make it small to write between batches). */
export type ExportReadOptions = { batchSize?: number };
type VerdictInfo = { kind: string; sentence: string };

const src = { select: { id: true, name: true, kind: true } } as const;
const exportAnnotationSelect = {
  ...comparedAnnotationSelect,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  note: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  claimType: { select: { label: true } },
  author: { select: { name: true } },
  speakers: { select: { entity: { select: { id: true, name: true, kind: true } }, source: src }, orderBy: { position: "asc" as const } },
  passage: {
    select: {
      id: true,
      position: true,
      article: {
        select: {
          id: true,
          title: true,
          url: true,
          contentHash: true,
          publishedAt: true,
          language: true,
          publisher: src,
          origins: { select: { source: src }, orderBy: { position: "asc" as const } },
        },
      },
    },
  },
  mentions: { select: { stance: true, proposition: { select: { id: true, statement: true, ratingLabel: true, claimTypeId: true } } } },
} satisfies Prisma.AnnotationSelect;
type Row = Prisma.AnnotationGetPayload<{ select: typeof exportAnnotationSelect }>;

/** Parse and check an export scope; ids from other workspaces simply match nothing. */
export function parseScope(input: unknown): ExportScope {
  return exportScopeSchema.parse(input ?? {});
}

/**
 * The claims an export reads from the database: article, propositions and the mention filters
 * narrowed in SQL (a superset where aliases are involved); `mentionMatches` then decides exactly,
 * as the matrix does. Null when nothing can match (an unknown session).
 */
function where(actor: Actor, scope: ExportScope, filter: MentionFilter): Prisma.AnnotationWhereInput | null {
  if (filter.sessionId === null) return null;
  const and: Prisma.AnnotationWhereInput[] = [{ workspaceId: actor.workspaceId, deletedAt: null }];
  if (scope.articleId) and.push({ passage: { articleId: scope.articleId } });
  if (scope.propositionIds) and.push({ mentions: { some: { propositionId: { in: scope.propositionIds } } } });
  if (scope.claimTypeId) and.push({ mentions: { some: { proposition: { claimTypeId: scope.claimTypeId } } } });
  if (scope.from || scope.to) {
    and.push({
      passage: { article: { publishedAt: { ...(scope.from ? { gte: new Date(scope.from) } : {}), ...(scope.to ? { lte: new Date(scope.to) } : {}) } } },
    });
  }
  if (scope.sourceId) {
    and.push({
      OR: [
        { speakers: { some: { sourceId: scope.sourceId } } },
        { passage: { article: { publisherId: scope.sourceId } } },
        { passage: { article: { origins: { some: { sourceId: scope.sourceId } } } } },
      ],
    });
  }
  // Free-text actors match by folded alias, which SQL here cannot say exactly: keep them all for the check.
  if (scope.entityId)
    and.push({
      OR: [
        { speakers: { some: { entityId: scope.entityId } } },
        { actorEntities: { some: { entityId: scope.entityId } } },
        { NOT: { actors: { isEmpty: true } } },
      ],
    });
  if (filter.sessionId) and.push({ sessionId: filter.sessionId });
  and.push(visibleClaims(actor));
  return { AND: and };
}

/**
 * Every claim mention in scope, in batches by id, so memory stays flat however large the
 * workspace is. Verdicts are computed once per proposition as it is first met. All batches read
 * one snapshot (REPEATABLE READ, READ ONLY), so claims written during the export are not in it
 * and every record agrees with every other.
 */
export function exportMentions(actor: Actor, scope: ExportScope, opts: ExportReadOptions = {}): AsyncGenerator<ExportMention> {
  return inSnapshot(() => mentionsInScope(actor, scope, opts.batchSize ?? BATCH));
}

async function* mentionsInScope(actor: Actor, scope: ExportScope, batchSize: number): AsyncGenerator<ExportMention> {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const mentionFilter = await resolveMentionFilter(actor, scope);
  const filter = where(actor, scope, mentionFilter);
  if (!filter) return;
  const [graph, rule] = await Promise.all([loadOriginGraph(actor.workspaceId), loadCountingRule(actor.workspaceId)]);
  const verdicts = new Map<string, VerdictInfo>();
  let cursor: string | undefined;
  for (;;) {
    const rows: Row[] = await db.annotation.findMany({
      where: filter,
      select: exportAnnotationSelect,
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    const aliases = await loadActorAliases(actor.workspaceId, rows);
    await loadVerdicts(actor, rows, verdicts, graph, rule);
    for (const r of rows) {
      if (!mentionMatches(mentionFilter, mentionFacts(r))) continue;
      const m = toExportMention(r, verdicts, graph, aliases);
      // Claim type and verdict choose propositions, as on the comparison page: a claim is exported
      // with the propositions that match, and left out when it has none.
      const claimTypeOf = new Map(r.mentions.map((l) => [l.proposition.id, l.proposition.claimTypeId]));
      const links = m.propositions.filter(
        (p) => (!scope.claimTypeId || claimTypeOf.get(p.id) === scope.claimTypeId) && (!scope.verdict || p.verdict === scope.verdict),
      );
      if ((scope.claimTypeId || scope.verdict) && links.length === 0) continue;
      yield { ...m, propositions: scope.claimTypeId || scope.verdict ? links : m.propositions };
    }
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    cursor = last.id;
  }
}

async function loadVerdicts(actor: Actor, rows: Row[], cache: Map<string, VerdictInfo>, graph: OriginGraph, rule: CountingRule) {
  const { workspaceId } = actor;
  const missing = [...new Set(rows.flatMap((r) => r.mentions.map((m) => m.proposition.id)))].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const [allLinks, props] = await Promise.all([
    getDb().mentionLink.findMany({
      where: { workspaceId, propositionId: { in: missing }, annotation: { deletedAt: null, ...visibleClaims(actor) } },
      select: mentionSelect,
    }),
    getDb().proposition.findMany({ where: { workspaceId, id: { in: missing } }, select: { id: true, sameValues: true } }),
  ]);
  // The one rule of what counts, as on the proposition page and the matrix.
  const links = allLinks.filter((l) => counts(l.annotation, rule));
  const aliases = await loadActorAliases(
    workspaceId,
    links.map((l) => l.annotation),
  );
  const byProposition = groupBy(links, (l) => l.propositionId);
  const linked = groupBy(allLinks, (l) => l.propositionId);
  const same = new Map(props.map((p) => [p.id, sameValuesOf(p.sameValues)]));
  for (const id of missing) {
    const inputs = (byProposition.get(id) ?? []).map((l) => toMentionInput(l.stance, l.annotation, aliases));
    // The same sentence as the proposition page, which also says how many linked mentions do not count.
    const uncounted = (linked.get(id)?.length ?? 0) - inputs.length;
    const v = computeVerdict(inputs, graph, { sameValues: same.get(id), uncounted, approvedOnly: rule.approvedOnly });
    cache.set(id, { kind: v.kind, sentence: v.sentence });
  }
}

function toExportMention(r: Row, verdicts: Map<string, VerdictInfo>, graph: OriginGraph, aliases: ActorAliases): ExportMention {
  const art = r.passage.article;
  const input = toMentionInput("NEUTRAL", r, aliases);
  const f = (r.fields ?? {}) as ExportFields;
  return {
    annotationId: r.id,
    articleId: art.id,
    articleTitle: art.title,
    articleUrl: art.url,
    articleContentHash: art.contentHash,
    publishedAt: art.publishedAt?.toISOString().slice(0, 10) ?? null,
    language: art.language,
    publisher: art.publisher?.name ?? null,
    origins: art.origins.map((o) => o.source.name),
    independentOrigins: independentOrigins(input, graph).map((o) => o.path),
    passageId: r.passage.id,
    passagePosition: r.passage.position,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    claimType: r.claimType.label,
    modality: r.modality,
    speakers: r.speakers.map((s) =>
      s.entity
        ? { name: s.entity.name, type: "entity" as const, kind: s.entity.kind }
        : { name: s.source!.name, type: "source" as const, kind: s.source!.kind },
    ),
    actors: [...r.actorEntities.map((a) => a.entity.name), ...r.actors],
    fields: {
      ...(f.date ? { date: f.date } : {}),
      ...(f.dateValue ? { dateValue: f.dateValue } : {}),
      ...(f.datePrecision ? { datePrecision: f.datePrecision } : {}),
      ...(f.quantities?.length ? { quantities: f.quantities } : {}),
      ...(f.item ? { item: f.item } : {}),
    },
    note: r.note,
    status: r.status,
    orphaned: r.orphaned,
    needsReview: r.needsReview,
    author: r.author.name,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    propositions: r.mentions.map((m) => {
      // A claim that does not count still shows the verdict of the propositions it is linked to.
      const v = verdicts.get(m.proposition.id) ?? { kind: "no_mentions", sentence: "" };
      return {
        id: m.proposition.id,
        statement: m.proposition.statement,
        stance: m.stance,
        verdict: v.kind,
        verdictSentence: v.sentence,
        rating: m.proposition.ratingLabel,
      };
    }),
  };
}

/** Propositions in scope with their mentions, for ClaimReview and the human report; one snapshot, as exportMentions. */
export async function exportPropositions(actor: Actor, scope: ExportScope, opts: ExportReadOptions = {}): Promise<ExportProposition[]> {
  assertCan(actor, "workspace.read");
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
