-- Guard rails a newcomer can rely on:
--   1. CHECK constraints for invariants the services already keep (offsets, versions, positions,
--      shortcuts, ratings, no self-relay, hashed tokens), each <Table>_<what>_check;
--   2. no row can point into another workspace: parents are unique on (id, workspaceId) and
--      children reference them by (parentId, workspaceId) (also the Citus distribution shape);
--   3. deleting a user keeps their audit events, with actorId NULL.
-- Rows that would break a new rule are fixed first, in ways that lose no claim (there should be
-- none). Everything runs in one transaction: if anything fails, nothing changes.

-- ---------------------------------------------------------------------------------------------
-- Fix-ups for the CHECK constraints below.

-- Optimistic-lock versions start at 1.
UPDATE "Article" SET "version" = 1 WHERE "version" < 1;
UPDATE "Annotation" SET "version" = 1 WHERE "version" < 1;

-- A claim whose offsets are not a span (start < 0, or end <= start) cannot be shown on words: it
-- becomes orphaned, keeping its quote, prefix and suffix, so a person re-marks it (never dropped).
-- Its version is bumped so a claim form opened before reports a conflict.
UPDATE "Annotation"
SET "start" = GREATEST("start", 0),
    "end" = GREATEST("start", 0) + GREATEST(char_length("exact"), 1),
    "orphaned" = true, "needsReview" = false, "version" = "version" + 1, "updatedAt" = now()
WHERE "start" < 0 OR "end" <= "start";

-- Negative positions: renumber 0, 1, 2… in the same order, only where a group has a negative one.
-- Passage and AnnotationSpeaker positions are unique per parent, so they go through a range no
-- row uses first (a unique index is checked row by row during an UPDATE).
WITH bad AS (SELECT DISTINCT "articleId" FROM "Passage" WHERE "position" < 0),
ranked AS (SELECT p."id", row_number() OVER (PARTITION BY p."articleId" ORDER BY p."position", p."id") AS rn
           FROM "Passage" p JOIN bad USING ("articleId"))
UPDATE "Passage" p SET "position" = -1000000000 - r.rn FROM ranked r WHERE p."id" = r."id";
UPDATE "Passage" SET "position" = -1000000000 - "position" - 1 WHERE "position" <= -1000000000;

WITH bad AS (SELECT DISTINCT "annotationId" FROM "AnnotationSpeaker" WHERE "position" < 0),
ranked AS (SELECT s."id", row_number() OVER (PARTITION BY s."annotationId" ORDER BY s."position", s."id") AS rn
           FROM "AnnotationSpeaker" s JOIN bad USING ("annotationId"))
UPDATE "AnnotationSpeaker" s SET "position" = -1000000000 - r.rn FROM ranked r WHERE s."id" = r."id";
UPDATE "AnnotationSpeaker" SET "position" = -1000000000 - "position" - 1 WHERE "position" <= -1000000000;

WITH bad AS (SELECT DISTINCT "annotationId" FROM "AnnotationActor" WHERE "position" < 0),
ranked AS (SELECT a."annotationId", a."entityId",
                  row_number() OVER (PARTITION BY a."annotationId" ORDER BY a."position", a."entityId") AS rn
           FROM "AnnotationActor" a JOIN bad USING ("annotationId"))
UPDATE "AnnotationActor" a SET "position" = r.rn - 1 FROM ranked r
WHERE a."annotationId" = r."annotationId" AND a."entityId" = r."entityId";

WITH bad AS (SELECT DISTINCT "articleId" FROM "ArticleOrigin" WHERE "position" < 0),
ranked AS (SELECT o."articleId", o."sourceId",
                  row_number() OVER (PARTITION BY o."articleId" ORDER BY o."position", o."sourceId") AS rn
           FROM "ArticleOrigin" o JOIN bad USING ("articleId"))
UPDATE "ArticleOrigin" o SET "position" = r.rn - 1 FROM ranked r
WHERE o."articleId" = r."articleId" AND o."sourceId" = r."sourceId";

WITH bad AS (SELECT DISTINCT "workspaceId" FROM "ClaimType" WHERE "position" < 0),
ranked AS (SELECT c."id", row_number() OVER (PARTITION BY c."workspaceId" ORDER BY c."position", c."id") AS rn
           FROM "ClaimType" c JOIN bad USING ("workspaceId"))
UPDATE "ClaimType" c SET "position" = r.rn - 1 FROM ranked r WHERE c."id" = r."id";

-- A shortcut is a number key 1–9; any other value is dropped (the type keeps working by click).
UPDATE "ClaimType" SET "shortcut" = NULL WHERE "shortcut" NOT BETWEEN 1 AND 9;

-- A rating scale has two different ends, and a value lies on it; a broken scale or a value off it
-- is dropped (the label, URL and date of the fact-check stay).
UPDATE "Proposition" SET "ratingValue" = NULL, "ratingBest" = NULL, "ratingWorst" = NULL
WHERE num_nonnulls("ratingWorst", "ratingBest") = 1 OR "ratingWorst" = "ratingBest";
UPDATE "Proposition" SET "ratingValue" = NULL
WHERE "ratingValue" IS NOT NULL AND ("ratingWorst" IS NULL
   OR "ratingValue" NOT BETWEEN LEAST("ratingWorst", "ratingBest") AND GREATEST("ratingWorst", "ratingBest"));

-- Nothing relays or speaks for itself (the services refuse it, and refuse cycles).
UPDATE "Source" SET "upstreamId" = NULL WHERE "upstreamId" = "id";
UPDATE "Entity" SET "speaksForId" = NULL WHERE "speaksForId" = "id";

-- Only sha256 hex digests are stored. A token stored in plain would be its own sha256 input, so
-- hashing it keeps it working while no longer keeping it readable.
UPDATE "ApiToken" SET "tokenHash" = encode(sha256(convert_to("tokenHash", 'UTF8')), 'hex')
WHERE "tokenHash" !~ '^[0-9a-f]{64}$';

-- ---------------------------------------------------------------------------------------------
-- Fix-ups for the composite (same-workspace) foreign keys.

-- Optional links into another workspace are cleared, as deleting their target would do.
UPDATE "Article" a SET "publisherId" = NULL FROM "Source" s
WHERE s."id" = a."publisherId" AND s."workspaceId" <> a."workspaceId";
UPDATE "Source" a SET "upstreamId" = NULL FROM "Source" s
WHERE s."id" = a."upstreamId" AND s."workspaceId" <> a."workspaceId";
UPDATE "Source" a SET "entityId" = NULL FROM "Entity" e
WHERE e."id" = a."entityId" AND e."workspaceId" <> a."workspaceId";
UPDATE "Entity" a SET "speaksForId" = NULL FROM "Entity" e
WHERE e."id" = a."speaksForId" AND e."workspaceId" <> a."workspaceId";
UPDATE "Proposition" p SET "claimTypeId" = NULL FROM "ClaimType" c
WHERE c."id" = p."claimTypeId" AND c."workspaceId" <> p."workspaceId";

-- Any other row pointing into another workspace (a claim, a paragraph, a link row) is not guessed
-- at: the migration stops and says where, and an operator decides.
DO $$
DECLARE
  found text;
BEGIN
  SELECT string_agg(format('%s: %s', name, n), ', ') INTO found FROM (
    SELECT 'ArticleOrigin.articleId' AS name, count(*) AS n FROM "ArticleOrigin" c JOIN "Article" p ON p."id" = c."articleId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'ArticleOrigin.sourceId', count(*) FROM "ArticleOrigin" c JOIN "Source" p ON p."id" = c."sourceId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'Passage.articleId', count(*) FROM "Passage" c JOIN "Article" p ON p."id" = c."articleId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'EntityAlias.entityId', count(*) FROM "EntityAlias" c JOIN "Entity" p ON p."id" = c."entityId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'Annotation.passageId', count(*) FROM "Annotation" c JOIN "Passage" p ON p."id" = c."passageId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'Annotation.claimTypeId', count(*) FROM "Annotation" c JOIN "ClaimType" p ON p."id" = c."claimTypeId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'AnnotationSpeaker.annotationId', count(*) FROM "AnnotationSpeaker" c JOIN "Annotation" p ON p."id" = c."annotationId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'AnnotationSpeaker.entityId', count(*) FROM "AnnotationSpeaker" c JOIN "Entity" p ON p."id" = c."entityId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'AnnotationSpeaker.sourceId', count(*) FROM "AnnotationSpeaker" c JOIN "Source" p ON p."id" = c."sourceId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'AnnotationActor.annotationId', count(*) FROM "AnnotationActor" c JOIN "Annotation" p ON p."id" = c."annotationId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'AnnotationActor.entityId', count(*) FROM "AnnotationActor" c JOIN "Entity" p ON p."id" = c."entityId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'MentionLink.annotationId', count(*) FROM "MentionLink" c JOIN "Annotation" p ON p."id" = c."annotationId" WHERE p."workspaceId" <> c."workspaceId"
    UNION ALL SELECT 'MentionLink.propositionId', count(*) FROM "MentionLink" c JOIN "Proposition" p ON p."id" = c."propositionId" WHERE p."workspaceId" <> c."workspaceId"
  ) counts WHERE n > 0;
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'rows reference a parent in another workspace (%); fix them before this migration', found;
  END IF;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Composite keys, as Prisma writes them for schema.prisma.

-- DropForeignKey
ALTER TABLE "Source" DROP CONSTRAINT "Source_entityId_fkey";

-- DropForeignKey
ALTER TABLE "ArticleOrigin" DROP CONSTRAINT "ArticleOrigin_articleId_fkey";

-- DropForeignKey
ALTER TABLE "ArticleOrigin" DROP CONSTRAINT "ArticleOrigin_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "Passage" DROP CONSTRAINT "Passage_articleId_fkey";

-- DropForeignKey
ALTER TABLE "Entity" DROP CONSTRAINT "Entity_speaksForId_fkey";

-- DropForeignKey
ALTER TABLE "EntityAlias" DROP CONSTRAINT "EntityAlias_entityId_fkey";

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_passageId_fkey";

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_claimTypeId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationSpeaker" DROP CONSTRAINT "AnnotationSpeaker_annotationId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationSpeaker" DROP CONSTRAINT "AnnotationSpeaker_entityId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationSpeaker" DROP CONSTRAINT "AnnotationSpeaker_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationActor" DROP CONSTRAINT "AnnotationActor_annotationId_fkey";

-- DropForeignKey
ALTER TABLE "AnnotationActor" DROP CONSTRAINT "AnnotationActor_entityId_fkey";

-- DropForeignKey
ALTER TABLE "MentionLink" DROP CONSTRAINT "MentionLink_annotationId_fkey";

-- DropForeignKey
ALTER TABLE "MentionLink" DROP CONSTRAINT "MentionLink_propositionId_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "Source_id_workspaceId_key" ON "Source"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_id_workspaceId_key" ON "Article"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Passage_id_workspaceId_key" ON "Passage"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Entity_id_workspaceId_key" ON "Entity"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimType_id_workspaceId_key" ON "ClaimType"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_id_workspaceId_key" ON "Annotation"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposition_id_workspaceId_key" ON "Proposition"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationSession_id_workspaceId_key" ON "AnnotationSession"("id", "workspaceId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_entityId_workspaceId_fkey" FOREIGN KEY ("entityId", "workspaceId") REFERENCES "Entity"("id", "workspaceId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleOrigin" ADD CONSTRAINT "ArticleOrigin_articleId_workspaceId_fkey" FOREIGN KEY ("articleId", "workspaceId") REFERENCES "Article"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleOrigin" ADD CONSTRAINT "ArticleOrigin_sourceId_workspaceId_fkey" FOREIGN KEY ("sourceId", "workspaceId") REFERENCES "Source"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_articleId_workspaceId_fkey" FOREIGN KEY ("articleId", "workspaceId") REFERENCES "Article"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_speaksForId_workspaceId_fkey" FOREIGN KEY ("speaksForId", "workspaceId") REFERENCES "Entity"("id", "workspaceId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityAlias" ADD CONSTRAINT "EntityAlias_entityId_workspaceId_fkey" FOREIGN KEY ("entityId", "workspaceId") REFERENCES "Entity"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_passageId_workspaceId_fkey" FOREIGN KEY ("passageId", "workspaceId") REFERENCES "Passage"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_claimTypeId_workspaceId_fkey" FOREIGN KEY ("claimTypeId", "workspaceId") REFERENCES "ClaimType"("id", "workspaceId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_annotationId_workspaceId_fkey" FOREIGN KEY ("annotationId", "workspaceId") REFERENCES "Annotation"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_entityId_workspaceId_fkey" FOREIGN KEY ("entityId", "workspaceId") REFERENCES "Entity"("id", "workspaceId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_sourceId_workspaceId_fkey" FOREIGN KEY ("sourceId", "workspaceId") REFERENCES "Source"("id", "workspaceId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_annotationId_workspaceId_fkey" FOREIGN KEY ("annotationId", "workspaceId") REFERENCES "Annotation"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_entityId_workspaceId_fkey" FOREIGN KEY ("entityId", "workspaceId") REFERENCES "Entity"("id", "workspaceId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentionLink" ADD CONSTRAINT "MentionLink_annotationId_workspaceId_fkey" FOREIGN KEY ("annotationId", "workspaceId") REFERENCES "Annotation"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentionLink" ADD CONSTRAINT "MentionLink_propositionId_workspaceId_fkey" FOREIGN KEY ("propositionId", "workspaceId") REFERENCES "Proposition"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Optional links that keep ON DELETE SET NULL: composite, and nulling only the link column
-- (PostgreSQL 15+), since workspaceId is NOT NULL. schema.prisma keeps these relations on one
-- column (Prisma cannot write this); lib/db/migrations.int.test.ts lists them and checks them.

ALTER TABLE "Article" DROP CONSTRAINT "Article_publisherId_fkey",
  ADD CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId", "workspaceId")
  REFERENCES "Source"("id", "workspaceId") ON DELETE SET NULL ("publisherId") ON UPDATE CASCADE;

ALTER TABLE "Source" DROP CONSTRAINT "Source_upstreamId_fkey",
  ADD CONSTRAINT "Source_upstreamId_fkey" FOREIGN KEY ("upstreamId", "workspaceId")
  REFERENCES "Source"("id", "workspaceId") ON DELETE SET NULL ("upstreamId") ON UPDATE CASCADE;

ALTER TABLE "Proposition" DROP CONSTRAINT "Proposition_claimTypeId_fkey",
  ADD CONSTRAINT "Proposition_claimTypeId_fkey" FOREIGN KEY ("claimTypeId", "workspaceId")
  REFERENCES "ClaimType"("id", "workspaceId") ON DELETE SET NULL ("claimTypeId") ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- CHECK constraints (listed in MIGRATION_ONLY_CONSTRAINTS).

-- Offsets are code points into the passage text: a non-empty span from start to end.
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_offsets_check" CHECK ("start" >= 0 AND "start" < "end"),
  ADD CONSTRAINT "Annotation_version_check" CHECK ("version" >= 1);
ALTER TABLE "Article" ADD CONSTRAINT "Article_version_check" CHECK ("version" >= 1);
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_position_check" CHECK ("position" >= 0);
ALTER TABLE "ArticleOrigin" ADD CONSTRAINT "ArticleOrigin_position_check" CHECK ("position" >= 0);
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_position_check" CHECK ("position" >= 0);
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_position_check" CHECK ("position" >= 0);
ALTER TABLE "ClaimType" ADD CONSTRAINT "ClaimType_position_check" CHECK ("position" >= 0),
  -- The number key that picks the type, when it has one.
  ADD CONSTRAINT "ClaimType_shortcut_check" CHECK ("shortcut" BETWEEN 1 AND 9);
-- The desk's rating scale: both ends or neither, and two different ends (worst may be above best).
ALTER TABLE "Proposition" ADD CONSTRAINT "Proposition_rating_scale_check" CHECK (
    ("ratingWorst" IS NULL AND "ratingBest" IS NULL)
    OR ("ratingWorst" IS NOT NULL AND "ratingBest" IS NOT NULL AND "ratingWorst" <> "ratingBest")),
  -- A value needs its scale and lies on it.
  ADD CONSTRAINT "Proposition_rating_value_check" CHECK (
    "ratingValue" IS NULL
    OR ("ratingWorst" IS NOT NULL AND "ratingBest" IS NOT NULL
        AND "ratingValue" BETWEEN LEAST("ratingWorst", "ratingBest") AND GREATEST("ratingWorst", "ratingBest")));
-- No source relays itself, no entity speaks for itself (longer cycles are refused by the services).
ALTER TABLE "Source" ADD CONSTRAINT "Source_upstream_not_self_check" CHECK ("upstreamId" <> "id");
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_speaks_for_not_self_check" CHECK ("speaksForId" <> "id");
-- Only the sha256 (hex) of a token is stored, never the token.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_token_hash_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');

-- ---------------------------------------------------------------------------------------------
-- The audit log stays append-only, with one exception: deleting a user sets AuditEvent.actorId
-- to NULL (ON DELETE SET NULL), which the trigger used to refuse, so a user with history could
-- not be deleted. An UPDATE that changes only actorId, to NULL, is now allowed; every other
-- UPDATE is refused, and a DELETE only when the workspace itself is gone, as before.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Workspace" WHERE "id" = OLD."workspaceId") THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."actorId" IS NOT NULL AND NEW."actorId" IS NULL
     AND to_jsonb(NEW) - 'actorId' = to_jsonb(OLD) - 'actorId' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
