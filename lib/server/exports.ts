import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { computeVerdict, independentOrigin, type UpstreamMap } from "@/lib/domain/comparison";
import type { ExportMention, ExportProposition } from "@/lib/domain/export/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadUpstreams, mentionSelect, toMentionInput } from "@/lib/server/comparison";
import { AppError } from "@/lib/server/errors";
import { exportScopeSchema, type ExportScope } from "@/lib/validation/exports";
import { groupBy } from "@/lib/domain/group-by";

const BATCH = 500;
type VerdictInfo = { kind: string; sentence: string };

const src = { select: { id: true, name: true, kind: true } } as const;
const exportAnnotationSelect = {
  id: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  modality: true,
  actors: true,
  fields: true,
  note: true,
  status: true,
  orphaned: true,
  createdAt: true,
  updatedAt: true,
  claimType: { select: { label: true } },
  author: { select: { name: true } },
  speakerSource: src,
  speakerEntity: { select: { id: true, name: true, kind: true, sources: { ...src, take: 1, orderBy: { createdAt: "asc" as const } } } },
  passage: {
    select: {
      id: true,
      position: true,
      article: {
        select: { id: true, title: true, url: true, contentHash: true, publishedAt: true, language: true, publisher: src, origins: { select: { source: src }, orderBy: { position: "asc" as const } } },
      },
    },
  },
  mentions: { select: { stance: true, proposition: { select: { id: true, statement: true, verdict: true } } } },
} satisfies Prisma.AnnotationSelect;
type Row = Prisma.AnnotationGetPayload<{ select: typeof exportAnnotationSelect }>;

/** Parse and check an export scope; ids from other workspaces simply match nothing. */
export function parseScope(input: unknown): ExportScope {
  return exportScopeSchema.parse(input ?? {});
}

async function where(actor: Actor, scope: ExportScope): Promise<Prisma.AnnotationWhereInput> {
  const and: Prisma.AnnotationWhereInput[] = [{ workspaceId: actor.workspaceId, deletedAt: null }];
  if (scope.articleId) and.push({ passage: { articleId: scope.articleId } });
  if (scope.claimTypeId) and.push({ claimTypeId: scope.claimTypeId });
  if (scope.propositionIds) and.push({ mentions: { some: { propositionId: { in: scope.propositionIds } } } });
  if (scope.from || scope.to) {
    and.push({ passage: { article: { publishedAt: { ...(scope.from ? { gte: new Date(scope.from) } : {}), ...(scope.to ? { lte: new Date(scope.to) } : {}) } } } });
  }
  if (scope.sourceId) {
    and.push({
      OR: [{ speakerSourceId: scope.sourceId }, { passage: { article: { publisherId: scope.sourceId } } }, { passage: { article: { origins: { some: { sourceId: scope.sourceId } } } } }],
    });
  }
  if (scope.entityId) {
    const aliases = await getDb().entityAlias.findMany({ where: { workspaceId: actor.workspaceId, entityId: scope.entityId }, select: { alias: true } });
    and.push({ OR: [{ speakerEntityId: scope.entityId }, { actors: { hasSome: aliases.map((a) => a.alias) } }] });
  }
  if (scope.sessionId) {
    const session = await getDb().annotationSession.findFirst({ where: { id: scope.sessionId, workspaceId: actor.workspaceId }, select: { articleIds: true } });
    if (!session) throw new AppError("not_found", "Session not found");
    and.push({ passage: { articleId: { in: session.articleIds } } });
  }
  return { AND: and };
}

/**
 * Every claim mention in scope, in batches by id, so memory stays flat however large the
 * workspace is. Verdicts are computed once per proposition as it is first met.
 */
export async function* exportMentions(actor: Actor, scope: ExportScope): AsyncGenerator<ExportMention> {
  await requireMember(actor.userId, actor.workspaceId);
  const db = getDb();
  const filter = await where(actor, scope);
  const upstream = await loadUpstreams(actor.workspaceId);
  const verdicts = new Map<string, VerdictInfo>();
  let cursor: string | undefined;
  for (;;) {
    const rows: Row[] = await db.annotation.findMany({
      where: filter,
      select: exportAnnotationSelect,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    await loadVerdicts(actor.workspaceId, rows, verdicts, upstream);
    for (const r of rows) {
      const m = toExportMention(r, verdicts, upstream);
      if (scope.verdict && !m.propositions.some((p) => p.verdict === scope.verdict)) continue;
      yield m;
    }
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1].id;
  }
}

async function loadVerdicts(workspaceId: string, rows: Row[], cache: Map<string, VerdictInfo>, upstream: UpstreamMap) {
  const missing = [...new Set(rows.flatMap((r) => r.mentions.map((m) => m.proposition.id)))].filter((id) => !cache.has(id));
  if (missing.length === 0) return;
  const links = await getDb().mentionLink.findMany({
    where: { workspaceId, propositionId: { in: missing }, annotation: { deletedAt: null, orphaned: false } },
    select: mentionSelect,
  });
  const byProposition = groupBy(links, (l) => l.propositionId);
  for (const id of missing) {
    const v = computeVerdict((byProposition.get(id) ?? []).map(toMentionInput), upstream);
    cache.set(id, { kind: v.kind, sentence: v.sentence });
  }
}

function toExportMention(r: Row, verdicts: Map<string, VerdictInfo>, upstream: UpstreamMap): ExportMention {
  const art = r.passage.article;
  const origin = independentOrigin(toMentionInput({ stance: "NEUTRAL", annotation: r }), upstream);
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
    independentOrigin: origin.label,
    passageId: r.passage.id,
    passagePosition: r.passage.position,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    claimType: r.claimType.label,
    modality: r.modality,
    speaker: r.speakerSource?.name ?? r.speakerEntity?.name ?? null,
    speakerKind: r.speakerSource?.kind ?? r.speakerEntity?.kind ?? null,
    speakerType: r.speakerSource ? "source" : r.speakerEntity ? "entity" : null,
    actors: r.actors,
    fields: (r.fields ?? {}) as ExportMention["fields"],
    note: r.note,
    status: r.status,
    orphaned: r.orphaned,
    author: r.author.name,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    propositions: r.mentions.map((m) => {
      const v = verdicts.get(m.proposition.id) ?? { kind: "no_mentions", sentence: "" };
      return { id: m.proposition.id, statement: m.proposition.statement, stance: m.stance, verdict: v.kind, verdictSentence: v.sentence, rating: m.proposition.verdict };
    }),
  };
}

/** Propositions in scope with their mentions, for ClaimReview and the human report. */
export async function exportPropositions(actor: Actor, scope: ExportScope): Promise<ExportProposition[]> {
  await requireMember(actor.userId, actor.workspaceId);
  const byId = new Map<string, ExportProposition>();
  const props = await getDb().proposition.findMany({
    where: { workspaceId: actor.workspaceId, ...(scope.propositionIds ? { id: { in: scope.propositionIds } } : {}), ...(scope.claimTypeId ? { claimTypeId: scope.claimTypeId } : {}) },
    select: { id: true, statement: true, verdict: true, createdAt: true, updatedAt: true, claimType: { select: { label: true } } },
    orderBy: { createdAt: "asc" },
  });
  for (const p of props) {
    byId.set(p.id, { id: p.id, statement: p.statement, claimType: p.claimType?.label ?? null, rating: p.verdict, verdict: "no_mentions", verdictSentence: "", createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), mentions: [] });
  }
  for await (const m of exportMentions(actor, { ...scope, verdict: undefined })) {
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

export const foldedTitle = (s: string) => foldForMatch(s).replace(/[^a-z0-9]+/g, "-").slice(0, 60) || "export";
