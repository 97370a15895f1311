import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/api/pagination";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { inboxQuerySchema, markReadSchema, type NotificationKind, type NotificationTarget } from "@/lib/validation/comments";

/** One notification to write: who gets it, what about. */
export type NotifyInput = {
  userId: string;
  kind: NotificationKind;
  targetType: NotificationTarget;
  targetId: string;
  commentId?: string | null;
  /** What the inbox shows without another query: `excerpt` (the comment or the reason), `label` (the claim's quote or the statement), `articleId` (to link a claim), `status` (a review outcome). */
  data?: { excerpt?: string; label?: string; articleId?: string | null; status?: string; [key: string]: Prisma.InputJsonValue | null | undefined };
};

/**
 * Write notifications inside the caller's transaction (call it before `emit`). The actor is never
 * notified of their own act, nobody twice for one comment, and only current members of the
 * workspace are (someone removed since gets nothing). Returns the user ids notified.
 *
 * For review outcomes: `notify(tx, actor, { userId: claim.authorId, kind: "review", targetType:
 * "annotation", targetId: claim.id, data: { status, excerpt: reason, label: claim.exact, articleId } })`.
 */
export async function notify(tx: Tx, actor: Pick<Actor, "userId" | "workspaceId">, items: NotifyInput | readonly NotifyInput[]): Promise<string[]> {
  const all = Array.isArray(items) ? items : [items as NotifyInput];
  const seen = new Set<string>();
  const wanted = all.filter((n) => {
    const key = `${n.userId}:${n.commentId ?? n.targetId}`;
    if (n.userId === actor.userId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!wanted.length) return [];
  const members = await tx.membership.findMany({
    where: { workspaceId: actor.workspaceId, userId: { in: [...new Set(wanted.map((n) => n.userId))] } },
    select: { userId: true },
  });
  const isMember = new Set(members.map((m) => m.userId));
  const rows = wanted.filter((n) => isMember.has(n.userId));
  if (!rows.length) return [];
  await tx.notification.createMany({
    data: rows.map((n) => ({
      workspaceId: actor.workspaceId,
      userId: n.userId,
      kind: n.kind,
      actorId: actor.userId,
      targetType: n.targetType,
      targetId: n.targetId,
      commentId: n.commentId ?? null,
      data: JSON.parse(JSON.stringify(n.data ?? {})) as Prisma.InputJsonObject,
    })),
  });
  return [...new Set(rows.map((n) => n.userId))];
}

const notificationSelect = {
  id: true,
  kind: true,
  actorId: true,
  targetType: true,
  targetId: true,
  commentId: true,
  data: true,
  createdAt: true,
  readAt: true,
} satisfies Prisma.NotificationSelect;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;
export type InboxItem = Omit<NotificationRow, "actorId" | "data"> & {
  actor: { id: string; name: string } | null;
  excerpt: string | null;
  label: string | null;
  articleId: string | null;
  status: string | null;
};

const text = (v: unknown) => (typeof v === "string" ? v : null);
const shorten = (body: string) => ([...body].length > 200 ? `${[...body].slice(0, 199).join("")}…` : body);

/**
 * The actor's notifications in this workspace: unread first, then read ones, newest first in each
 * (`unread: true` for unread only). At most six queries: the cursor's row, unread and read rows, the actors' names, the articles of
 * claims, the comments as they are now.
 */
export async function listInbox(actor: Actor, input: unknown = {}): Promise<Page<InboxItem>> {
  assertCan(actor, "workspace.read");
  const q = inboxQuerySchema.parse(input);
  const db = getDb();
  const mine = { userId: actor.userId, workspaceId: actor.workspaceId };
  const at = q.cursor ? await db.notification.findFirst({ where: { ...mine, id: q.cursor }, select: { id: true, createdAt: true, readAt: true } }) : null;
  if (q.cursor && !at)
    throw new AppError("validation", "cursor: not a notification of this inbox", { fields: { cursor: "Use the nextCursor of the previous page" } });
  const after = at ? { OR: [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: at.id } }] } : {};
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const take = q.limit + 1;
  // Unread ones first: still in the unread part unless the cursor is already among the read ones.
  const unread = at?.readAt
    ? []
    : await db.notification.findMany({ where: { ...mine, readAt: null, ...after }, select: notificationSelect, orderBy: order, take });
  const read =
    q.unread || unread.length >= take
      ? []
      : await db.notification.findMany({
          where: { ...mine, readAt: { not: null }, ...(at?.readAt ? after : {}) },
          select: notificationSelect,
          orderBy: order,
          take: take - unread.length,
        });
  const rows = [...unread, ...read];
  const page = rows.slice(0, q.limit);
  const actorIds = [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  // A claim's link needs its article; a notifier that did not store it (a review outcome) is looked up.
  const unplaced = page
    .filter((r) => r.targetType === "annotation" && text((r.data as Record<string, unknown> | null)?.articleId) === null)
    .map((r) => r.targetId);
  const placed = unplaced.length
    ? await db.annotation.findMany({
        where: { workspaceId: actor.workspaceId, id: { in: unplaced } },
        select: { id: true, passage: { select: { articleId: true } } },
      })
    : [];
  const articleOf = new Map(placed.map((a) => [a.id, a.passage.articleId]));
  // The comment as it is now: an edit shows, a deleted comment's words no longer do.
  const commentIds = [...new Set(page.flatMap((r) => (r.commentId ? [r.commentId] : [])))];
  const comments = commentIds.length
    ? await db.comment.findMany({ where: { workspaceId: actor.workspaceId, id: { in: commentIds } }, select: { id: true, body: true, deletedAt: true } })
    : [];
  const currentText = new Map(comments.map((c) => [c.id, c.deletedAt ? null : shorten(c.body)]));
  const items = page.map(({ actorId, data, ...r }) => {
    const d = (data ?? {}) as Record<string, unknown>;
    return {
      ...r,
      actor: actorId ? (byId.get(actorId) ?? null) : null,
      excerpt: r.commentId && currentText.has(r.commentId) ? (currentText.get(r.commentId) ?? null) : text(d.excerpt),
      label: text(d.label),
      articleId: text(d.articleId) ?? articleOf.get(r.targetId) ?? null,
      status: text(d.status),
    };
  });
  return { items, nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

/** How many unread notifications the actor has here: one count on the (userId, workspaceId, readAt) index. */
export async function unreadCount(actor: Actor): Promise<{ unread: number }> {
  assertCan(actor, "workspace.read");
  const unread = await getDb().notification.count({ where: { userId: actor.userId, workspaceId: actor.workspaceId, readAt: null } });
  return { unread };
}

/**
 * Mark notifications read: `{ ids }` (each must be the actor's, in this workspace: else "not found";
 * already read ones stay as they were) or `{ all: true }`. Returns how many changed and how many
 * stay unread. Audited when something changed; the event tells the actor's other tabs.
 */
export async function markNotificationsRead(actor: Actor, input: unknown): Promise<{ updated: number; unread: number }> {
  assertCan(actor, "workspace.read");
  const data = markReadSchema.parse(input);
  const mine = { userId: actor.userId, workspaceId: actor.workspaceId };
  return getDb().$transaction(async (tx) => {
    let ids: string[] | undefined;
    if (data.ids) {
      ids = [...new Set(data.ids)];
      const found = await tx.notification.count({ where: { ...mine, id: { in: ids } } });
      if (found < ids.length) throw new AppError("not_found", ids.length === 1 ? "Notification not found" : "Some of these notifications were not found");
    }
    const { count } = await tx.notification.updateMany({ where: { ...mine, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
    const unread = await tx.notification.count({ where: { ...mine, readAt: null } });
    if (count > 0) {
      await audit(tx, actor, data.all ? "notification.read_all" : "notification.read", "Notification", ids?.length === 1 ? ids[0]! : actor.userId, undefined, {
        ...(ids ? { ids } : { all: true }),
        updated: count,
      });
      await emit(tx, actor, { kind: "notification.read", entityType: "Notification", entityId: actor.userId, data: { userId: actor.userId, unread } });
    }
    return { updated: count, unread };
  });
}
