import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { z } from "zod";
import { assertCan, can, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { mentionedUserIds, type Mentionable } from "@/lib/domain/mentions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/api/pagination";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { notify, type NotifyInput } from "@/lib/server/inbox";
import {
  type CommentTarget,
  createCommentSchema,
  listCommentsSchema,
  replyCommentSchema,
  resolveThreadSchema,
  updateCommentSchema,
} from "@/lib/validation/comments";

// Threads on claims and propositions. A thread is its first comment (which holds the resolved
// state) and the replies naming it in `threadId`. Bodies are plain text; @mentions are stored as
// user ids and notify those members; the claim's author hears of comments on their claim.

const commentSelect = {
  id: true,
  targetType: true,
  targetId: true,
  threadId: true,
  body: true,
  mentions: true,
  resolvedAt: true,
  resolvedById: true,
  editedAt: true,
  deletedAt: true,
  createdAt: true,
  authorId: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.CommentSelect;
type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

type Person = { id: string; name: string };
export type CommentView = {
  id: string;
  targetType: CommentTarget;
  targetId: string;
  /** The thread's first comment; null for the first comment itself. */
  threadId: string | null;
  /** Plain text ("" once deleted). */
  body: string;
  deleted: boolean;
  author: Person;
  /** Members mentioned in the body, to highlight them. */
  mentions: (Person & { email: string })[];
  createdAt: Date;
  editedAt: Date | null;
  /** Only on a thread's first comment. */
  resolvedAt: Date | null;
  resolvedBy: Person | null;
};
export type ThreadView = CommentView & { replies: CommentView[] };

type Users = ReadonlyMap<string, Person & { email: string }>;

function toView(row: CommentRow, users: Users): CommentView {
  const deleted = row.deletedAt !== null;
  const resolver = row.resolvedById ? users.get(row.resolvedById) : undefined;
  return {
    id: row.id,
    targetType: row.targetType as CommentTarget,
    targetId: row.targetId,
    threadId: row.threadId,
    body: deleted ? "" : row.body,
    deleted,
    author: row.author,
    mentions: deleted ? [] : row.mentions.flatMap((id) => users.get(id) ?? []),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedAt ? (resolver ? { id: resolver.id, name: resolver.name } : { id: row.resolvedById ?? "", name: "a former member" }) : null,
  };
}

async function usersById(tx: Tx, ids: Iterable<string>): Promise<Users> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await tx.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } }) : [];
  return new Map(rows.map((u) => [u.id, u]));
}

/** What a thread is about: it must exist in the workspace (a deleted claim is "not found"). */
type Target = {
  type: CommentTarget;
  id: string;
  articleId: string | null;
  propositionIds: string[];
  ownerId: string | null;
  label: string;
  /** A claim's annotation session: its comments are as hidden as the claim in a blind one. */
  sessionId: string | null;
};

async function findTarget(tx: Tx, actor: Actor, type: string, id: string): Promise<Target> {
  const { workspaceId } = actor;
  if (type === "annotation") {
    const a = await tx.annotation.findFirst({
      where: { id, workspaceId, deletedAt: null, ...visibleClaims(actor) },
      select: { authorId: true, exact: true, sessionId: true, passage: { select: { articleId: true } }, mentions: { select: { propositionId: true } } },
    });
    if (!a) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
    const propositionIds = a.mentions.map((m) => m.propositionId);
    return { type, id, articleId: a.passage.articleId, propositionIds, ownerId: a.authorId, label: a.exact, sessionId: a.sessionId };
  }
  if (type === "proposition") {
    const p = await tx.proposition.findFirst({ where: { id, workspaceId }, select: { statement: true } });
    if (!p) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
    return { type, id, articleId: null, propositionIds: [id], ownerId: null, label: p.statement, sessionId: null };
  }
  throw new AppError("not_found", "Nothing to comment on here");
}

async function mentionable(tx: Tx, workspaceId: string): Promise<(Mentionable & { email: string })[]> {
  const rows = await tx.membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user);
}

const excerpt = (body: string) => ([...body].length > 200 ? `${[...body].slice(0, 199).join("")}…` : body);
const labelOf = (t: Target) => ([...t.label].length > 120 ? `${[...t.label].slice(0, 119).join("")}…` : t.label);

function noticesFor(t: Target, commentId: string, body: string, mentioned: readonly string[], authorHears: boolean): NotifyInput[] {
  const data = { excerpt: excerpt(body), label: labelOf(t), articleId: t.articleId };
  const base = { targetType: t.type, targetId: t.id, commentId, data };
  // Mentions first: a claim author who is also mentioned gets the mention, not both.
  return [
    ...mentioned.map((userId) => ({ ...base, userId, kind: "mention" as const })),
    ...(authorHears && t.ownerId ? [{ ...base, userId: t.ownerId, kind: "comment" as const }] : []),
  ];
}

const change = (t: Target, kind: string, commentId: string, threadId: string, notified: string[] = []) => ({
  kind,
  entityType: "Comment",
  entityId: commentId,
  articleId: t.articleId,
  propositionIds: t.propositionIds,
  sessionId: t.sessionId,
  data: { targetType: t.type, targetId: t.id, threadId, notified },
});

async function write(tx: Tx, actor: Actor, t: Target, threadId: string | null, body: string): Promise<CommentView> {
  const members = await mentionable(tx, actor.workspaceId);
  const mentions = mentionedUserIds(body, members);
  const row = await tx.comment.create({
    data: { workspaceId: actor.workspaceId, authorId: actor.userId, targetType: t.type, targetId: t.id, threadId, body, mentions },
    select: commentSelect,
  });
  await audit(tx, actor, threadId ? "comment.reply" : "comment.create", "Comment", row.id, undefined, {
    targetType: t.type,
    targetId: t.id,
    threadId,
    body,
    mentions,
  });
  const notified = await notify(tx, actor, noticesFor(t, row.id, body, mentions, true));
  await emit(tx, actor, change(t, "comment.created", row.id, threadId ?? row.id, notified));
  return toView(row, new Map(members.map((m) => [m.id, m])));
}

/** Start a thread on a claim or a proposition of the workspace. */
export async function createComment(actor: Actor, input: unknown): Promise<CommentView> {
  assertCan(actor, "comments.write");
  const data = createCommentSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const t = await findTarget(tx, actor, data.targetType, data.targetId);
    return write(tx, actor, t, null, data.body);
  });
}

/** Reply in a thread (`threadId`: any comment of it). A resolved thread takes no reply (409) until it is reopened. */
export async function replyToComment(actor: Actor, input: unknown): Promise<CommentView> {
  assertCan(actor, "comments.write");
  const data = replyCommentSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const root = await threadRoot(tx, actor.workspaceId, data.threadId);
    if (root.resolvedAt) throw new AppError("conflict", "This thread is resolved; reopen it to reply");
    const t = await findTarget(tx, actor, root.targetType, root.targetId);
    return write(tx, actor, t, root.id, data.body);
  });
}

/** The first comment of `id`'s thread, locked so resolving and replying do not cross. */
async function threadRoot(tx: Tx, workspaceId: string, id: string) {
  const c = await tx.comment.findFirst({ where: { id, workspaceId }, select: { id: true, threadId: true } });
  if (!c) throw new AppError("not_found", "Comment not found", undefined, { key: "errors.commentNotFound" });
  const rootId = c.threadId ?? c.id;
  await tx.$queryRaw`SELECT 1 FROM "Comment" WHERE "id" = ${rootId}::uuid FOR UPDATE`;
  const root = await tx.comment.findFirst({ where: { id: rootId, workspaceId }, select: commentSelect });
  if (!root) throw new AppError("not_found", "Comment not found", undefined, { key: "errors.commentNotFound" });
  return root;
}

async function ownComment(tx: Tx, actor: Actor, id: string, verb: "edit" | "delete") {
  const row = await tx.comment.findFirst({ where: { id, workspaceId: actor.workspaceId, deletedAt: null }, select: commentSelect });
  if (!row) throw new AppError("not_found", "Comment not found; it may have been deleted");
  if (row.authorId !== actor.userId)
    throw new AppError("forbidden", verb === "edit" ? "You can only edit your own comments" : "You can only delete your own comments");
  return row;
}

/** Edit your own comment's text; members newly mentioned are notified. */
export async function updateComment(actor: Actor, input: unknown): Promise<CommentView> {
  assertCan(actor, "comments.write");
  const data = updateCommentSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await ownComment(tx, actor, data.id, "edit");
    const t = await findTarget(tx, actor, before.targetType, before.targetId);
    const people = (c: CommentRow) => usersById(tx, [...c.mentions, ...(c.resolvedById ? [c.resolvedById] : [])]);
    if (before.body === data.body) return toView(before, await people(before));
    const mentions = mentionedUserIds(data.body, await mentionable(tx, actor.workspaceId));
    const row = await tx.comment.update({ where: { id: before.id }, data: { body: data.body, mentions, editedAt: new Date() }, select: commentSelect });
    await audit(tx, actor, "comment.update", "Comment", row.id, { body: before.body, mentions: before.mentions }, { body: row.body, mentions });
    const fresh = mentions.filter((m) => !before.mentions.includes(m));
    const notified = await notify(tx, actor, noticesFor(t, row.id, row.body, fresh, false));
    const view = toView(row, await people(row));
    await emit(tx, actor, change(t, "comment.updated", row.id, row.threadId ?? row.id, notified));
    return view;
  });
}

/** Delete your own comment (kept, shown as deleted while its thread has replies). */
export async function deleteComment(actor: Actor, id: unknown): Promise<{ id: string }> {
  assertCan(actor, "comments.write");
  const parsed = z.string().uuid().safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "Comment not found", undefined, { key: "errors.commentNotFound" });
  return getDb().$transaction(async (tx) => {
    const before = await ownComment(tx, actor, parsed.data, "delete");
    const t = await findTarget(tx, actor, before.targetType, before.targetId);
    await tx.comment.update({ where: { id: before.id }, data: { deletedAt: new Date() } });
    await audit(tx, actor, "comment.delete", "Comment", before.id, { body: before.body, mentions: before.mentions, threadId: before.threadId }, undefined);
    await emit(tx, actor, change(t, "comment.deleted", before.id, before.threadId ?? before.id));
    return { id: before.id };
  });
}

/** Resolve (or reopen) a thread: reviewers and above, or whoever started it. Returns its first comment. */
export async function resolveThread(actor: Actor, input: unknown): Promise<CommentView> {
  assertCan(actor, "comments.write");
  const data = resolveThreadSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const root = await threadRoot(tx, actor.workspaceId, data.id);
    if (!can(actor, "claims.review") && root.authorId !== actor.userId) {
      throw new AppError("forbidden", "Only reviewers, editors, owners and the thread's author can resolve or reopen it");
    }
    const t = await findTarget(tx, actor, root.targetType, root.targetId);
    if (data.resolved === (root.resolvedAt !== null))
      return toView(root, await usersById(tx, [...root.mentions, ...(root.resolvedById ? [root.resolvedById] : [])]));
    const row = await tx.comment.update({
      where: { id: root.id },
      data: data.resolved ? { resolvedAt: new Date(), resolvedById: actor.userId } : { resolvedAt: null, resolvedById: null },
      select: commentSelect,
    });
    await audit(
      tx,
      actor,
      data.resolved ? "comment.resolve" : "comment.reopen",
      "Comment",
      row.id,
      { resolvedAt: root.resolvedAt, resolvedById: root.resolvedById },
      { resolvedAt: row.resolvedAt, resolvedById: row.resolvedById },
    );
    const view = toView(row, await usersById(tx, [...row.mentions, actor.userId]));
    await emit(tx, actor, {
      ...change(t, data.resolved ? "comment.resolved" : "comment.reopened", row.id, row.id),
      data: { targetType: t.type, targetId: t.id, threadId: row.id, resolved: data.resolved },
    });
    return view;
  });
}

/**
 * The threads on a claim or a proposition, oldest first, each with its replies in order. Deleted
 * comments are left out, but a deleted first comment stays (as "deleted") while it has replies.
 * Four queries whatever the size: the target, the threads, their replies, the people named.
 */
export async function listComments(actor: Actor, input: unknown): Promise<Page<ThreadView>> {
  assertCan(actor, "workspace.read");
  const q = listCommentsSchema.parse(input);
  const db = getDb();
  await findTarget(db, actor, q.targetType, q.targetId);
  const roots = await db.comment.findMany({
    where: { workspaceId: actor.workspaceId, targetType: q.targetType, targetId: q.targetId, threadId: null },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = roots.slice(0, q.limit);
  const replies = page.length
    ? await db.comment.findMany({
        where: { workspaceId: actor.workspaceId, threadId: { in: page.map((r) => r.id) }, deletedAt: null },
        select: commentSelect,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const users = await usersById(
    db,
    [...page, ...replies].flatMap((c) => [...c.mentions, ...(c.resolvedById ? [c.resolvedById] : [])]),
  );
  const byThread = new Map<string, CommentView[]>();
  for (const r of replies) byThread.set(r.threadId!, [...(byThread.get(r.threadId!) ?? []), toView(r, users)]);
  const items = page.flatMap((root) => {
    const rs = byThread.get(root.id) ?? [];
    return root.deletedAt && rs.length === 0 ? [] : [{ ...toView(root, users), replies: rs }];
  });
  return { items, nextCursor: roots.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The threads for a panel, with what the caller may do there (one round trip). */
export async function commentPanel(actor: Actor, input: unknown) {
  assertCan(actor, "workspace.read");
  const page = await listComments(actor, input);
  return { ...page, you: { userId: actor.userId, canComment: can(actor, "comments.write"), canModerate: can(actor, "claims.review") } };
}
export type CommentPanelData = Awaited<ReturnType<typeof commentPanel>>;
