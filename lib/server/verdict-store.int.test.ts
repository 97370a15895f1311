import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { deleteAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { updateArticle } from "@/lib/server/article-metadata";
import { getMatrix } from "@/lib/server/comparison";
import { addAlias, removeAlias, updateEntity } from "@/lib/server/entities";
import { AppError } from "@/lib/server/errors";
import { createPropositionFromClaim, deleteProposition, linkMention, markSameValues, unlinkMention } from "@/lib/server/propositions";
import { reviewClaim, submitClaims, updateReviewSettings } from "@/lib/server/review";
import { updatePassageText } from "@/lib/server/passages";
import { listSources, updateSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { computeVerdicts, ensureVerdicts } from "@/lib/server/verdict-store";
import { at, importPassages, markQuote, newUser, type TestUser } from "@/lib/test/helpers";

// The stored verdicts must always equal the pure recomputation from the data: after any sequence
// of the changes that can move a verdict (links, stances, speakers, deletions, relays, aliases,
// publishers, review status, the counting rule and corrections of the text that move, flag or
// orphan claims), every row not marked stale is exactly what
// recomputing gives, and after healing every proposition has a current row.

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

async function expectStoredEqualsRecomputed(workspaceId: string) {
  const db = getDb();
  const props = await db.proposition.findMany({ where: { workspaceId }, select: { id: true } });
  const fresh = await computeVerdicts(
    workspaceId,
    props.map((p) => p.id),
  );
  const rows = await db.propositionVerdict.findMany({ where: { workspaceId } });
  for (const row of rows.filter((r) => !r.stale)) {
    const want = fresh.get(row.propositionId);
    expect(want, `a verdict row for a proposition that no longer exists: ${row.propositionId}`).toBeDefined();
    expect({ kind: row.kind, score: row.score, counted: row.counted, linked: row.linked, verdict: row.verdict }).toEqual(
      plain({ kind: want!.verdict.kind, score: want!.score, counted: want!.counted, linked: want!.linked, verdict: want!.verdict }),
    );
  }
  await ensureVerdicts(workspaceId);
  const healed = await db.propositionVerdict.findMany({ where: { workspaceId } });
  expect(healed.filter((r) => r.stale)).toEqual([]);
  expect(healed.map((r) => r.propositionId).sort()).toEqual(props.map((p) => p.id).sort());
  for (const row of healed) expect(row.verdict).toEqual(plain(fresh.get(row.propositionId)!.verdict));
}

/** Run a change; a refusal (409, 422…) is a legitimate outcome that must leave the verdicts right too. */
async function attempt(change: () => Promise<unknown>) {
  try {
    await change();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

describe("stored verdicts", () => {
  let owner: TestUser;
  let ws: string;
  let claims: { id: string }[];
  let props: { id: string }[];
  let sources: { id: string }[];
  let entities: { id: string }[];
  let articles: string[];
  /** The first paragraph of each article, as imported. */
  let paragraphs: { id: string; text: string }[];

  beforeAll(async () => {
    owner = await newUser("Verdict store desk");
    ws = owner.workspace.id;
    await updateReviewSettings(owner.actor, { allowSelfApproval: true });
    const a = await importPassages(owner, "Nga nhận đạn pháo từ Triều Tiên vào tháng 9.\n\nMoscow bác bỏ thông tin.", {
      title: "Bài A",
      publisher: "Báo A",
      publishedAt: "2023-09-14",
    });
    const b = await importPassages(owner, "Triều Tiên chuyển 1.000 container đạn cho Nga.\n\nĐiện Kremlin phủ nhận.", {
      title: "Bài B",
      publisher: "Báo B",
      origins: ["Thông tấn X"],
      publishedAt: "2023-10-02",
    });
    const c = await importPassages(owner, "Triều Tiên chuyển 2.000 container đạn cho Nga.", { title: "Bài C", publisher: "Báo C" });
    articles = [a.articleId, b.articleId, c.articleId];
    paragraphs = [at(a.passages, 0), at(b.passages, 0), at(c.passages, 0)];
    entities = [await createEntity(owner.actor, { name: "Nga", kind: "COUNTRY" }), await createEntity(owner.actor, { name: "Mỹ", kind: "COUNTRY" })];
    claims = [
      await markQuote(owner, a.passages, "Nga nhận đạn pháo từ Triều Tiên", "arms_transfer", { fields: { date: "tháng 9" } }),
      await markQuote(owner, a.passages, "Moscow bác bỏ thông tin", "denial", { modality: "DENIED", actors: ["Moscow"] }),
      await markQuote(owner, b.passages, "Triều Tiên chuyển 1.000 container đạn cho Nga", "arms_transfer", {
        speakers: [{ entityId: at(entities, 1).id }],
        fields: { quantities: [{ value: "1.000", item: "container" }] },
      }),
      await markQuote(owner, b.passages, "Điện Kremlin phủ nhận", "denial", { modality: "DENIED", speakers: [{ entityId: at(entities, 0).id }] }),
      await markQuote(owner, c.passages, "Triều Tiên chuyển 2.000 container đạn cho Nga", "arms_transfer", {
        fields: { quantities: [{ value: "2.000", item: "container" }] },
      }),
    ];
    props = [
      await createPropositionFromClaim(owner.actor, { annotationId: at(claims, 0).id, statement: "Triều Tiên chuyển đạn cho Nga", stance: "SUPPORTS" }),
      await createPropositionFromClaim(owner.actor, { annotationId: at(claims, 2).id, statement: "Số container đạn", stance: "SUPPORTS" }),
      await createPropositionFromClaim(owner.actor, { annotationId: at(claims, 4).id, statement: "Một mệnh đề khác", stance: "NEUTRAL" }),
    ];
    sources = await listSources(owner.actor, {});
  });

  const claimIndex = fc.integer({ min: 0, max: 4 });
  const propIndex = fc.integer({ min: 0, max: 2 });
  const stance = fc.constantFrom("SUPPORTS" as const, "REFUTES" as const, "NEUTRAL" as const);
  const operation = fc.oneof(
    fc.record({ op: fc.constant("link" as const), c: claimIndex, p: propIndex, stance }),
    fc.record({ op: fc.constant("unlink" as const), c: claimIndex, p: propIndex }),
    fc.record({ op: fc.constant("speakers" as const), c: claimIndex, who: fc.subarray([0, 1]) }),
    fc.record({ op: fc.constant("delete" as const), c: claimIndex }),
    fc.record({ op: fc.constant("restore" as const), c: claimIndex }),
    fc.record({ op: fc.constant("relay" as const), from: fc.integer({ min: 0, max: 9 }), to: fc.option(fc.integer({ min: 0, max: 9 })) }),
    fc.record({ op: fc.constant("alias" as const), add: fc.boolean() }),
    fc.record({ op: fc.constant("speaksFor" as const), on: fc.boolean() }),
    fc.record({ op: fc.constant("approvedOnly" as const), on: fc.boolean() }),
    fc.record({ op: fc.constant("approve" as const), c: claimIndex }),
    fc.record({ op: fc.constant("publisher" as const), article: fc.integer({ min: 0, max: 2 }), name: fc.constantFrom("Báo A", "Báo B", "Báo D", null) }),
    fc.record({ op: fc.constant("same" as const), p: propIndex }),
    // The first paragraph as imported, with a sentence before it (claims move), with a quoted word
    // changed (claims wait for review), or replaced (claims are orphaned).
    fc.record({ op: fc.constant("correct" as const), article: fc.integer({ min: 0, max: 2 }), variant: fc.integer({ min: 0, max: 3 }) }),
  );
  type Op = typeof operation extends fc.Arbitrary<infer T> ? T : never;

  async function run(o: Op) {
    const db = getDb();
    const claim = "c" in o ? at(claims, o.c) : null;
    const current = claim
      ? await db.annotation.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, claimTypeId: true, modality: true } })
      : null;
    switch (o.op) {
      case "link":
        return attempt(() => linkMention(owner.actor, { annotationId: claim!.id, propositionId: at(props, o.p).id, stance: o.stance }));
      case "unlink":
        return attempt(() => unlinkMention(owner.actor, { annotationId: claim!.id, propositionId: at(props, o.p).id }));
      case "speakers":
        return attempt(() =>
          updateAnnotation(owner.actor, {
            id: claim!.id,
            version: current!.version,
            claimTypeId: current!.claimTypeId,
            modality: current!.modality,
            speakers: o.who.map((i) => ({ entityId: at(entities, i).id })),
          }),
        );
      case "delete":
        return attempt(() => deleteAnnotation(owner.actor, claim!.id, current!.version));
      case "restore":
        return attempt(() => restoreAnnotation(owner.actor, claim!.id));
      case "relay": {
        const from = sources[o.from % sources.length];
        const to = o.to === null ? null : sources[o.to % sources.length];
        if (!from) return;
        return attempt(() => updateSource(owner.actor, { id: from.id, upstreamId: to?.id ?? null }));
      }
      case "alias": {
        if (o.add) return attempt(() => addAlias(owner.actor, { entityId: at(entities, 0).id, alias: "Moscow" }));
        const alias = await db.entityAlias.findFirst({ where: { workspaceId: ws, normalizedAlias: "moscow" }, select: { id: true } });
        return alias ? attempt(() => removeAlias(owner.actor, { aliasId: alias.id })) : undefined;
      }
      case "speaksFor":
        return attempt(() => updateEntity(owner.actor, { id: at(entities, 1).id, speaksForId: o.on ? at(entities, 0).id : null }));
      case "approvedOnly":
        return attempt(() => updateReviewSettings(owner.actor, { countApprovedOnly: o.on }));
      case "approve":
        await attempt(() => submitClaims(owner.actor, { ids: [claim!.id] }));
        return attempt(async () => {
          const v = await db.annotation.findUniqueOrThrow({ where: { id: claim!.id }, select: { version: true } });
          await reviewClaim(owner.actor, { id: claim!.id, version: v.version, decision: "approve" });
        });
      case "publisher": {
        const id = at(articles, o.article);
        const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
        return attempt(() => updateArticle(owner.actor, { id, version, publisher: o.name }));
      }
      case "same":
        return attempt(() => markSameValues(owner.actor, { propositionId: at(props, o.p).id, field: "quantity", keys: ["1000", "2000"] }));
      case "correct":
        return correct(o.article, o.variant);
    }
  }

  async function correct(article: number, variant: number) {
    const p = at(paragraphs, article);
    const { text } = await getDb().passage.findUniqueOrThrow({ where: { id: p.id }, select: { text: true } });
    const variants = [p.text, `Tin mới: ${p.text}`, p.text.replace("đạn", "súng"), "Không có gì liên quan."];
    return attempt(() => updatePassageText(owner.actor, { passageId: p.id, text: at(variants, variant), expectedText: text }));
  }

  // Each sequence starts from a state where most claims count (through the services, so the stored
  // verdicts follow), or the walk drifts into states where nothing counts and changes prove nothing.
  async function resetThroughServices() {
    await attempt(() => updateReviewSettings(owner.actor, { countApprovedOnly: false }));
    for (const i of paragraphs.keys()) await correct(i, 0);
    for (const [i, c] of claims.entries()) {
      await attempt(() => restoreAnnotation(owner.actor, c.id));
      await attempt(() =>
        linkMention(owner.actor, { annotationId: c.id, propositionId: at(props, i % 2).id, stance: i === 1 || i === 3 ? "REFUTES" : "SUPPORTS" }),
      );
    }
    for (const s of sources) await attempt(() => updateSource(owner.actor, { id: s.id, upstreamId: null }));
    await attempt(() => updateEntity(owner.actor, { id: at(entities, 1).id, speaksForId: null }));
  }

  it("equal the recomputation after every change, whatever the sequence", async () => {
    await expectStoredEqualsRecomputed(ws);
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (ops) => {
        await resetThroughServices();
        for (const o of ops) {
          await run(o);
          await expectStoredEqualsRecomputed(ws);
        }
      }),
      { numRuns: 15, seed: 20261202 },
    );
  }, 240_000);

  it("follow corrections that orphan, flag, find again and only move claims", async () => {
    await resetThroughServices();
    await ensureVerdicts(ws);
    const counted = async () =>
      (await getDb().propositionVerdict.findUniqueOrThrow({ where: { propositionId: at(props, 0).id }, select: { counted: true } })).counted;
    const before = await counted();
    // Orphaned: the claim on the first paragraph no longer counts, and the stored verdict says so.
    await correct(0, 3);
    await expectStoredEqualsRecomputed(ws);
    expect(await counted()).toBe(before - 1);
    // The text as imported: the claim is found again and counts again.
    await correct(0, 0);
    await expectStoredEqualsRecomputed(ws);
    expect(await counted()).toBe(before);
    // A quoted word changed: the claim waits for review and does not count meanwhile.
    await correct(0, 2);
    await expectStoredEqualsRecomputed(ws);
    expect(await counted()).toBe(before - 1);
    // The old text again: a claim waiting for a person keeps waiting until someone confirms it.
    await correct(0, 0);
    await expectStoredEqualsRecomputed(ws);
    expect(await counted()).toBe(before - 1);
    // Moved only: nothing about the verdict changes.
    await correct(0, 1);
    await expectStoredEqualsRecomputed(ws);
    expect(await counted()).toBe(before - 1);
    await correct(0, 0);
  });

  it("stay right when claims are linked to one proposition in parallel", async () => {
    const target = at(props, 1);
    await Promise.all(
      claims.map((c, i) => attempt(() => linkMention(owner.actor, { annotationId: c.id, propositionId: target.id, stance: i % 2 ? "REFUTES" : "SUPPORTS" }))),
    );
    const row = await getDb().propositionVerdict.findUniqueOrThrow({ where: { propositionId: target.id } });
    const fresh = (await computeVerdicts(ws, [target.id])).get(target.id)!;
    expect(row.linked).toBe(fresh.linked);
    expect(row.verdict).toEqual(plain(fresh.verdict));
    await expectStoredEqualsRecomputed(ws);
  });

  it("serves the matrix from them: filters, sorts and pages agree with the stored rows", async () => {
    await ensureVerdicts(ws);
    const m = await getMatrix(owner.actor, { sort: "contested" });
    const stored = await getDb().propositionVerdict.findMany({ where: { workspaceId: ws } });
    expect(m.total).toBe(stored.length);
    const scores = m.rows.map((r) => stored.find((s) => s.propositionId === r.id)!.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const r of m.rows) expect(plain(r.verdict)).toEqual(stored.find((s) => s.propositionId === r.id)!.verdict);
    const kind = at(m.rows, 0).verdict.kind;
    const byKind = await getMatrix(owner.actor, { verdict: kind });
    expect(byKind.rows.every((r) => r.verdict.kind === kind)).toBe(true);
    expect(byKind.total).toBe(stored.filter((s) => s.kind === kind).length);
  });

  it("go with their proposition when it is deleted", async () => {
    const gone = at(props, 2);
    await ensureVerdicts(ws);
    await deleteProposition(owner.actor, gone.id);
    expect(await getDb().propositionVerdict.findUnique({ where: { propositionId: gone.id } })).toBeNull();
    props = props.filter((p) => p.id !== gone.id);
    await expectStoredEqualsRecomputed(ws);
  });
});
