import "server-only";
import { z } from "zod";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { checkSelector, quoteSelector, reanchor } from "@/lib/domain/anchoring";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { claimDetailsSchema, createAnnotationSchema, updateAnnotationSchema } from "@/lib/validation/schemas";

export const annotationSelect = {
  id: true,
  passageId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  claimTypeId: true,
  modality: true,
  actors: true,
  fields: true,
  note: true,
  status: true,
  orphaned: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  speakerEntity: { select: { id: true, name: true } },
  speakerSource: { select: { id: true, name: true } },
  author: { select: { id: true, name: true } },
  mentions: { select: { stance: true, proposition: { select: { id: true, statement: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.AnnotationSelect;

export type AnnotationView = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

const uuid = z.string().uuid();

/** Mark a claim: offsets are code points into the passage's NFC text, checked against it. */
export async function createAnnotation(userId: string | null, workspaceId: string, input: unknown): Promise<AnnotationView> {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = createAnnotationSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    // Share-lock the paragraph so a text correction cannot slip in between the check and the insert.
    await tx.$queryRaw`SELECT 1 FROM "Passage" WHERE "id" = ${data.passageId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR SHARE`;
    const passage = await tx.passage.findFirst({ where: { id: data.passageId, workspaceId }, select: { id: true, text: true } });
    if (!passage) throw new AppError("not_found", "Passage not found");
    const check = checkSelector(passage.text, { start: data.start, end: data.end, exact: data.exact });
    if (!check.ok) throw new AppError("bad_request", check.reason, { fields: { start: check.reason } });
    const details = await resolveDetails(tx, actor, data);
    const quote = quoteSelector(passage.text, data.start, data.end);
    const created = await tx.annotation.create({
      data: {
        workspaceId,
        passageId: passage.id,
        start: data.start,
        end: data.end,
        ...quote,
        ...details,
        searchText: foldForMatch(`${quote.exact} ${details.note ?? ""}`),
        authorId: actor.userId,
      },
      select: annotationSelect,
    });
    await audit(tx, actor, "annotation.create", "Annotation", created.id, undefined, created);
    return created;
  });
}

/** Edit a claim's details. `version` must be the one the editor started from. */
export async function updateAnnotation(userId: string | null, workspaceId: string, input: unknown): Promise<AnnotationView> {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = updateAnnotationSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.annotation.findFirst({ where: { id: data.id, workspaceId, deletedAt: null }, select: annotationSelect });
    if (!before) throw new AppError("not_found", "Claim not found; it may have been deleted");
    const details = await resolveDetails(tx, actor, data);
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, workspaceId, version: data.version, deletedAt: null },
      data: { ...details, searchText: foldForMatch(`${before.exact} ${details.note ?? ""}`), version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict(before);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id }, select: annotationSelect });
    await audit(tx, actor, "annotation.update", "Annotation", data.id, before, after);
    return after;
  });
}

/** Delete a claim (kept for undo and the audit trail). */
export async function deleteAnnotation(userId: string | null, workspaceId: string, id: unknown, version: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const annotationId = parseId(id);
  const expected = z.number().int().min(1).parse(version);
  return getDb().$transaction(async (tx) => {
    const before = await tx.annotation.findFirst({ where: { id: annotationId, workspaceId, deletedAt: null }, select: annotationSelect });
    if (!before) throw new AppError("not_found", "Claim not found; it may already be deleted");
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, workspaceId, version: expected, deletedAt: null },
      data: { deletedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict(before);
    await audit(tx, actor, "annotation.delete", "Annotation", annotationId, before, undefined);
    return { id: annotationId };
  });
}

/** Undo a delete. */
export async function restoreAnnotation(userId: string | null, workspaceId: string, id: unknown): Promise<AnnotationView> {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const annotationId = parseId(id);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, workspaceId, deletedAt: { not: null } },
      data: { deletedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("not_found", "There is no deleted claim to restore");
    await reanchorRestored(tx, annotationId);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
    await audit(tx, actor, "annotation.restore", "Annotation", annotationId, undefined, after);
    return after;
  });
}

// The paragraph may have been corrected while the claim was deleted: anchor it to the current
// text again, or keep it as orphaned (offsets and quote untouched), never on the wrong words.
async function reanchorRestored(tx: Tx, annotationId: string) {
  const a = await tx.annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: { start: true, end: true, exact: true, prefix: true, suffix: true, passage: { select: { text: true } } },
  });
  if (checkSelector(a.passage.text, { start: a.start, end: a.end, exact: a.exact }).ok) return;
  const found = reanchor(a.passage.text, a);
  if (!found) {
    await tx.annotation.update({ where: { id: annotationId }, data: { orphaned: true } });
    return;
  }
  const quote = quoteSelector(a.passage.text, found.start, found.end);
  await tx.annotation.update({ where: { id: annotationId }, data: { start: found.start, end: found.end, ...quote, orphaned: false } });
}

function parseId(id: unknown): string {
  const r = uuid.safeParse(id);
  if (!r.success) throw new AppError("not_found", "Claim not found");
  return r.data;
}

function versionConflict(current: { version: number; author: { name: string } }) {
  return new AppError(
    "conflict",
    `Someone else changed this claim while you were editing (it is now at version ${current.version}). Your changes were not saved; reload to see theirs.`,
    { currentVersion: current.version },
  );
}

// Claim type and speaker must belong to the actor's workspace; others are "not found".
async function resolveDetails(tx: Tx, actor: Actor, data: z.output<typeof claimDetailsSchema>) {
  const type = await tx.claimType.findFirst({ where: { id: data.claimTypeId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!type) throw new AppError("not_found", "Claim type not found", { fields: { claimTypeId: "Choose a claim type from this workspace" } });
  const entityId = data.speaker?.entityId ?? null;
  const sourceId = data.speaker?.sourceId ?? null;
  if (entityId && !(await tx.entity.findFirst({ where: { id: entityId, workspaceId: actor.workspaceId }, select: { id: true } }))) {
    throw new AppError("not_found", "Speaker not found", { fields: { speaker: "Choose a speaker from this workspace" } });
  }
  if (sourceId && !(await tx.source.findFirst({ where: { id: sourceId, workspaceId: actor.workspaceId }, select: { id: true } }))) {
    throw new AppError("not_found", "Speaker not found", { fields: { speaker: "Choose a speaker from this workspace" } });
  }
  const fields = Object.fromEntries(Object.entries(data.fields).filter(([, v]) => v));
  return {
    claimTypeId: type.id,
    speakerEntityId: entityId,
    speakerSourceId: sourceId,
    modality: data.modality,
    actors: data.actors,
    fields,
    note: data.note || null,
  };
}
