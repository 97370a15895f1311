import { beforeAll, describe, expect, it } from "vitest";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { parseArticle } from "@/lib/domain/import-metadata";
import { quoteSpan } from "@/lib/domain/anchoring";
import { createAnnotation } from "@/lib/server/annotations";
import { importArticle } from "@/lib/server/articles";
import { getCellQuotes, getMatrix, getProposition, suggestPropositions } from "@/lib/server/comparison";
import { createPropositionFromClaim, linkMention, mergePropositions, moveMention } from "@/lib/server/propositions";
import { createEntity } from "@/lib/server/speakers";
import { signUp } from "@/lib/server/users";
import { listClaimTypes } from "@/lib/server/workspaces";
import { at, entry, expectAppError, actorFor, take } from "@/lib/test/helpers";
import { readSeed, seedFiles, seedsPresent } from "@/lib/test/seeds";

// Acceptance on the real seed corpus: the US allegation against the Russian and North Korean
// denial is a conflict; a gift list relayed from TASS by two outlets counts one origin.
const present = seedsPresent("the comparison acceptance test");

describe.skipIf(!present)("comparison on the seed corpus", () => {
  let userId: string;
  let ws: string;
  let actor: Actor;
  let type: (key: string) => string;
  const articleByFile = new Map<string, string>();

  async function mark(
    file: string,
    quote: string,
    claimType: string,
    speaker: { entityId?: string; sourceId?: string } | null,
    modality = "REPORTED",
    fields = {},
  ) {
    const passages = await getDb().passage.findMany({ where: { articleId: articleByFile.get(file)! }, select: { id: true, text: true } });
    const p = passages.find((x) => x.text.includes(quote));
    if (!p) throw new Error(`quote not found in ${file}: ${quote}`);
    return actorFor(userId, ws).then((who) =>
      createAnnotation(who, {
        passageId: p.id,
        ...quoteSpan(p.text, quote),
        exact: quote,
        claimTypeId: type(claimType),
        speakers: speaker ? [speaker] : [],
        modality,
        fields,
      }),
    );
  }

  beforeAll(async () => {
    const { user, workspace } = await signUp({ name: "Comparison desk", email: `cmp-${Date.now()}@test.local`, password: "compare-pass" });
    userId = user.id;
    ws = workspace.id;
    actor = await requireMember(userId, ws);
    const types = await listClaimTypes(actor);
    type = (key) => types.find((t) => t.key === key)!.id;
    for (const file of seedFiles()) {
      const { text } = readSeed(file.slice(0, 3));
      const m = parseArticle(text);
      const a = await actorFor(userId, ws).then((who) =>
        importArticle(who, { text, title: m.title, publishedAt: m.publishedAt ?? undefined, publisher: m.publisher ?? undefined, origins: m.origins }),
      );
      articleByFile.set(file.slice(0, 3), a.id);
    }
    // An outlet of our own that relays the same TASS gift report as seed 004 (VOV, via CNN).
    const relay = `Kim nhận quà\n\nĐăng ngày: 18/09/2023\n\nÔng Kim cũng được tặng 5 UAV tấn công, theo TASS.\n\nNguồn: TASS`;
    const r = await actorFor(userId, ws).then((who) =>
      importArticle(who, { text: relay, title: "Kim nhận quà", publisher: "Báo Thử Nghiệm", origins: ["TASS"] }),
    );
    articleByFile.set("relay", r.id);
  });

  it("calls the weapons-supply proposition a conflict: US allegation vs. Russian and North Korean denial", async () => {
    const us = await actorFor(userId, ws).then((who) => createEntity(who, { name: "United States", kind: "COUNTRY" }));
    const russia = await actorFor(userId, ws).then((who) => createEntity(who, { name: "Russia", kind: "COUNTRY" }));
    const nk = await actorFor(userId, ws).then((who) => createEntity(who, { name: "North Korea", kind: "COUNTRY" }));

    const allegation = await mark("001", "Mỹ đã cáo buộc Triều Tiên đã cung cấp tên lửa và rocket cho Nga", "arms_transfer", { entityId: us.id }, "ALLEGED");
    const p = await actorFor(userId, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: allegation.id, statement: "North Korea supplies weapons to Russia", stance: "SUPPORTS" }),
    );
    const second = await mark(
      "002",
      "cáo buộc Bình Nhưỡng cung cấp tên lửa đạn đạo và đạn pháo mà Nga sử dụng",
      "arms_transfer",
      { entityId: us.id },
      "ALLEGED",
    );
    // The suggestion engine finds the proposition for a claim worded differently, by type and wording.
    const suggestions = await suggestPropositions(actor, second.id);
    expect(suggestions[0]?.id).toBe(p.id);
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: second.id, propositionId: p.id, stance: "SUPPORTS" }));
    const denial = await mark("002", "Moscow và Bình Nhưỡng phủ nhận việc chuyển giao vũ khí này", "denial", { entityId: russia.id }, "DENIED");
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: denial.id, propositionId: p.id, stance: "REFUTES" }));
    const nkDenial = await mark("001", "Triều Tiên và Nga nhiều lần bác cáo buộc", "denial", { entityId: nk.id }, "DENIED");
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: nkDenial.id, propositionId: p.id, stance: "REFUTES" }));

    const view = await getProposition(actor, p.id);
    expect(view.verdict.kind).toBe("conflict");
    expect(view.verdict.supports.origins.map((o) => o.label)).toEqual(["United States"]);
    expect(view.verdict.refutes.origins.map((o) => o.label).sort()).toEqual(["North Korea", "Russia"]);
    expect(view.verdict.sentence).toMatch(/^Conflict: 1 independent origin supports it \(United States\) and 2 refute it/);
    expect(view.mentions).toHaveLength(4);

    const matrix = await getMatrix(actor, { sort: "contested" });
    expect(at(matrix.rows, 0).id).toBe(p.id);
    const conflicts = await getMatrix(actor, { verdict: "conflict" });
    expect(conflicts.rows.map((r) => r.id)).toEqual([p.id]);
    const byEntity = await getMatrix(actor, { entityId: russia.id });
    expect(byEntity.rows.map((r) => r.id)).toEqual([p.id]);
  });

  it("counts two outlets relaying one TASS report as a single independent origin", async () => {
    const tass = (await getDb().source.findFirstOrThrow({ where: { workspaceId: ws, name: "TASS" }, select: { id: true } })).id;
    const gift = await mark("004", "Ông Kim cũng được tặng 5 UAV tấn công", "gift", { sourceId: tass }, "REPORTED", {
      quantities: [{ value: "5", item: "UAV tấn công" }],
    });
    const p = await actorFor(userId, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: gift.id, statement: "Kim was given five attack drones", stance: "SUPPORTS" }),
    );
    const relayed = await mark("relay", "Ông Kim cũng được tặng 5 UAV tấn công", "gift", null, "REPORTED", {
      quantities: [{ value: "5", item: "UAV tấn công" }],
    });
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: relayed.id, propositionId: p.id, stance: "SUPPORTS" }));

    const view = await getProposition(actor, p.id);
    expect(view.verdict.kind).toBe("single_origin");
    expect(view.verdict.supports.origins).toHaveLength(1);
    expect(at(view.verdict.supports.origins, 0).label).toBe("TASS");
    expect(view.verdict.supports.outlets).toBe(2);
    expect(view.verdict.sentence).toContain("1 independent origin");
    expect(view.verdict.sentence).toContain("TASS");

    const byOrigin = await getMatrix(actor, { columns: "origins" });
    const row = byOrigin.rows.find((r) => r.id === p.id)!;
    expect(Object.keys(row.cells)).toEqual([`source:${tass}`]);
    expect(entry(row.cells, `source:${tass}`).count).toBe(2);
    // The cell's quotes come on demand, the same two.
    const cell = await getCellQuotes(actor, p.id, { column: `source:${tass}`, columns: "origins" });
    expect(cell).toMatchObject({ propositionId: p.id, column: { key: `source:${tass}`, label: "TASS" }, count: 2 });
    expect(cell.quotes.map((q) => q.stance)).toEqual(["SUPPORTS", "SUPPORTS"]);
    // By publisher, the TASS column does not exist: nothing, said so, not an error.
    expect(await getCellQuotes(actor, p.id, { column: `source:${tass}` })).toMatchObject({ column: null, count: 0, quotes: [] });
    const byPublisher = await getMatrix(actor, { columns: "publishers" });
    expect(Object.keys(byPublisher.rows.find((r) => r.id === p.id)!.cells)).toHaveLength(2);
  });

  it("refuses bad links and merges with clear errors and writes nothing", async () => {
    const [p1, p2] = take(await getDb().proposition.findMany({ where: { workspaceId: ws }, select: { id: true }, orderBy: { createdAt: "asc" } }), 2);
    const claim = await getDb().mentionLink.findFirstOrThrow({ where: { propositionId: p1.id }, select: { annotationId: true } });
    await expectAppError(
      actorFor(userId, ws).then((who) => mergePropositions(who, { sourceId: p1.id, targetId: p1.id })),
      "bad_request",
      /into itself/,
    );
    await expect(
      actorFor(userId, ws).then((who) => linkMention(who, { annotationId: claim.annotationId, propositionId: p2.id, stance: "MAYBE" })),
    ).rejects.toThrow(/SUPPORTS, REFUTES or NEUTRAL/);

    // A claim from another workspace is "not found", not linkable.
    const other = await signUp({ name: "Other desk", email: `other-${Date.now()}@test.local`, password: "other-password" });
    await expectAppError(
      actorFor(other.user.id, other.workspace.id).then((who) =>
        linkMention(who, { annotationId: claim.annotationId, propositionId: p2.id, stance: "SUPPORTS" }),
      ),
      "not_found",
    );
    await expectAppError(
      actorFor(userId, ws).then((who) => linkMention(who, { annotationId: claim.annotationId, propositionId: crypto.randomUUID(), stance: "SUPPORTS" })),
      "not_found",
    );

    // Same claim linked to both with different stances: merge refused, nothing moved or deleted.
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: claim.annotationId, propositionId: p2.id, stance: "REFUTES" }));
    const before = await getDb().mentionLink.count({ where: { workspaceId: ws } });
    await expectAppError(
      actorFor(userId, ws).then((who) => mergePropositions(who, { sourceId: p2.id, targetId: p1.id })),
      "conflict",
      /different stances/,
    );
    expect(await getDb().mentionLink.count({ where: { workspaceId: ws } })).toBe(before);
    expect(await getDb().proposition.count({ where: { workspaceId: ws } })).toBe(2);
    await expectAppError(
      actorFor(userId, ws).then((who) => moveMention(who, { annotationId: claim.annotationId, fromId: p2.id, toId: p1.id })),
      "conflict",
      /already linked/,
    );

    // Make them agree, then the merge moves every other mention and deletes the merged one.
    await actorFor(userId, ws).then((who) => linkMention(who, { annotationId: claim.annotationId, propositionId: p2.id, stance: "SUPPORTS" }));
    const p2Mentions = await getDb().mentionLink.count({ where: { propositionId: p2.id } });
    const p1Mentions = await getDb().mentionLink.count({ where: { propositionId: p1.id } });
    const merged = await actorFor(userId, ws).then((who) => mergePropositions(who, { sourceId: p2.id, targetId: p1.id }));
    expect(merged.moved).toBe(p2Mentions - 1);
    expect(await getDb().mentionLink.count({ where: { propositionId: p1.id } })).toBe(p1Mentions + p2Mentions - 1);
    expect(await getDb().proposition.count({ where: { workspaceId: ws } })).toBe(1);
  });
});
