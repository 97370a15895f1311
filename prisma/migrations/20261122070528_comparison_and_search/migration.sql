-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- DropIndex
DROP INDEX "Proposition_workspaceId_idx";

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "upstreamId" UUID;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Proposition" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Source_upstreamId_idx" ON "Source"("upstreamId");

-- CreateIndex
CREATE INDEX "Source_name_trgm" ON "Source" USING GIN ("normalizedName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Passage_search_trgm" ON "Passage" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "EntityAlias_alias_trgm" ON "EntityAlias" USING GIN ("normalizedAlias" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Annotation_speakerEntityId_idx" ON "Annotation"("speakerEntityId");

-- CreateIndex
CREATE INDEX "Annotation_speakerSourceId_idx" ON "Annotation"("speakerSourceId");

-- CreateIndex
CREATE INDEX "Annotation_search_trgm" ON "Annotation" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Proposition_workspaceId_createdAt_idx" ON "Proposition"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposition_search_trgm" ON "Proposition" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_upstreamId_fkey" FOREIGN KEY ("upstreamId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill the folded search columns (the app keeps them current from now on with foldForMatch;
-- unaccent + lower gives the same result: no diacritics, đ → d, lower case, single spaces).
UPDATE "Passage" SET "searchText" = btrim(regexp_replace(lower(unaccent("text")), '\s+', ' ', 'g'));
UPDATE "Annotation" SET "searchText" = btrim(regexp_replace(lower(unaccent("exact" || ' ' || coalesce("note", ''))), '\s+', ' ', 'g'));
UPDATE "Proposition" SET "searchText" = btrim(regexp_replace(lower(unaccent("statement")), '\s+', ' ', 'g'));

-- The audit log is append-only: no updates, and deletes only when the workspace itself is gone.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Workspace" WHERE "id" = OLD."workspaceId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
