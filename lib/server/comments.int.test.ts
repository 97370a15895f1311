// Comments, history and the inbox on a real PostgreSQL: services first, then the same through the
// REST handlers with an API token.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { composite, discussion, responses } from "@/lib/api/schemas";
import * as commentsRoute from "@/app/api/v1/workspaces/[workspaceId]/comments/route";
import * as commentRoute from "@/app/api/v1/workspaces/[workspaceId]/comments/[id]/route";
import * as repliesRoute from "@/app/api/v1/workspaces/[workspaceId]/comments/[id]/replies/route";
import * as resolveRoute from "@/app/api/v1/workspaces/[workspaceId]/comments/[id]/resolve/route";
import * as historyRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/history/route";
import * as revertRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/revert/route";
import * as restoreRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/restore/route";
import * as propositionHistoryRoute from "@/app/api/v1/workspaces/[workspaceId]/propositions/[id]/history/route";
import * as inboxRoute from "@/app/api/v1/workspaces/[workspaceId]/inbox/route";
import * as inboxCountRoute from "@/app/api/v1/workspaces/[workspaceId]/inbox/count/route";
import * as inboxReadRoute from "@/app/api/v1/workspaces/[workspaceId]/inbox/read/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { deleteAnnotation, detailsOf, updateAnnotation } from "@/lib/server/annotations";
import { createComment, deleteComment, listComments, replyToComment, resolveThread, updateComment } from "@/lib/server/comments";
import { mergeEntities } from "@/lib/server/entities";
import { historyPageInEnglish } from "@/lib/domain/history-english";
import { annotationHistory, listDeletedClaims, propositionHistory, revertAnnotation } from "@/lib/server/history";
import { listInbox, markNotificationsRead, notify, unreadCount } from "@/lib/server/inbox";
import { createPropositionFromClaim, linkMention, updateProposition } from "@/lib/server/propositions";
import { createEntity } from "@/lib/server/speakers";
import { setMember } from "@/lib/server/workspaces";
import { call, documented, type Call, type Handler } from "@/lib/test/api-client";
import { at, expectAppError, expectFieldError, importPassages, markQuote, newUser, only, type TestUser } from "@/lib/test/helpers";

// The browser session, only to mint the API token (token management is session-only).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const QUOTE = "Triều Tiên đã chuyển đạn pháo cho Nga";
const OTHER = "Điện Kremlin bác bỏ thông tin đó";
const NO_SCALE = { ratingValue: null, ratingBest: null, ratingWorst: null, reviewUrl: null, reviewDate: null };
const text = (n: number) => `Nhà Trắng nói ${QUOTE}, bản tin ${n}.\n\n${OTHER}, bản tin ${n}.`;

type Desk = {
  owner: TestUser;
  editor: { id: string; actor: Actor; name: string };
  reviewer: { id: string; actor: Actor; name: string };
  viewer: { id: string; actor: Actor; name: string };
  outsider: TestUser;
  article: Awaited<ReturnType<typeof importPassages>>;
};
let d: Desk;
let n = 0;

async function member(owner: TestUser, name: string, role: "EDITOR" | "REVIEWER" | "VIEWER") {
  const u = await newUser(name);
  await setMember(owner.actor, { email: u.email, role });
  return { id: u.user.id, name, actor: await requireMember(u.user.id, owner.workspace.id) };
}

/** A fresh claim by the editor (so comments on it notify the editor). */
async function editorClaim(extra: Parameters<typeof markQuote>[4] = {}) {
  const editorAsOwner = { ...d.owner, actor: d.editor.actor };
  return markQuote(editorAsOwner, d.article.passages, QUOTE, "arms_transfer", extra);
}

const changeEvents = (entityId: string) => getDb().changeEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
const inboxOf = (actor: Actor) =>
  getDb().notification.findMany({ where: { userId: actor.userId, workspaceId: actor.workspaceId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  const owner = await newUser("Chủ Bàn");
  d = {
    owner,
    editor: await member(owner, "Trần Thị Lan", "EDITOR"),
    reviewer: await member(owner, "Jane O'Neil", "REVIEWER"),
    viewer: await member(owner, "Phạm Văn Xem", "VIEWER"),
    outsider: await newUser("Người Ngoài"),
    article: await importPassages(owner, text(++n), { title: "Bài bình luận" }),
  };
});

describe("comments on a claim", () => {
  it("a reviewer comments, @mentions a member ignoring accents, and the claim's author hears of it; the author is never notified of their own words", async () => {
    const claim = await editorClaim();
    const c = await createComment(d.reviewer.actor, {
      targetType: "annotation",
      targetId: claim.id,
      body: "  Nguồn? @pham van xem xem giúp, cc @Jane O'Neil  ",
    });
    expect(c).toMatchObject({ body: "Nguồn? @pham van xem xem giúp, cc @Jane O'Neil", threadId: null, deleted: false, author: { id: d.reviewer.id } });
    expect(c.mentions.map((m) => m.id).sort()).toEqual([d.viewer.id, d.reviewer.id].sort());
    expect(await inboxOf(d.viewer.actor)).toEqual([expect.objectContaining({ kind: "mention", commentId: c.id, targetId: claim.id, actorId: d.reviewer.id })]);
    expect(await inboxOf(d.editor.actor)).toEqual([expect.objectContaining({ kind: "comment", commentId: c.id })]);
    expect(await inboxOf(d.reviewer.actor)).toEqual([]);

    // Live: one event with the claim's article, so the reader refreshes.
    const [event] = await changeEvents(c.id);
    expect(event).toMatchObject({ kind: "comment.created", entityType: "Comment", articleId: d.article.articleId, actorId: d.reviewer.id });
    const audit = await getDb().auditEvent.findFirst({ where: { entityType: "Comment", entityId: c.id } });
    expect(audit).toMatchObject({ action: "comment.create", actorId: d.reviewer.id });
  });

  it("a mentioned claim author gets the mention only, not a second notification", async () => {
    const claim = await editorClaim();
    const before = (await inboxOf(d.editor.actor)).length;
    await createComment(d.owner.actor, { targetType: "annotation", targetId: claim.id, body: "@tran thi lan: ai nói vậy?" });
    const mine = (await inboxOf(d.editor.actor)).slice(before);
    expect(mine.map((x) => x.kind)).toEqual(["mention"]);
  });

  it("viewers read threads but cannot comment; outsiders and other workspaces' targets are not found", async () => {
    const claim = await editorClaim();
    await expectAppError(createComment(d.viewer.actor, { targetType: "annotation", targetId: claim.id, body: "hi" }), "forbidden", /reviewer or higher/);
    await expectAppError(createComment(d.outsider.actor, { targetType: "annotation", targetId: claim.id, body: "hi" }), "not_found");
    await expectAppError(listComments(d.outsider.actor, { targetType: "annotation", targetId: claim.id }), "not_found");
    await expectAppError(createComment(d.reviewer.actor, { targetType: "annotation", targetId: crypto.randomUUID(), body: "hi" }), "not_found");
    await expectAppError(createComment(d.reviewer.actor, { targetType: "proposition", targetId: claim.id, body: "hi" }), "not_found");
    expect((await listComments(d.viewer.actor, { targetType: "annotation", targetId: claim.id })).items).toEqual([]);
    // A deleted claim is not there to comment on.
    await deleteAnnotation(d.editor.actor, claim.id, claim.version);
    await expectAppError(createComment(d.reviewer.actor, { targetType: "annotation", targetId: claim.id, body: "hi" }), "not_found");
  });

  it.each<[string, unknown, RegExp]>([
    ["empty after trimming", "   \n ", /Write a comment/],
    ["over 5,000 characters", "x".repeat(5001), /at most 5,000/],
    ["a NUL character", "a\u0000b", /NUL/],
    ["a lone surrogate", "broken \ud800 text", /lone surrogate/],
    ["not text", 42, /text/],
  ])("refuses a body that is %s with a 422 on body", async (_, body, message) => {
    const claim = await editorClaim();
    await expectFieldError(createComment(d.reviewer.actor, { targetType: "annotation", targetId: claim.id, body }), "body", message);
  });

  it("counts 5,000 characters as code points (emoji are one each)", async () => {
    const claim = await editorClaim();
    const c = await createComment(d.reviewer.actor, { targetType: "annotation", targetId: claim.id, body: "🚀".repeat(5000) });
    expect([...c.body]).toHaveLength(5000);
  });

  it("replies join the thread's first comment; a resolved thread takes no reply until reopened", async () => {
    const claim = await editorClaim();
    const root = await createComment(d.reviewer.actor, { targetType: "annotation", targetId: claim.id, body: "Ngày nào?" });
    const r1 = await replyToComment(d.owner.actor, { threadId: root.id, body: "13/9" });
    // Replying to a reply still lands in the same thread.
    const r2 = await replyToComment(d.editor.actor, { threadId: r1.id, body: "Đã sửa" });
    expect([r1.threadId, r2.threadId]).toEqual([root.id, root.id]);

    const resolved = await resolveThread(d.reviewer.actor, { id: r2.id, resolved: true });
    expect(resolved).toMatchObject({ id: root.id, resolvedBy: { id: d.reviewer.id, name: "Jane O'Neil" } });
    expect(resolved.resolvedAt).not.toBeNull();
    await expectAppError(replyToComment(d.owner.actor, { threadId: root.id, body: "còn nữa" }), "conflict", /resolved/);
    const reopened = await resolveThread(d.editor.actor, { id: root.id, resolved: false });
    expect([reopened.resolvedAt, reopened.resolvedBy]).toEqual([null, null]);
    await replyToComment(d.owner.actor, { threadId: root.id, body: "còn nữa" });

    const { items } = await listComments(d.viewer.actor, { targetType: "annotation", targetId: claim.id });
    expect(only(items).replies.map((r) => r.body)).toEqual(["13/9", "Đã sửa", "còn nữa"]);
    expect((await changeEvents(root.id)).map((e) => e.kind)).toEqual(["comment.created", "comment.resolved", "comment.reopened"]);
    await expectAppError(resolveThread(d.viewer.actor, { id: root.id, resolved: true }), "forbidden");
  });

  it("authors edit and delete only their own comments; newly mentioned members are notified once", async () => {
    const claim = await editorClaim();
    const c = await createComment(d.reviewer.actor, { targetType: "annotation", targetId: claim.id, body: "@Trần Thị Lan xem" });
    await expectAppError(updateComment(d.owner.actor, { id: c.id, body: "đổi" }), "forbidden", /your own/);
    await expectAppError(deleteComment(d.owner.actor, c.id), "forbidden", /your own/);
    const viewerBefore = (await inboxOf(d.viewer.actor)).length;
    const editorBefore = (await inboxOf(d.editor.actor)).length;
    const edited = await updateComment(d.reviewer.actor, { id: c.id, body: "@Trần Thị Lan và @Phạm Văn Xem xem" });
    expect(edited.editedAt).not.toBeNull();
    expect((await inboxOf(d.viewer.actor)).length).toBe(viewerBefore + 1);
    expect((await inboxOf(d.editor.actor)).length).toBe(editorBefore);

    const reply = await replyToComment(d.owner.actor, { threadId: c.id, body: "ok" });
    await deleteComment(d.reviewer.actor, c.id);
    await expectAppError(updateComment(d.reviewer.actor, { id: c.id, body: "again" }), "not_found");
    // The deleted first comment stays, empty, while its thread has a reply.
    const thread = only((await listComments(d.reviewer.actor, { targetType: "annotation", targetId: claim.id })).items);
    expect(thread).toMatchObject({ id: c.id, deleted: true, body: "", mentions: [] });
    expect(thread.replies.map((r) => r.id)).toEqual([reply.id]);
    await deleteComment(d.owner.actor, reply.id);
    expect((await listComments(d.reviewer.actor, { targetType: "annotation", targetId: claim.id })).items).toEqual([]);
    // Soft: the rows and their audit trail are kept.
    expect(await getDb().comment.count({ where: { id: { in: [c.id, reply.id] }, deletedAt: { not: null } } })).toBe(2);
    expect(await getDb().auditEvent.count({ where: { entityType: "Comment", entityId: c.id } })).toBe(3);
  });

  it("threads on a proposition, paged oldest first", async () => {
    const claim = await editorClaim();
    const p = await createPropositionFromClaim(d.editor.actor, { annotationId: claim.id, statement: `Bình Nhưỡng gửi đạn ${++n}` });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await createComment(d.reviewer.actor, { targetType: "proposition", targetId: p.id, body: `ý ${i}` })).id);
    const first = await listComments(d.viewer.actor, { targetType: "proposition", targetId: p.id, limit: 2 });
    const second = await listComments(d.viewer.actor, { targetType: "proposition", targetId: p.id, limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(made);
    expect(second.nextCursor).toBeNull();
    const [event] = await changeEvents(at(made, 0));
    expect(event).toMatchObject({ articleId: null, propositionIds: [p.id] });
  });
});

describe("history", () => {
  it("lists a claim's edits newest first as readable changes, and reverts to an earlier version's note", async () => {
    const speaker = await createEntity(d.owner.actor, { name: `Nhà Trắng ${++n}`, kind: "ORGANIZATION" });
    const claim = await editorClaim({ note: "Ghi chú gốc", speakers: [{ entityId: speaker.id }] });
    const v2 = await updateAnnotation(d.editor.actor, { ...detailsOf(claim), id: claim.id, version: claim.version, note: "Ghi chú mới", modality: "ALLEGED" });

    const structured = await annotationHistory(d.viewer.actor, claim.id);
    // The service describes entries as data; the interface and the API word them.
    expect(at(structured.items, 0)).toMatchObject({
      summary: { kind: "action", action: "annotation.update" },
      changes: [
        { field: "modality", before: { kind: "modality", value: "REPORTED" }, after: { kind: "modality", value: "ALLEGED" } },
        { field: "note", before: { kind: "text", text: "Ghi chú gốc" }, after: { kind: "text", text: "Ghi chú mới" } },
      ],
    });
    const h = historyPageInEnglish(structured);
    expect(h.current).toEqual({ version: v2.version, deleted: false });
    const [edit, creation] = h.items;
    expect(edit).toMatchObject({
      summary: "Edited the claim",
      who: { id: d.editor.id, name: "Trần Thị Lan" },
      version: v2.version,
      revertible: false,
      changes: [
        { field: "Modality", before: "reported", after: "alleged" },
        { field: "Note", before: "Ghi chú gốc", after: "Ghi chú mới" },
      ],
    });
    expect(creation).toMatchObject({ summary: "Marked the claim", version: 1, revertible: true });
    expect(creation?.changes).toContainEqual({ field: "Speakers", before: null, after: speaker.name });
    expect(creation?.changes).toContainEqual({ field: "Type", before: null, after: "Arms transfer" });

    // Paged: one at a time gives the same entries.
    const p1 = await annotationHistory(d.viewer.actor, claim.id, { limit: 1 });
    const p2 = await annotationHistory(d.viewer.actor, claim.id, { limit: 1, cursor: p1.nextCursor });
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(h.items.map((e) => e.id));

    await expectAppError(revertAnnotation(d.viewer.actor, { id: claim.id, eventId: creation!.id, version: v2.version }), "forbidden");
    await expectAppError(revertAnnotation(d.editor.actor, { id: claim.id, eventId: creation!.id, version: claim.version }), "conflict", /version/);
    const reverted = await revertAnnotation(d.editor.actor, { id: claim.id, eventId: creation!.id, version: v2.version });
    expect(reverted).toMatchObject({ note: "Ghi chú gốc", modality: "REPORTED", version: v2.version + 1, exact: QUOTE });
    const after = historyPageInEnglish(await annotationHistory(d.viewer.actor, claim.id));
    expect(at(after.items, 0).changes).toContainEqual({ field: "Note", before: "Ghi chú mới", after: "Ghi chú gốc" });
    // Nothing left to revert to the creation: the details are the same again.
    expect(after.items.find((e) => e.id === creation!.id)?.revertible).toBe(false);
    await expectAppError(revertAnnotation(d.editor.actor, { id: claim.id, eventId: creation!.id, version: reverted.version }), "conflict", /already/);
    // Another claim's event is not this claim's version.
    const other = await editorClaim();
    const otherEvent = at((await annotationHistory(d.owner.actor, other.id)).items, 0);
    await expectAppError(revertAnnotation(d.editor.actor, { id: claim.id, eventId: otherEvent.id, version: reverted.version }), "not_found");
    await expectAppError(annotationHistory(d.outsider.actor, claim.id), "not_found");
  });

  it("refuses to revert to an entry without the details, or to a version naming a speaker merged away since", async () => {
    const a = await createEntity(d.owner.actor, { name: `Điện Kremlin ${++n}`, kind: "ORGANIZATION" });
    const b = await createEntity(d.owner.actor, { name: `Kremlin ${n}`, kind: "ORGANIZATION" });
    const claim = await editorClaim({ speakers: [{ entityId: b.id }] });
    const v2 = await updateAnnotation(d.editor.actor, { ...detailsOf(claim), id: claim.id, version: claim.version, note: "sửa" });
    await mergeEntities(d.owner.actor, { targetId: a.id, sourceId: b.id });
    const entries = (await annotationHistory(d.owner.actor, claim.id)).items;
    const creation = at(entries, entries.length - 1);
    await expectAppError(
      revertAnnotation(d.editor.actor, { id: claim.id, eventId: creation.id, version: v2.version }),
      "conflict",
      /cannot be restored as it was/,
    );

    // A confirmation records only the state, not the details: a 422 on eventId.
    await getDb().auditEvent.create({
      data: {
        workspaceId: d.owner.workspace.id,
        actorId: d.editor.id,
        action: "annotation.confirm_anchor",
        entityType: "Annotation",
        entityId: claim.id,
        before: { needsReview: true },
        after: { needsReview: false, version: v2.version },
      },
    });
    const confirm = at(historyPageInEnglish(await annotationHistory(d.owner.actor, claim.id)).items, 0);
    expect(confirm).toMatchObject({ summary: "Confirmed the claim's position after a text correction", revertible: false });
    await expectFieldError(revertAnnotation(d.editor.actor, { id: claim.id, eventId: confirm.id, version: v2.version }), "eventId", /no version to go back to/);
  });

  it("keeps a deleted claim's history, lists it among the article's deleted claims, and restores it", async () => {
    const claim = await editorClaim({ note: "sẽ xoá" });
    await deleteAnnotation(d.editor.actor, claim.id, claim.version);
    const h = historyPageInEnglish(await annotationHistory(d.viewer.actor, claim.id));
    expect(h.current).toEqual({ version: claim.version + 1, deleted: true });
    expect(h.items.map((e) => [e.summary, e.revertible])).toEqual([
      ["Deleted the claim", false],
      ["Marked the claim", false],
    ]);
    const deleted = await listDeletedClaims(d.viewer.actor, d.article.articleId);
    expect(deleted.find((x) => x.id === claim.id)).toMatchObject({ exact: QUOTE, deletedBy: { id: d.editor.id, name: "Trần Thị Lan" } });
    await expectAppError(
      revertAnnotation(d.editor.actor, { id: claim.id, eventId: at(h.items, 1).id, version: claim.version + 1 }),
      "not_found",
      /restore it first/,
    );
  });

  it("lists a proposition's edits and links in words", async () => {
    const claim = await editorClaim();
    const other = await editorClaim();
    const p = await createPropositionFromClaim(d.editor.actor, { annotationId: claim.id, statement: "Triều Tiên chuyển đạn pháo" });
    await linkMention(d.editor.actor, { propositionId: p.id, annotationId: other.id, stance: "REFUTES" });
    await updateProposition(d.editor.actor, { id: p.id, statement: "North Korea shipped shells", claimTypeId: p.claimTypeId, ratingLabel: "Sai", ...NO_SCALE });
    const h = historyPageInEnglish(await propositionHistory(d.viewer.actor, p.id));
    expect(h.current).toBeNull();
    expect(h.items.map((e) => e.summary)).toEqual(["Edited the proposition", "Linked a claim", "Created the proposition"]);
    expect(at(h.items, 0).changes).toEqual(
      expect.arrayContaining([
        { field: "Statement", before: "Triều Tiên chuyển đạn pháo", after: "North Korea shipped shells" },
        { field: "Rating", before: null, after: "Sai" },
        { field: "Reviewer", before: null, after: "Trần Thị Lan" },
      ]),
    );
    expect(at(h.items, 1).changes).toEqual([{ field: "Claim", before: null, after: `“${QUOTE}” (refutes)` }]);
    await expectAppError(propositionHistory(d.outsider.actor, p.id), "not_found");
  });
});

describe("inbox", () => {
  it("lists unread first, counts unread, marks read by id or all, and refuses others' notifications", async () => {
    const fresh = await member(d.owner, `Lê Văn Mới ${++n}`, "REVIEWER");
    const claim = await editorClaim();
    const c1 = await createComment(d.owner.actor, { targetType: "annotation", targetId: claim.id, body: `@${fresh.name} một` });
    const c2 = await createComment(d.owner.actor, { targetType: "annotation", targetId: claim.id, body: `@${fresh.name} hai` });
    const c3 = await createComment(d.owner.actor, { targetType: "annotation", targetId: claim.id, body: `@${fresh.name} ba` });
    expect(await unreadCount(fresh.actor)).toEqual({ unread: 3 });
    const all = await listInbox(fresh.actor);
    expect(all.items.map((i) => i.commentId)).toEqual([c3.id, c2.id, c1.id]);
    expect(at(all.items, 0)).toMatchObject({
      kind: "mention",
      actor: { id: d.owner.user.id },
      excerpt: `@${fresh.name} ba`,
      label: QUOTE,
      articleId: d.article.articleId,
    });

    const newest = at(all.items, 0).id;
    await expectAppError(markNotificationsRead(d.reviewer.actor, { ids: [newest] }), "not_found");
    expect(await markNotificationsRead(fresh.actor, { ids: [newest] })).toEqual({ updated: 1, unread: 2 });
    // Read again: nothing changes.
    expect(await markNotificationsRead(fresh.actor, { ids: [newest] })).toEqual({ updated: 0, unread: 2 });
    // Unread first (c2, c1), then the read one (c3), across pages.
    const p1 = await listInbox(fresh.actor, { limit: 2 });
    const p2 = await listInbox(fresh.actor, { limit: 2, cursor: p1.nextCursor });
    expect([...p1.items, ...p2.items].map((i) => [i.commentId, i.readAt === null])).toEqual([
      [c2.id, true],
      [c1.id, true],
      [c3.id, false],
    ]);
    expect(p2.nextCursor).toBeNull();
    expect((await listInbox(fresh.actor, { unread: true })).items.map((i) => i.commentId)).toEqual([c2.id, c1.id]);

    // The inbox shows a comment as it is now: edited words, and none once deleted.
    await updateComment(d.owner.actor, { id: c2.id, body: `@${fresh.name} hai (sửa)` });
    await deleteComment(d.owner.actor, c1.id);
    const now = new Map((await listInbox(fresh.actor)).items.map((i) => [i.commentId, i.excerpt]));
    expect([now.get(c2.id), now.get(c1.id)]).toEqual([`@${fresh.name} hai (sửa)`, null]);

    expect(await markNotificationsRead(fresh.actor, { all: true })).toEqual({ updated: 2, unread: 0 });
    expect(await unreadCount(fresh.actor)).toEqual({ unread: 0 });
    await expectFieldError(markNotificationsRead(fresh.actor, {}), "ids", /either ids or all/);
    expect(await getDb().auditEvent.count({ where: { actorId: fresh.id, action: { startsWith: "notification." } } })).toBe(2);
  });

  it("notify() writes review outcomes for the review workflow: never to the actor, never to non-members", async () => {
    const claim = await editorClaim();
    const before = (await inboxOf(d.editor.actor)).length;
    const notified = await getDb().$transaction((tx) =>
      notify(tx, d.reviewer.actor, [
        {
          userId: d.editor.id,
          kind: "review",
          targetType: "annotation",
          targetId: claim.id,
          data: { status: "REJECTED", excerpt: "Thiếu nguồn", label: QUOTE, articleId: d.article.articleId },
        },
        { userId: d.reviewer.id, kind: "review", targetType: "annotation", targetId: claim.id },
        { userId: d.outsider.user.id, kind: "review", targetType: "annotation", targetId: claim.id },
      ]),
    );
    expect(notified).toEqual([d.editor.id]);
    const items = (await listInbox(d.editor.actor)).items.filter((i) => i.kind === "review" && i.targetId === claim.id);
    expect(only(items)).toMatchObject({ status: "REJECTED", excerpt: "Thiếu nguồn", actor: { id: d.reviewer.id, name: "Jane O'Neil" } });
    expect((await inboxOf(d.editor.actor)).length).toBe(before + 1);
  });
});

describe("through the REST API with a token", () => {
  let token: string;
  let api: (handler: Handler, path: string, opts?: Call & { ids?: Record<string, string> }) => ReturnType<typeof call>;

  beforeAll(async () => {
    // A reviewer's token: comments yes, claim edits no.
    session.userId = d.reviewer.id;
    const res = await call(tokensRoute.POST, "/tokens", { method: "POST", body: { workspaceId: d.owner.workspace.id, name: "review bot", role: "REVIEWER" } });
    expect(res.status).toBe(201);
    token = documented(composite.tokenCreated, res.body).token;
    session.userId = null;
    const ws = d.owner.workspace.id;
    api = (handler, path, opts = {}) => call(handler, `/workspaces/${ws}${path}`, { token, ...opts, params: { workspaceId: ws, ...opts.ids } });
  });
  beforeEach(() => {
    session.userId = null;
  });

  it("comments, replies, resolves, edits and deletes; bad bodies are 422 on body; everything matches the documented schemas", async () => {
    const claim = await editorClaim();
    const target = { targetType: "annotation", targetId: claim.id };
    const bad = await api(commentsRoute.POST, "/comments", { method: "POST", body: { ...target, body: "a\u0000b" } });
    expect([bad.status, Object.keys(bad.body.error.details.fields)]).toEqual([422, ["body"]]);
    const unknown = await api(commentsRoute.POST, "/comments", { method: "POST", body: { ...target, body: "x", html: "<b>" } });
    expect(unknown.status).toBe(422);

    const created = await api(commentsRoute.POST, "/comments", { method: "POST", body: { ...target, body: "<b>@Trần Thị Lan</b> nguồn?" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = documented(discussion.comment, created.body);
    // Text only: the markup is kept as the characters typed.
    expect(c.body).toBe("<b>@Trần Thị Lan</b> nguồn?");
    expect(c.mentions.map((m) => m.id)).toEqual([d.editor.id]);

    const reply = await api(repliesRoute.POST, `/comments/${c.id}/replies`, { method: "POST", ids: { id: c.id }, body: { body: "thêm" } });
    expect(reply.status).toBe(201);
    const repeated = await api(repliesRoute.POST, `/comments/${c.id}/replies`, { method: "POST", ids: { id: c.id }, body: { body: "x", threadId: c.id } });
    expect(repeated.status).toBe(422);
    const resolved = await api(resolveRoute.POST, `/comments/${c.id}/resolve`, { method: "POST", ids: { id: c.id }, body: { resolved: true } });
    expect(documented(discussion.comment, resolved.body).resolvedBy?.id).toBe(d.reviewer.id);
    const edited = await api(commentRoute.PATCH, `/comments/${c.id}`, { method: "PATCH", ids: { id: c.id }, body: { body: "đã sửa" } });
    expect(documented(discussion.comment, edited.body).editedAt).not.toBeNull();

    const list = await api(commentsRoute.GET, `/comments?targetType=annotation&targetId=${claim.id}`);
    const thread = only(documented(discussion.threads, list.body).items);
    expect([thread.body, thread.replies.length, thread.resolvedAt !== null]).toEqual(["đã sửa", 1, true]);
    expect((await api(commentsRoute.GET, `/comments?targetType=annotation&targetId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api(commentsRoute.GET, `/comments?targetType=article&targetId=${claim.id}`)).status).toBe(422);

    const del = await api(commentRoute.DELETE, `/comments/${reply.body.id}`, { method: "DELETE", ids: { id: reply.body.id } });
    expect(documented(responses.deleted, del.body)).toEqual({ id: reply.body.id });
  });

  it("reads history; a reviewer token cannot revert or restore (403); the editor's session reverts and restores", async () => {
    const claim = await editorClaim({ note: "bản đầu" });
    const v2 = await updateAnnotation(d.editor.actor, { ...detailsOf(claim), id: claim.id, version: claim.version, note: "bản hai" });
    const res = await api(historyRoute.GET, `/annotations/${claim.id}/history?limit=1`, { ids: { id: claim.id } });
    const page1 = documented(discussion.history, res.body);
    // The API answers in the English it documents.
    expect(only(page1.items)).toMatchObject({ summary: "Edited the claim", changes: [{ field: "Note", before: "bản đầu", after: "bản hai" }] });
    const page2 = documented(
      discussion.history,
      (await api(historyRoute.GET, `/annotations/${claim.id}/history?limit=1&cursor=${page1.nextCursor}`, { ids: { id: claim.id } })).body,
    );
    const creation = only(page2.items);
    expect(creation.revertible).toBe(true);
    expect((await api(historyRoute.GET, `/annotations/${claim.id}/history?cursor=abc`, { ids: { id: claim.id } })).status).toBe(422);

    const body = { eventId: creation.id, version: v2.version };
    const forbidden = await api(revertRoute.POST, `/annotations/${claim.id}/revert`, { method: "POST", ids: { id: claim.id }, body });
    expect(forbidden.status).toBe(403);
    session.userId = d.editor.id;
    const asEditor = (handler: Handler, path: string, opts: Call & { ids?: Record<string, string> } = {}) =>
      call(handler, `/workspaces/${d.owner.workspace.id}${path}`, { ...opts, params: { workspaceId: d.owner.workspace.id, ...opts.ids } });
    const reverted = await asEditor(revertRoute.POST, `/annotations/${claim.id}/revert`, { method: "POST", ids: { id: claim.id }, body });
    expect(reverted.status, JSON.stringify(reverted.body)).toBe(200);
    expect(documented(responses.annotation, reverted.body).note).toBe("bản đầu");
    const stale = await asEditor(revertRoute.POST, `/annotations/${claim.id}/revert`, { method: "POST", ids: { id: claim.id }, body });
    expect(stale.status).toBe(409);

    await deleteAnnotation(d.editor.actor, claim.id, v2.version + 1);
    const restored = await asEditor(restoreRoute.POST, `/annotations/${claim.id}/restore`, { method: "POST", ids: { id: claim.id } });
    expect(documented(responses.annotation, restored.body).note).toBe("bản đầu");
    expect((await asEditor(restoreRoute.POST, `/annotations/${claim.id}/restore`, { method: "POST", ids: { id: claim.id } })).status).toBe(404);
    session.userId = null;

    const p = await createPropositionFromClaim(d.editor.actor, { annotationId: claim.id, statement: `Mệnh đề ${++n}` });
    const ph = documented(discussion.history, (await api(propositionHistoryRoute.GET, `/propositions/${p.id}/history`, { ids: { id: p.id } })).body);
    expect(ph.items.map((e) => e.summary)).toEqual(["Created the proposition"]);
  });

  it("the inbox: count, list and mark read through the API", async () => {
    const claim = await editorClaim();
    await createComment(d.owner.actor, { targetType: "annotation", targetId: claim.id, body: "@Jane O'Neil xem" });
    const count = documented(discussion.inboxCount, (await api(inboxCountRoute.GET, "/inbox/count")).body);
    expect(count.unread).toBeGreaterThan(0);
    const list = documented(discussion.inbox, (await api(inboxRoute.GET, "/inbox?unread=true&limit=100")).body);
    expect(list.items.every((i) => i.readAt === null)).toBe(true);
    expect(list.items).toHaveLength(count.unread);
    const one = at(list.items, 0).id;
    const read = await api(inboxReadRoute.POST, "/inbox/read", { method: "POST", body: { ids: [one] } });
    expect(documented(discussion.inboxRead, read.body)).toEqual({ updated: 1, unread: count.unread - 1 });
    const all = await api(inboxReadRoute.POST, "/inbox/read", { method: "POST", body: { all: true } });
    expect(documented(discussion.inboxRead, all.body).unread).toBe(0);
    const neither = await api(inboxReadRoute.POST, "/inbox/read", { method: "POST", body: { ids: [one], all: true } });
    expect(neither.status).toBe(422);
  });
});
