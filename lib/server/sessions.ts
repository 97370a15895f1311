import "server-only";
import { z } from "zod";
import { assertCan, can, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { hasRole } from "@/lib/domain/roles";
import { planAssignments, progressOf, sessionState } from "@/lib/domain/session-plan";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { assignmentStatusSchema, assignSchema, createSessionSchema, sessionStateSchema, updateSessionSchema } from "@/lib/validation/sessions";

const person = { select: { id: true, name: true } } as const;

/** What rights and states are decided from, selected once for the session services, the agreement and the curation. */
export const sessionCoreSelect = {
  id: true,
  name: true,
  mode: true,
  revealedAt: true,
  closedAt: true,
  articleIds: true,
  createdById: true,
  version: true,
} satisfies Prisma.AnnotationSessionSelect;
const sessionSelect = {
  ...sessionCoreSelect,
  guidelines: true,
  dueAt: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { userId: true, role: true, membership: { select: { user: person } } } },
} satisfies Prisma.AnnotationSessionSelect;
type SessionRow = Prisma.AnnotationSessionGetPayload<{ select: typeof sessionSelect }>;

const notFound = () => new AppError("not_found", "Session not found", undefined, { key: "errors.sessionNotFound" });
const parseId = (id: unknown) => {
  const r = z.string().uuid().safeParse(id);
  if (!r.success) throw notFound();
  return r.data;
};

/** What the actor may do with a session: manage it (its creator, or the workspace owner), adjudicate (managers and its reviewers), annotate. */
export function sessionRights(actor: Actor, s: { createdById: string | null; members: { userId: string; role: "ANNOTATOR" | "REVIEWER" }[] }) {
  const manage = can(actor, "sessions.manage") && (s.createdById === actor.userId || can(actor, "workspace.manage"));
  const reviewer = s.members.some((m) => m.userId === actor.userId && m.role === "REVIEWER");
  const annotator = s.members.some((m) => m.userId === actor.userId && m.role === "ANNOTATOR");
  return { manage, adjudicate: can(actor, "claims.review") && (manage || reviewer), annotate: annotator && can(actor, "claims.write"), annotator };
}

function view(actor: Actor, s: SessionRow) {
  const people = (role: "ANNOTATOR" | "REVIEWER") =>
    s.members
      .filter((m) => m.role === role)
      .map((m) => m.membership.user)
      .sort((a, b) => a.name.localeCompare(b.name));
  const { members: _m, ...rest } = s;
  return { ...rest, state: sessionState(s), annotators: people("ANNOTATOR"), reviewers: people("REVIEWER"), you: sessionRights(actor, s) };
}
export type SessionView = ReturnType<typeof view>;

async function load(db: Tx | ReturnType<typeof getDb>, actor: Actor, id: string, lock = false): Promise<SessionRow> {
  if (lock) await db.$queryRaw`SELECT 1 FROM "AnnotationSession" WHERE "id" = ${id}::uuid AND "workspaceId" = ${actor.workspaceId}::uuid FOR UPDATE`;
  const s = await db.annotationSession.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: sessionSelect });
  if (!s) throw notFound();
  return s;
}

/** The sessions of the workspace, newest first, with each one's progress (two queries). */
export async function listSessions(actor: Actor) {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const [sessions, counts] = await Promise.all([
    db.annotationSession.findMany({ where: { workspaceId: actor.workspaceId }, select: sessionSelect, orderBy: { createdAt: "desc" }, take: 500 }),
    db.sessionAssignment.groupBy({ by: ["sessionId", "status"], where: { workspaceId: actor.workspaceId }, _count: { _all: true } }),
  ]);
  const progress = new Map<string, { assignments: number; done: number }>();
  for (const c of counts) {
    const p = progress.get(c.sessionId) ?? { assignments: 0, done: 0 };
    p.assignments += c._count._all;
    if (c.status === "DONE") p.done += c._count._all;
    progress.set(c.sessionId, p);
  }
  return sessions.map((s) => ({ ...view(actor, s), progress: progress.get(s.id) ?? { assignments: 0, done: 0 } }));
}

/**
 * One session with its articles, assignments (article × annotator status and claim counts) and
 * progress per annotator. Counts are shown even in a blind session; claims are not.
 */
export async function getSession(actor: Actor, rawId: unknown) {
  assertCan(actor, "workspace.read");
  const id = parseId(rawId);
  const db = getDb();
  const s = await load(db, actor, id);
  const [articles, assignments, claimCounts, decisions] = await Promise.all([
    db.article.findMany({ where: { workspaceId: actor.workspaceId, id: { in: s.articleIds } }, select: { id: true, title: true, language: true } }),
    db.sessionAssignment.findMany({
      where: { sessionId: id, workspaceId: actor.workspaceId },
      select: { articleId: true, userId: true, status: true, updatedAt: true },
    }),
    db.$queryRaw<{ articleId: string; authorId: string; reconciled: boolean; n: number }[]>`
      SELECT p."articleId", an."authorId", an.reconciled, count(*)::int AS n
        FROM "Annotation" an JOIN "Passage" p ON p.id = an."passageId"
       WHERE an."workspaceId" = ${actor.workspaceId}::uuid AND an."sessionId" = ${id}::uuid AND an."deletedAt" IS NULL
       GROUP BY 1, 2, 3`,
    db.sessionDecision.groupBy({ by: ["articleId"], where: { sessionId: id, workspaceId: actor.workspaceId }, _count: { _all: true } }),
  ]);
  const order = new Map(s.articleIds.map((a, i) => [a, i]));
  articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  // Indexed once: a session may hold 500 articles × 50 annotators.
  const own = new Map<string, number>();
  const perArticle = new Map<string, { claims: number; reconciled: number }>();
  for (const c of claimCounts) {
    if (!c.reconciled) own.set(`${c.articleId}:${c.authorId}`, c.n);
    const a = perArticle.get(c.articleId) ?? { claims: 0, reconciled: 0 };
    if (c.reconciled) a.reconciled += c.n;
    else a.claims += c.n;
    perArticle.set(c.articleId, a);
  }
  const decided = new Map(decisions.map((d) => [d.articleId, d._count._all]));
  const claimsOf = (articleId: string, userId: string) => own.get(`${articleId}:${userId}`) ?? 0;
  const v = view(actor, s);
  return {
    ...v,
    articles: articles.map((a) => ({
      ...a,
      ...(perArticle.get(a.id) ?? { claims: 0, reconciled: 0 }),
      decisions: decided.get(a.id) ?? 0,
    })),
    assignments: assignments.map((a) => ({ ...a, claims: claimsOf(a.articleId, a.userId) })),
    progress: v.annotators.map((u) => {
      const mine = assignments.filter((a) => a.userId === u.id);
      return { user: u, ...progressOf(mine.map((a) => a.status)), claims: mine.reduce((n, a) => n + claimsOf(a.articleId, a.userId), 0) };
    }),
  };
}
export type SessionDetail = Awaited<ReturnType<typeof getSession>>;

/** Annotators need claims.write (editor or higher), reviewers claims.review; articles must be this workspace's. */
async function checkPeopleAndArticles(tx: Tx, actor: Actor, d: { articleIds?: string[]; annotatorIds?: string[]; reviewerIds?: string[] }) {
  const userIds = [...new Set([...(d.annotatorIds ?? []), ...(d.reviewerIds ?? [])])];
  // One after the other: they share the transaction's connection.
  const members = userIds.length
    ? await tx.membership.findMany({ where: { workspaceId: actor.workspaceId, userId: { in: userIds } }, select: { userId: true, role: true } })
    : [];
  const articles = d.articleIds?.length
    ? await tx.article.findMany({ where: { workspaceId: actor.workspaceId, id: { in: d.articleIds } }, select: { id: true } })
    : [];
  const role = new Map(members.map((m) => [m.userId, m.role]));
  const fieldError = (field: string, message: string) => new AppError("validation", message, { fields: { [field]: message } });
  const known = new Set(articles.map((x) => x.id));
  const badArticle = (d.articleIds ?? []).findIndex((a) => !known.has(a));
  if (badArticle >= 0) throw fieldError(`articleIds.${badArticle}`, "Article not found in this workspace");
  for (const [key, ids, need] of [
    ["annotatorIds", d.annotatorIds ?? [], "EDITOR"],
    ["reviewerIds", d.reviewerIds ?? [], "REVIEWER"],
  ] as const) {
    const i = ids.findIndex((u) => !role.has(u));
    if (i >= 0) throw fieldError(`${key}.${i}`, "Not a member of this workspace");
    const low = ids.findIndex((u) => !hasRole(role.get(u)!, need));
    if (low >= 0) throw fieldError(`${key}.${low}`, `${key === "annotatorIds" ? "Annotators" : "Reviewers"} need the ${need.toLowerCase()} role or higher`);
  }
  const both = (d.annotatorIds ?? []).find((u) => d.reviewerIds?.includes(u));
  if (both) throw fieldError("reviewerIds", "Someone cannot both annotate and adjudicate the same session");
}

async function writeMembers(tx: Tx, actor: Actor, sessionId: string, annotatorIds: string[] | undefined, reviewerIds: string[] | undefined) {
  for (const [role, ids] of [
    ["ANNOTATOR", annotatorIds],
    ["REVIEWER", reviewerIds],
  ] as const) {
    if (!ids) continue;
    await tx.sessionMember.deleteMany({ where: { sessionId, role, userId: { notIn: ids } } });
    await tx.sessionMember.createMany({ data: ids.map((userId) => ({ sessionId, workspaceId: actor.workspaceId, userId, role })), skipDuplicates: true });
  }
}

/** Keep the pairs that stay (with their progress), add the new ones as "to do", drop the rest. */
async function writeAssignments(tx: Tx, actor: Actor, sessionId: string, pairs: { articleId: string; userId: string }[]) {
  const keep = new Set(pairs.map((p) => `${p.articleId}:${p.userId}`));
  const existing = await tx.sessionAssignment.findMany({ where: { sessionId }, select: { articleId: true, userId: true } });
  const drop = existing.filter((e) => !keep.has(`${e.articleId}:${e.userId}`));
  if (drop.length) await tx.sessionAssignment.deleteMany({ where: { sessionId, OR: drop.map((d) => ({ articleId: d.articleId, userId: d.userId })) } });
  if (pairs.length)
    await tx.sessionAssignment.createMany({ data: pairs.map((p) => ({ ...p, sessionId, workspaceId: actor.workspaceId })), skipDuplicates: true });
}

const sessionEvent = (tx: Tx, actor: Actor, kind: string, s: { id: string; version: number }) =>
  emit(tx, actor, { kind, entityType: "AnnotationSession", entityId: s.id, sessionId: s.id, version: s.version });

/** A new session; the creator manages it. With articles and annotators, assignments follow `assign` (all to all by default). */
export async function createSession(actor: Actor, input: unknown) {
  assertCan(actor, "sessions.manage");
  const d = createSessionSchema.parse(input);
  const id = await getDb().$transaction(async (tx) => {
    await checkPeopleAndArticles(tx, actor, d);
    const s = await tx.annotationSession.create({
      data: {
        workspaceId: actor.workspaceId,
        name: d.name,
        guidelines: d.guidelines,
        mode: d.mode,
        dueAt: d.dueAt ? new Date(`${d.dueAt}T00:00:00Z`) : null,
        articleIds: d.articleIds,
        createdById: actor.userId,
      },
      select: { id: true, version: true },
    });
    await writeMembers(tx, actor, s.id, d.annotatorIds, d.reviewerIds);
    await writeAssignments(tx, actor, s.id, planAssignments(d.articleIds, d.annotatorIds, d.assign));
    await audit(tx, actor, "session.create", "AnnotationSession", s.id, undefined, d);
    await sessionEvent(tx, actor, "session.created", s);
    return s.id;
  });
  return getSession(actor, id);
}

function assertVersion(s: { version: number }, expected: number) {
  if (s.version !== expected)
    throw new AppError("conflict", `Someone else changed this session meanwhile (it is now at version ${s.version}); reload to see their changes`, {
      currentVersion: s.version,
    });
}

/** Change what a session is; `version` must be the one the form started from. A closed session does not change. */
export async function updateSession(actor: Actor, input: unknown) {
  assertCan(actor, "sessions.manage");
  const d = updateSessionSchema.parse(input);
  await getDb().$transaction(async (tx) => {
    const s = await manageable(tx, actor, d.id);
    assertVersion(s, d.version);
    if (s.closedAt) throw new AppError("conflict", "This session is closed; reopen it to change it", undefined, { key: "errors.sessionClosed" });
    if (d.mode && d.mode !== s.mode) {
      const claims = await tx.annotation.count({ where: { sessionId: s.id } });
      if (claims > 0)
        throw new AppError("validation", "The mode cannot change once claims were made; reveal a blind session instead", {
          fields: { mode: "Fixed once claims exist" },
        });
    }
    await checkPeopleAndArticles(tx, actor, d);
    const after = await tx.annotationSession.update({
      where: { id: s.id },
      data: {
        ...(d.name !== undefined ? { name: d.name } : {}),
        ...(d.guidelines !== undefined ? { guidelines: d.guidelines } : {}),
        ...(d.mode !== undefined ? { mode: d.mode } : {}),
        ...(d.dueAt !== undefined ? { dueAt: d.dueAt ? new Date(`${d.dueAt}T00:00:00Z`) : null } : {}),
        ...(d.articleIds !== undefined ? { articleIds: d.articleIds } : {}),
        version: { increment: 1 },
      },
      select: { id: true, version: true, articleIds: true },
    });
    await writeMembers(tx, actor, s.id, d.annotatorIds, d.reviewerIds);
    // Assignments follow the articles and annotators that remain.
    const annotators = d.annotatorIds ?? s.members.filter((m) => m.role === "ANNOTATOR").map((m) => m.userId);
    await tx.sessionAssignment.deleteMany({ where: { sessionId: s.id, OR: [{ articleId: { notIn: after.articleIds } }, { userId: { notIn: annotators } }] } });
    const { members: _m, ...before } = s;
    await audit(tx, actor, "session.update", "AnnotationSession", s.id, before, d);
    await sessionEvent(tx, actor, "session.updated", after);
  });
  return getSession(actor, d.id);
}

async function manageable(tx: Tx, actor: Actor, id: string) {
  const s = await load(tx, actor, id, true);
  if (!sessionRights(actor, s).manage) throw new AppError("forbidden", "Only the session's creator or a workspace owner can manage this session");
  return s;
}

/** Assign articles to annotators: all to all, split in turn, or an explicit list. */
export async function assignSession(actor: Actor, input: unknown) {
  assertCan(actor, "sessions.manage");
  const d = assignSchema.parse(input);
  await getDb().$transaction(async (tx) => {
    const s = await manageable(tx, actor, d.id);
    assertVersion(s, d.version);
    if (s.closedAt) throw new AppError("conflict", "This session is closed; reopen it to change it", undefined, { key: "errors.sessionClosed" });
    const annotators = s.members.filter((m) => m.role === "ANNOTATOR").map((m) => m.userId);
    let pairs = d.mode === "custom" ? (d.assignments ?? []) : planAssignments(s.articleIds, annotators, d.mode);
    pairs = [...new Map(pairs.map((p) => [`${p.articleId}:${p.userId}`, p])).values()];
    const bad = pairs.findIndex((p) => !s.articleIds.includes(p.articleId) || !annotators.includes(p.userId));
    if (bad >= 0)
      throw new AppError("validation", "Assign only the session's articles to its annotators", {
        fields: { [`assignments.${bad}`]: "Not an article × annotator of this session" },
      });
    await writeAssignments(tx, actor, s.id, pairs);
    const after = await tx.annotationSession.update({ where: { id: s.id }, data: { version: { increment: 1 } }, select: { id: true, version: true } });
    await audit(tx, actor, "session.assign", "AnnotationSession", s.id, undefined, { mode: d.mode, assignments: pairs.length });
    await sessionEvent(tx, actor, "session.assigned", after);
  });
  return getSession(actor, d.id);
}

/** An annotator marks their article to do, in progress or done; a manager may set anyone's. */
export async function setAssignmentStatus(actor: Actor, rawId: unknown, input: unknown) {
  assertCan(actor, "claims.write");
  const id = parseId(rawId);
  const d = assignmentStatusSchema.parse(input);
  const userId = d.userId ?? actor.userId;
  await getDb().$transaction(async (tx) => {
    const s = await load(tx, actor, id);
    if (userId !== actor.userId && !sessionRights(actor, s).manage)
      throw new AppError("forbidden", "Only the session's managers can change someone else's progress");
    if (s.closedAt) throw new AppError("conflict", "This session is closed; reopen it to change it", undefined, { key: "errors.sessionClosed" });
    const { count } = await tx.sessionAssignment.updateMany({ where: { sessionId: id, articleId: d.articleId, userId }, data: { status: d.status } });
    if (count === 0) throw new AppError("not_found", "No such assignment in this session");
    await audit(tx, actor, "session.assignment_status", "AnnotationSession", id, undefined, { articleId: d.articleId, userId, status: d.status });
    await emit(tx, actor, {
      kind: "session.progress",
      entityType: "AnnotationSession",
      entityId: id,
      sessionId: id,
      articleId: d.articleId,
      version: s.version,
    });
  });
  return getSession(actor, id);
}

/** Show a blind session's claims to everyone (the agreement and curation need it). */
export async function revealSession(actor: Actor, input: unknown) {
  return transition(actor, input, "reveal", async (_tx, s) => {
    if (s.mode !== "BLIND") throw new AppError("conflict", "Only a blind session is revealed; this one is open");
    if (s.revealedAt) throw new AppError("conflict", "This session is already revealed");
    return { revealedAt: new Date(), revealedById: actor.userId };
  });
}

/**
 * Close a session: its reconciled claims count in the comparison from now on (annotators' own
 * claims never do), and nothing in it changes until it is reopened. A blind session is revealed too.
 */
export async function closeSession(actor: Actor, input: unknown) {
  return transition(actor, input, "close", async (_tx, s) => {
    if (s.closedAt) throw new AppError("conflict", "This session is already closed");
    return {
      closedAt: new Date(),
      closedById: actor.userId,
      ...(s.mode === "BLIND" && !s.revealedAt ? { revealedAt: new Date(), revealedById: actor.userId } : {}),
    };
  });
}

/** Reopen a closed session: its reconciled claims stop counting until it is closed again. */
export async function reopenSession(actor: Actor, input: unknown) {
  return transition(actor, input, "reopen", async (_tx, s) => {
    if (!s.closedAt) throw new AppError("conflict", "This session is not closed");
    return { closedAt: null, closedById: null };
  });
}

async function transition(
  actor: Actor,
  input: unknown,
  what: "reveal" | "close" | "reopen",
  change: (tx: Tx, s: SessionRow) => Promise<Prisma.AnnotationSessionUpdateInput>,
) {
  assertCan(actor, "sessions.manage");
  const d = sessionStateSchema.parse(input);
  await getDb().$transaction(async (tx) => {
    const s = await manageable(tx, actor, d.id);
    assertVersion(s, d.version);
    const data = await change(tx, s);
    const after = await tx.annotationSession.update({ where: { id: s.id }, data: { ...data, version: { increment: 1 } }, select: { id: true, version: true } });
    await audit(tx, actor, `session.${what}`, "AnnotationSession", s.id, { revealedAt: s.revealedAt, closedAt: s.closedAt }, data);
    // Closing and reopening change which claims count: the propositions of the reconciled claims.
    const propositionIds =
      what === "reveal"
        ? []
        : (
            await tx.mentionLink.findMany({
              where: { workspaceId: actor.workspaceId, annotation: { sessionId: s.id, reconciled: true, deletedAt: null } },
              select: { propositionId: true },
              distinct: ["propositionId"],
            })
          ).map((m) => m.propositionId);
    const kind = what === "reveal" ? "session.revealed" : what === "close" ? "session.closed" : "session.reopened";
    await emit(tx, actor, { kind, entityType: "AnnotationSession", entityId: s.id, sessionId: s.id, version: after.version, propositionIds });
  });
  return getSession(actor, d.id);
}

/** Delete a session that has no claims (one with claims is closed instead, so no claim loses its provenance). */
export async function deleteSession(actor: Actor, input: unknown) {
  assertCan(actor, "sessions.manage");
  const d = sessionStateSchema.parse(input);
  await getDb().$transaction(async (tx) => {
    const s = await manageable(tx, actor, d.id);
    assertVersion(s, d.version);
    const claims = await tx.annotation.count({ where: { sessionId: s.id } });
    if (claims > 0) throw new AppError("conflict", `This session has claims (${claims}); close it instead of deleting it`);
    await tx.annotationSession.delete({ where: { id: s.id } });
    const { members: _m, ...before } = s;
    await audit(tx, actor, "session.delete", "AnnotationSession", s.id, before, undefined);
    await sessionEvent(tx, actor, "session.deleted", { id: s.id, version: s.version + 1 });
  });
  return { id: d.id };
}

/** The running sessions that assign `articleId` to the actor (for the reader's session bar). */
export async function mySessionsForArticle(actor: Actor, articleId: string) {
  assertCan(actor, "workspace.read");
  const rows = await getDb().sessionAssignment.findMany({
    where: { workspaceId: actor.workspaceId, userId: actor.userId, articleId, session: { closedAt: null } },
    select: { status: true, session: { select: { id: true, name: true, mode: true, revealedAt: true, closedAt: true, guidelines: true, dueAt: true } } },
  });
  return rows.map((r) => ({ ...r.session, state: sessionState(r.session), status: r.status }));
}
