-- CreateTable
CREATE TABLE "PropositionVerdict" (
    "propositionId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "counted" INTEGER NOT NULL,
    "linked" INTEGER NOT NULL,
    "verdict" JSONB NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PropositionVerdict_pkey" PRIMARY KEY ("propositionId")
);

-- CreateIndex
CREATE INDEX "PropositionVerdict_workspaceId_kind_idx" ON "PropositionVerdict"("workspaceId", "kind");

-- CreateIndex
CREATE INDEX "PropositionVerdict_workspaceId_score_idx" ON "PropositionVerdict"("workspaceId", "score");

-- CreateIndex
CREATE INDEX "PropositionVerdict_workspaceId_stale_idx" ON "PropositionVerdict"("workspaceId", "stale");

-- CreateIndex
CREATE UNIQUE INDEX "PropositionVerdict_propositionId_workspaceId_key" ON "PropositionVerdict"("propositionId", "workspaceId");

-- AddForeignKey
ALTER TABLE "PropositionVerdict" ADD CONSTRAINT "PropositionVerdict_propositionId_workspaceId_fkey" FOREIGN KEY ("propositionId", "workspaceId") REFERENCES "Proposition"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;
