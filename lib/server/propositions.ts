import "server-only";
import type { z } from "zod";
import { visibleClaims } from "@/lib/server/visibility";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { audit } from "@/lib/server/audit";
import { annotationScope, emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { requestFingerprint, withIdempotency } from "@/lib/server/idempotency";
import { idempotencyOptionsSchema } from "@/lib/validation/idempotency";
import {
  linkMentionSchema,
  mergePropositionsSchema,
  ratingProblems,
  sameValuesSchema,
  moveMentionSchema,
  newPropositionSchema,
  unlinkMentionSchema,
  updatePropositionSchema,
} from "@/lib/validation/propositions";

const RATING_KEYS = ["ratingLabel", "ratingValue", "ratingBest", "ratingWorst", "reviewUrl", "reviewDate"] as const;

export const propositionSelect = {
  id: true,
  statement: true,
  claimTypeId: true,
  ...(Object.fromEntries(RATING_KEYS.map((k) => [k, true])) as Record<(typeof RATING_KEYS)[number], true>),
  reviewerId: true,
  createdAt: true,
} as const;

async function findAnnotation(tx: Tx, actor: Actor, id: string) {
  const a = await tx.annotation.findFirst({
    where: { id, workspaceId: actor.workspaceId, deletedAt: null, ...visibleClaims(actor) },
    select: { id: true, exact: true, claimTypeId: true },
  });
  if (!a) throw new AppError("not_found", "Claim not found", undefined, { key: "errors.claimNotFound" });
  return a;
}

async function findProposition(tx: Tx, workspaceId: string, id: string, which: "proposition" | "source" | "target" | "merged" = "proposition") {
  const p = await tx.proposition.findFirst({ where: { id, workspaceId }, select: propositionSelect });
  if (!p)
    throw new AppError(
      "not_found",
      {
        proposition: "Proposition not found",
        source: "Source proposition not found",
        target: "Target proposition not found",
        merged: "Proposition to merge not found",
      }[which],
    );
  return p;
}

/**
 * "New proposition from this claim": the claim's quote becomes the statement unless given. With
 * `idempotencyKey` (the form makes one when it opens), a retry or a double submit creates one
 * proposition, and every call answers it.
 */
export async function createPropositionFromClaim(actor: Actor, input: unknown, options: { idempotencyKey?: string } = {}) {
  assertCan(actor, "propositions.write");
  const data = newPropositionSchema.parse(input);
  const { idempotencyKey } = idempotencyOptionsSchema.parse(options);
  if (!idempotencyKey) return createProposition(actor, data);
  let created: Awaited<ReturnType<typeof createProposition>> | undefined;
  const fingerprint = requestFingerprint({ operation: "createPropositionFromClaim", input: data });
  const answer = await withIdempotency(
    actor,
    { key: idempotencyKey, fingerprint },
    async () => {
      created = await createProposition(actor, data);
      return { status: 201, body: { id: created.id } };
    },
    // A double submit's second call waits for the first, so both answer the proposition.
    { waitMs: DOUBLE_SUBMIT_WAIT_MS },
  );
  if (created) return created;
  // A repeat: the proposition as it is now (it may have been edited since, or deleted: 404).
  return findProposition(getDb(), actor.workspaceId, (answer.body as { id: string }).id);
}

const DOUBLE_SUBMIT_WAIT_MS = 5000;

async function createProposition(actor: Actor, data: z.output<typeof newPropositionSchema>) {
  const { workspaceId } = actor;
  return getDb().$transaction(async (tx) => {
    const a = await findAnnotation(tx, actor, data.annotationId);
    const statement = data.statement || a.exact.slice(0, 500);
    const p = await tx.proposition.create({
      data: { workspaceId, statement, searchText: foldForMatch(statement), claimTypeId: a.claimTypeId, createdById: actor.userId },
      select: propositionSelect,
    });
    await tx.mentionLink.create({ data: { workspaceId, annotationId: a.id, propositionId: p.id, stance: data.stance } });
    await audit(tx, actor, "proposition.create", "Proposition", p.id, undefined, { ...p, firstMention: { annotationId: a.id, stance: data.stance } });
    await emit(tx, actor, { kind: "proposition.created", entityType: "Proposition", entityId: p.id, ...(await annotationScope(tx, a.id)) });
    return p;
  });
}

/**
 * Link a claim to a proposition, or change the stance of an existing link. Only a real change is
 * audited and announced: of many identical calls at once, the one whose insert wins (ON CONFLICT
 * DO NOTHING) links; the others find the link, locked, and change its stance only if it differs.
 */
export async function linkMention(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = linkMentionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await findAnnotation(tx, actor, data.annotationId);
    await findProposition(tx, workspaceId, data.propositionId);
    const link = { annotationId: data.annotationId, propositionId: data.propositionId, stance: data.stance };
    const inserted = await tx.mentionLink.createManyAndReturn({ data: [{ workspaceId, ...link }], skipDuplicates: true, select: { stance: true } });
    const before = inserted.length ? undefined : await lockedStance(tx, link);
    // The same stance again (or from a parallel identical call): nothing changed, nothing to record.
    if (before?.stance === data.stance) return link;
    if (before) {
      await tx.mentionLink.update({
        where: { annotationId_propositionId: { annotationId: data.annotationId, propositionId: data.propositionId } },
        data: { stance: data.stance },
      });
    }
    await audit(tx, actor, before ? "mention.restance" : "mention.link", "Proposition", data.propositionId, before, link);
    await emit(tx, actor, { kind: "mention.linked", entityType: "Annotation", entityId: data.annotationId, ...(await annotationScope(tx, data.annotationId)) });
    return link;
  });
}

// The link's stance, locked: a concurrent stance change is waited for, and its result read.
async function lockedStance(tx: Tx, link: { annotationId: string; propositionId: string }) {
  const [current] = await tx.$queryRaw<{ stance: string }[]>`
    SELECT stance::text AS stance FROM "MentionLink"
    WHERE "annotationId" = ${link.annotationId}::uuid AND "propositionId" = ${link.propositionId}::uuid FOR UPDATE`;
  // Unlinked between this call's insert and this read.
  if (!current) throw new AppError("conflict", "The link was removed at the same moment; try again");
  return current;
}

export async function unlinkMention(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = unlinkMentionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.mentionLink.deleteMany({
      where: { workspaceId, annotationId: data.annotationId, propositionId: data.propositionId, annotation: visibleClaims(actor) },
    });
    if (count === 0) throw new AppError("not_found", "That claim is not linked to this proposition");
    await audit(tx, actor, "mention.unlink", "Proposition", data.propositionId, data, undefined);
    await emit(tx, actor, {
      kind: "mention.unlinked",
      entityType: "Annotation",
      entityId: data.annotationId,
      articleId: (await annotationScope(tx, data.annotationId)).articleId,
      propositionIds: [data.propositionId],
    });
    return data;
  });
}

/** Move one mention to another proposition, keeping its stance. */
export async function moveMention(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = moveMentionSchema.parse(input);
  if (data.fromId === data.toId) throw new AppError("bad_request", "Choose a different proposition to move the claim to");
  return getDb().$transaction(async (tx) => {
    await findProposition(tx, workspaceId, data.fromId, "source");
    const target = await findProposition(tx, workspaceId, data.toId, "target");
    const link = await tx.mentionLink.findFirst({
      where: { workspaceId, annotationId: data.annotationId, propositionId: data.fromId, annotation: visibleClaims(actor) },
      select: { stance: true },
    });
    if (!link) throw new AppError("not_found", "That claim is not linked to the source proposition");
    const existing = await tx.mentionLink.findFirst({ where: { annotationId: data.annotationId, propositionId: data.toId }, select: { stance: true } });
    if (existing)
      // One sentence per stance, so each translates whole.
      throw new AppError(
        "conflict",
        {
          SUPPORTS: `The claim is already linked to “${target.statement}” (supports); unlink one of them instead`,
          REFUTES: `The claim is already linked to “${target.statement}” (refutes); unlink one of them instead`,
          NEUTRAL: `The claim is already linked to “${target.statement}” (neutral); unlink one of them instead`,
        }[existing.stance],
      );
    await tx.mentionLink.update({
      where: { annotationId_propositionId: { annotationId: data.annotationId, propositionId: data.fromId } },
      data: { propositionId: data.toId },
    });
    await audit(
      tx,
      actor,
      "mention.move",
      "Proposition",
      data.toId,
      { propositionId: data.fromId },
      { propositionId: data.toId, annotationId: data.annotationId, stance: link.stance },
    );
    await emit(tx, actor, {
      kind: "mention.moved",
      entityType: "Annotation",
      entityId: data.annotationId,
      articleId: (await annotationScope(tx, data.annotationId)).articleId,
      propositionIds: [data.fromId, data.toId],
    });
    return { annotationId: data.annotationId, propositionId: data.toId, stance: link.stance };
  });
}

/**
 * Merge `sourceId` into `targetId`: its mentions move, then it is deleted. A claim linked to both
 * with different stances is refused (the editor decides which stance is right first).
 */
export async function mergePropositions(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = mergePropositionsSchema.parse(input);
  if (data.sourceId === data.targetId) throw new AppError("bad_request", "A proposition cannot be merged into itself");
  return getDb().$transaction(async (tx) => {
    const source = await findProposition(tx, workspaceId, data.sourceId, "merged");
    const target = await findProposition(tx, workspaceId, data.targetId, "target");
    // One connection per transaction: its queries run one after another.
    const fromLinks = await tx.mentionLink.findMany({ where: { propositionId: source.id }, select: { annotationId: true, stance: true } });
    const toLinks = await tx.mentionLink.findMany({ where: { propositionId: target.id }, select: { annotationId: true, stance: true } });
    const targetStance = new Map(toLinks.map((l) => [l.annotationId, l.stance]));
    const clashes = fromLinks.filter((l) => targetStance.has(l.annotationId) && targetStance.get(l.annotationId) !== l.stance);
    if (clashes.length) {
      throw new AppError("conflict", `Claims linked to both with different stances: ${clashes.length}; make the stances agree, then merge`, {
        annotationIds: clashes.map((c) => c.annotationId),
      });
    }
    const moving = fromLinks.filter((l) => !targetStance.has(l.annotationId)).map((l) => l.annotationId);
    await tx.mentionLink.updateMany({ where: { propositionId: source.id, annotationId: { in: moving } }, data: { propositionId: target.id } });
    await tx.proposition.delete({ where: { id: source.id } });
    await audit(tx, actor, "proposition.merge", "Proposition", target.id, source, {
      target,
      moved: moving.length,
      alreadyLinked: fromLinks.length - moving.length,
    });
    await emit(tx, actor, { kind: "proposition.merged", entityType: "Proposition", entityId: target.id, propositionIds: [source.id, target.id] });
    return { target, moved: moving.length };
  });
}

/** Edit statement, claim type and the desk's rating; whoever changes the rating becomes its reviewer. */
export async function updateProposition(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = updatePropositionSchema.parse(input);
  const problems = ratingProblems(data);
  const [firstProblem] = Object.values(problems);
  if (firstProblem !== undefined) throw new AppError("validation", firstProblem, { fields: problems });
  return getDb().$transaction(async (tx) => {
    const before = await findProposition(tx, workspaceId, data.id);
    if (data.claimTypeId && !(await tx.claimType.findFirst({ where: { id: data.claimTypeId, workspaceId }, select: { id: true } }))) {
      throw new AppError("validation", "Claim type not found in this workspace", { fields: { claimTypeId: "Choose a claim type from this workspace" } });
    }
    const reviewDate = data.reviewDate ? new Date(`${data.reviewDate}T00:00:00Z`) : null;
    const rating = {
      ratingLabel: data.ratingLabel || null,
      ratingValue: data.ratingValue,
      ratingBest: data.ratingBest,
      ratingWorst: data.ratingWorst,
      reviewUrl: data.reviewUrl || null,
      reviewDate,
    };
    const ratingChanged = RATING_KEYS.some((k) => String(rating[k] ?? "") !== String(before[k] ?? ""));
    const rated = Boolean(rating.ratingLabel || rating.ratingValue !== null || rating.reviewUrl);
    const after = await tx.proposition.update({
      where: { id: data.id },
      data: {
        statement: data.statement,
        searchText: foldForMatch(data.statement),
        claimTypeId: data.claimTypeId,
        ...rating,
        ...(ratingChanged ? { reviewerId: rated ? actor.userId : null } : {}),
      },
      select: propositionSelect,
    });
    await audit(tx, actor, "proposition.update", "Proposition", data.id, before, after);
    await emit(tx, actor, { kind: "proposition.updated", entityType: "Proposition", entityId: data.id, propositionIds: [data.id] });
    return after;
  });
}

/**
 * Mark two detail values of a proposition's mentions as the same (or undo it), when the parser
 * could not tell ("tháng trước" and "2023-08"). The verdict then treats them as one value.
 */
export async function markSameValues(actor: Actor, input: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const data = sameValuesSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ sameValues: unknown }[]>`
      SELECT "sameValues" FROM "Proposition" WHERE id = ${data.propositionId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    const [row] = locked;
    if (!row) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
    const current = Array.isArray(row.sameValues) ? (row.sameValues as { field: string; keys: [string, string] }[]) : [];
    const pair = [...data.keys].sort() as [string, string];
    const samePair = (e: { field: string; keys: [string, string] }) => e.field === data.field && [...e.keys].sort().join("\u0000") === pair.join("\u0000");
    const next = data.same
      ? current.some(samePair)
        ? current
        : [...current, { field: data.field, keys: pair, by: actor.userId, at: new Date().toISOString() }]
      : current.filter((e) => !samePair(e));
    await tx.proposition.update({ where: { id: data.propositionId }, data: { sameValues: next } });
    await audit(
      tx,
      actor,
      data.same ? "proposition.same_values" : "proposition.different_values",
      "Proposition",
      data.propositionId,
      { sameValues: current },
      { sameValues: next },
    );
    await emit(tx, actor, { kind: "proposition.updated", entityType: "Proposition", entityId: data.propositionId, propositionIds: [data.propositionId] });
    return { propositionId: data.propositionId, sameValues: next.map((e) => ({ field: e.field, keys: e.keys })) };
  });
}

export async function deleteProposition(actor: Actor, id: unknown) {
  assertCan(actor, "propositions.write");
  const { workspaceId } = actor;
  const pid = unlinkMentionSchema.shape.propositionId.safeParse(id);
  if (!pid.success) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  return getDb().$transaction(async (tx) => {
    const before = await findProposition(tx, workspaceId, pid.data);
    await tx.proposition.delete({ where: { id: before.id } });
    await audit(tx, actor, "proposition.delete", "Proposition", before.id, before, undefined);
    await emit(tx, actor, { kind: "proposition.deleted", entityType: "Proposition", entityId: before.id, propositionIds: [before.id] });
    return { id: before.id };
  });
}
