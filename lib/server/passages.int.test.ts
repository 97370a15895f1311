import { beforeEach, describe, expect, it } from "vitest";
import { requireMember } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { createAnnotation, deleteAnnotation, restoreAnnotation } from "@/lib/server/annotations";
import { getReaderData, importArticle } from "@/lib/server/articles";
import { toErrorBody } from "@/lib/server/errors";
import { updatePassageText } from "@/lib/server/passages";
import { getMatrix, getProposition } from "@/lib/server/comparison";
import { mentionExport } from "@/lib/server/export-stream";
import { bulkImport } from "@/lib/server/bulk-import";
import { parseScope } from "@/lib/server/exports";
import { createPropositionFromClaim } from "@/lib/server/propositions";
import { listClaimTypes, setMember } from "@/lib/server/workspaces";
import { at, expectAppError, newUser, actorFor, only, take } from "@/lib/test/helpers";
import { quoteSpan } from "@/lib/domain/anchoring";
import { sayReanchorWhy, translatorFor } from "@/lib/i18n/translate";

const P0 = "Washington says shells were shipped to Russia in Agust; Moscow denies it.";
const P1 = "The leaders met for five hours at the cosmodrome 🚀 and pledged closer ties.";

let tags = 0;
const articleText = (first = P0) => `Shells report ${++tags} ${Date.now()}

Published: 14/09/2023

${first}

${P1}

Source: Example Wire`;

type Owner = Awaited<ReturnType<typeof newUser>>;

async function importWithClaims(owner: Owner, quotes: [paragraph: number, quote: string][], first = P0) {
  const { id } = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
    importArticle(who, { text: articleText(first), title: `Shells ${tags}`, publisher: "Example Wire" }),
  );
  const reader = await getReaderData(owner.actor, id);
  expect(reader.passages.map((p) => p.text)).toEqual([first, P1]);
  const types = await listClaimTypes(owner.actor);
  const claims = [];
  for (const [paragraph, quote] of quotes) {
    const passage = at(reader.passages, paragraph);
    claims.push(
      await actorFor(owner.user.id, owner.workspace.id).then((who) =>
        createAnnotation(who, {
          passageId: passage.id,
          ...quoteSpan(passage.text, quote),
          exact: quote,
          claimTypeId: at(types, 0).id,
          modality: "ASSERTED",
        }),
      ),
    );
  }
  return { articleId: id, passages: reader.passages, claims };
}

const stored = (id: string) =>
  getDb().annotation.findUniqueOrThrow({
    where: { id },
    select: {
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      orphaned: true,
      needsReview: true,
      anchorReview: true,
      version: true,
      searchText: true,
    },
  });

const auditOf = (workspaceId: string, entityId: string, action: string) =>
  getDb().auditEvent.findMany({ where: { workspaceId, entityId, action }, select: { before: true, after: true }, orderBy: { id: "asc" } });

async function expectInvalid(p: Promise<unknown>, field: string, message: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "expected the input to be refused").not.toBeNull();
  const { status, error } = toErrorBody(err);
  expect(status).toBe(422);
  expect((error.details?.fields as Record<string, string> | undefined)?.[field]).toMatch(message);
}

describe("correcting a paragraph re-anchors its claims, on a real PostgreSQL", () => {
  // A fresh workspace per test: the articles share paragraphs, and content is unique per workspace.
  let owner: Owner;
  beforeEach(async () => {
    owner = await newUser("Corrector");
  });

  it("fixing a typo before a claim moves it; a claim before the typo keeps its offsets with new context", async () => {
    const { articleId, passages, claims } = await importWithClaims(owner, [
      [0, "shells were shipped to Russia"],
      [0, "Moscow denies it"],
      [1, "pledged closer ties"],
    ]);
    const [before, after, elsewhere] = take(claims, 3);
    const fixed = P0.replace("Agust", "August");

    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: fixed, expectedText: P0 }),
    );
    expect(result.changed).toBe(true);
    expect(result.summary).toEqual({ kept: 1, moved: 1, fuzzy: 0, needsReview: 0, orphaned: 0 });
    expect(result.annotations.map((a) => a.id).sort()).toEqual([before.id, after.id].sort());
    // Only the claim that moved is listed as changed, with its quote before and after.
    expect(result.changes).toEqual([
      expect.objectContaining({ id: after.id, outcome: "moved", before: "Moscow denies it", after: "Moscow denies it", version: 2 }),
    ]);

    const kept = await stored(before.id);
    expect(kept).toMatchObject({ start: before.start, end: before.end, exact: before.exact, orphaned: false, version: 2 });
    expect(kept.suffix.startsWith(" in August;")).toBe(true);

    const moved = await stored(after.id);
    expect(moved).toMatchObject({ start: after.start + 1, end: after.end + 1, exact: "Moscow denies it", orphaned: false, needsReview: false, version: 2 });
    expect(moved.prefix.endsWith("in August; ")).toBe(true);
    expect(Array.from(fixed).slice(moved.start, moved.end).join("")).toBe("Moscow denies it");

    // The other paragraph's claim is untouched.
    expect(await stored(elsewhere.id)).toMatchObject({ start: elsewhere.start, version: 1 });

    const passage = await getDb().passage.findUniqueOrThrow({ where: { id: at(passages, 0).id }, select: { text: true, searchText: true } });
    expect(passage).toEqual({ text: fixed, searchText: foldForMatch(fixed) });
    const article = await getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { contentHash: true } });
    expect(article.contentHash).toBe(contentHash([fixed, P1]));

    const event = at(await auditOf(owner.workspace.id, at(passages, 0).id, "passage.update"), 0);
    expect(event.before).toMatchObject({ text: P0 });
    expect(event.after).toMatchObject({ text: fixed, summary: { kept: 1, moved: 1, fuzzy: 0, needsReview: 0, orphaned: 0 } });
    expect(await auditOf(owner.workspace.id, after.id, "annotation.reanchor")).toEqual([
      {
        before: expect.objectContaining({ start: after.start, version: 1 }),
        // The reason as a key too, so the history says it in the reader's language.
        after: expect.objectContaining({ start: after.start + 1, outcome: "moved", version: 2, why: expect.objectContaining({ key: "moved" }) }),
      },
    ]);
    expect(await auditOf(owner.workspace.id, elsewhere.id, "annotation.reanchor")).toHaveLength(0);
  });

  it("a small change inside a quote re-anchors it fuzzily; a reworded quote is proposed for review, not counted", async () => {
    const { passages, claims } = await importWithClaims(owner, [
      [0, "shells were shipped to Russia"],
      [0, "Moscow denies it"],
    ]);
    const [close, reworded] = take(claims, 2);
    const p = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      createPropositionFromClaim(who, { annotationId: reworded.id, statement: "Moscow denies the shipment", stance: "REFUTES" }),
    );
    expect((await getProposition(owner.actor, p.id)).verdict.kind).toBe("unverified");
    // One letter dropped (within the edit budget) and a quote reworded between the same context.
    const text = P0.replace("shipped", "shiped").replace("denies it", "rejects the report");

    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId: at(passages, 0).id, text }));
    expect(result.summary).toEqual({ kept: 0, moved: 0, fuzzy: 1, needsReview: 1, orphaned: 0 });

    const fuzzy = await stored(close.id);
    expect(fuzzy).toMatchObject({
      start: close.start,
      end: close.end - 1,
      exact: "shells were shiped to Russia",
      orphaned: false,
      needsReview: false,
      version: 2,
    });
    expect(fuzzy.searchText).toBe(foldForMatch("shells were shiped to Russia "));
    const fuzzyEvent = at(await auditOf(owner.workspace.id, close.id, "annotation.reanchor"), 0);
    expect(fuzzyEvent.before).toMatchObject({ exact: "shells were shipped to Russia" });
    expect(fuzzyEvent.after).toMatchObject({ exact: "shells were shiped to Russia", outcome: "fuzzy" });

    // The reworded claim takes the proposed words but waits for a person, with the old quote kept as evidence.
    const proposed = await stored(reworded.id);
    expect(proposed).toMatchObject({ exact: "Moscow rejects the report", orphaned: false, needsReview: true, version: 2 });
    expect(Array.from(text).slice(proposed.start, proposed.end).join("")).toBe("Moscow rejects the report");
    expect(proposed.anchorReview).toMatchObject({ before: { exact: "Moscow denies it", start: reworded.start }, reason: expect.stringMatching(/reworded/) });
    expect(result.changes.map((c) => [c.id, c.outcome, c.before, c.after])).toEqual([
      [close.id, "fuzzy", "shells were shipped to Russia", "shells were shiped to Russia"],
      [reworded.id, "needs_review", "Moscow denies it", "Moscow rejects the report"],
    ]);
    expect(result.annotations.find((a) => a.id === reworded.id)).toMatchObject({ needsReview: true, exact: "Moscow rejects the report" });
    const view = await getProposition(owner.actor, p.id);
    expect(view.mentions).toEqual([expect.objectContaining({ counted: false, annotation: expect.objectContaining({ id: reworded.id, needsReview: true }) })]);
    expect(view.verdict.kind).toBe("no_mentions");

    // A later typo fix moves it, but it still waits for a person: reported as such, with its first evidence.
    const later = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: text.replace("Agust", "August") }),
    );
    expect(later.summary).toEqual({ kept: 1, moved: 0, fuzzy: 0, needsReview: 1, orphaned: 0 });
    expect(later.changes.map((c) => c.id)).toEqual([reworded.id]);
    expect(later.changes.find((c) => c.id === reworded.id)).toMatchObject({
      outcome: "needs_review",
      before: "Moscow rejects the report",
      after: "Moscow rejects the report",
      reason: expect.stringMatching(/^still waiting for review/),
      why: { key: "stillWaiting", inner: expect.objectContaining({ key: expect.any(String) }) },
    });
    // The report says the same in the reader's language.
    const waiting = later.changes.find((c) => c.id === reworded.id)!;
    expect(sayReanchorWhy(translatorFor("en"), waiting.why)).toBe(waiting.reason);
    expect(sayReanchorWhy(translatorFor("vi"), waiting.why)).toMatch(/^vẫn đang chờ duyệt \(/);
    expect(await stored(reworded.id)).toMatchObject({ needsReview: true, version: 3, anchorReview: { before: { exact: "Moscow denies it" } } });
    expect((await getProposition(owner.actor, p.id)).verdict.kind).toBe("no_mentions");
  });

  it("deleting the quoted sentence orphans the claim, the reader still lists it, and writing it back re-attaches it", async () => {
    const { articleId, passages, claims } = await importWithClaims(owner, [[0, "Moscow denies it"]]);
    const claim = only(claims);
    const shortened = "Washington says shells were shipped to Russia in Agust.";

    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: shortened, expectedText: P0 }),
    );
    expect(result.summary).toEqual({ kept: 0, moved: 0, fuzzy: 0, needsReview: 0, orphaned: 1 });
    expect(result.changes).toEqual([expect.objectContaining({ id: claim.id, outcome: "orphaned", before: "Moscow denies it", after: "Moscow denies it" })]);
    // The stored offsets now lie past the end of the text: they are kept, not clamped or moved.
    expect(claim.end).toBeGreaterThan(Array.from(shortened).length);
    expect(await stored(claim.id)).toMatchObject({
      start: claim.start,
      end: claim.end,
      exact: "Moscow denies it",
      prefix: claim.prefix,
      suffix: claim.suffix,
      orphaned: true,
    });

    const reader = await getReaderData(owner.actor, articleId);
    expect(at(reader.passages, 0).text).toBe(shortened);
    expect(reader.annotations).toEqual([expect.objectContaining({ id: claim.id, orphaned: true, exact: "Moscow denies it" })]);

    const back = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: P0, expectedText: shortened }),
    );
    expect(back.summary).toEqual({ kept: 1, moved: 0, fuzzy: 0, needsReview: 0, orphaned: 0 });
    expect(await stored(claim.id)).toMatchObject({ start: claim.start, end: claim.end, orphaned: false, version: 3 });
  });

  it("a claim deleted before a correction and restored after it is re-anchored, proposed for review, or kept orphaned", async () => {
    const { passages, claims } = await importWithClaims(owner, [
      [0, "Moscow denies it"],
      [0, "shells were shipped"],
      [1, "pledged closer ties"],
    ]);
    const [denial, shipped, ties] = take(claims, 3);
    for (const c of claims) await actorFor(owner.user.id, owner.workspace.id).then((who) => deleteAnnotation(who, c.id, c.version));
    await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: `Officials in Washington say arms went to Russia in August; Moscow denies it.` }),
    );
    await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 1).id, text: "The leaders met for five hours at the cosmodrome 🚀." }),
    );
    const movedBack = await actorFor(owner.user.id, owner.workspace.id).then((who) => restoreAnnotation(who, denial.id));
    expect(movedBack.exact).toBe("Moscow denies it");
    expect(movedBack).toMatchObject({ orphaned: false, needsReview: false });
    expect(movedBack.start).toBe(Array.from("Officials in Washington say arms went to Russia in August; ").length);
    // Reworded while deleted: shown on the proposed words, not counted until a person confirms.
    const reworded = await actorFor(owner.user.id, owner.workspace.id).then((who) => restoreAnnotation(who, shipped.id));
    expect(reworded).toMatchObject({ orphaned: false, needsReview: true, exact: "arms went" });
    expect(reworded.anchorReview).toMatchObject({ before: { exact: "shells were shipped" } });
    const lost = await actorFor(owner.user.id, owner.workspace.id).then((who) => restoreAnnotation(who, ties.id));
    expect(lost).toMatchObject({ orphaned: true, needsReview: false, exact: "pledged closer ties", start: ties.start, end: ties.end });
  });

  it("an orphaned claim stays on its proposition's page but no longer counts in the verdict", async () => {
    const { passages, claims } = await importWithClaims(owner, [[0, "shells were shipped"]]);
    const p = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      createPropositionFromClaim(who, { annotationId: at(claims, 0).id, statement: "Shells were shipped", stance: "SUPPORTS" }),
    );
    expect((await getProposition(owner.actor, p.id)).verdict.kind).toBe("single_origin");
    await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: "Washington now says nothing was sent; Moscow denies it." }),
    );
    const view = await getProposition(owner.actor, p.id);
    expect(view.mentions).toHaveLength(1);
    expect(at(view.mentions, 0).annotation.orphaned).toBe(true);
    expect(view.verdict.kind).toBe("no_mentions");
    // Live views of the proposition hear of the correction (its claim sits in the corrected article).
    const event = await getDb().changeEvent.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, kind: "passage.corrected", entityId: at(passages, 0).id },
      select: { propositionIds: true },
    });
    expect(event.propositionIds).toEqual([p.id]);
    const matrix = await getMatrix(owner.actor, {});
    expect(matrix.rows.find((r) => r.id === p.id)?.mentionCount).toBe(0);
    // Exports keep the claim, marked, with the verdict that leaves it out.
    const jsonl = await (await mentionExport(owner.actor, "jsonl", parseScope({}), "https://desk.example")).text();
    const record = JSON.parse(jsonl.trim());
    expect(record).toMatchObject({ exact: "shells were shipped", orphaned: true });
    expect(record.propositions[0].verdict).toBe("no_mentions");

    // A W3C export of it imports into another workspace holding the corrected article as an
    // orphaned claim, instead of refusing the whole file.
    const w3c = await (await mentionExport(owner.actor, "w3c", parseScope({}), "https://desk.example")).text();
    const other = await newUser("Other desk");
    const current = await getReaderData(
      owner.actor,
      (await getDb().passage.findUniqueOrThrow({ where: { id: at(passages, 0).id }, select: { articleId: true } })).articleId,
    );
    await actorFor(other.user.id, other.workspace.id).then((who) =>
      importArticle(who, { text: current.passages.map((x) => x.text).join("\n\n"), title: current.title }),
    );
    const result = await actorFor(other.user.id, other.workspace.id).then((who) =>
      bulkImport(who, { fileName: "claims.jsonld", bytes: new TextEncoder().encode(w3c) }),
    );
    expect(result.claims).toBe(1);
    const imported = await getDb().annotation.findFirstOrThrow({
      where: { workspaceId: other.workspace.id },
      select: { exact: true, orphaned: true, start: true, end: true },
    });
    expect(imported).toEqual({ exact: "shells were shipped", orphaned: true, start: at(claims, 0).start, end: at(claims, 0).end });
  });

  it("saving the same text changes nothing", async () => {
    const { passages, claims } = await importWithClaims(owner, [[0, "Moscow denies it"]]);
    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: at(passages, 0).id, text: `  ${P0}\r\n`, expectedText: P0 }),
    );
    expect(result).toMatchObject({ changed: false, summary: { kept: 1, moved: 0, fuzzy: 0, needsReview: 0, orphaned: 0 }, changes: [] });
    expect(await stored(at(claims, 0).id)).toMatchObject({ version: 1 });
    expect(await auditOf(owner.workspace.id, at(passages, 0).id, "passage.update")).toHaveLength(0);
  });

  it("refuses viewers, stale text, line breaks, empty or overlong text and other workspaces' paragraphs, writing nothing", async () => {
    const { articleId, passages, claims } = await importWithClaims(owner, [[0, "Moscow denies it"]]);
    const passageId = at(passages, 0).id;
    const hashBefore = (await getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { contentHash: true } })).contentHash;

    const viewer = await newUser("Viewer");
    await actorFor(owner.user.id, owner.workspace.id).then((who) => setMember(who, { email: viewer.email, role: "VIEWER" }));
    await expectAppError(
      actorFor(viewer.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: "Changed." })),
      "forbidden",
      /viewer/,
    );

    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        updatePassageText(who, { passageId, text: "Changed.", expectedText: "An older version of the paragraph." }),
      ),
      "conflict",
      /Someone else corrected this paragraph/,
    );

    await expectInvalid(
      actorFor(owner.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: "First line.\nSecond line." })),
      "text",
      /line breaks/,
    );
    await expectInvalid(
      actorFor(owner.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: "First line.\r\n\r\nSecond line." })),
      "text",
      /line breaks/,
    );
    await expectInvalid(
      actorFor(owner.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: " \n\t " })),
      "text",
      /cannot be empty/,
    );
    await expectInvalid(
      actorFor(owner.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: "a".repeat(20_001) })),
      "text",
      /at most 20,000 characters/,
    );

    // Another workspace's paragraph is "not found", from the outsider's own workspace too.
    const outsider = await newUser("Outsider");
    await expectAppError(
      actorFor(outsider.user.id, outsider.workspace.id).then((who) => updatePassageText(who, { passageId, text: "Changed." })),
      "not_found",
    );
    await expectAppError(
      actorFor(outsider.user.id, owner.workspace.id).then((who) => updatePassageText(who, { passageId, text: "Changed." })),
      "not_found",
    );

    const passage = await getDb().passage.findUniqueOrThrow({ where: { id: passageId }, select: { text: true } });
    expect(passage.text).toBe(P0);
    expect(await stored(at(claims, 0).id)).toMatchObject({ version: 1, orphaned: false });
    expect((await getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { contentHash: true } })).contentHash).toBe(hashBefore);
    expect(await auditOf(owner.workspace.id, passageId, "passage.update")).toHaveLength(0);
    await expect(requireMember(viewer.user.id, owner.workspace.id)).resolves.toMatchObject({ role: "VIEWER" });
  });

  it("refuses a correction that would make the article a copy of another one", async () => {
    const original = await importWithClaims(owner, [], "A paragraph only the first article has.");
    const copy = await importWithClaims(owner, [[0, "only the second"]], "A paragraph only the second article has.");
    await expectAppError(
      actorFor(owner.user.id, owner.workspace.id).then((who) =>
        updatePassageText(who, { passageId: at(copy.passages, 0).id, text: at(original.passages, 0).text }),
      ),
      "conflict",
      /same text as “Shells/,
    );
    const passage = await getDb().passage.findUniqueOrThrow({ where: { id: at(copy.passages, 0).id }, select: { text: true } });
    expect(passage.text).toBe("A paragraph only the second article has.");
    expect(await stored(at(copy.claims, 0).id)).toMatchObject({ version: 1, orphaned: false });
  });
});
