// Annotation sessions on a real PostgreSQL: assignments and progress, blind mode through every
// read path, agreement, adjudication into the reconciled set, and what counts once closed.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { createAnnotation, deleteAnnotation, updateAnnotation, detailsOf } from "@/lib/server/annotations";
import { getAnnotation, listAnnotationsPage } from "@/lib/server/api-lists";
import { getReaderData, listArticles } from "@/lib/server/articles";
import { createComment } from "@/lib/server/comments";
import { getMatrix, getProposition } from "@/lib/server/comparison";
import { decideUnit, getCuration, undoDecision } from "@/lib/server/curation";
import { exportMentions, parseScope } from "@/lib/server/exports";
import { annotationHistory } from "@/lib/server/history";
import { listChanges } from "@/lib/server/live-stream";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { listReviewQueue } from "@/lib/server/review";
import { search } from "@/lib/server/search";
import { getSessionAgreement, sessionAgreementCsv } from "@/lib/server/session-agreement";
import {
  assignSession,
  closeSession,
  createSession,
  deleteSession,
  getSession,
  reopenSession,
  revealSession,
  setAssignmentStatus,
  updateSession,
} from "@/lib/server/sessions";
import { setMember } from "@/lib/server/workspaces";
import { listClaimTypes } from "@/lib/server/workspaces";
import { actorFor, expectAppError, expectFieldError, importPassages, newUser, type TestUser } from "@/lib/test/helpers";
import { quoteSpan } from "@/lib/domain/anchoring";

const TEXT = (tag: string) => `Phiên chú giải ${tag}

Triều Tiên đã chuyển hàng triệu quả đạn pháo cho Nga, theo tình báo Hàn Quốc ${tag}.

Điện Kremlin bác bỏ mọi cáo buộc về việc mua vũ khí ${tag}.`;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("annotation sessions", () => {
  let owner: TestUser;
  let lan: TestUser;
  let minh: TestUser;
  let outsider: TestUser;
  let reviewer: TestUser;
  let ws: string;
  let article: { articleId: string; passages: { id: string; text: string }[] };
  let other: { articleId: string; passages: { id: string; text: string }[] };
  let types: Map<string, string>;
  const as = {} as Record<"owner" | "lan" | "minh" | "outsider" | "reviewer", Actor>;
  /** Actors carry the blind scope of the moment they were made: make them again after a session changes. */
  const refresh = async () => {
    for (const [k, u] of [
      ["owner", owner],
      ["lan", lan],
      ["minh", minh],
      ["outsider", outsider],
      ["reviewer", reviewer],
    ] as const)
      as[k] = await actorFor(u.user.id, ws);
  };
  const mark = (actor: Actor, passages: { id: string; text: string }[], quote: string, type: string, extra: Record<string, unknown> = {}) => {
    const passage = passages.find((p) => p.text.includes(quote))!;
    return createAnnotation(actor, {
      modality: "REPORTED",
      passageId: passage.id,
      ...quoteSpan(passage.text, quote)!,
      exact: quote,
      claimTypeId: types.get(type)!,
      ...extra,
    });
  };

  beforeAll(async () => {
    owner = await newUser("Session owner");
    ws = owner.workspace.id;
    lan = await newUser("Lan");
    minh = await newUser("Minh");
    outsider = await newUser("Editor outside");
    reviewer = await newUser("Session reviewer");
    await setMember(owner.actor, { email: lan.email, role: "EDITOR" });
    await setMember(owner.actor, { email: minh.email, role: "EDITOR" });
    await setMember(owner.actor, { email: outsider.email, role: "EDITOR" });
    await setMember(owner.actor, { email: reviewer.email, role: "REVIEWER" });
    article = await importPassages(owner, TEXT(`a-${Date.now()}`), { title: "Bài phiên A" });
    other = await importPassages(owner, TEXT(`b-${Date.now()}`), { title: "Bài phiên B" });
    types = new Map((await listClaimTypes(owner.actor)).map((t) => [t.key, t.id]));
    await refresh();
  });

  it("creates a session with all-to-all assignments and checks who may take part", async () => {
    await expectFieldError(
      createSession(as.owner, { name: "Sai", articleIds: [article.articleId], annotatorIds: [reviewer.user.id] }),
      "annotatorIds.0",
      /editor role or higher/,
    );
    await expectFieldError(createSession(as.owner, { name: "", articleIds: [] }), "name", /Enter a name/);
    await expectFieldError(createSession(as.owner, { name: "X", articleIds: [crypto.randomUUID()] }), "articleIds.0", /not found/);
    await expectAppError(createSession(as.reviewer, { name: "X" }), "forbidden");
    const s = await createSession(as.owner, {
      name: "Vòng mù 1",
      mode: "BLIND",
      guidelines: "# Hướng dẫn\n\nĐánh dấu **mọi** tuyên bố.",
      articleIds: [article.articleId, other.articleId],
      annotatorIds: [lan.user.id, minh.user.id],
      reviewerIds: [reviewer.user.id],
      dueAt: "2026-12-31",
    });
    expect(s.state).toBe("blind");
    expect(s.assignments).toHaveLength(4);
    expect(s.progress.map((p) => [p.user.name, p.assigned, p.todo])).toEqual([
      ["Lan", 2, 2],
      ["Minh", 2, 2],
    ]);
    expect(s.you.manage).toBe(true);
    const split = await assignSession(as.owner, { id: s.id, version: s.version, mode: "split" });
    expect(split.assignments.map((a) => a.userId).sort()).toEqual([lan.user.id, minh.user.id].sort());
    const back = await assignSession(as.owner, { id: s.id, version: split.version, mode: "all" });
    expect(back.assignments).toHaveLength(4);
    await expectAppError(assignSession(as.owner, { id: s.id, version: s.version, mode: "all" }), "conflict", /version/);
    await refresh();
  });

  async function theSession() {
    const row = await getDb().annotationSession.findFirstOrThrow({ where: { workspaceId: ws, name: "Vòng mù 1" }, select: { id: true } });
    return getSession(as.owner, row.id);
  }

  it("keeps each annotator's claims to themselves on every read path until revealed", async () => {
    const s = await theSession();
    const lanClaim = await mark(as.lan, article.passages, "Triều Tiên đã chuyển hàng triệu quả đạn pháo cho Nga", "arms_transfer");
    const minhClaim = await mark(as.minh, article.passages, "Triều Tiên đã chuyển hàng triệu quả đạn pháo", "arms_transfer", { modality: "ALLEGED" });
    const minhDenial = await mark(as.minh, article.passages, "Điện Kremlin bác bỏ mọi cáo buộc", "denial");
    // Made without a session id: the server puts them in the one session that assigns the article.
    expect([lanClaim.sessionId, minhClaim.sessionId, minhDenial.sessionId]).toEqual([s.id, s.id, s.id]);
    const after = await getSession(as.owner, s.id);
    expect(after.assignments.find((a) => a.userId === lan.user.id && a.articleId === article.articleId)?.status).toBe("IN_PROGRESS");
    // An outsider's claim on a session article (outside the session).
    const outside = await mark(as.outsider, article.passages, "theo tình báo Hàn Quốc", "statement", { sessionId: null });
    expect(outside.sessionId).toBeNull();
    await refresh();

    const idsIn = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    // The reader.
    expect(idsIn((await getReaderData(as.lan, article.articleId)).annotations)).toEqual([lanClaim.id]);
    expect(idsIn((await getReaderData(as.minh, article.articleId)).annotations)).toEqual([minhClaim.id, minhDenial.id].sort());
    expect(idsIn((await getReaderData(as.outsider, article.articleId)).annotations)).toEqual([outside.id]);
    expect(idsIn((await getReaderData(as.owner, article.articleId)).annotations)).toEqual([outside.id]);
    // The article list's counts.
    const listed = (await listArticles(as.lan)).items.find((a) => a.id === article.articleId);
    expect(listed?.claims).toBe(1);
    // The API list and one claim.
    expect(idsIn((await listAnnotationsPage(as.lan, { limit: 50, articleId: article.articleId })).items)).toEqual([lanClaim.id]);
    await expectAppError(getAnnotation(as.lan, minhClaim.id), "not_found");
    await expectAppError(getAnnotation(as.owner, lanClaim.id), "not_found");
    // Writes behave as if the claim did not exist.
    await expectAppError(updateAnnotation(as.lan, { ...detailsOf(minhClaim), id: minhClaim.id, version: minhClaim.version }), "not_found");
    await expectAppError(deleteAnnotation(as.owner, minhClaim.id, minhClaim.version), "not_found");
    await expectAppError(createComment(as.lan, { targetType: "annotation", targetId: minhClaim.id, body: "?" }), "not_found");
    await expectAppError(annotationHistory(as.lan, minhClaim.id), "not_found");
    // Search.
    const hits = await search(as.lan, { q: "đạn pháo", kinds: ["claim"] });
    const claimHits = hits.groups.find((g) => g.kind === "claim")!.items.map((i) => i.id);
    expect(claimHits).toContain(lanClaim.id);
    expect(claimHits).not.toContain(minhClaim.id);
    // The review queue.
    const queue = await listReviewQueue(as.owner, { status: "DRAFT", sessionId: s.id });
    expect(queue.items).toEqual([]);
    // Propositions: Minh links his claim; Lan's matrix and the owner's proposition page do not list it.
    const p = await createPropositionFromClaim(as.minh, { annotationId: minhClaim.id, statement: "Triều Tiên chuyển đạn pháo cho Nga", stance: "SUPPORTS" });
    await linkMention(as.lan, { annotationId: lanClaim.id, propositionId: p.id, stance: "SUPPORTS" });
    const seenByOwner = await getProposition(as.owner, p.id);
    expect(seenByOwner.mentions).toEqual([]);
    const seenByMinh = await getProposition(as.minh, p.id);
    expect(seenByMinh.mentions.map((m) => m.annotation.id)).toEqual([minhClaim.id]);
    // Session claims never count before the session is closed (listed, with a reason).
    expect(seenByMinh.mentions[0]?.counted).toBe(false);
    const matrixRow = (await getMatrix(as.lan, {})).rows.find((r) => r.id === p.id);
    expect(matrixRow?.mentionCount).toBe(0);
    // Exports.
    const exported = await collect(exportMentions(as.lan, parseScope({ articleId: article.articleId })));
    expect(exported.map((m) => m.annotationId)).not.toContain(minhClaim.id);
    // Live events: Lan's log has her own events, none of Minh's.
    const log = await listChanges(as.lan, { after: "0", limit: 500 });
    const entityIds = log.items.map((e) => e.entityId);
    expect(entityIds).toContain(lanClaim.id);
    expect(entityIds).not.toContain(minhClaim.id);
    expect(entityIds).not.toContain(minhDenial.id);
    // Figures only, and only for the session's managers and reviewers while it is blind.
    await expectAppError(getSessionAgreement(as.lan, s.id), "forbidden");
    const agreement = await getSessionAgreement(as.reviewer, s.id);
    expect(agreement.claims).toBe(3);
    // Adjudication waits for the reveal.
    await expectAppError(getCuration(as.owner, s.id, article.articleId), "conflict", /Reveal/);
  });

  it("reveals, computes agreement, adjudicates and counts the reconciled set once closed", async () => {
    const s = await theSession();
    await expectAppError(revealSession(as.lan, { id: s.id, version: s.version }), "forbidden");
    const revealed = await revealSession(as.owner, { id: s.id, version: s.version });
    expect(revealed.state).toBe("revealed");
    await refresh();
    expect((await getReaderData(as.owner, article.articleId)).annotations).toHaveLength(4);
    expect((await getReaderData(as.lan, article.articleId)).annotations).toHaveLength(4);

    const a = await getSessionAgreement(as.lan, s.id);
    const pair = a.report.pairs[0]!;
    // Lan 1 claim, Minh 2: one overlapping unit, no exact match.
    expect(pair.exact.matched).toBe(0);
    expect(pair.overlap.matched).toBe(1);
    expect(pair.overlap.f1).toBeCloseTo((2 * 1) / 3, 6);
    expect(a.report.overall.units.overlap).toBe(2);
    const csv = await sessionAgreementCsv(as.lan, s.id);
    expect(csv.filename).toMatch(/^agreement-.*\.csv$/);
    expect(csv.body.split("\n")[0]).toContain("scope,article_id,article_title,annotator_a,annotator_b,metric,dimension,value,units");
    expect(csv.body).toContain("f1_overlap");

    // Curation: the overlapping claims form one unit, the denial another (Lan has none there).
    await expectAppError(getCuration(as.lan, s.id, article.articleId), "forbidden");
    const view = await getCuration(as.reviewer, s.id, article.articleId);
    expect(view.units).toHaveLength(2);
    const shells = view.units.find((u) => u.claims.length === 2)!;
    expect(shells.differences).toMatchObject({ span: true, modality: true, claimType: false, missing: false, agreed: false });
    const denial = view.units.find((u) => u.claims.length === 1)!;
    expect(denial.missing).toEqual([lan.user.id]);

    const lanClaim = shells.claims.find((c) => c.author.id === lan.user.id)!;
    const accepted = await decideUnit(as.reviewer, s.id, {
      articleId: article.articleId,
      claimIds: shells.claims.map((c) => c.id),
      decision: "accept",
      chosenId: lanClaim.id,
    });
    await expectAppError(
      decideUnit(as.owner, s.id, { articleId: article.articleId, claimIds: shells.claims.map((c) => c.id), decision: "reject" }),
      "conflict",
      /already adjudicated/,
    );
    const rejected = await decideUnit(as.reviewer, s.id, { articleId: article.articleId, claimIds: denial.claims.map((c) => c.id), decision: "reject" });
    const undone = await undoDecision(as.reviewer, s.id, rejected.id);
    expect(undone.id).toBe(rejected.id);
    await decideUnit(as.reviewer, s.id, { articleId: article.articleId, claimIds: denial.claims.map((c) => c.id), decision: "reject" });
    const curated = await getCuration(as.reviewer, s.id, article.articleId);
    expect(curated.counts).toEqual({ units: 2, decided: 2 });
    expect(curated.reconciled).toHaveLength(1);
    const result = curated.reconciled[0]!;
    // Provenance: proposed by Lan, adjudicated by the reviewer; the proposition link came along.
    expect(result.author.id).toBe(lan.user.id);
    expect(result.mentions.map((m) => m.stance)).toEqual(["SUPPORTS"]);
    expect(accepted.resultId).toBe(result.id);

    const propositionId = result.mentions[0]!.proposition.id;
    const before = await getProposition(as.owner, propositionId);
    expect(before.mentions.every((m) => !m.counted)).toBe(true);
    const closed = await closeSession(as.owner, { id: s.id, version: revealed.version });
    expect(closed.state).toBe("closed");
    await refresh();
    const afterClose = await getProposition(as.owner, propositionId);
    expect(afterClose.mentions.filter((m) => m.counted).map((m) => m.annotation.id)).toEqual([result.id]);
    // The matrix session filter finds the session's claims.
    expect((await getMatrix(as.owner, { sessionId: s.id })).rows.map((r) => r.id)).toContain(propositionId);
    // A closed session does not change.
    const minhClaim = shells.claims.find((c) => c.author.id === minh.user.id)!;
    await expectAppError(deleteAnnotation(as.minh, minhClaim.id, minhClaim.version), "conflict", /closed session/);
    await expectAppError(decideUnit(as.reviewer, s.id, { articleId: other.articleId, claimIds: [minhClaim.id], decision: "reject" }), "conflict", /closed/);
    await expectAppError(updateSession(as.owner, { id: s.id, version: closed.version, name: "Khác" }), "conflict", /closed/);
    await expectAppError(deleteSession(as.owner, { id: s.id, version: closed.version }), "conflict", /close it instead/);
    // Reopening stops the reconciled claims from counting again.
    const reopened = await reopenSession(as.owner, { id: s.id, version: closed.version });
    expect(reopened.state).toBe("revealed");
    expect((await getProposition(as.owner, propositionId)).mentions.some((m) => m.counted)).toBe(false);
  });

  it("tracks progress: an annotator marks their own article done, a manager anyone's", async () => {
    const s = await createSession(as.owner, { name: `Mở ${Date.now()}`, articleIds: [other.articleId], annotatorIds: [lan.user.id, minh.user.id] });
    await refresh();
    const done = await setAssignmentStatus(as.lan, s.id, { articleId: other.articleId, status: "DONE" });
    expect(done.progress.find((p) => p.user.id === lan.user.id)).toMatchObject({ done: 1, todo: 0 });
    await expectAppError(setAssignmentStatus(as.lan, s.id, { articleId: other.articleId, userId: minh.user.id, status: "DONE" }), "forbidden");
    await setAssignmentStatus(as.owner, s.id, { articleId: other.articleId, userId: minh.user.id, status: "IN_PROGRESS" });
    await expectAppError(setAssignmentStatus(as.outsider, s.id, { articleId: other.articleId, status: "DONE" }), "not_found");
    // Two running sessions assign the article to Lan: the server asks which.
    await expectFieldError(mark(as.lan, other.passages, "Điện Kremlin bác bỏ", "denial"), "sessionId", /2 of your sessions/);
    const inOpen = await mark(as.lan, other.passages, "Điện Kremlin bác bỏ", "denial", { sessionId: s.id });
    expect(inOpen.sessionId).toBe(s.id);
    // Open mode: everyone sees it.
    expect((await getReaderData(as.outsider, other.articleId)).annotations.map((x) => x.id)).toContain(inOpen.id);
    await expectFieldError(mark(as.outsider, other.passages, "Điện Kremlin", "denial", { sessionId: s.id }), "sessionId", /not an annotator/);
    // An empty session can be deleted.
    const empty = await createSession(as.owner, { name: "Trống" });
    expect(await deleteSession(as.owner, { id: empty.id, version: empty.version })).toEqual({ id: empty.id });
  });

  it("hides other workspaces' sessions", async () => {
    const s = await theSession();
    const stranger = await newUser("Stranger");
    await expectAppError(getSession(stranger.actor, s.id), "not_found");
    await expectAppError(getSessionAgreement(stranger.actor, s.id), "not_found");
    await expectAppError(getCuration(stranger.actor, s.id, article.articleId), "not_found");
  });
});
