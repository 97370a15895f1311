import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { assertCan, can, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { REVIEW_STEPS, reviewRefusal, type ReviewStep } from "@/lib/domain/review";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageOf, type Page } from "@/lib/api/pagination";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/server/annotations";
import { audit } from "@/lib/server/audit";
import { emit } from "@/lib/server/events";
import { notify } from "@/lib/server/inbox";
import { AppError } from "@/lib/server/errors";
import { bulkApproveSchema, reviewClaimSchema, reviewQueueSchema, reviewSettingsSchema, submitClaimsSchema } from "@/lib/validation/review";

// The review workflow (lib/domain/review.ts holds the table): submit, approve or reject, in bulk or
// one by one, each audited and announced; the queue reviewers work from; the workspace's two settings.

export type ReviewSettings = { countApprovedOnly: boolean; allowSelfApproval: boolean };
export type ReviewProblem = { id: string; code: "not_found" | "forbidden" | "conflict"; message: string };

const settingsSelect = { countApprovedOnly: true, allowSelfApproval: true } as const;

/** A claim as the review needs it: its view, its article and the propositions it is linked to. */
const reviewedSelect = {
  ...annotationSelect,
  passage: { select: { articleId: true, article: { select: { id: true, title: true } } } },
} satisfies Prisma.AnnotationSelect;
type ReviewedRow = Prisma.AnnotationGetPayload<{ select: typeof reviewedSelect }>;
export type ReviewItem = AnnotationView & { article: { id: string; title: string } };

const toItem = ({ passage, ...row }: ReviewedRow): ReviewItem => ({ ...toAnnotationView(row), article: passage.article });
const scopeOf = (r: ReviewedRow) => ({ articleId: r.passage.articleId, propositionIds: r.mentions.map((m) => m.proposition.id) });

async function settingsOf(tx: Tx, workspaceId: string): Promise<ReviewSettings> {
  const ws = await tx.workspace.findUnique({ where: { id: workspaceId }, select: settingsSelect });
  if (!ws) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  return ws;
}

/** Lock the claims (not deleted) for the rest of the transaction and read them, by id. */
async function lockClaims(tx: Tx, actor: Actor, ids: string[]): Promise<Map<string, ReviewedRow>> {
  const { workspaceId } = actor;
  await tx.$queryRaw`SELECT 1 FROM "Annotation" WHERE "workspaceId" = ${workspaceId}::uuid AND "id" = ANY(${ids}::uuid[]) AND "deletedAt" IS NULL FOR UPDATE`;
  const rows = await tx.annotation.findMany({ where: { workspaceId, id: { in: ids }, deletedAt: null, ...visibleClaims(actor) }, select: reviewedSelect });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Why a claim is left out of a bulk approval, per its status. @phrasebook: shown per claim in the review queue. */
const NOT_SUBMITTED: Record<AnnotationStatus, string> = {
  DRAFT: "Only submitted claims can be approved in bulk; this one is a draft",
  SUBMITTED: "Only submitted claims can be approved in bulk",
  APPROVED: "Only submitted claims can be approved in bulk; this one is already approved",
  REJECTED: "Only submitted claims can be approved in bulk; this one is rejected",
};

/** Each id's reason why `step` cannot be taken, or nothing when all of them can. */
function problemsWith(actor: Actor, step: ReviewStep, ids: string[], rows: Map<string, ReviewedRow>, settings: ReviewSettings, only?: AnnotationStatus) {
  const problems: ReviewProblem[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) {
      problems.push({ id, code: "not_found", message: "Claim not found; it may have been deleted" });
      continue;
    }
    const refusal = reviewRefusal(step, row.status, {
      isAuthor: row.author.id === actor.userId,
      canWrite: can(actor, "claims.write"),
      canReview: can(actor, "claims.review"),
      allowSelfApproval: settings.allowSelfApproval,
    });
    if (refusal) problems.push({ id, ...refusal });
    else if (only && row.status !== only) problems.push({ id, code: "conflict", message: NOT_SUBMITTED[row.status as AnnotationStatus] });
  }
  return problems;
}

function refuseAll(verb: "submitted" | "approved", total: number, problems: ReviewProblem[]): AppError {
  const [first] = problems;
  if (total === 1 && first) return new AppError(first.code, first.message, { problems });
  const n = problems.length;
  return new AppError(
    "conflict",
    verb === "submitted"
      ? `Nothing was submitted: ${n} of ${total} claims cannot be submitted`
      : `Nothing was approved: ${n} of ${total} claims cannot be approved`,
    { problems },
  );
}

/**
 * Submit claims for review (draft or rejected → submitted), all or nothing: any claim that cannot be
 * submitted refuses the whole request, listing each problem. Its author may always submit a claim;
 * anyone else needs to be an editor.
 */
export async function submitClaims(actor: Actor, input: unknown): Promise<{ items: ReviewItem[] }> {
  assertCan(actor, "workspace.read");
  const { ids } = submitClaimsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const rows = await lockClaims(tx, actor, ids);
    const settings = await settingsOf(tx, actor.workspaceId);
    const problems = problemsWith(actor, "submit", ids, rows, settings);
    if (problems.length) throw refuseAll("submitted", ids.length, problems);
    await tx.annotation.updateMany({
      where: { workspaceId: actor.workspaceId, id: { in: ids } },
      data: { status: REVIEW_STEPS.submit.to, reviewedById: null, reviewedAt: null, reviewReason: null, version: { increment: 1 } },
    });
    const after = await tx.annotation.findMany({ where: { workspaceId: actor.workspaceId, id: { in: ids } }, select: reviewedSelect });
    for (const a of after) {
      const b = rows.get(a.id)!;
      await audit(tx, actor, "annotation.submit", "Annotation", a.id, reviewState(b), reviewState(a));
    }
    for (const a of after) await emit(tx, actor, { kind: "annotation.submitted", entityType: "Annotation", entityId: a.id, version: a.version, ...scopeOf(a) });
    return { items: after.map(toItem) };
  });
}

const reviewState = (r: Pick<ReviewedRow, "status" | "reviewedBy" | "reviewedAt" | "reviewReason" | "version">) => ({
  status: r.status,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt,
  reviewReason: r.reviewReason,
  version: r.version,
});

/**
 * A reviewer approves or rejects one claim (a rejection needs a reason). `version` must be the one
 * the reviewer read (else 409); nobody approves their own claim unless the workspace allows it (403).
 */
export async function reviewClaim(actor: Actor, input: unknown): Promise<ReviewItem> {
  assertCan(actor, "claims.review");
  const data = reviewClaimSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const rows = await lockClaims(tx, actor, [data.id]);
    const settings = await settingsOf(tx, actor.workspaceId);
    const before = rows.get(data.id);
    if (!before) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
    const [problem] = problemsWith(actor, data.decision, [data.id], rows, settings);
    if (problem?.code === "forbidden") throw new AppError("forbidden", problem.message);
    if (before.version !== data.version) {
      const v = before.version;
      // One sentence per status, so each translates whole.
      throw new AppError(
        "conflict",
        {
          DRAFT: `Someone changed this claim since you read it (it is now at version ${v}, draft). Nothing was saved; reload to see it.`,
          SUBMITTED: `Someone changed this claim since you read it (it is now at version ${v}, submitted). Nothing was saved; reload to see it.`,
          APPROVED: `Someone changed this claim since you read it (it is now at version ${v}, approved). Nothing was saved; reload to see it.`,
          REJECTED: `Someone changed this claim since you read it (it is now at version ${v}, rejected). Nothing was saved; reload to see it.`,
        }[before.status],
        { currentVersion: before.version, status: before.status },
      );
    }
    if (problem) throw new AppError(problem.code, problem.message, { currentVersion: before.version, status: before.status });
    await tx.annotation.updateMany({
      where: { id: data.id, workspaceId: actor.workspaceId, version: data.version },
      data: {
        status: REVIEW_STEPS[data.decision].to,
        reviewedById: actor.userId,
        reviewedAt: new Date(),
        reviewReason: data.reason || null,
        version: { increment: 1 },
      },
    });
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id }, select: reviewedSelect });
    await audit(tx, actor, `annotation.${data.decision}`, "Annotation", data.id, reviewState(before), reviewState(after));
    await notify(tx, actor, {
      userId: after.author.id,
      kind: "review",
      targetType: "annotation",
      targetId: data.id,
      data: { status: after.status, excerpt: data.reason || undefined, label: after.exact, articleId: after.passage.articleId },
    });
    await emit(tx, actor, {
      kind: "annotation.reviewed",
      entityType: "Annotation",
      entityId: data.id,
      version: after.version,
      data: { decision: data.decision, status: after.status },
      ...scopeOf(after),
    });
    return toItem(after);
  });
}

/** Approve several submitted claims at once, all or nothing: any that cannot be approved refuses the lot, each problem listed. */
export async function bulkApprove(actor: Actor, input: unknown): Promise<{ items: ReviewItem[] }> {
  assertCan(actor, "claims.review");
  const { ids } = bulkApproveSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const rows = await lockClaims(tx, actor, ids);
    const settings = await settingsOf(tx, actor.workspaceId);
    const problems = problemsWith(actor, "approve", ids, rows, settings, "SUBMITTED");
    if (problems.length) throw refuseAll("approved", ids.length, problems);
    await tx.annotation.updateMany({
      where: { workspaceId: actor.workspaceId, id: { in: ids }, status: "SUBMITTED" },
      data: { status: "APPROVED", reviewedById: actor.userId, reviewedAt: new Date(), reviewReason: null, version: { increment: 1 } },
    });
    const after = await tx.annotation.findMany({ where: { workspaceId: actor.workspaceId, id: { in: ids } }, select: reviewedSelect });
    for (const a of after) await audit(tx, actor, "annotation.approve", "Annotation", a.id, reviewState(rows.get(a.id)!), { ...reviewState(a), bulk: true });
    await notify(
      tx,
      actor,
      after.map((a) => ({
        userId: a.author.id,
        kind: "review" as const,
        targetType: "annotation" as const,
        targetId: a.id,
        data: { status: a.status, label: a.exact, articleId: a.passage.articleId },
      })),
    );
    for (const a of after) {
      await emit(tx, actor, {
        kind: "annotation.reviewed",
        entityType: "Annotation",
        entityId: a.id,
        version: a.version,
        data: { decision: "approve", status: a.status },
        ...scopeOf(a),
      });
    }
    return { items: after.map(toItem) };
  });
}

export type ReviewQueuePage = Page<ReviewItem> & { total: number; byStatus: Record<AnnotationStatus, number> };

/**
 * The review queue: claims in one status (submitted by default), oldest first, filtered by article,
 * claim type, annotator or annotation session; `total` and `byStatus` count the same filters.
 */
export async function listReviewQueue(actor: Actor, input: unknown = {}): Promise<ReviewQueuePage> {
  assertCan(actor, "workspace.read");
  const f = reviewQueueSchema.parse(input ?? {});
  const db = getDb();
  const empty: ReviewQueuePage = { items: [], nextCursor: null, total: 0, byStatus: { DRAFT: 0, SUBMITTED: 0, APPROVED: 0, REJECTED: 0 } };
  const where: Prisma.AnnotationWhereInput = {
    workspaceId: actor.workspaceId,
    deletedAt: null,
    ...visibleClaims(actor),
    ...(f.sessionId ? { sessionId: f.sessionId } : {}),
    ...(f.articleId ? { passage: { articleId: f.articleId } } : {}),
    ...(f.claimTypeId ? { claimTypeId: f.claimTypeId } : {}),
    ...(f.authorId ? { authorId: f.authorId } : {}),
  };
  const [rows, counts] = await Promise.all([
    db.annotation.findMany({
      where: { ...where, status: f.status },
      select: reviewedSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: f.limit + 1,
      ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    }),
    db.annotation.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  const byStatus = { ...empty.byStatus };
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { ...pageOf(rows.map(toItem), f.limit), total: byStatus[f.status], byStatus };
}

/** Choices for the queue's filters: articles with claims, claim types, annotators, sessions. */
export async function listReviewQueueOptions(actor: Actor) {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const where = { workspaceId: actor.workspaceId };
  const [articles, claimTypes, members, sessions] = await Promise.all([
    db.article.findMany({
      where: { ...where, passages: { some: { annotations: { some: { deletedAt: null } } } } },
      select: { id: true, title: true },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
    db.claimType.findMany({ where, select: { id: true, label: true, color: true }, orderBy: { position: "asc" } }),
    db.membership.findMany({ where, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    db.annotationSession.findMany({ where, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 200 }),
  ]);
  return {
    articles: articles.map((a) => ({ id: a.id, label: a.title })),
    claimTypes,
    annotators: members.map((m) => ({ id: m.user.id, label: m.user.name })),
    sessions: sessions.map((x) => ({ id: x.id, label: x.name })),
  };
}

/** The workspace's review settings. */
export async function getReviewSettings(actor: Actor): Promise<ReviewSettings> {
  assertCan(actor, "workspace.read");
  return settingsOf(getDb(), actor.workspaceId);
}

/** What the workspace header shows: the settings, and for reviewers how many claims wait (two small queries). */
export async function getReviewSummary(actor: Actor): Promise<ReviewSettings & { submitted: number | null }> {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const [settings, submitted] = await Promise.all([
    settingsOf(db, actor.workspaceId),
    can(actor, "claims.review")
      ? db.annotation.count({ where: { workspaceId: actor.workspaceId, status: "SUBMITTED", deletedAt: null, ...visibleClaims(actor) } })
      : null,
  ]);
  return { ...settings, submitted };
}

/** Change whether verdicts count approved claims only, and whether reviewers may approve their own (owners). */
export async function updateReviewSettings(actor: Actor, input: unknown): Promise<ReviewSettings> {
  assertCan(actor, "workspace.manage");
  const data = reviewSettingsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${actor.workspaceId}::uuid FOR UPDATE`;
    const before = await settingsOf(tx, actor.workspaceId);
    const after = await tx.workspace.update({ where: { id: actor.workspaceId }, data, select: settingsSelect });
    await audit(tx, actor, "workspace.settings", "Workspace", actor.workspaceId, before, after);
    await emit(tx, actor, { kind: "workspace.settings", entityType: "Workspace", entityId: actor.workspaceId, data: after });
    return after;
  });
}
