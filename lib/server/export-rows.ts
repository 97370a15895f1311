import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { MentionFacts, MentionFilter } from "@/lib/domain/claim-filter";
import { independentOrigins, type OriginGraph, type SourceRef, type SpeakerRef } from "@/lib/domain/comparison";
import type { ExportFields, ExportMention } from "@/lib/domain/export/records";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoSql, refSql } from "@/lib/server/sql-json";
import { visibleClaimsSql } from "@/lib/server/visibility";
import type { ExportScope } from "@/lib/validation/exports";

// The export's read: one SQL statement for the whole scope, read through a server-side cursor
// in batches (lib/server/exports.ts). Each row carries plain columns (no per-row JSON: building
// and parsing it cost more than the rest of the export) and its claim's speakers, actors, origins
// and propositions aggregated once for the whole scope (hash joins, not a subquery per claim).

type Ref = { id: string; name: string; kind: string };
/** One claim as `claimsSql` returns it (dates already formatted as the export writes them). */
export type ExportRow = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string | null;
  status: string;
  modality: string;
  fields: ExportFields | null;
  actors: string[];
  orphaned: boolean;
  needsReview: boolean;
  sessionId: string | null;
  createdAt: string;
  updatedAt: string;
  claimType: string;
  author: string;
  passageId: string;
  passagePosition: number;
  articleId: string;
  title: string;
  url: string | null;
  contentHash: string;
  /** YYYY-MM-DD. */
  publishedAt: string | null;
  language: string | null;
  publisherId: string | null;
  publisherName: string | null;
  publisherKind: string | null;
  origins: Ref[];
  speakers: { entity: Ref | null; source: Ref | null }[];
  actorEntities: { id: string; name: string }[];
  mentions: { id: string; stance: ExportMention["propositions"][number]["stance"]; statement: string; rating: string | null; claimTypeId: string | null }[];
};

/**
 * The SQL conditions choosing an export's claims: the scope and mention filters narrowed as far as
 * SQL can say exactly (free-text actors named by alias are kept for `mentionMatches` to decide),
 * and what a blind session hides from `actor`.
 */
function conditions(actor: Actor, scope: ExportScope, filter: MentionFilter): Prisma.Sql[] {
  const and: Prisma.Sql[] = [Prisma.sql`a."workspaceId" = ${actor.workspaceId}::uuid`, Prisma.sql`a."deletedAt" IS NULL`];
  if (scope.articleId) and.push(Prisma.sql`p."articleId" = ${scope.articleId}::uuid`);
  if (scope.propositionIds)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "MentionLink" m WHERE m."annotationId" = a.id AND m."propositionId" = ANY(${scope.propositionIds}::uuid[]))`);
  if (scope.claimTypeId)
    and.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "MentionLink" m JOIN "Proposition" pr ON pr.id = m."propositionId" WHERE m."annotationId" = a.id AND pr."claimTypeId" = ${scope.claimTypeId}::uuid)`,
    );
  if (scope.from) and.push(Prisma.sql`ar."publishedAt" >= ${scope.from}::date`);
  if (scope.to) and.push(Prisma.sql`ar."publishedAt" <= ${scope.to}::date`);
  if (scope.sourceId) {
    const id = scope.sourceId;
    and.push(Prisma.sql`(ar."publisherId" = ${id}::uuid
      OR EXISTS (SELECT 1 FROM "AnnotationSpeaker" s WHERE s."annotationId" = a.id AND s."sourceId" = ${id}::uuid)
      OR EXISTS (SELECT 1 FROM "ArticleOrigin" o WHERE o."articleId" = ar.id AND o."sourceId" = ${id}::uuid))`);
  }
  if (scope.entityId) {
    const id = scope.entityId;
    and.push(Prisma.sql`(cardinality(a.actors) > 0
      OR EXISTS (SELECT 1 FROM "AnnotationSpeaker" s WHERE s."annotationId" = a.id AND s."entityId" = ${id}::uuid)
      OR EXISTS (SELECT 1 FROM "AnnotationActor" x WHERE x."annotationId" = a.id AND x."entityId" = ${id}::uuid))`);
  }
  if (filter.sessionId) and.push(Prisma.sql`a."sessionId" = ${filter.sessionId}::uuid`);
  and.push(visibleClaimsSql(actor, "a", `p."articleId"`));
  return and;
}

/**
 * Every claim in scope, by id, as one statement for a cursor: the claims are chosen once, then
 * each child table is aggregated once for all of them.
 */
export function claimsSql(actor: Actor, scope: ExportScope, filter: MentionFilter): Prisma.Sql {
  const where = conditions(actor, scope, filter);
  return Prisma.sql`
    WITH claims AS MATERIALIZED (
      -- Only the columns the export writes: the claims are carried through every join below.
      SELECT a.id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status, a.modality, a.fields, a.actors, a.orphaned,
             a."needsReview", a."sessionId", a."createdAt", a."updatedAt", a."claimTypeId", a."authorId", a."passageId",
             p.position AS "passagePosition", p."articleId"
      FROM "Annotation" a JOIN "Passage" p ON p.id = a."passageId" JOIN "Article" ar ON ar.id = p."articleId"
      WHERE ${Prisma.join(where, " AND ")}
    ),
    speakers AS (
      SELECT sp."annotationId" AS id,
             json_agg(json_build_object('entity', CASE WHEN e.id IS NULL THEN NULL ELSE ${refSql("e")} END, 'source', CASE WHEN s.id IS NULL THEN NULL ELSE ${refSql("s")} END) ORDER BY sp.position) AS list
      FROM claims b JOIN "AnnotationSpeaker" sp ON sp."annotationId" = b.id
      LEFT JOIN "Entity" e ON e.id = sp."entityId" LEFT JOIN "Source" s ON s.id = sp."sourceId"
      GROUP BY sp."annotationId"
    ),
    actors AS (
      SELECT x."annotationId" AS id, json_agg(json_build_object('id', e.id, 'name', e.name) ORDER BY x.position) AS list
      FROM claims b JOIN "AnnotationActor" x ON x."annotationId" = b.id JOIN "Entity" e ON e.id = x."entityId"
      GROUP BY x."annotationId"
    ),
    mentions AS (
      SELECT m."annotationId" AS id,
             json_agg(json_build_object('id', pr.id, 'stance', m.stance, 'statement', pr.statement, 'rating', pr."ratingLabel", 'claimTypeId', pr."claimTypeId")
                      ORDER BY m."createdAt", m."propositionId") AS list
      FROM claims b JOIN "MentionLink" m ON m."annotationId" = b.id JOIN "Proposition" pr ON pr.id = m."propositionId"
      GROUP BY m."annotationId"
    ),
    origins AS (
      SELECT o."articleId" AS id, json_agg(${refSql("s")} ORDER BY o.position) AS list
      FROM (SELECT DISTINCT "articleId" FROM claims) b JOIN "ArticleOrigin" o ON o."articleId" = b."articleId" JOIN "Source" s ON s.id = o."sourceId"
      GROUP BY o."articleId"
    )
    SELECT a.id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status::text AS status, a.modality::text AS modality, a.fields,
      COALESCE(a.actors, ARRAY[]::text[]) AS actors, a.orphaned, a."needsReview", a."sessionId",
      ${isoSql(`a."createdAt"`)} AS "createdAt", ${isoSql(`a."updatedAt"`)} AS "updatedAt", ct.label AS "claimType", u.name AS author,
      a."passageId", a."passagePosition", ar.id AS "articleId", ar.title, ar.url, ar."contentHash",
      to_char(ar."publishedAt", 'YYYY-MM-DD') AS "publishedAt", ar.language,
      pub.id AS "publisherId", pub.name AS "publisherName", pub.kind::text AS "publisherKind",
      COALESCE(o.list, '[]') AS origins, COALESCE(sp.list, '[]') AS speakers, COALESCE(x.list, '[]') AS "actorEntities", COALESCE(m.list, '[]') AS mentions
    FROM claims a
    JOIN "Article" ar ON ar.id = a."articleId"
    JOIN "ClaimType" ct ON ct.id = a."claimTypeId"
    JOIN "User" u ON u.id = a."authorId"
    LEFT JOIN "Source" pub ON pub.id = ar."publisherId"
    LEFT JOIN origins o ON o.id = a."articleId"
    LEFT JOIN speakers sp ON sp.id = a.id
    LEFT JOIN actors x ON x.id = a.id
    LEFT JOIN mentions m ON m.id = a.id
    ORDER BY a.id`;
}

/** What the mention filter sees of a row (see lib/domain/claim-filter). */
export function rowFacts(r: ExportRow): MentionFacts {
  return {
    articleId: r.articleId,
    sessionId: r.sessionId,
    publishedAt: r.publishedAt,
    publisherId: r.publisherId,
    originIds: r.origins.map((o) => o.id),
    speakerSourceIds: r.speakers.flatMap((s) => (s.source ? [s.source.id] : [])),
    speakerEntityIds: r.speakers.flatMap((s) => (s.entity ? [s.entity.id] : [])),
    actorEntityIds: r.actorEntities.map((e) => e.id),
    actorTexts: r.actors.map(foldForMatch),
  };
}

/** The verdict of a proposition as an export states it. */
export type VerdictInfo = { kind: string; sentence: string };

/**
 * Independent origins, as paths, per attribution (speakers, else first origin, else publisher, by
 * id), for one export: the origin graph and the names are fixed in its snapshot, and most claims
 * share an attribution with many others.
 */
export type OriginPaths = Map<string, string[]>;

function originPaths(r: ExportRow, speakers: SpeakerRef[], publisher: SourceRef | null, graph: OriginGraph, memo: OriginPaths): string[] {
  const first = r.origins[0];
  const key = speakers.length > 0 ? speakers.map((s) => `${s.type}:${s.id}`).join(" ") : first ? `o:${first.id}` : `p:${publisher?.id ?? ""}`;
  let paths = memo.get(key);
  if (!paths) {
    paths = independentOrigins({ speakers, articleOrigins: r.origins, publisher }, graph).map((o) => o.path);
    memo.set(key, paths);
  }
  return paths;
}

/** One claim as an export record, its propositions carrying their verdicts. */
export function toExportMention(r: ExportRow, verdicts: ReadonlyMap<string, VerdictInfo>, graph: OriginGraph, memo: OriginPaths = new Map()): ExportMention {
  const speakers: SpeakerRef[] = r.speakers.map((s) => (s.entity ? { type: "entity" as const, ...s.entity } : { type: "source" as const, ...s.source! }));
  const publisher: SourceRef | null = r.publisherId === null ? null : { id: r.publisherId, name: r.publisherName ?? "", kind: r.publisherKind ?? "" };
  const f = r.fields ?? {};
  return {
    annotationId: r.id,
    articleId: r.articleId,
    articleTitle: r.title,
    articleUrl: r.url,
    articleContentHash: r.contentHash,
    publishedAt: r.publishedAt,
    language: r.language,
    publisher: publisher?.name ?? null,
    origins: r.origins.map((o) => o.name),
    independentOrigins: [...originPaths(r, speakers, publisher, graph, memo)],
    passageId: r.passageId,
    passagePosition: r.passagePosition,
    start: r.start,
    end: r.end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    claimType: r.claimType,
    modality: r.modality,
    speakers: r.speakers.map((s) =>
      s.entity
        ? { name: s.entity.name, type: "entity" as const, kind: s.entity.kind }
        : { name: s.source!.name, type: "source" as const, kind: s.source!.kind },
    ),
    actors: [...r.actorEntities.map((a) => a.name), ...r.actors],
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
    author: r.author,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    propositions: r.mentions.map((m) => {
      // A claim that does not count still shows the verdict of the propositions it is linked to.
      const v = verdicts.get(m.id) ?? { kind: "no_mentions", sentence: "" };
      return { id: m.id, statement: m.statement, stance: m.stance, verdict: v.kind, verdictSentence: v.sentence, rating: m.rating };
    }),
  };
}
