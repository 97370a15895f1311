import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import type { ReviewStep } from "@/lib/domain/review";
import type { AnnotationStatus } from "@/lib/domain/vocabulary";
import { composite, responses } from "@/lib/api/schemas";
import * as reviewRoute from "@/app/api/v1/workspaces/[workspaceId]/annotations/[id]/review/route";
import * as queueRoute from "@/app/api/v1/workspaces/[workspaceId]/review/queue/route";
import * as submitRoute from "@/app/api/v1/workspaces/[workspaceId]/review/submit/route";
import * as approveRoute from "@/app/api/v1/workspaces/[workspaceId]/review/approve/route";
import * as settingsRoute from "@/app/api/v1/workspaces/[workspaceId]/review/settings/route";
import { updateAnnotation, detailsOf } from "@/lib/server/annotations";
import { getMatrix, getProposition } from "@/lib/server/comparison";
import { getAnnotation } from "@/lib/server/api-lists";
import { exportMentions, exportPropositions, parseScope } from "@/lib/server/exports";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { bulkApprove, getReviewSettings, listReviewQueue, reviewClaim, getReviewSummary, submitClaims, updateReviewSettings } from "@/lib/server/review";
import { createEntity } from "@/lib/server/speakers";
import { setMember } from "@/lib/server/workspaces";
import { call, documented } from "@/lib/test/api-client";
import { actorFor, expectAppError, expectFieldError, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

// The browser session, as next-auth's auth() would report it, for the API handler tests.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const TEXT = (tag: string) => `Bài thử duyệt ${tag}

Nhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga ${tag}.

Hàn Quốc cũng nói Triều Tiên đã chuyển đạn pháo cho Nga ${tag}.

Điện Kremlin bác bỏ thông tin ${tag}.`;

describe("claim review: submit, approve, reject, queue, settings", () => {
  let owner: TestUser;
  let editorUser: TestUser;
  let reviewerUser: TestUser;
  let viewerUser: TestUser;
  let ws: string;
  const as: Record<"owner" | "editor" | "reviewer" | "viewer", Actor> = {} as never;
  let n = 0;

  /** A fresh claim written by `author` (the editor unless said), put straight into `status`: the transitions are what is tested. */
  async function claimIn(status: AnnotationStatus, author: TestUser = editorUser) {
    n += 1;
    const { passages } = await importPassages(owner, TEXT(`c${n}-${Date.now()}`));
    const a = await markQuote(owner, passages, "Nhà Trắng nói", "statement");
    await getDb().annotation.update({ where: { id: a.id }, data: { status, authorId: author.user.id } });
    return getDb().annotation.findUniqueOrThrow({ where: { id: a.id }, select: { id: true, version: true, status: true } });
  }

  beforeAll(async () => {
    owner = await newUser("Review owner");
    ws = owner.workspace.id;
    editorUser = await newUser("Review editor");
    reviewerUser = await newUser("Review reviewer");
    viewerUser = await newUser("Review viewer");
    await setMember(owner.actor, { email: editorUser.email, role: "EDITOR" });
    await setMember(owner.actor, { email: reviewerUser.email, role: "REVIEWER" });
    await setMember(owner.actor, { email: viewerUser.email, role: "VIEWER" });
    as.owner = owner.actor;
    as.editor = await actorFor(editorUser.user.id, ws);
    as.reviewer = await actorFor(reviewerUser.user.id, ws);
    as.viewer = await actorFor(viewerUser.user.id, ws);
  });

  describe("the state machine: who may take which step from which status", () => {
    const table: [string, keyof typeof as, ReviewStep, AnnotationStatus, AnnotationStatus | "forbidden" | "conflict"][] = [
      ["the author submits a draft", "editor", "submit", "DRAFT", "SUBMITTED"],
      ["the author submits a rejected claim again", "editor", "submit", "REJECTED", "SUBMITTED"],
      ["an owner submits someone else's draft", "owner", "submit", "DRAFT", "SUBMITTED"],
      ["a reviewer cannot submit someone else's draft", "reviewer", "submit", "DRAFT", "forbidden"],
      ["a viewer cannot submit", "viewer", "submit", "DRAFT", "forbidden"],
      ["a submitted claim is not submitted twice", "editor", "submit", "SUBMITTED", "conflict"],
      ["an approved claim is not submitted", "editor", "submit", "APPROVED", "conflict"],
      ["a reviewer approves a submitted claim", "reviewer", "approve", "SUBMITTED", "APPROVED"],
      ["an owner approves a submitted claim", "owner", "approve", "SUBMITTED", "APPROVED"],
      ["a reviewer approves a rejected claim after all", "reviewer", "approve", "REJECTED", "APPROVED"],
      ["a draft cannot be approved", "reviewer", "approve", "DRAFT", "conflict"],
      ["an approved claim is not approved twice", "reviewer", "approve", "APPROVED", "conflict"],
      ["a viewer cannot approve", "viewer", "approve", "SUBMITTED", "forbidden"],
      ["the author cannot approve their own claim", "editor", "approve", "SUBMITTED", "forbidden"],
      ["a reviewer rejects a submitted claim", "reviewer", "reject", "SUBMITTED", "REJECTED"],
      ["a reviewer rejects an approved claim", "reviewer", "reject", "APPROVED", "REJECTED"],
      ["a draft cannot be rejected", "reviewer", "reject", "DRAFT", "conflict"],
      ["a rejected claim is not rejected twice", "reviewer", "reject", "REJECTED", "conflict"],
      ["a viewer cannot reject", "viewer", "reject", "SUBMITTED", "forbidden"],
    ];
    it.each(table)("%s", async (_name, who, step, from, expected) => {
      const c = await claimIn(from);
      const run =
        step === "submit"
          ? submitClaims(as[who], { ids: [c.id] }).then((r) => r.items[0])
          : reviewClaim(as[who], { id: c.id, version: c.version, decision: step, reason: step === "reject" ? "The quote does not say this" : undefined });
      if (expected === "forbidden" || expected === "conflict") {
        await expectAppError(run, expected);
        const after = await getDb().annotation.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, version: true } });
        expect(after).toEqual({ status: from, version: c.version });
        return;
      }
      const item = await run;
      expect(item?.status).toBe(expected);
      expect(item?.version).toBe(c.version + 1);
      if (step !== "submit") {
        expect(item?.reviewedBy?.id).toBe(as[who].userId);
        expect(item?.reviewedAt).toBeInstanceOf(Date);
        expect(item?.reviewReason).toBe(step === "reject" ? "The quote does not say this" : null);
      }
    });
  });

  it("self-approval: refused by default, allowed when the workspace allows it", async () => {
    const own = await claimIn("SUBMITTED", owner);
    await expectAppError(reviewClaim(as.owner, { id: own.id, version: own.version, decision: "approve" }), "forbidden", /cannot approve your own claim/);
    await expectAppError(updateReviewSettings(as.editor, { allowSelfApproval: true }), "forbidden");
    await updateReviewSettings(as.owner, { allowSelfApproval: true });
    try {
      const approved = await reviewClaim(as.owner, { id: own.id, version: own.version, decision: "approve" });
      expect(approved.status).toBe("APPROVED");
    } finally {
      await updateReviewSettings(as.owner, { allowSelfApproval: false });
    }
    expect(await getReviewSettings(as.viewer)).toEqual({ countApprovedOnly: false, allowSelfApproval: false });
  });

  it("a rejection needs a reason (422 on reason); a stale version is a 409", async () => {
    const c = await claimIn("SUBMITTED");
    await expectFieldError(reviewClaim(as.reviewer, { id: c.id, version: c.version, decision: "reject" }), "reason", /reason/);
    await expectFieldError(reviewClaim(as.reviewer, { id: c.id, version: c.version, decision: "reject", reason: "   " }), "reason", /reason/);
    const err = await expectAppError(reviewClaim(as.reviewer, { id: c.id, version: c.version + 5, decision: "approve" }), "conflict", /version/);
    expect(err.details).toMatchObject({ currentVersion: c.version });
    const rejected = await reviewClaim(as.reviewer, { id: c.id, version: c.version, decision: "reject", reason: "  Wrong speaker  " });
    expect(rejected.reviewReason).toBe("Wrong speaker");
    // The decision was on version v; a second reviewer still holding v is told, not overwritten.
    await expectAppError(reviewClaim(as.owner, { id: c.id, version: c.version, decision: "approve" }), "conflict", /version/);
  });

  it("bulk approval is all or nothing and lists every problem", async () => {
    const good = [await claimIn("SUBMITTED"), await claimIn("SUBMITTED")];
    const draft = await claimIn("DRAFT");
    const own = await claimIn("SUBMITTED", reviewerUser);
    const missing = crypto.randomUUID();
    const err = await expectAppError(
      bulkApprove(as.reviewer, { ids: [...good.map((g) => g.id), draft.id, own.id, missing] }),
      "conflict",
      /Nothing was approved/,
    );
    const problems = (err.details as { problems: { id: string; code: string }[] }).problems;
    expect(problems.map((p) => [p.id, p.code]).sort()).toEqual(
      [
        [draft.id, "conflict"],
        [own.id, "forbidden"],
        [missing, "not_found"],
      ].sort(),
    );
    const untouched = await getDb().annotation.findMany({ where: { id: { in: good.map((g) => g.id) } }, select: { status: true } });
    expect(untouched.map((u) => u.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    // A rejected claim is not approved in bulk: that takes a look of its own.
    const rejected = await claimIn("REJECTED");
    await expectAppError(bulkApprove(as.reviewer, { ids: [rejected.id] }), "conflict", /submitted/);

    const done = await bulkApprove(as.reviewer, { ids: good.map((g) => g.id) });
    expect(done.items.map((i) => i.status)).toEqual(["APPROVED", "APPROVED"]);
    const audits = await getDb().auditEvent.count({ where: { workspaceId: ws, action: "annotation.approve", entityId: { in: good.map((g) => g.id) } } });
    expect(audits).toBe(2);
    const events = await getDb().changeEvent.findMany({
      where: { workspaceId: ws, entityId: { in: good.map((g) => g.id) }, kind: { startsWith: "annotation.review" } },
      select: { kind: true },
    });
    expect(events.map((e) => e.kind)).toEqual(["annotation.reviewed", "annotation.reviewed"]);
  });

  it("every step writes its audit event and its live-update event", async () => {
    const c = await claimIn("DRAFT");
    const submitted = await submitClaims(as.editor, { ids: [c.id] });
    await reviewClaim(as.reviewer, { id: c.id, version: submitted.items[0]!.version, decision: "reject", reason: "Needs a speaker" });
    const audits = await getDb().auditEvent.findMany({
      where: { workspaceId: ws, entityId: c.id },
      select: { action: true, after: true },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["annotation.create", "annotation.submit", "annotation.reject"]);
    expect(audits[2]?.after).toMatchObject({ status: "REJECTED", reviewReason: "Needs a speaker" });
    const events = await getDb().changeEvent.findMany({
      where: { workspaceId: ws, entityId: c.id },
      select: { kind: true, articleId: true, version: true },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["annotation.created", "annotation.submitted", "annotation.reviewed"]);
    expect(events.every((e) => e.articleId)).toBe(true);
    await updateReviewSettings(as.owner, { countApprovedOnly: false });
    const settingsEvent = await getDb().changeEvent.findFirst({ where: { workspaceId: ws, kind: "workspace.settings" }, select: { entityId: true } });
    expect(settingsEvent?.entityId).toBe(ws);
    expect(await getDb().auditEvent.count({ where: { workspaceId: ws, action: "workspace.settings" } })).toBeGreaterThan(0);
  });

  it("an approved claim edited by someone goes back to submitted, said in the audit; a save that changes nothing keeps the approval", async () => {
    const c = await claimIn("SUBMITTED");
    const approved = await reviewClaim(as.reviewer, { id: c.id, version: c.version, decision: "approve" });
    const same = await updateAnnotation(as.owner, { ...detailsOf(approved), id: c.id, version: approved.version });
    expect(same.status).toBe("APPROVED");
    const edited = await updateAnnotation(as.owner, { ...detailsOf(same), modality: "ALLEGED", id: c.id, version: same.version });
    expect(edited).toMatchObject({ status: "SUBMITTED", reviewedBy: null, reviewReason: null, modality: "ALLEGED" });
    const reopened = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: c.id, action: "annotation.review_reopened" },
      select: { before: true, after: true },
    });
    expect(reopened.before).toMatchObject({ status: "APPROVED", reviewedBy: { id: reviewerUser.user.id } });
    expect(reopened.after).toMatchObject({ status: "SUBMITTED", reason: expect.stringMatching(/edited after approval/) });
    // A rejected claim edited stays rejected until its author submits it again.
    const r = await claimIn("REJECTED");
    const view = await getAnnotation(as.viewer, r.id);
    expect((await updateAnnotation(as.editor, { ...detailsOf(view), note: "fixed", id: r.id, version: r.version })).status).toBe("REJECTED");
  });

  it("countApprovedOnly turns an agreement of two origins into a single origin until the second is approved", async () => {
    const tag = `v${Date.now()}`;
    const { articleId, passages } = await importPassages(owner, TEXT(tag));
    const us = await createEntity(owner.actor, { name: `Hoa Kỳ ${tag}`, kind: "COUNTRY" });
    const sk = await createEntity(owner.actor, { name: `Hàn Quốc ${tag}`, kind: "COUNTRY" });
    const a = await markQuote(owner, passages, `Nhà Trắng nói Triều Tiên đã chuyển đạn pháo cho Nga ${tag}`, "arms_transfer", {
      speakers: [{ entityId: us.id }],
    });
    const b = await markQuote(owner, passages, `Hàn Quốc cũng nói Triều Tiên đã chuyển đạn pháo cho Nga ${tag}`, "arms_transfer", {
      speakers: [{ entityId: sk.id }],
    });
    const p = await createPropositionFromClaim(owner.actor, { annotationId: a.id, statement: `Shells to Russia ${tag}` });
    await linkMention(owner.actor, { annotationId: b.id, propositionId: p.id, stance: "SUPPORTS" });
    const submitted = await submitClaims(as.editor, { ids: [a.id, b.id] });
    const va = submitted.items.find((i) => i.id === a.id)!.version;
    await reviewClaim(as.reviewer, { id: a.id, version: va, decision: "approve" });

    const verdicts = async () => {
      const prop = await getProposition(as.viewer, p.id);
      const row = (await getMatrix(as.viewer, {})).rows.find((r) => r.id === p.id);
      const exported = (await exportPropositions(as.viewer, parseScope({ propositionIds: p.id }))).find((x) => x.id === p.id);
      const mentions: string[] = [];
      for await (const m of exportMentions(as.viewer, parseScope({ articleId })))
        mentions.push(...m.propositions.filter((l) => l.id === p.id).map((l) => l.verdict));
      const sentences = [prop.verdict.sentence, row?.verdict.sentence ?? "", exported?.verdictSentence ?? ""];
      return { prop, sentences, kinds: [prop.verdict.kind, row?.verdict.kind, exported?.verdict, ...mentions] };
    };
    const all = await verdicts();
    expect(all.kinds).toEqual(["agree", "agree", "agree", "agree", "agree"]);
    expect(all.prop.countApprovedOnly).toBe(false);

    await updateReviewSettings(as.owner, { countApprovedOnly: true });
    try {
      const approvedOnly = await verdicts();
      expect(approvedOnly.kinds).toEqual(["single_origin", "single_origin", "single_origin", "single_origin", "single_origin"]);
      expect(approvedOnly.prop.countApprovedOnly).toBe(true);
      // The page, the matrix and the report all say why the second claim does not count.
      for (const sentence of approvedOnly.sentences)
        expect(sentence).toMatch(/1 linked mention is not counted \(not approved, orphaned or waiting for review\)/);
      expect(approvedOnly.prop.mentions.map((m) => [m.annotation.id, m.counted])).toEqual([
        [a.id, true],
        [b.id, false],
      ]);
      expect((await getMatrix(as.viewer, {})).countApprovedOnly).toBe(true);
      const vb = submitted.items.find((i) => i.id === b.id)!.version;
      await reviewClaim(as.reviewer, { id: b.id, version: vb, decision: "approve" });
      expect((await verdicts()).kinds[0]).toBe("agree");
    } finally {
      await updateReviewSettings(as.owner, { countApprovedOnly: false });
    }
  });

  it("lists the queue: submitted by default, oldest first, filtered, paged, counted by status", async () => {
    const other = await newUser("Queue desk");
    const otherEditor = await newUser("Queue editor");
    await setMember(other.actor, { email: otherEditor.email, role: "EDITOR" });
    const editorActor = await actorFor(otherEditor.user.id, other.workspace.id);
    const first = await importPassages(other, TEXT(`q1-${Date.now()}`));
    const second = await importPassages(other, TEXT(`q2-${Date.now()}`));
    const byOwner = await markQuote(other, first.passages, "Nhà Trắng nói", "statement");
    const byEditor = await markQuote({ ...otherEditor, actor: editorActor }, first.passages, "Hàn Quốc cũng nói", "denial");
    const inSecond = await markQuote(other, second.passages, "Điện Kremlin bác bỏ", "statement");
    const draft = await markQuote(other, second.passages, "Nhà Trắng nói", "statement");
    await submitClaims(other.actor, { ids: [byOwner.id, byEditor.id, inSecond.id] });

    const q = await listReviewQueue(other.actor, {});
    expect(q.items.map((i) => i.id)).toEqual([byOwner.id, byEditor.id, inSecond.id]);
    expect(q.byStatus).toEqual({ DRAFT: 1, SUBMITTED: 3, APPROVED: 0, REJECTED: 0 });
    expect(q.total).toBe(3);
    expect(q.items[0]?.article.id).toBe(first.articleId);
    expect((await listReviewQueue(other.actor, { articleId: second.articleId })).items.map((i) => i.id)).toEqual([inSecond.id]);
    expect((await listReviewQueue(other.actor, { authorId: otherEditor.user.id })).items.map((i) => i.id)).toEqual([byEditor.id]);
    expect((await listReviewQueue(other.actor, { claimTypeId: byEditor.claimTypeId })).items.map((i) => i.id)).toEqual([byEditor.id]);
    expect((await listReviewQueue(other.actor, { status: "DRAFT" })).items.map((i) => i.id)).toEqual([draft.id]);
    const s = await getDb().annotationSession.create({
      data: { workspaceId: other.workspace.id, name: "Round 1", articleIds: [second.articleId] },
      select: { id: true },
    });
    // Claims made in the session (directly: the session service has its own tests).
    await getDb().annotation.update({ where: { id: inSecond.id }, data: { sessionId: s.id } });
    expect((await listReviewQueue(other.actor, { sessionId: s.id })).items.map((i) => i.id)).toEqual([inSecond.id]);
    expect((await listReviewQueue(other.actor, { sessionId: s.id, articleId: first.articleId })).items).toEqual([]);
    expect((await listReviewQueue(other.actor, { sessionId: crypto.randomUUID() })).total).toBe(0);

    const page1 = await listReviewQueue(other.actor, { limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = await listReviewQueue(other.actor, { limit: 2, cursor: page1.nextCursor ?? undefined });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(q.items.map((i) => i.id));
    expect(page2.nextCursor).toBeNull();

    // Another workspace's queue shows none of these; reviewers see the waiting count in the header.
    expect((await listReviewQueue(owner.actor, { authorId: other.user.id })).total).toBe(0);
    expect((await getReviewSummary(other.actor)).submitted).toBe(3);
    await setMember(other.actor, { email: viewerUser.email, role: "VIEWER" });
    expect((await getReviewSummary(await actorFor(viewerUser.user.id, other.workspace.id))).submitted).toBeNull();
  });

  describe("through the REST API handlers (browser session)", () => {
    const api = (handler: Parameters<typeof call>[0], path: string, opts: Parameters<typeof call>[2] & { ids?: Record<string, string> } = {}) =>
      call(handler, `/workspaces/${ws}${path}`, { ...opts, params: { workspaceId: ws, ...opts.ids } });

    it("submits, lists, rejects with a reason, approves in bulk and changes settings, with the documented shapes", async () => {
      const c1 = await claimIn("DRAFT");
      const c2 = await claimIn("DRAFT");
      session.userId = editorUser.user.id;
      const submitted = await api(submitRoute.POST, "/review/submit", { method: "POST", body: { ids: [c1.id, c2.id] } });
      expect(submitted.status).toBe(200);
      expect(documented(composite.reviewed, submitted.body).items.map((i) => i.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
      const own = await api(approveRoute.POST, "/review/approve", { method: "POST", body: { ids: [c1.id] } });
      expect([own.status, own.body.error.code]).toEqual([403, "forbidden"]);

      session.userId = reviewerUser.user.id;
      const queue = await api(queueRoute.GET, `/review/queue?authorId=${editorUser.user.id}&limit=100`);
      expect(queue.status).toBe(200);
      const listed = documented(composite.reviewQueue, queue.body);
      expect(listed.items.map((i) => i.id)).toEqual(expect.arrayContaining([c1.id, c2.id]));
      const v1 = listed.items.find((i) => i.id === c1.id)!.version;

      const noReason = await api(reviewRoute.POST, `/annotations/${c1.id}/review`, {
        method: "POST",
        ids: { id: c1.id },
        body: { version: v1, decision: "reject" },
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.error.details.fields.reason).toMatch(/reason/);
      const unknown = await api(reviewRoute.POST, `/annotations/${c1.id}/review`, {
        method: "POST",
        ids: { id: c1.id },
        body: { version: v1, decision: "approve", verdict: "x" },
      });
      expect([unknown.status, unknown.body.error.message]).toEqual([422, 'Unrecognized key: "verdict"']);
      const rejected = await api(reviewRoute.POST, `/annotations/${c1.id}/review`, {
        method: "POST",
        ids: { id: c1.id },
        body: { version: v1, decision: "reject", reason: "Speaker missing" },
      });
      expect(rejected.status).toBe(200);
      expect(documented(composite.reviewItem, rejected.body)).toMatchObject({ status: "REJECTED", reviewReason: "Speaker missing" });
      const stale = await api(reviewRoute.POST, `/annotations/${c1.id}/review`, {
        method: "POST",
        ids: { id: c1.id },
        body: { version: v1, decision: "approve" },
      });
      expect([stale.status, stale.body.error.details.currentVersion]).toEqual([409, v1 + 1]);

      const bulk = await api(approveRoute.POST, "/review/approve", { method: "POST", body: { ids: [c1.id, c2.id] } });
      expect(bulk.status).toBe(409);
      expect(bulk.body.error.details.problems).toEqual([{ id: c1.id, code: "conflict", message: expect.stringMatching(/submitted/) }]);
      const ok = await api(approveRoute.POST, "/review/approve", { method: "POST", body: { ids: [c2.id] } });
      expect(documented(composite.reviewed, ok.body).items[0]?.status).toBe("APPROVED");

      const read = await api(settingsRoute.GET, "/review/settings");
      expect(documented(responses.reviewSettings, read.body)).toEqual({ countApprovedOnly: false, allowSelfApproval: false });
      const refused = await api(settingsRoute.PATCH, "/review/settings", { method: "PATCH", body: { countApprovedOnly: true } });
      expect(refused.status).toBe(403);
      session.userId = owner.user.id;
      const empty = await api(settingsRoute.PATCH, "/review/settings", { method: "PATCH", body: {} });
      expect(empty.status).toBe(422);
      const changed = await api(settingsRoute.PATCH, "/review/settings", { method: "PATCH", body: { allowSelfApproval: true } });
      expect(documented(responses.reviewSettings, changed.body)).toEqual({ countApprovedOnly: false, allowSelfApproval: true });
      await api(settingsRoute.PATCH, "/review/settings", { method: "PATCH", body: { allowSelfApproval: false } });
      session.userId = null;
    });
  });
});
