import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Attribution } from "@/lib/domain/comparison";
import type { MentionRow } from "@/lib/server/comparison";
import type { CountedFacts } from "@/lib/server/mention-inputs";
import { isoSql, refSql } from "@/lib/server/sql-json";

// Mention links as `mentionSelect` (lib/server/comparison.ts) answers them, in ONE statement:
// the claim, its speakers, actors, session, paragraph, article, publisher and origins aggregated
// by PostgreSQL instead of Prisma's query per relation level. The matrix reads a page's links
// this way and the verdict store every link of the propositions it recomputes
// (lib/server/mention-rows.int.test.ts checks both give the same answer).

type Dated<T> = T extends Date ? string : T extends Date | null ? string | null : T;
type Raw = Omit<MentionRow, "annotation"> & {
  annotation: Omit<MentionRow["annotation"], "session" | "passage"> & {
    session: { closedAt: Dated<Date | null> } | null;
    passage: Omit<MentionRow["annotation"]["passage"], "article"> & {
      article: Omit<MentionRow["annotation"]["passage"]["article"], "publishedAt"> & { publishedAt: string | null };
    };
  };
};

/** The links `where` chooses, with the aliases it may use. */
const linksFrom = (where: Prisma.Sql) => Prisma.sql`
  FROM "MentionLink" ml
  JOIN "Annotation" an ON an.id = ml."annotationId"
  JOIN "Passage" ps ON ps.id = an."passageId"
  JOIN "Article" ar ON ar.id = ps."articleId"
  WHERE ${where}`;

/** The origins of the articles of `l`, in order, each shaped by `item` (over `os`, the source). */
const originsOf = (item: Prisma.Sql) => Prisma.sql`
  SELECT o."articleId" AS id, json_agg(${item} ORDER BY o.position) AS list
  FROM "ArticleOrigin" o JOIN "Source" os ON os.id = o."sourceId"
  WHERE o."articleId" IN (SELECT "articleId" FROM l) GROUP BY o."articleId"`;

/**
 * The links `where` chooses, oldest first (then by claim id), each with its claim as the
 * comparison reads it. `where` may use `ml` ("MentionLink"), `an` ("Annotation"), `ps`
 * ("Passage") and `ar` ("Article").
 */
export async function readMentionRows(db: Tx, where: Prisma.Sql): Promise<MentionRow[]> {
  // Set-based: the links first (numbered in their order), then each kind of child aggregated once
  // for all of them and joined by hash. Per-row subqueries cost ~50 µs a link (a hash of the
  // workspace's entities built per speaker list) and the sort spilled the JSON to disk; the order is
  // applied below, on the numbers.
  const rows = await db.$queryRaw<{ n: number; v: Raw }[]>`
    WITH l AS MATERIALIZED (
      SELECT (row_number() OVER (ORDER BY ml."createdAt", ml."annotationId"))::int AS n,
        ml.stance, ml."propositionId", an.id, an.orphaned, an."needsReview", an.status, an."sessionId", an.reconciled,
        an.modality, an.fields, an.actors, an.exact, an.prefix, an.suffix, an.start, an."end",
        ps.id AS "passageId", ps.position, ar.id AS "articleId", ar.title, ar."publishedAt", ar.language, ar."publisherId"
      ${linksFrom(where)}
    ), speakers AS (
      SELECT sp."annotationId" AS id, json_agg(json_build_object(
          'entity', CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('id', e.id, 'name', e.name) END,
          'source', CASE WHEN so.id IS NULL THEN NULL ELSE ${refSql("so")} END) ORDER BY sp.position) AS list
      FROM "AnnotationSpeaker" sp LEFT JOIN "Entity" e ON e.id = sp."entityId" LEFT JOIN "Source" so ON so.id = sp."sourceId"
      WHERE sp."annotationId" IN (SELECT id FROM l) GROUP BY sp."annotationId"
    ), actors AS (
      SELECT ac."annotationId" AS id, json_agg(json_build_object('entity', json_build_object('id', e.id, 'name', e.name)) ORDER BY ac.position) AS list
      FROM "AnnotationActor" ac JOIN "Entity" e ON e.id = ac."entityId"
      WHERE ac."annotationId" IN (SELECT id FROM l) GROUP BY ac."annotationId"
    ), origins AS (${originsOf(Prisma.sql`json_build_object('source', ${refSql("os")})`)})
    SELECT l.n, json_build_object(
      'stance', l.stance, 'propositionId', l."propositionId",
      'annotation', json_build_object(
        'id', l.id, 'orphaned', l.orphaned, 'needsReview', l."needsReview", 'status', l.status, 'sessionId', l."sessionId",
        'reconciled', l.reconciled,
        'session', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('closedAt', ${isoSql('s."closedAt"')}) END,
        'modality', l.modality, 'fields', l.fields, 'actors', l.actors,
        'speakers', COALESCE(speakers.list, '[]'), 'actorEntities', COALESCE(actors.list, '[]'),
        'exact', l.exact, 'prefix', l.prefix, 'suffix', l.suffix, 'start', l.start, 'end', l."end",
        'passage', json_build_object('id', l."passageId", 'position', l.position, 'article', json_build_object(
          'id', l."articleId", 'title', l.title, 'publishedAt', to_char(l."publishedAt", 'YYYY-MM-DD'), 'language', l.language,
          'publisher', CASE WHEN pu.id IS NULL THEN NULL ELSE ${refSql("pu")} END,
          'origins', COALESCE(origins.list, '[]'))))
    ) AS v
    FROM l
    LEFT JOIN speakers ON speakers.id = l.id
    LEFT JOIN actors ON actors.id = l.id
    LEFT JOIN origins ON origins.id = l."articleId"
    LEFT JOIN "Source" pu ON pu.id = l."publisherId"
    LEFT JOIN "AnnotationSession" s ON s.id = l."sessionId"`;
  rows.sort((a, b) => a.n - b.n);
  return rows.map(({ v }) => {
    const { session, passage } = v.annotation;
    return {
      ...v,
      annotation: {
        ...v.annotation,
        session: session && { closedAt: session.closedAt === null ? null : new Date(session.closedAt) },
        passage: {
          ...passage,
          article: { ...passage.article, publishedAt: passage.article.publishedAt === null ? null : new Date(`${passage.article.publishedAt}T00:00:00.000Z`) },
        },
      },
    };
  });
}

/** What a comparison-matrix cell needs of one link: its stance, whether it counts, and its attribution. */
export type CellRow = CountedFacts & Attribution & { propositionId: string; stance: MentionRow["stance"] };

/**
 * The links `where` chooses (same aliases as readMentionRows), read narrowly for the matrix's cells:
 * no quote, offsets, details or actors. The speakers, origins and publisher are those
 * toMentionInput gives (lib/server/mention-rows.int.test.ts holds the two reads equal).
 */
export async function readCellRows(db: Tx, where: Prisma.Sql): Promise<CellRow[]> {
  const rows = await db.$queryRaw<(Omit<CellRow, "session"> & { closedAt: Date | null; inSession: boolean })[]>`
    WITH l AS MATERIALIZED (
      SELECT ml.stance, ml."propositionId", an.id, an.orphaned, an."needsReview", an.status, an."sessionId", an.reconciled,
        ps."articleId", ar."publisherId"
      ${linksFrom(where)}
    ), speakers AS (
      SELECT sp."annotationId" AS id, json_agg(CASE WHEN e.id IS NOT NULL THEN json_build_object('type', 'entity', 'id', e.id, 'name', e.name)
          ELSE json_build_object('type', 'source', 'id', so.id, 'name', so.name, 'kind', so.kind) END ORDER BY sp.position) AS list
      FROM "AnnotationSpeaker" sp LEFT JOIN "Entity" e ON e.id = sp."entityId" LEFT JOIN "Source" so ON so.id = sp."sourceId"
      WHERE sp."annotationId" IN (SELECT id FROM l) GROUP BY sp."annotationId"
    ), origins AS (${originsOf(refSql("os"))})
    SELECT l.stance::text AS stance, l."propositionId", l.orphaned, l."needsReview", l.status::text AS status, l.reconciled,
      l."sessionId" IS NOT NULL AS "inSession", s."closedAt",
      COALESCE(speakers.list, '[]') AS speakers, COALESCE(origins.list, '[]') AS "articleOrigins",
      CASE WHEN pu.id IS NULL THEN NULL ELSE ${refSql("pu")} END AS publisher
    FROM l
    LEFT JOIN speakers ON speakers.id = l.id
    LEFT JOIN origins ON origins.id = l."articleId"
    LEFT JOIN "Source" pu ON pu.id = l."publisherId"
    LEFT JOIN "AnnotationSession" s ON s.id = l."sessionId"`;
  return rows.map(({ inSession, closedAt, ...r }) => ({ ...r, session: inSession ? { closedAt } : null }));
}
