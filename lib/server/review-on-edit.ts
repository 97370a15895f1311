import "server-only";
import type { Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { statusAfterEdit } from "@/lib/domain/review";
import type { AnnotationView } from "@/lib/server/annotations";
import { audit } from "@/lib/server/audit";

type Details = Pick<AnnotationView, "claimTypeId" | "modality" | "actors" | "fields" | "note" | "speakers" | "actorEntities">;

// Both sides are read back from the database (jsonb keeps one key order), so equal details compare equal.
const detailsKey = (a: Details) =>
  JSON.stringify([a.claimTypeId, a.modality, a.actors, a.fields, a.note, a.speakers.map((s) => `${s.type}:${s.id}`), a.actorEntities.map((e) => e.id)]);

/**
 * An approved claim whose details someone changed goes back to the review queue (submitted), with an
 * audit event saying so; a save that changes nothing keeps the approval. Runs inside the edit's transaction.
 */
export async function reopenAfterEdit<T extends AnnotationView>(tx: Tx, actor: Actor, before: AnnotationView, after: T): Promise<T> {
  const status = statusAfterEdit(before.status);
  if (status === before.status || detailsKey(before) === detailsKey(after)) return after;
  await tx.annotation.updateMany({
    where: { id: after.id, workspaceId: actor.workspaceId },
    data: { status, reviewedById: null, reviewedAt: null, reviewReason: null },
  });
  await audit(
    tx,
    actor,
    "annotation.review_reopened",
    "Annotation",
    after.id,
    { status: before.status, reviewedBy: before.reviewedBy, reviewedAt: before.reviewedAt, reviewReason: before.reviewReason },
    { status, reason: "Its details were edited after approval, so it needs review again", version: after.version },
  );
  return { ...after, status, reviewedBy: null, reviewedAt: null, reviewReason: null };
}
