import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateAnnotation } from "@/lib/server/annotations";
import { getCellQuotes, getMatrix, getProposition } from "@/lib/server/comparison";
import { mergeEntities, updateEntity } from "@/lib/server/entities";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { listSources, updateSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";
import { at, entry, expectFieldError, importPassages, markQuote, newUser, type TestUser, actorFor } from "@/lib/test/helpers";

// Who a claim comes from: several speakers, speaks-for chains, sources linked to entities, and
// claims nobody is named for. Each workspace is fresh, so origin counts are exactly these claims.

const auditCount = (workspaceId: string) => getDb().auditEvent.count({ where: { workspaceId } });

describe("several speakers per claim", () => {
  let owner: TestUser;
  let passages: { id: string; text: string }[];
  let russia: { id: string };
  let dprk: { id: string };
  let us: { id: string };

  beforeAll(async () => {
    owner = await newUser("Speakers desk");
    ({ passages } = await importPassages(
      owner,
      "Mỹ cáo buộc Triều Tiên chuyển đạn pháo cho Nga.\n\nNga và Triều Tiên cùng bác bỏ cáo buộc chuyển giao vũ khí.",
      { title: "Hai nước bác bỏ", publisher: "Báo Thử Nghiệm" },
    ));
    russia = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Nga", kind: "COUNTRY" }));
    us = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Mỹ", kind: "COUNTRY" }));
    // North Korea speaks here through a source of its own (its state agency publishes the statement).
    await importPassages(owner, "Tuyên bố của Bộ Ngoại giao.", { title: "Tuyên bố", publisher: "Triều Tiên" });
    dprk = at(await listSources(owner.actor, { q: "trieu tien" }), 0);
  });

  it("stores an entity and a source as speakers in order, each an origin: one denial by two countries is two refutations", async () => {
    const allegation = await markQuote(owner, passages, "Mỹ cáo buộc Triều Tiên chuyển đạn pháo cho Nga", "arms_transfer", {
      modality: "ALLEGED",
      speakers: [{ entityId: us.id }],
    });
    const denial = await markQuote(owner, passages, "Nga và Triều Tiên cùng bác bỏ cáo buộc", "denial", {
      modality: "DENIED",
      speakers: [{ entityId: russia.id }, { sourceId: dprk.id }],
    });
    expect(denial.speakers).toEqual([
      { type: "entity", id: russia.id, name: "Nga" },
      { type: "source", id: dprk.id, name: "Triều Tiên" },
    ]);
    const rows = await getDb().annotationSpeaker.findMany({
      where: { annotationId: denial.id },
      select: { position: true, entityId: true, sourceId: true },
      orderBy: { position: "asc" },
    });
    expect(rows).toEqual([
      { position: 0, entityId: russia.id, sourceId: null },
      { position: 1, entityId: null, sourceId: dprk.id },
    ]);

    const p = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      createPropositionFromClaim(who, { annotationId: allegation.id, statement: "North Korea shipped shells to Russia", stance: "SUPPORTS" }),
    );
    await actorFor(owner.user.id, owner.workspace.id).then((who) => linkMention(who, { annotationId: denial.id, propositionId: p.id, stance: "REFUTES" }));
    const view = await getProposition(owner.actor, p.id);
    expect(view.verdict.kind).toBe("conflict");
    expect(view.verdict.refutes.origins.map((o) => o.label).sort()).toEqual(["Nga", "Triều Tiên"]);
    expect(view.verdict.refutes.mentions).toBe(1);
    expect(view.verdict.sentence).toMatch(/1 independent origin supports it \(Mỹ\) and 2 refute it/);
    const denialMention = view.mentions.find((m) => m.annotation.id === denial.id)!;
    expect(denialMention.annotation.speakers.map((s) => s.name)).toEqual(["Nga", "Triều Tiên"]);
    expect(denialMention.origins.map((o) => [o.key, o.via])).toEqual([
      [`entity:${russia.id}`, "speaker"],
      [`source:${dprk.id}`, "speaker"],
    ]);

    // In the matrix by origin the claim sits in both speakers' columns.
    const matrix = await getMatrix(owner.actor, { columns: "origins" });
    const row = matrix.rows.find((r) => r.id === p.id)!;
    expect(Object.keys(row.cells).sort()).toEqual([`entity:${russia.id}`, `entity:${us.id}`, `source:${dprk.id}`].sort());
    expect(entry(row.cells, `source:${dprk.id}`).count).toBe(1);
    const dprkQuotes = await getCellQuotes(owner.actor, p.id, { column: `source:${dprk.id}`, columns: "origins" });
    expect(dprkQuotes.quotes.map((q) => q.annotationId)).toEqual([denial.id]);

    // Editing keeps the order given.
    const reordered = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updateAnnotation(who, {
        id: denial.id,
        version: denial.version,
        claimTypeId: denial.claimTypeId,
        modality: "DENIED",
        speakers: [{ sourceId: dprk.id }, { entityId: russia.id }],
      }),
    );
    expect(reordered.speakers.map((s) => s.name)).toEqual(["Triều Tiên", "Nga"]);
  });

  it("refuses a speaker of another workspace, or a source given as an entity, on speakers.N, writing nothing", async () => {
    const outsider = await newUser("Outsider");
    const theirs = await actorFor(outsider.user.id, outsider.workspace.id).then((who) => createEntity(who, { name: "Nga", kind: "COUNTRY" }));
    const claimsBefore = await getDb().annotation.count({ where: { workspaceId: owner.workspace.id } });
    const auditBefore = await auditCount(owner.workspace.id);
    const quote = "bác bỏ cáo buộc chuyển giao vũ khí";
    await expectFieldError(
      markQuote(owner, passages, quote, "denial", { speakers: [{ entityId: russia.id }, { entityId: theirs.id }] }),
      "speakers.1",
      /from this workspace/,
    );
    // A source's id sent as an entity is not an entity of this workspace, even when it speaks in the same claim.
    await expectFieldError(markQuote(owner, passages, quote, "denial", { speakers: [{ entityId: dprk.id }] }), "speakers.0", /from this workspace/);
    await expectFieldError(
      markQuote(owner, passages, quote, "denial", { speakers: [{ sourceId: dprk.id }], actorEntityIds: [russia.id, dprk.id] }),
      "actorEntityIds.1",
      /from this workspace/,
    );
    expect(await getDb().annotation.count({ where: { workspaceId: owner.workspace.id } })).toBe(claimsBefore);
    expect(await auditCount(owner.workspace.id)).toBe(auditBefore);
  });
});

describe("speaks-for chains and sources linked to entities", () => {
  let owner: TestUser;
  let ws: string;
  let peskov: { id: string };
  let kremlin: { id: string };
  let russia: { id: string };
  let propositionId: string;

  beforeAll(async () => {
    owner = await newUser("Affiliations desk");
    ws = owner.workspace.id;
    peskov = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "Dmitry Peskov", kind: "PERSON" }));
    kremlin = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "Kremlin", kind: "ORGANIZATION" }));
    russia = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "Russia", kind: "COUNTRY" }));
    expect(await actorFor(owner.user.id, ws).then((who) => updateEntity(who, { id: peskov.id, speaksForId: kremlin.id }))).toMatchObject({
      speaksFor: { id: kremlin.id, name: "Kremlin" },
    });
    await actorFor(owner.user.id, ws).then((who) => updateEntity(who, { id: kremlin.id, speaksForId: russia.id }));
  });

  it("counts a spokesman and the country he speaks for once, and names the chain", async () => {
    const { passages } = await importPassages(owner, "Ông Peskov nói Nga không nhận vũ khí của Triều Tiên.\n\nNga khẳng định không nhận vũ khí nào.", {
      title: "Moscow phủ nhận",
      publisher: "Báo Thử Nghiệm",
    });
    const byPeskov = await markQuote(owner, passages, "Nga không nhận vũ khí của Triều Tiên", "statement", { speakers: [{ entityId: peskov.id }] });
    const byRussia = await markQuote(owner, passages, "không nhận vũ khí nào", "statement", { speakers: [{ entityId: russia.id }] });
    const p = await actorFor(owner.user.id, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: byPeskov.id, statement: "Russia received no North Korean weapons", stance: "SUPPORTS" }),
    );
    propositionId = p.id;
    await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: byRussia.id, propositionId: p.id, stance: "SUPPORTS" }));

    const view = await getProposition(owner.actor, p.id);
    expect(view.verdict.kind).toBe("single_origin");
    expect(view.verdict.supports.origins).toEqual([
      expect.objectContaining({ key: `entity:${russia.id}`, label: "Russia", path: "Dmitry Peskov, for Russia", mentions: 2 }),
    ]);
    expect(view.verdict.sentence).toContain("Dmitry Peskov, for Russia");
  });

  it("counts an outlet linked to the Kremlin entity as the same origin", async () => {
    const { passages } = await importPassages(owner, "Điện Kremlin: Nga không nhận vũ khí từ Bình Nhưỡng.", {
      title: "Thông cáo",
      publisher: "Kremlin press service",
    });
    const press = at(await listSources(owner.actor, { q: "kremlin press" }), 0);
    await actorFor(owner.user.id, ws).then((who) => updateSource(who, { id: press.id, entityId: kremlin.id }));
    const claim = await markQuote(owner, passages, "Nga không nhận vũ khí từ Bình Nhưỡng", "statement");
    await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: claim.id, propositionId, stance: "SUPPORTS" }));

    const view = await getProposition(owner.actor, propositionId);
    expect(view.verdict.kind).toBe("single_origin");
    expect(view.verdict.supports.origins.map((o) => o.key)).toEqual([`entity:${russia.id}`]);
    expect(view.verdict.supports).toMatchObject({ mentions: 3, outlets: 2 });
    expect(view.mentions.find((m) => m.annotation.id === claim.id)!.origins).toEqual([
      expect.objectContaining({ key: `entity:${russia.id}`, via: "publisher", path: "Kremlin press service, for Russia" }),
    ]);
  });

  it("refuses a speaks-for cycle on speaksForId and changes nothing", async () => {
    const before = await auditCount(ws);
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => updateEntity(who, { id: russia.id, speaksForId: peskov.id })),
      "speaksForId",
      /cycle/,
    );
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => updateEntity(who, { id: russia.id, speaksForId: russia.id })),
      "speaksForId",
      /itself/,
    );
    const outsider = await newUser("Outsider");
    const theirs = await actorFor(outsider.user.id, outsider.workspace.id).then((who) => createEntity(who, { name: "Elsewhere", kind: "COUNTRY" }));
    await expectFieldError(
      actorFor(owner.user.id, ws).then((who) => updateEntity(who, { id: russia.id, speaksForId: theirs.id })),
      "speaksForId",
      /this workspace/,
    );
    const stored = await getDb().entity.findMany({ where: { id: { in: [peskov.id, kremlin.id, russia.id] } }, select: { id: true, speaksForId: true } });
    expect(Object.fromEntries(stored.map((e) => [e.id, e.speaksForId]))).toEqual({ [peskov.id]: kremlin.id, [kremlin.id]: russia.id, [russia.id]: null });
    expect(await auditCount(ws)).toBe(before);
  });

  it("leaves no speaks-for loop when the root an entity speaks for is merged into it", async () => {
    // Peskov → Kremlin → Russia; merging Russia into Peskov would make Kremlin → Peskov → Kremlin.
    await actorFor(owner.user.id, ws).then((who) => mergeEntities(who, { sourceId: russia.id, targetId: peskov.id }));
    const stored = await getDb().entity.findMany({ where: { id: { in: [peskov.id, kremlin.id] } }, select: { id: true, speaksForId: true } });
    expect(Object.fromEntries(stored.map((e) => [e.id, e.speaksForId]))).toEqual({ [peskov.id]: null, [kremlin.id]: peskov.id });
    const view = await getProposition(owner.actor, propositionId);
    expect(view.verdict.supports.origins.map((o) => o.key)).toEqual([`entity:${peskov.id}`]);
    expect(view.mentions.every((m) => m.annotation.speakers.length > 0 || at(m.origins, 0).via === "publisher")).toBe(true);
  });
});

describe("claims nobody is named for", () => {
  let owner: TestUser;
  let ws: string;

  beforeAll(async () => {
    owner = await newUser("Unattributed desk");
    ws = owner.workspace.id;
  });

  it("lists an unattributed mention, counted, but never as an origin", async () => {
    const { passages } = await importPassages(owner, "Có tin Triều Tiên đã chuyển đạn pháo cho Nga.", { title: "Tin đồn" });
    const rumour = await markQuote(owner, passages, "Triều Tiên đã chuyển đạn pháo cho Nga", "arms_transfer");
    const p = await actorFor(owner.user.id, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: rumour.id, statement: "North Korea shipped shells", stance: "SUPPORTS" }),
    );

    const view = await getProposition(owner.actor, p.id);
    expect(view.mentions).toEqual([
      expect.objectContaining({ counted: true, origins: [expect.objectContaining({ key: "unattributed", via: "unattributed" })] }),
    ]);
    expect(view.verdict.supports).toMatchObject({ origins: [], mentions: 1, unattributed: 1 });
    expect(view.verdict.kind).toBe("unverified");
    expect(view.verdict.sentence).toMatch(/1 unattributed mention names no source/);
  });

  it("one named origin plus two unattributed mentions is a single origin, with one unattributed column", async () => {
    const named = await importPassages(owner, "Reuters: Triều Tiên chuyển đạn pháo cho Nga qua đường sắt.", { title: "Theo Reuters", publisher: "Reuters" });
    const other = await importPassages(owner, "Nhiều nguồn tin nói Triều Tiên chuyển đạn pháo cho Nga.", { title: "Nguồn tin" });
    const p = at(await getDb().proposition.findMany({ where: { workspaceId: ws }, select: { id: true } }), 0);
    for (const [passages, quote] of [
      [named.passages, "Triều Tiên chuyển đạn pháo cho Nga qua đường sắt"],
      [other.passages, "Triều Tiên chuyển đạn pháo cho Nga"],
    ] as const) {
      const claim = await markQuote(owner, passages, quote, "arms_transfer");
      await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: claim.id, propositionId: p.id, stance: "SUPPORTS" }));
    }

    const view = await getProposition(owner.actor, p.id);
    expect(view.verdict.kind).toBe("single_origin");
    expect(view.verdict.supports).toMatchObject({ mentions: 3, unattributed: 2, origins: [expect.objectContaining({ label: "Reuters", mentions: 1 })] });
    expect(view.mentions.filter((m) => at(m.origins, 0).key === "unattributed")).toHaveLength(2);

    const matrix = await getMatrix(owner.actor, { columns: "origins" });
    const unattributed = matrix.columns.filter((c) => c.key === "unattributed");
    expect(unattributed).toEqual([{ key: "unattributed", label: "Unattributed", count: 2 }]);
    expect(matrix.columns.at(-1)?.key).toBe("unattributed");
    expect(entry(at(matrix.rows, 0).cells, "unattributed").count).toBe(2);
    expect((await getCellQuotes(owner.actor, p.id, { column: "unattributed", columns: "origins" })).count).toBe(2);
    expect(at(matrix.rows, 0).verdict.kind).toBe("single_origin");
  });
});
