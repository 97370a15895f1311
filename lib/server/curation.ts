import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { matchUnits } from "@/lib/domain/agreement";
import { foldForMatch } from "@/lib/domain/claim-types";
import { unitDifferences } from "@/lib/domain/curation";
import { sessionState } from "@/lib/domain/session-plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import { annotationSelect, resolveDetails, toAnnotationView } from "@/lib/server/annotations";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { speakerKey } from "@/lib/server/session-agreement";
import { sessionCoreSelect, sessionRights } from "@/lib/server/sessions";
import { type DecisionOutput, decisionSchema } from "@/lib/validation/sessions";

const uuid = z.string().uuid();
const curatedSelect = {
  ...annotationSelect,
  authorId: true,
  speakers: { ...annotationSelect.speakers, select: { ...annotationSelect.speakers.select, entityId: true, sourceId: true } },
} satisfies Prisma.AnnotationSelect;

/** The session, if the actor may adjudicate it and it is not hidden any more. */
async function curatable(db: Tx | ReturnType<typeof getDb>, actor: Actor, sessionId: unknown, lock = false) {
  const id = uuid.safeParse(sessionId);
  if (!id.success) throw new AppError("not_found", "Session not found", undefined, { key: "errors.sessionNotFound" });
  if (lock) await db.$queryRaw`SELECT 1 FROM "AnnotationSession" WHERE "id" = ${id.data}::uuid AND "workspaceId" = ${actor.workspaceId}::uuid FOR UPDATE`;
  const s = await db.annotationSession.findFirst({
    where: { id: id.data, workspaceId: actor.workspaceId },
    select: {
      ...sessionCoreSelect,
      members: { select: { userId: true, role: true } },
    },
  });
  if (!s) throw new AppError("not_found", "Session not found", undefined, { key: "errors.sessionNotFound" });
  if (!sessionRights(actor, s).adjudicate) throw new AppError("forbidden", "Only the session's managers and reviewers adjudicate it (reviewer role or higher)");
  if (sessionState(s) === "blind") throw new AppError("conflict", "Reveal the session before adjudicating: its claims are still hidden from each other");
  return s;
}

/**
 * The curation view of one article of a session: the annotators' claims matched into units
 * (overlap matching, each claim in one unit), each unit's differences and decision, and the
 * reconciled claims so far. Nested and overlapping units are listed in text order with `within`.
 */
export async function getCuration(actor: Actor, sessionId: unknown, rawArticleId: unknown) {
  assertCan(actor, "claims.review");
  const db = getDb();
  const s = await curatable(db, actor, sessionId);
  const articleId = uuid.safeParse(rawArticleId);
  if (!articleId.success || !s.articleIds.includes(articleId.data))
    throw new AppError("not_found", "Article not found in this session", undefined, { key: "errors.articleNotInSession" });
  const annotatorIds = s.members.filter((m) => m.role === "ANNOTATOR").map((m) => m.userId);
  const [article, claims, reconciled, decisions] = await Promise.all([
    db.article.findFirst({
      where: { id: articleId.data, workspaceId: actor.workspaceId },
      select: { id: true, title: true, language: true, passages: { select: { id: true, position: true, text: true }, orderBy: { position: "asc" } } },
    }),
    db.annotation.findMany({
      where: {
        workspaceId: actor.workspaceId,
        sessionId: s.id,
        reconciled: false,
        deletedAt: null,
        authorId: { in: annotatorIds },
        passage: { articleId: articleId.data },
      },
      select: curatedSelect,
    }),
    db.annotation.findMany({
      where: { workspaceId: actor.workspaceId, sessionId: s.id, reconciled: true, deletedAt: null, passage: { articleId: articleId.data } },
      select: { ...annotationSelect, adjudicatedAt: true, adjudicatedById: true },
    }),
    db.sessionDecision.findMany({ where: { sessionId: s.id, articleId: articleId.data }, orderBy: { decidedAt: "asc" } }),
  ]);
  if (!article) throw new AppError("not_found", "Article not found in this session", undefined, { key: "errors.articleNotInSession" });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const units = matchUnits(
    claims.map((c) => ({
      id: c.id,
      annotatorId: c.authorId,
      articleId: articleId.data,
      passageId: c.passageId,
      start: c.start,
      end: c.end,
      labels: { claimType: c.claimTypeId, speaker: speakerKey(c.speakers), modality: c.modality },
    })),
    "overlap",
  );
  const decisionOf = (ids: string[]) => decisions.find((d) => ids.some((id) => d.claimIds.includes(id))) ?? null;
  const resultOf = new Map(reconciled.map((r) => [r.id, toAnnotationView(r)]));
  // matchUnits orders passages by id; the reader's order is the passages' position (stable sort keeps start/end within one).
  const position = new Map(article.passages.map((p) => [p.id, p.position]));
  const inTextOrder = [...units].sort((a, b) => (position.get(a.passageId) ?? 0) - (position.get(b.passageId) ?? 0));
  const views = inTextOrder.map((u) => {
    const unitClaims = Object.values(u.claims).map((c) => toAnnotationView(byId.get(c.id)!));
    const d = decisionOf(unitClaims.map((c) => c.id));
    return {
      key: u.key,
      passageId: u.passageId,
      start: u.start,
      end: u.end,
      claims: unitClaims,
      missing: annotatorIds.filter((a) => !u.claims[a]),
      differences: unitDifferences(unitClaims, annotatorIds.length),
      decision: d
        ? {
            id: d.id,
            decision: d.decision,
            chosenId: d.chosenId,
            result: d.resultId ? (resultOf.get(d.resultId) ?? null) : null,
            decidedById: d.decidedById,
            decidedAt: d.decidedAt,
          }
        : null,
    };
  });
  const within = (u: (typeof views)[number]) =>
    views.find((o) => o !== u && o.passageId === u.passageId && o.start <= u.start && o.end >= u.end && o.end - o.start > u.end - u.start)?.key ?? null;
  return {
    session: { id: s.id, name: s.name, state: sessionState(s), closed: s.closedAt !== null },
    article: { id: article.id, title: article.title, language: article.language },
    passages: article.passages,
    annotatorIds,
    units: views.map((u) => ({ ...u, within: within(u) })),
    reconciled: [...resultOf.values()],
    counts: { units: views.length, decided: views.filter((u) => u.decision).length },
  };
}
export type CurationView = Awaited<ReturnType<typeof getCuration>>;

/**
 * Adjudicate one unit: accept a claim into the session's reconciled set (copied with its speakers,
 * actors and proposition links; details edited if given; the proposer stays its author) or reject
 * the unit. Each annotator claim is decided at most once.
 */
export async function decideUnit(actor: Actor, sessionId: unknown, input: unknown) {
  assertCan(actor, "claims.review");
  const d = decisionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const s = await curatable(tx, actor, sessionId, true);
    if (s.closedAt) throw new AppError("conflict", "This session is closed; reopen it to change its reconciled claims");
    if (!s.articleIds.includes(d.articleId))
      throw new AppError("not_found", "Article not found in this session", undefined, { key: "errors.articleNotInSession" });
    const claims = await tx.annotation.findMany({
      where: {
        workspaceId: actor.workspaceId,
        sessionId: s.id,
        reconciled: false,
        deletedAt: null,
        id: { in: d.claimIds },
        passage: { articleId: d.articleId },
      },
      select: chosenSelect,
    });
    if (claims.length !== d.claimIds.length)
      throw new AppError("not_found", "A claim of this unit is not an annotator's claim on this article of the session (deleted meanwhile?)");
    if (new Set(claims.map((c) => c.authorId)).size !== claims.length)
      throw new AppError("validation", "A unit holds at most one claim per annotator", { fields: { claimIds: "Two claims of one annotator" } });
    const taken = await tx.sessionDecision.findFirst({ where: { sessionId: s.id, claimIds: { hasSome: d.claimIds } }, select: { id: true } });
    if (taken) throw new AppError("conflict", "This unit was already adjudicated (perhaps by someone else just now); reload to see the decision");
    let resultId: string | null = null;
    if (d.decision === "accept") {
      const chosen = claims.find((c) => c.id === d.chosenId)!;
      resultId = await copyIntoReconciled(tx, actor, s.id, chosen, d.details);
    }
    const decision = await tx.sessionDecision.create({
      data: {
        workspaceId: actor.workspaceId,
        sessionId: s.id,
        articleId: d.articleId,
        claimIds: d.claimIds,
        decision: d.decision === "accept" ? "ACCEPTED" : "REJECTED",
        chosenId: d.chosenId ?? null,
        resultId,
        decidedById: actor.userId,
      },
      select: { id: true, decision: true, resultId: true },
    });
    await audit(tx, actor, `session.${d.decision}`, "AnnotationSession", s.id, undefined, {
      decisionId: decision.id,
      claimIds: d.claimIds,
      chosenId: d.chosenId,
      resultId,
    });
    await emit(tx, actor, {
      kind: "session.decided",
      entityType: "AnnotationSession",
      entityId: s.id,
      sessionId: s.id,
      articleId: d.articleId,
      data: { decisionId: decision.id },
    });
    return decision;
  });
}

// What accepting a claim copies into the reconciled set.
const chosenSelect = {
  id: true,
  authorId: true,
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
  needsReview: true,
  anchorReview: true,
  speakers: { select: { entityId: true, sourceId: true }, orderBy: { position: "asc" } },
  actorEntities: { select: { entityId: true }, orderBy: { position: "asc" } },
  mentions: { select: { propositionId: true, stance: true } },
  passage: { select: { article: { select: { publishedAt: true } } } },
} satisfies Prisma.AnnotationSelect;
type Chosen = Prisma.AnnotationGetPayload<{ select: typeof chosenSelect }>;

async function copyIntoReconciled(tx: Tx, actor: Actor, sessionId: string, c: Chosen, edited: DecisionOutput["details"]): Promise<string> {
  const now = new Date();
  const details = edited ? await resolveDetails(tx, actor, edited, c.passage.article.publishedAt) : null;
  const speakers = details ? details.links.speakers.map((s) => ({ entityId: s.entityId ?? null, sourceId: s.sourceId ?? null })) : c.speakers;
  const actorIds = details ? details.links.actorEntityIds : c.actorEntities.map((a) => a.entityId);
  const note = details ? details.note : c.note;
  const { id } = await tx.annotation.create({
    data: {
      workspaceId: actor.workspaceId,
      passageId: c.passageId,
      start: c.start,
      end: c.end,
      exact: c.exact,
      prefix: c.prefix,
      suffix: c.suffix,
      claimTypeId: details?.claimTypeId ?? c.claimTypeId,
      modality: details?.modality ?? c.modality,
      actors: details?.actors ?? c.actors,
      fields: (details?.fields ?? c.fields ?? {}) as Prisma.InputJsonValue,
      note,
      searchText: foldForMatch(`${c.exact} ${note ?? ""}`),
      needsReview: c.needsReview,
      ...(c.anchorReview ? { anchorReview: c.anchorReview as Prisma.InputJsonValue } : {}),
      authorId: c.authorId,
      sessionId,
      reconciled: true,
      adjudicatedById: actor.userId,
      adjudicatedAt: now,
      status: "APPROVED",
      reviewedById: actor.userId,
      reviewedAt: now,
    },
    select: { id: true },
  });
  if (speakers.length)
    await tx.annotationSpeaker.createMany({ data: speakers.map((s, position) => ({ workspaceId: actor.workspaceId, annotationId: id, position, ...s })) });
  if (actorIds.length)
    await tx.annotationActor.createMany({
      data: actorIds.map((entityId, position) => ({ workspaceId: actor.workspaceId, annotationId: id, entityId, position })),
    });
  if (c.mentions.length)
    await tx.mentionLink.createMany({
      data: c.mentions.map((m) => ({ workspaceId: actor.workspaceId, annotationId: id, propositionId: m.propositionId, stance: m.stance })),
    });
  return id;
}

/** Take a decision back: its reconciled claim is deleted (kept for the audit trail) and the unit is open again. */
export async function undoDecision(actor: Actor, sessionId: unknown, rawDecisionId: unknown) {
  assertCan(actor, "claims.review");
  const decisionId = uuid.safeParse(rawDecisionId);
  if (!decisionId.success) throw new AppError("not_found", "Decision not found");
  return getDb().$transaction(async (tx) => {
    const s = await curatable(tx, actor, sessionId, true);
    if (s.closedAt) throw new AppError("conflict", "This session is closed; reopen it to change its reconciled claims");
    const d = await tx.sessionDecision.findFirst({ where: { id: decisionId.data, sessionId: s.id } });
    if (!d) throw new AppError("not_found", "Decision not found");
    if (d.resultId) await tx.annotation.updateMany({ where: { id: d.resultId, deletedAt: null }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await tx.sessionDecision.delete({ where: { id: d.id } });
    await audit(tx, actor, "session.undo_decision", "AnnotationSession", s.id, d, undefined);
    await emit(tx, actor, {
      kind: "session.decided",
      entityType: "AnnotationSession",
      entityId: s.id,
      sessionId: s.id,
      articleId: d.articleId,
      data: { decisionId: d.id },
    });
    return { id: d.id };
  });
}
