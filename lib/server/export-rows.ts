import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { MentionFacts, MentionFilter } from "@/lib/domain/claim-filter";
import { independentOrigins, type OriginGraph, type SourceRef, type SpeakerRef } from "@/lib/domain/comparison";
import type { ExportFields, ExportMention } from "@/lib/domain/export/records";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoSql } from "@/lib/server/sql-json";
import { visibleClaimsSql } from "@/lib/server/visibility";
import type { ExportScope } from "@/lib/validation/exports";

// The export's read: one SQL statement for the whole scope, read through a server-side cursor
// in batches (lib/server/exports.ts). Each row carries the claim's own columns and its children as
// ids in strings (speakers, actor entities, linked propositions); the articles, names and
// propositions those ids point to are read once per export, a batch's new ones in one statement
// each (`ExportNames`), rather than repeated on every claim: building, sending and parsing them
// per claim was most of an export's time.

type Ref = { id: string; name: string; kind: string };

/** One claim as `claimsSql` returns it. */
export type ClaimRow = {
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
  claimTypeId: string;
  authorId: string;
  passageId: string;
  passagePosition: number;
  articleId: string;
  /** Speakers in order as `e<entity id>` or `s<source id>`, comma-separated; null when none. */
  speakers: string | null;
  /** Actor entity ids in order, comma-separated; null when none. */
  actorIds: string | null;
  /** Linked propositions in link order as `<proposition id>:<stance>`, comma-separated; null when none. */
  mentions: string | null;
};

/** One claim with what its ids point to (dates already formatted as the export writes them). */
export type ExportRow = Omit<ClaimRow, "speakers" | "actorIds" | "mentions" | "claimTypeId" | "authorId"> & {
  claimType: string;
  author: string;
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
 * each child table is aggregated once for all of them, as ids.
 */
export function claimsSql(actor: Actor, scope: ExportScope, filter: MentionFilter): Prisma.Sql {
  const where = conditions(actor, scope, filter);
  return Prisma.sql`
    WITH claims AS MATERIALIZED (
      SELECT a.id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status, a.modality, a.fields, a.actors, a.orphaned,
             a."needsReview", a."sessionId", a."createdAt", a."updatedAt", a."claimTypeId", a."authorId", a."passageId",
             p.position AS "passagePosition", p."articleId"
      FROM "Annotation" a JOIN "Passage" p ON p.id = a."passageId" JOIN "Article" ar ON ar.id = p."articleId"
      WHERE ${Prisma.join(where, " AND ")}
    ),
    speakers AS (
      SELECT sp."annotationId" AS id,
             string_agg(CASE WHEN sp."entityId" IS NOT NULL THEN 'e' || sp."entityId" ELSE 's' || sp."sourceId" END, ',' ORDER BY sp.position) AS list
      FROM claims b JOIN "AnnotationSpeaker" sp ON sp."annotationId" = b.id
      GROUP BY sp."annotationId"
    ),
    actors AS (
      SELECT x."annotationId" AS id, string_agg(x."entityId"::text, ',' ORDER BY x.position) AS list
      FROM claims b JOIN "AnnotationActor" x ON x."annotationId" = b.id
      GROUP BY x."annotationId"
    ),
    mentions AS (
      SELECT m."annotationId" AS id, string_agg(m."propositionId" || ':' || m.stance, ',' ORDER BY m."createdAt", m."propositionId") AS list
      FROM claims b JOIN "MentionLink" m ON m."annotationId" = b.id
      GROUP BY m."annotationId"
    )
    SELECT a.id, a.start, a."end", a.exact, a.prefix, a.suffix, a.note, a.status::text AS status, a.modality::text AS modality, a.fields,
      COALESCE(a.actors, ARRAY[]::text[]) AS actors, a.orphaned, a."needsReview", a."sessionId",
      ${isoSql(`a."createdAt"`)} AS "createdAt", ${isoSql(`a."updatedAt"`)} AS "updatedAt", a."claimTypeId", a."authorId",
      a."passageId", a."passagePosition", a."articleId", sp.list AS speakers, x.list AS "actorIds", m.list AS mentions
    FROM claims a
    LEFT JOIN speakers sp ON sp.id = a.id
    LEFT JOIN actors x ON x.id = a.id
    LEFT JOIN mentions m ON m.id = a.id
    ORDER BY a.id`;
}

/** Runs one statement on the export's snapshot connection. */
export type ExportQuery = <R>(text: string, values: unknown[]) => Promise<R[]>;

type ArticleInfo = Pick<
  ExportRow,
  "title" | "url" | "contentHash" | "publishedAt" | "language" | "publisherId" | "publisherName" | "publisherKind" | "origins"
>;
type PropositionInfo = { statement: string; rating: string | null; claimTypeId: string | null };

/**
 * What an export's claims point to, read once per export: each batch reads only the articles,
 * entities, sources, propositions, claim types and authors it is the first to name, one statement
 * per kind (none when every one is already known).
 */
export class ExportNames {
  private readonly articles = new Map<string, ArticleInfo>();
  private readonly refs = new Map<string, Ref>();
  private readonly propositions = new Map<string, PropositionInfo>();
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly workspaceId: string,
    private readonly query: ExportQuery,
  ) {}

  /** The claims of one batch with what their ids point to, in the same order. */
  async resolve(rows: readonly ClaimRow[]): Promise<ExportRow[]> {
    await this.load(rows);
    return rows.map((r) => this.row(r));
  }

  private async load(rows: readonly ClaimRow[]): Promise<void> {
    // One pass over the batch, noting each id not yet known once.
    const articles = new Set<string>();
    const entities = new Set<string>();
    const sources = new Set<string>();
    const propositions = new Set<string>();
    const labels = new Set<string>();
    const note = (id: string, known: { has(id: string): boolean }, into: Set<string>) => {
      if (!known.has(id)) into.add(id);
    };
    for (const r of rows) {
      note(r.articleId, this.articles, articles);
      note(r.claimTypeId, this.labels, labels);
      note(r.authorId, this.labels, labels);
      if (r.speakers !== null) for (const s of r.speakers.split(",")) note(s.slice(1), this.refs, s.charCodeAt(0) === 101 /* e */ ? entities : sources);
      if (r.actorIds !== null) for (const id of r.actorIds.split(",")) note(id, this.refs, entities);
      if (r.mentions !== null) for (const m of r.mentions.split(",")) note(m.slice(0, m.indexOf(":")), this.propositions, propositions);
    }
    const ws = this.workspaceId;
    if (articles.size > 0)
      for (const a of await this.query<ArticleInfo & { id: string }>(
        `SELECT ar.id, ar.title, ar.url, ar."contentHash", to_char(ar."publishedAt", 'YYYY-MM-DD') AS "publishedAt", ar.language,
                pub.id AS "publisherId", pub.name AS "publisherName", pub.kind::text AS "publisherKind",
                COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) ORDER BY o.position)
                          FROM "ArticleOrigin" o JOIN "Source" s ON s.id = o."sourceId" WHERE o."articleId" = ar.id), '[]') AS origins
         FROM "Article" ar LEFT JOIN "Source" pub ON pub.id = ar."publisherId"
         WHERE ar."workspaceId" = $1 AND ar.id = ANY($2::uuid[])`,
        [ws, [...articles]],
      )) {
        const { id, ...info } = a;
        this.articles.set(id, info);
      }
    if (entities.size + sources.size > 0)
      for (const r of await this.query<Ref>(
        `SELECT id, name, kind::text AS kind FROM "Entity" WHERE "workspaceId" = $1 AND id = ANY($2::uuid[])
         UNION ALL SELECT id, name, kind::text FROM "Source" WHERE "workspaceId" = $1 AND id = ANY($3::uuid[])`,
        [ws, [...entities], [...sources]],
      ))
        this.refs.set(r.id, r);
    if (propositions.size > 0)
      for (const p of await this.query<PropositionInfo & { id: string }>(
        `SELECT id, statement, "ratingLabel" AS rating, "claimTypeId" FROM "Proposition" WHERE "workspaceId" = $1 AND id = ANY($2::uuid[])`,
        [ws, [...propositions]],
      ))
        this.propositions.set(p.id, p);
    if (labels.size > 0)
      for (const l of await this.query<{ id: string; label: string }>(
        `SELECT id, label FROM "ClaimType" WHERE "workspaceId" = $1 AND id = ANY($2::uuid[])
         UNION ALL SELECT id, name FROM "User" WHERE id = ANY($2::uuid[])`,
        [ws, [...labels]],
      ))
        this.labels.set(l.id, l.label);
  }

  private ref(id: string): Ref {
    const ref = this.refs.get(id);
    // The claims and what they point to are read in one snapshot, held together by foreign keys.
    if (!ref) throw new Error(`export: entity or source ${id} not found in the export's snapshot`);
    return ref;
  }

  // Written out property by property: spreading the driver's rows (objects built key by key) cost
  // more per claim than the rest of its record.
  private row(r: ClaimRow): ExportRow {
    const a = this.articles.get(r.articleId);
    if (!a) throw new Error(`export: article ${r.articleId} not found in the export's snapshot`);
    return {
      id: r.id,
      start: r.start,
      end: r.end,
      exact: r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      note: r.note,
      status: r.status,
      modality: r.modality,
      fields: r.fields,
      actors: r.actors,
      orphaned: r.orphaned,
      needsReview: r.needsReview,
      sessionId: r.sessionId,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      passageId: r.passageId,
      passagePosition: r.passagePosition,
      articleId: r.articleId,
      title: a.title,
      url: a.url,
      contentHash: a.contentHash,
      publishedAt: a.publishedAt,
      language: a.language,
      publisherId: a.publisherId,
      publisherName: a.publisherName,
      publisherKind: a.publisherKind,
      origins: a.origins,
      claimType: this.labels.get(r.claimTypeId) ?? "",
      author: this.labels.get(r.authorId) ?? "",
      speakers: r.speakers === null ? [] : r.speakers.split(",").map((s) => this.speaker(s)),
      actorEntities: r.actorIds === null ? [] : r.actorIds.split(",").map((id) => this.actor(id)),
      mentions: r.mentions === null ? [] : r.mentions.split(",").map((m) => this.mention(m)),
    };
  }

  private speaker(s: string): ExportRow["speakers"][number] {
    const ref = this.ref(s.slice(1));
    return s.charCodeAt(0) === 101 /* e */ ? { entity: ref, source: null } : { entity: null, source: ref };
  }

  private actor(id: string): ExportRow["actorEntities"][number] {
    const e = this.ref(id);
    return { id: e.id, name: e.name };
  }

  private mention(m: string): ExportRow["mentions"][number] {
    const at = m.indexOf(":");
    const id = m.slice(0, at);
    const p = this.propositions.get(id);
    if (!p) throw new Error(`export: proposition ${id} not found in the export's snapshot`);
    return { id, stance: m.slice(at + 1) as ExportRow["mentions"][number]["stance"], statement: p.statement, rating: p.rating, claimTypeId: p.claimTypeId };
  }
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
