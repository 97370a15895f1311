-- CreateEnum
CREATE TYPE "SessionRole" AS ENUM ('ANNOTATOR', 'REVIEWER');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "CurationDecision" AS ENUM ('ACCEPTED', 'REJECTED');

-- DropIndex
DROP INDEX "AnnotationSession_workspaceId_idx";

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "adjudicatedAt" TIMESTAMP(3),
ADD COLUMN     "adjudicatedById" UUID,
ADD COLUMN     "reconciled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionId" UUID;

-- AlterTable
ALTER TABLE "AnnotationSession" ADD COLUMN     "closedById" UUID,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "guidelines" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revealedAt" TIMESTAMP(3),
ADD COLUMN     "revealedById" UUID,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SessionMember" (
    "sessionId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "SessionRole" NOT NULL,

    CONSTRAINT "SessionMember_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "SessionAssignment" (
    "sessionId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'TODO',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionAssignment_pkey" PRIMARY KEY ("sessionId","articleId","userId")
);

-- CreateTable
CREATE TABLE "SessionDecision" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "claimIds" UUID[],
    "decision" "CurationDecision" NOT NULL,
    "chosenId" UUID,
    "resultId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionMember_workspaceId_userId_idx" ON "SessionMember"("workspaceId", "userId");

-- CreateIndex
CREATE INDEX "SessionAssignment_workspaceId_userId_idx" ON "SessionAssignment"("workspaceId", "userId");

-- CreateIndex
CREATE INDEX "SessionDecision_sessionId_articleId_idx" ON "SessionDecision"("sessionId", "articleId");

-- CreateIndex
CREATE INDEX "Annotation_sessionId_authorId_idx" ON "Annotation"("sessionId", "authorId");

-- CreateIndex
CREATE INDEX "AnnotationSession_workspaceId_mode_idx" ON "AnnotationSession"("workspaceId", "mode");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_sessionId_workspaceId_fkey" FOREIGN KEY ("sessionId", "workspaceId") REFERENCES "AnnotationSession"("id", "workspaceId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionMember" ADD CONSTRAINT "SessionMember_sessionId_workspaceId_fkey" FOREIGN KEY ("sessionId", "workspaceId") REFERENCES "AnnotationSession"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionMember" ADD CONSTRAINT "SessionMember_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAssignment" ADD CONSTRAINT "SessionAssignment_sessionId_workspaceId_fkey" FOREIGN KEY ("sessionId", "workspaceId") REFERENCES "AnnotationSession"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAssignment" ADD CONSTRAINT "SessionAssignment_articleId_workspaceId_fkey" FOREIGN KEY ("articleId", "workspaceId") REFERENCES "Article"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAssignment" ADD CONSTRAINT "SessionAssignment_workspaceId_userId_fkey" FOREIGN KEY ("workspaceId", "userId") REFERENCES "Membership"("workspaceId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionDecision" ADD CONSTRAINT "SessionDecision_sessionId_workspaceId_fkey" FOREIGN KEY ("sessionId", "workspaceId") REFERENCES "AnnotationSession"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;
