-- Issue 7: several speakers per claim, entity actors, speaks-for links, needs-review anchoring,
-- correctable article metadata, the desk's rating on a scale. Data is carried over, never dropped.

-- AlterEnum
ALTER TYPE "Modality" ADD VALUE 'UNCONFIRMED';

-- CreateTable
CREATE TABLE "AnnotationSpeaker" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "annotationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "entityId" UUID,
    "sourceId" UUID,

    CONSTRAINT "AnnotationSpeaker_pkey" PRIMARY KEY ("id"),
    -- A speaker row names exactly one Entity or one Source.
    CONSTRAINT "AnnotationSpeaker_one_target" CHECK (num_nonnulls("entityId", "sourceId") = 1)
);

-- CreateTable
CREATE TABLE "AnnotationActor" (
    "workspaceId" UUID NOT NULL,
    "annotationId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AnnotationActor_pkey" PRIMARY KEY ("annotationId","entityId")
);

-- Carry each claim's single speaker over to the new table (a source speaker wins, as before).
INSERT INTO "AnnotationSpeaker" ("id", "workspaceId", "annotationId", "position", "entityId", "sourceId")
SELECT gen_random_uuid(), "workspaceId", "id", 0,
       CASE WHEN "speakerSourceId" IS NULL THEN "speakerEntityId" END, "speakerSourceId"
FROM "Annotation" WHERE "speakerEntityId" IS NOT NULL OR "speakerSourceId" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_speakerEntityId_fkey";

-- DropForeignKey
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_speakerSourceId_fkey";

-- DropIndex
DROP INDEX "Annotation_speakerEntityId_idx";

-- DropIndex
DROP INDEX "Annotation_speakerSourceId_idx";

-- AlterTable
ALTER TABLE "Annotation" DROP COLUMN "speakerEntityId",
DROP COLUMN "speakerSourceId",
ADD COLUMN     "anchorReview" JSONB,
ADD COLUMN     "needsReview" BOOLEAN NOT NULL DEFAULT false;

-- A single quantity text becomes the first quantity item.
UPDATE "Annotation"
SET "fields" = ("fields" - 'quantity') || jsonb_build_object('quantities', jsonb_build_array(jsonb_build_object('value', "fields"->'quantity')))
WHERE "fields" ? 'quantity';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "metadataLines" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "speaksForId" UUID;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN     "isCaption" BOOLEAN NOT NULL DEFAULT false;

-- The desk's rating label keeps its value under its new name.
ALTER TABLE "Proposition" RENAME COLUMN "verdict" TO "ratingLabel";

-- AlterTable
ALTER TABLE "Proposition" ADD COLUMN     "ratingBest" INTEGER,
ADD COLUMN     "ratingValue" INTEGER,
ADD COLUMN     "ratingWorst" INTEGER,
ADD COLUMN     "reviewDate" DATE,
ADD COLUMN     "reviewUrl" TEXT,
ADD COLUMN     "reviewerId" UUID,
ADD COLUMN     "sameValues" JSONB NOT NULL DEFAULT '[]';

-- An alias now names one entity per workspace. Where two entities shared one, the oldest entity
-- keeps it; the entities page lists such pairs as likely duplicates to merge.
DELETE FROM "EntityAlias" a
USING "EntityAlias" b, "Entity" ea, "Entity" eb
WHERE a."workspaceId" = b."workspaceId" AND a."normalizedAlias" = b."normalizedAlias" AND a."id" <> b."id"
  AND ea."id" = a."entityId" AND eb."id" = b."entityId"
  AND (ea."createdAt", ea."id") > (eb."createdAt", eb."id");

-- DropIndex
DROP INDEX "EntityAlias_workspaceId_normalizedAlias_idx";

-- DropIndex
DROP INDEX "EntityAlias_workspaceId_normalizedAlias_entityId_key";

-- CreateIndex
CREATE UNIQUE INDEX "EntityAlias_workspaceId_normalizedAlias_key" ON "EntityAlias"("workspaceId", "normalizedAlias");

-- CreateIndex
CREATE INDEX "AnnotationSpeaker_entityId_idx" ON "AnnotationSpeaker"("entityId");

-- CreateIndex
CREATE INDEX "AnnotationSpeaker_sourceId_idx" ON "AnnotationSpeaker"("sourceId");

-- CreateIndex
CREATE INDEX "AnnotationSpeaker_workspaceId_idx" ON "AnnotationSpeaker"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationSpeaker_annotationId_position_key" ON "AnnotationSpeaker"("annotationId", "position");

-- CreateIndex
CREATE INDEX "AnnotationActor_entityId_idx" ON "AnnotationActor"("entityId");

-- CreateIndex
CREATE INDEX "AnnotationActor_workspaceId_idx" ON "AnnotationActor"("workspaceId");

-- CreateIndex
CREATE INDEX "Entity_speaksForId_idx" ON "Entity"("speaksForId");

-- AddForeignKey
ALTER TABLE "Entity" ADD CONSTRAINT "Entity_speaksForId_fkey" FOREIGN KEY ("speaksForId") REFERENCES "Entity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSpeaker" ADD CONSTRAINT "AnnotationSpeaker_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationActor" ADD CONSTRAINT "AnnotationActor_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposition" ADD CONSTRAINT "Proposition_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
