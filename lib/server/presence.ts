import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { mergeTabs, PRESENCE_WINDOW_MS, presenceOf, type Viewer } from "@/lib/domain/presence";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { heartbeatSchema, tabIdSchema } from "@/lib/validation/members";

// Presence is not audited: it is a few seconds of "who is looking", rewritten every 5 s per tab,
// not a change to the workspace's records. It still emits, so open pages update at once.

/** Rows this old are deleted on the next heartbeat in the workspace, in milliseconds. */
const PRUNE_AFTER_MS = 60_000;

const articleIdOf = (id: unknown) => {
  const parsed = z.string().uuid().safeParse(id);
  if (!parsed.success) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
  return parsed.data;
};

/** Who has the article open (seen in the last 15 s), one entry per person with the claim they are editing; one query. */
export async function listPresence(actor: Actor, articleId: unknown): Promise<Viewer[]> {
  assertCan(actor, "workspace.read");
  return viewersOf(getDb(), actor, articleIdOf(articleId));
}

/**
 * This tab is on the article (and editing a claim, or not): upsert its row and answer the current
 * viewers. Emits `presence.changed` only when others would see a difference: the person was not
 * there a moment ago, or the claim they edit changed.
 */
export async function heartbeat(actor: Actor, articleId: unknown, input: unknown): Promise<Viewer[]> {
  assertCan(actor, "workspace.read");
  const id = articleIdOf(articleId);
  const { tabId, editingAnnotationId } = heartbeatSchema.parse(input);
  if (editingAnnotationId) assertCan(actor, "claims.write");
  const { workspaceId, userId } = actor;
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id, workspaceId }, select: { id: true } });
    if (!article) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
    if (editingAnnotationId) {
      const claim = await tx.annotation.findFirst({
        where: { id: editingAnnotationId, workspaceId, deletedAt: null, passage: { articleId: id }, ...visibleClaims(actor) },
        select: { id: true },
      });
      if (!claim) throw new AppError("validation", "That claim is not in this article", { fields: { editingAnnotationId: "Not a claim of this article" } });
    }
    const tabs = await myTabs(tx, actor, id, now);
    const before = presenceOf(tabs);
    await tx.presence.upsert({
      where: { workspaceId_userId_articleId_tabId: { workspaceId, userId, articleId: id, tabId } },
      create: { workspaceId, userId, articleId: id, tabId, editingAnnotationId, seenAt: now },
      update: { editingAnnotationId, seenAt: now },
    });
    const after = presenceOf([...tabs.filter((t) => t.tabId !== tabId), { tabId, editingAnnotationId, seenAt: now }]);
    await tx.presence.deleteMany({ where: { workspaceId, seenAt: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) } } });
    if (!before.present || before.editing !== after.editing) await emitChange(tx, actor, id, after.editing);
  });
  return viewersOf(getDb(), actor, id);
}

/** This tab left the article (closed, navigated away): delete its row and answer the viewers left. */
export async function leave(actor: Actor, articleId: unknown, input: unknown): Promise<Viewer[]> {
  assertCan(actor, "workspace.read");
  const id = articleIdOf(articleId);
  const { tabId } = z.object({ tabId: tabIdSchema }).parse(input);
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    const tabs = await myTabs(tx, actor, id, now);
    const { count } = await tx.presence.deleteMany({ where: { workspaceId: actor.workspaceId, userId: actor.userId, articleId: id, tabId } });
    if (count === 0) return;
    const before = presenceOf(tabs);
    const after = presenceOf(tabs.filter((t) => t.tabId !== tabId));
    if (before.present !== after.present || before.editing !== after.editing) await emitChange(tx, actor, id, after.editing);
  });
  return viewersOf(getDb(), actor, id);
}

// The acting person's live tabs on the article.
function myTabs(tx: Tx, actor: Actor, articleId: string, now: Date) {
  return tx.presence.findMany({
    where: { workspaceId: actor.workspaceId, userId: actor.userId, articleId, seenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    select: { tabId: true, editingAnnotationId: true, seenAt: true },
  });
}

function emitChange(tx: Tx, actor: Actor, articleId: string, editingAnnotationId: string | null) {
  return emit(tx, actor, {
    kind: "presence.changed",
    entityType: "Article",
    entityId: articleId,
    articleId,
    data: { userId: actor.userId, editingAnnotationId },
  });
}

// Members only: a removed member's rows go with the membership, and this makes sure of it.
async function viewersOf(db: Db | Tx, actor: Actor, articleId: string): Promise<Viewer[]> {
  const { workspaceId } = actor;
  const rows = await db.presence.findMany({
    where: {
      workspaceId,
      articleId,
      seenAt: { gt: new Date(Date.now() - PRESENCE_WINDOW_MS) },
      user: { memberships: { some: { workspaceId } } },
    },
    select: { userId: true, editingAnnotationId: true, seenAt: true, user: { select: { name: true } } },
  });
  return mergeTabs(
    rows.map((r) => ({ userId: r.userId, name: r.user.name, editingAnnotationId: r.editingAnnotationId, seenAt: r.seenAt })),
    actor.userId,
  );
}
