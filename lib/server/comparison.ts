import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/membership";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { computeVerdict, contestedness, independentOrigin, type MentionInput, type SourceRef, type UpstreamMap, type Verdict } from "@/lib/domain/comparison";
import { rankSuggestions } from "@/lib/domain/suggestions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { matrixFilterSchema, type MatrixFilter } from "@/lib/validation/propositions";
import { groupBy } from "@/lib/domain/group-by";

const src = { select: { id: true, name: true, kind: true } } as const;

export const mentionSelect = {
  stance: true,
  propositionId: true,
  annotation: {
    select: {
      id: true,
      orphaned: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      modality: true,
      fields: true,
      actors: true,
      speakerSource: src,
      speakerEntity: { select: { id: true, name: true, sources: { ...src, take: 1, orderBy: { createdAt: "asc" as const } } } },
      passage: {
        select: {
          id: true,
          position: true,
          article: {
            select: {
              id: true,
              title: true,
              publishedAt: true,
              language: true,
              publisher: src,
              origins: { select: { source: src }, orderBy: { position: "asc" as const } },
            },
          },
        },
      },
    },
  },
} satisfies Prisma.MentionLinkSelect;

export type MentionRow = Prisma.MentionLinkGetPayload<{ select: typeof mentionSelect }>;

type SourceLike = { id: string; name: string; kind: string };
/** The fields of a stored claim that decide its independent origin and details. */
export type AnnotationLike = {
  id: string;
  modality: string;
  fields: unknown;
  actors: string[];
  speakerSource: SourceLike | null;
  speakerEntity: { id: string; name: string; sources: SourceLike[] } | null;
  passage: { article: { publisher: SourceLike | null; origins: { source: SourceLike }[] } };
};

/** The domain's view of a stored mention. */
export function toMentionInput(m: { stance: MentionInput["stance"]; annotation: AnnotationLike }): MentionInput {
  const a = m.annotation;
  const entitySource = a.speakerEntity?.sources[0] ?? null;
  return {
    annotationId: a.id,
    stance: m.stance,
    speaker: a.speakerSource ?? entitySource,
    speakerEntity: a.speakerSource || entitySource ? null : a.speakerEntity ? { id: a.speakerEntity.id, name: a.speakerEntity.name } : null,
    articleOrigins: a.passage.article.origins.map((o) => o.source),
    publisher: a.passage.article.publisher,
    fields: (a.fields ?? {}) as MentionInput["fields"],
    actors: a.actors,
    modality: a.modality,
  };
}

/** Source id → the source it relays, for the whole workspace (one query). */
export async function loadUpstreams(workspaceId: string): Promise<UpstreamMap> {
  const rows = await getDb().source.findMany({ where: { workspaceId, upstreamId: { not: null } }, select: { id: true, upstream: src } });
  return new Map(rows.filter((r) => r.upstream).map((r) => [r.id, r.upstream as SourceRef]));
}

/** One proposition with every mention, its verdict and the sentence explaining it. */
export async function getProposition(actor: Actor, id: string) {
  await requireMember(actor.userId, actor.workspaceId);
  if (!z.string().uuid().safeParse(id).success) throw new AppError("not_found", "Proposition not found");
  const db = getDb();
  const p = await db.proposition.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    select: { id: true, statement: true, verdict: true, createdAt: true, claimType: { select: { id: true, label: true, color: true } } },
  });
  if (!p) throw new AppError("not_found", "Proposition not found");
  const [mentions, upstream] = await Promise.all([
    db.mentionLink.findMany({
      where: { workspaceId: actor.workspaceId, propositionId: id, annotation: { deletedAt: null } },
      select: { ...mentionSelect, annotation: { select: { ...mentionSelect.annotation.select, passage: { select: { ...mentionSelect.annotation.select.passage.select, text: true } } } } },
      orderBy: { createdAt: "asc" },
    }),
    loadUpstreams(actor.workspaceId),
  ]);
  const inputs = mentions.map(toMentionInput);
  // A claim whose words a text correction removed is listed but no longer counts.
  const verdict = computeVerdict(inputs.filter((_, i) => !mentions[i].annotation.orphaned), upstream);
  return {
    ...p,
    verdict: { rating: p.verdict, ...verdict },
    mentions: mentions.map((m, i) => ({ ...m, origin: independentOrigin(inputs[i], upstream) })),
  };
}

export type MatrixCell = {
  stances: ("SUPPORTS" | "REFUTES" | "NEUTRAL")[];
  quotes: { annotationId: string; exact: string; stance: "SUPPORTS" | "REFUTES" | "NEUTRAL"; articleId: string; articleTitle: string }[];
};
const PAGE = 50;

/**
 * Propositions × sources. Verdicts need every mention of every proposition, so the workspace's
 * links are read in one query and the verdicts computed in memory; pages are cut afterwards.
 */
export async function getMatrix(actor: Actor, rawFilter: unknown) {
  await requireMember(actor.userId, actor.workspaceId);
  const f: MatrixFilter = matrixFilterSchema.parse(rawFilter ?? {});
  const db = getDb();
  const [props, links, upstream, entityKeys, session] = await Promise.all([
    db.proposition.findMany({
      where: { workspaceId: actor.workspaceId, ...(f.claimTypeId ? { claimTypeId: f.claimTypeId } : {}) },
      select: { id: true, statement: true, verdict: true, createdAt: true, claimType: { select: { id: true, label: true, color: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.mentionLink.findMany({ where: { workspaceId: actor.workspaceId, annotation: { deletedAt: null, orphaned: false } }, select: mentionSelect }),
    loadUpstreams(actor.workspaceId),
    f.entityId ? entityAliasKeys(actor.workspaceId, f.entityId) : Promise.resolve(null),
    f.sessionId ? db.annotationSession.findFirst({ where: { id: f.sessionId, workspaceId: actor.workspaceId }, select: { articleIds: true } }) : Promise.resolve(null),
  ]);
  const byProp = groupBy(links, (l) => l.propositionId);

  const matches = (m: MentionRow) => {
    const a = m.annotation;
    const art = a.passage.article;
    if (f.sourceId && ![art.publisher?.id, a.speakerSource?.id, ...art.origins.map((o) => o.source.id)].includes(f.sourceId)) return false;
    const date = art.publishedAt?.toISOString().slice(0, 10);
    if (f.from && (!date || date < f.from)) return false;
    if (f.to && (!date || date > f.to)) return false;
    if (session && !session.articleIds.includes(art.id)) return false;
    if (entityKeys && a.speakerEntity?.id !== f.entityId && !a.actors.some((x) => entityKeys.has(foldForMatch(x)))) return false;
    return true;
  };
  const filtering = Boolean(f.sourceId || f.from || f.to || f.sessionId || f.entityId);

  let rows = props
    .map(({ verdict: rating, ...p }) => {
      const mentions = byProp.get(p.id) ?? [];
      const inputs = mentions.map(toMentionInput);
      const verdict = computeVerdict(inputs, upstream);
      return { ...p, rating, mentions, inputs, verdict, score: contestedness(verdict) };
    })
    .filter((r) => (!filtering || r.mentions.some(matches)) && (!f.verdict || r.verdict.kind === f.verdict));
  // An unknown session id matches nothing rather than everything.
  if (f.sessionId && !session) rows = [];
  if (f.sort === "contested") rows.sort((a, b) => b.score - a.score || b.mentions.length - a.mentions.length);
  if (f.sort === "mentions") rows.sort((a, b) => b.mentions.length - a.mentions.length);

  const total = rows.length;
  const pageRows = rows.slice((f.page - 1) * PAGE, f.page * PAGE);
  const columns = new Map<string, { key: string; label: string; kind?: string; count: number }>();
  const table = pageRows.map((r) => {
    const cells: Record<string, MatrixCell> = {};
    r.mentions.forEach((m, i) => {
      const col = columnOf(r.inputs[i], f.columns, upstream);
      const c = columns.get(col.key) ?? { ...col, count: 0 };
      c.count += 1;
      columns.set(col.key, c);
      const cell = (cells[col.key] ??= { stances: [], quotes: [] });
      if (!cell.stances.includes(m.stance)) cell.stances.push(m.stance);
      const art = m.annotation.passage.article;
      cell.quotes.push({ annotationId: m.annotation.id, exact: m.annotation.exact, stance: m.stance, articleId: art.id, articleTitle: art.title });
    });
    return { id: r.id, statement: r.statement, rating: r.rating, claimType: r.claimType, verdict: r.verdict, mentionCount: r.mentions.length, cells };
  });
  return {
    filter: f,
    total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE)),
    columns: [...columns.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    rows: table,
  };
}

function columnOf(m: MentionInput, mode: MatrixFilter["columns"], upstream: UpstreamMap) {
  if (mode === "origins") {
    const o = independentOrigin(m, upstream);
    return { key: o.key, label: o.label };
  }
  const p = m.publisher;
  return p ? { key: `source:${p.id}`, label: p.name, kind: p.kind } : { key: "none", label: "No publisher" };
}

async function entityAliasKeys(workspaceId: string, entityId: string): Promise<Set<string>> {
  const aliases = await getDb().entityAlias.findMany({ where: { workspaceId, entityId }, select: { normalizedAlias: true } });
  return new Set(aliases.map((a) => a.normalizedAlias));
}

/** Existing propositions a claim probably belongs to, best first, with reasons in words. */
export async function suggestPropositions(actor: Actor, annotationId: string) {
  await requireMember(actor.userId, actor.workspaceId);
  const db = getDb();
  const a = await db.annotation.findFirst({
    where: { id: annotationId, workspaceId: actor.workspaceId, deletedAt: null },
    select: { exact: true, claimTypeId: true, actors: true, speakerEntity: { select: { name: true } }, speakerSource: { select: { name: true } }, mentions: { select: { propositionId: true } } },
  });
  if (!a) throw new AppError("not_found", "Claim not found");
  const folded = foldForMatch(a.exact);
  // Candidates: same type, or similar wording by trigram index; then ranked in the domain layer.
  const similar = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Proposition"
    WHERE "workspaceId" = ${actor.workspaceId}::uuid
      AND ("claimTypeId" = ${a.claimTypeId}::uuid OR similarity("searchText", ${folded}) > 0.15)
    ORDER BY similarity("searchText", ${folded}) DESC LIMIT 200`;
  const linked = new Set(a.mentions.map((m) => m.propositionId));
  const ids = similar.map((s) => s.id).filter((id) => !linked.has(id));
  if (ids.length === 0) return [];
  const candidates = await db.proposition.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      statement: true,
      claimTypeId: true,
      mentions: { take: 20, select: { annotation: { select: { exact: true, actors: true, speakerEntity: { select: { name: true } } } } } },
    },
  });
  const keys = (xs: (string | undefined | null)[]) => [...new Set(xs.filter((x): x is string => !!x).map(foldForMatch))];
  const ranked = rankSuggestions(
    { claimTypeId: a.claimTypeId, text: a.exact, entityKeys: keys([a.speakerEntity?.name, a.speakerSource?.name, ...a.actors]) },
    candidates.map((c) => ({
      id: c.id,
      statement: c.statement,
      claimTypeId: c.claimTypeId,
      entityKeys: keys(c.mentions.flatMap((m) => [m.annotation.speakerEntity?.name, ...m.annotation.actors])),
      mentionTexts: c.mentions.map((m) => m.annotation.exact),
    })),
  );
  const statement = new Map(candidates.map((c) => [c.id, c.statement]));
  return ranked.map((r) => ({ ...r, statement: statement.get(r.id)! }));
}

/** Propositions whose statement contains or resembles `q` (trigram index), for "link to existing". */
export async function findPropositions(actor: Actor, rawQ: unknown) {
  await requireMember(actor.userId, actor.workspaceId);
  const q = foldForMatch(z.string().max(200).catch("").parse(rawQ));
  if (q.length < 2) {
    return getDb().proposition.findMany({ where: { workspaceId: actor.workspaceId }, select: { id: true, statement: true }, orderBy: { createdAt: "desc" }, take: 50 });
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
  await requireMember(actor.userId, actor.workspaceId);
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
