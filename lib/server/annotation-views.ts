import "server-only";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationView } from "@/lib/server/annotations";
import { isoSql } from "@/lib/server/sql-json";

// Claims as `annotationSelect` + `toAnnotationView` answer them, read in ONE statement: speakers,
// entity actors, author, reviewer and propositions aggregated by PostgreSQL. Prisma's nested
// select sends one query per relation with every id in an IN list, which at a paragraph of 2,000
// claims costs more than the correction it reports (lib/server/annotation-views.int.test.ts
// checks both give the same answer).

type Row = Omit<AnnotationView, "createdAt" | "updatedAt" | "reviewedAt"> & { createdAt: string; updatedAt: string; reviewedAt: string | null };

/**
 * The claims of `a` (alias of "Annotation") that `where` chooses, ordered by paragraph, start and
 * id. `where` may use `a` and `p` (the claim's "Passage").
 */
export async function readAnnotationViews(where: Prisma.Sql, db: Tx = getDb()): Promise<AnnotationView[]> {
  const rows = await db.$queryRaw<{ v: Row }[]>`
    SELECT json_build_object(
      'id', a.id, 'passageId', a."passageId", 'start', a.start, 'end', a."end", 'exact', a.exact, 'prefix', a.prefix, 'suffix', a.suffix,
      'claimTypeId', a."claimTypeId", 'modality', a.modality, 'actors', a.actors, 'fields', a.fields, 'note', a.note, 'status', a.status,
      'reviewedAt', ${isoSql('a."reviewedAt"')}, 'reviewReason', a."reviewReason",
      'reviewedBy', (SELECT json_build_object('id', r.id, 'name', r.name) FROM "User" r WHERE r.id = a."reviewedById"),
      'orphaned', a.orphaned, 'needsReview', a."needsReview", 'anchorReview', a."anchorReview", 'version', a.version,
      'createdAt', ${isoSql('a."createdAt"')}, 'updatedAt', ${isoSql('a."updatedAt"')}, 'sessionId', a."sessionId", 'reconciled', a.reconciled,
      'speakers', COALESCE((
        SELECT json_agg(CASE WHEN e.id IS NOT NULL THEN json_build_object('type', 'entity', 'id', e.id, 'name', e.name)
                             ELSE json_build_object('type', 'source', 'id', s.id, 'name', s.name) END ORDER BY sp.position)
        FROM "AnnotationSpeaker" sp LEFT JOIN "Entity" e ON e.id = sp."entityId" LEFT JOIN "Source" s ON s.id = sp."sourceId"
        WHERE sp."annotationId" = a.id), '[]'),
      'actorEntities', COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'name', e.name) ORDER BY ac.position)
        FROM "AnnotationActor" ac JOIN "Entity" e ON e.id = ac."entityId" WHERE ac."annotationId" = a.id), '[]'),
      'author', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."authorId"),
      'mentions', COALESCE((
        SELECT json_agg(json_build_object('stance', ml.stance, 'proposition', json_build_object('id', pr.id, 'statement', pr.statement)) ORDER BY ml."createdAt")
        FROM "MentionLink" ml JOIN "Proposition" pr ON pr.id = ml."propositionId" WHERE ml."annotationId" = a.id), '[]')
    ) AS v
    FROM "Annotation" a JOIN "Passage" p ON p.id = a."passageId"
    WHERE ${where}
    ORDER BY p.position, a.start, a.id`;
  return rows.map(({ v }) => ({
    ...v,
    createdAt: new Date(v.createdAt),
    updatedAt: new Date(v.updatedAt),
    reviewedAt: v.reviewedAt === null ? null : new Date(v.reviewedAt),
  }));
}
