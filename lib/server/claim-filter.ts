import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { MentionFacts, MentionFilter } from "@/lib/domain/claim-filter";
import { Prisma } from "@/lib/generated/prisma/client";

/** The comparison filter fields that choose mentions (see lib/domain/claim-filter). */
export type MentionFilterInput = { sourceId?: string; from?: string; to?: string; entityId?: string; sessionId?: string };

/** Resolve the mention filters against the workspace: the session, the entity's aliases (≤ 2 queries). */
export async function resolveMentionFilter(actor: Actor, f: MentionFilterInput): Promise<MentionFilter> {
  const db = getDb();
  const [aliases, session] = await Promise.all([
    f.entityId ? db.entityAlias.findMany({ where: { workspaceId: actor.workspaceId, entityId: f.entityId }, select: { normalizedAlias: true } }) : null,
    f.sessionId ? db.annotationSession.findFirst({ where: { id: f.sessionId, workspaceId: actor.workspaceId }, select: { id: true } }) : undefined,
  ]);
  return {
    sourceId: f.sourceId,
    from: f.from,
    to: f.to,
    entityId: f.entityId,
    entityAliasKeys: aliases ? new Set(aliases.map((a) => a.normalizedAlias)) : undefined,
    // An unknown session id matches nothing rather than everything.
    sessionId: session === undefined ? undefined : (session?.id ?? null),
  };
}

/** The columns a mention filter reads, to add to a claim select. */
export const filterFactsSelect = {
  sessionId: true,
  actors: true,
  speakers: { select: { entityId: true, sourceId: true } },
  actorEntities: { select: { entityId: true } },
  passage: { select: { article: { select: { id: true, publishedAt: true, publisherId: true, origins: { select: { sourceId: true } } } } } },
} satisfies Prisma.AnnotationSelect;

type FactsRow = {
  sessionId: string | null;
  actors: string[];
  speakers: { entityId?: string | null; sourceId?: string | null; entity?: { id: string } | null; source?: { id: string } | null }[];
  actorEntities: { entityId?: string; entity?: { id: string } }[];
  passage: {
    article: {
      id: string;
      publishedAt: Date | null;
      publisherId?: string | null;
      publisher?: { id: string } | null;
      origins: { sourceId?: string; source?: { id: string } }[];
    };
  };
};

/** What the filter sees of a stored claim (works with ids or with nested { id } objects). */
export function mentionFacts(a: FactsRow): MentionFacts {
  const art = a.passage.article;
  const id = <T extends { id: string }>(direct: string | null | undefined, nested: T | null | undefined) => direct ?? nested?.id ?? null;
  return {
    articleId: art.id,
    sessionId: a.sessionId,
    publishedAt: art.publishedAt?.toISOString().slice(0, 10) ?? null,
    publisherId: id(art.publisherId, art.publisher),
    originIds: art.origins.map((o) => id(o.sourceId, o.source)).filter((x): x is string => x !== null),
    speakerSourceIds: a.speakers.map((s) => id(s.sourceId, s.source)).filter((x): x is string => x !== null),
    speakerEntityIds: a.speakers.map((s) => id(s.entityId, s.entity)).filter((x): x is string => x !== null),
    actorEntityIds: a.actorEntities.map((x) => id(x.entityId, x.entity)).filter((x): x is string => x !== null),
    actorTexts: a.actors.map(foldForMatch),
  };
}

/**
 * The mention filter as a SQL condition on one claim (`an`, an "Annotation" alias) and its article
 * (`ar`, an "Article" alias): the same rule as `mentionMatches`. Aliases are code constants. A
 * free-text actor matches an entity through its aliases by folded spelling, which SQL cannot fold
 * the same way, so the workspace's actor spellings that fold to an alias are looked up first (one
 * query, only with an entity filter).
 */
export async function mentionFilterSql(actor: Actor, f: MentionFilter, an: string, ar: string): Promise<Prisma.Sql> {
  const a = Prisma.raw(`"${an}"`);
  const r = Prisma.raw(`"${ar}"`);
  if (f.sessionId === null) return Prisma.sql`FALSE`;
  const parts: Prisma.Sql[] = [];
  if (f.sessionId) parts.push(Prisma.sql`${a}."sessionId" = ${f.sessionId}::uuid`);
  if (f.sourceId) {
    const s = f.sourceId;
    parts.push(Prisma.sql`(${r}."publisherId" = ${s}::uuid
      OR EXISTS (SELECT 1 FROM "ArticleOrigin" fo WHERE fo."articleId" = ${r}.id AND fo."sourceId" = ${s}::uuid)
      OR EXISTS (SELECT 1 FROM "AnnotationSpeaker" fs WHERE fs."annotationId" = ${a}.id AND fs."sourceId" = ${s}::uuid))`);
  }
  if (f.from || f.to) parts.push(Prisma.sql`${r}."publishedAt" IS NOT NULL`);
  if (f.from) parts.push(Prisma.sql`${r}."publishedAt" >= ${f.from}::date`);
  if (f.to) parts.push(Prisma.sql`${r}."publishedAt" <= ${f.to}::date`);
  if (f.entityId) {
    const e = f.entityId;
    const spellings = f.entityAliasKeys?.size ? await actorSpellings(actor.workspaceId, f.entityAliasKeys) : [];
    parts.push(Prisma.sql`(EXISTS (SELECT 1 FROM "AnnotationSpeaker" fs WHERE fs."annotationId" = ${a}.id AND fs."entityId" = ${e}::uuid)
      OR EXISTS (SELECT 1 FROM "AnnotationActor" fa WHERE fa."annotationId" = ${a}.id AND fa."entityId" = ${e}::uuid)
      OR ${a}.actors && ${spellings}::text[])`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The free-text actor spellings of the workspace whose folded form is one of `keys`. */
async function actorSpellings(workspaceId: string, keys: ReadonlySet<string>): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ actor: string }[]>`
    SELECT DISTINCT t.actor FROM "Annotation" x, unnest(x.actors) AS t(actor)
    WHERE x."workspaceId" = ${workspaceId}::uuid AND x."deletedAt" IS NULL AND cardinality(x.actors) > 0`;
  return rows.map((r) => r.actor).filter((t) => keys.has(foldForMatch(t)));
}
