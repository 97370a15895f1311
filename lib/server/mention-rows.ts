import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MentionRow } from "@/lib/server/comparison";
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

/**
 * The links `where` chooses, oldest first (then by claim id), each with its claim as the
 * comparison reads it. `where` may use `ml` ("MentionLink"), `an` ("Annotation"), `ps`
 * ("Passage") and `ar` ("Article").
 */
export async function readMentionRows(db: Tx, where: Prisma.Sql): Promise<MentionRow[]> {
  const rows = await db.$queryRaw<{ v: Raw }[]>`
    SELECT json_build_object(
      'stance', ml.stance, 'propositionId', ml."propositionId",
      'annotation', json_build_object(
        'id', an.id, 'orphaned', an.orphaned, 'needsReview', an."needsReview", 'status', an.status, 'sessionId', an."sessionId",
        'reconciled', an.reconciled,
        'session', (SELECT json_build_object('closedAt', ${isoSql('s."closedAt"')}) FROM "AnnotationSession" s WHERE s.id = an."sessionId"),
        'modality', an.modality, 'fields', an.fields, 'actors', an.actors,
        'speakers', COALESCE((
          SELECT json_agg(json_build_object(
              'entity', CASE WHEN e.id IS NULL THEN NULL ELSE json_build_object('id', e.id, 'name', e.name) END,
              'source', CASE WHEN so.id IS NULL THEN NULL ELSE ${refSql("so")} END) ORDER BY sp.position)
          FROM "AnnotationSpeaker" sp LEFT JOIN "Entity" e ON e.id = sp."entityId" LEFT JOIN "Source" so ON so.id = sp."sourceId"
          WHERE sp."annotationId" = an.id), '[]'),
        'actorEntities', COALESCE((
          SELECT json_agg(json_build_object('entity', json_build_object('id', e.id, 'name', e.name)) ORDER BY ac.position)
          FROM "AnnotationActor" ac JOIN "Entity" e ON e.id = ac."entityId" WHERE ac."annotationId" = an.id), '[]'),
        'exact', an.exact, 'prefix', an.prefix, 'suffix', an.suffix, 'start', an.start, 'end', an."end",
        'passage', json_build_object('id', ps.id, 'position', ps.position, 'article', json_build_object(
          'id', ar.id, 'title', ar.title, 'publishedAt', to_char(ar."publishedAt", 'YYYY-MM-DD'), 'language', ar.language,
          'publisher', (SELECT ${refSql("pu")} FROM "Source" pu WHERE pu.id = ar."publisherId"),
          'origins', COALESCE((
            SELECT json_agg(json_build_object('source', ${refSql("os")}) ORDER BY o.position)
            FROM "ArticleOrigin" o JOIN "Source" os ON os.id = o."sourceId" WHERE o."articleId" = ar.id), '[]'))))
    ) AS v
    FROM "MentionLink" ml
    JOIN "Annotation" an ON an.id = ml."annotationId"
    JOIN "Passage" ps ON ps.id = an."passageId"
    JOIN "Article" ar ON ar.id = ps."articleId"
    WHERE ${where}
    ORDER BY ml."createdAt", ml."annotationId"`;
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
