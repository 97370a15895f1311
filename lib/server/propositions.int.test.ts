import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { updateArticle } from "@/lib/server/article-metadata";
import { getProposition, suggestPropositions } from "@/lib/server/comparison";
import { addAlias } from "@/lib/server/entities";
import { createPropositionFromClaim, linkMention, markSameValues } from "@/lib/server/propositions";
import { createEntity } from "@/lib/server/speakers";
import { at, expectFieldError, importPassages, markQuote, newUser, type TestUser, actorFor } from "@/lib/test/helpers";
import type { CreateAnnotationInput } from "@/lib/validation/schemas";

// Details are compared by meaning (dates as dates, counts as numbers), values the parsers cannot
// read wait for a person, and suggestions find the proposition a denial refutes.

type Claim = Awaited<ReturnType<typeof markQuote>>;

describe("details compared by meaning", () => {
  let owner: TestUser;
  let ws: string;
  // Two outlets, each its own origin, reporting the same sentence.
  let outlets: { articleId: string; passages: { id: string; text: string }[] }[];
  const SENTENCE = "Ông Kim nhận năm UAV tấn công trong chuyến thăm.";

  beforeAll(async () => {
    owner = await newUser("Details desk");
    ws = owner.workspace.id;
    outlets = [];
    for (const publisher of ["Báo Một", "Báo Hai"]) {
      outlets.push(await importPassages(owner, `${SENTENCE}\n\nBài của ${publisher}.`, { title: `Tin ${publisher}`, publisher, publishedAt: "2023-09-14" }));
    }
  });

  /** A proposition supported by one claim per outlet, with these fields. */
  async function supported(statement: string, fields: NonNullable<CreateAnnotationInput["fields"]>[]) {
    const claims: Claim[] = [];
    for (const [i, f] of fields.entries()) claims.push(await markQuote(owner, at(outlets, i).passages, SENTENCE, "gift", { fields: f }));
    const p = await actorFor(owner.user.id, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: at(claims, 0).id, statement, stance: "SUPPORTS" }),
    );
    for (const c of claims.slice(1))
      await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: c.id, propositionId: p.id, stance: "SUPPORTS" }));
    return { p, claims };
  }

  it("agrees on one day written two ways, and stores the parsed date", async () => {
    const { p, claims } = await supported("Kim received gifts on 13 September 2023", [{ date: "13/9/2023" }, { date: "2023-09-13" }]);
    expect(claims.map((c) => c.fields)).toEqual([
      { date: "13/9/2023", dateValue: "2023-09-13", datePrecision: "day" },
      { date: "2023-09-13", dateValue: "2023-09-13", datePrecision: "day" },
    ]);
    const view = await getProposition(owner.actor, p.id);
    expect(view.verdict).toMatchObject({ kind: "agree", detailConflicts: [], uncertainDetails: [] });
    expect(view.verdict.supports.origins).toHaveLength(2);
  });

  it("calls 5 against “sáu” attack drones a detail conflict, showing the raw values", async () => {
    const { p } = await supported("Kim received attack drones", [
      { quantities: [{ value: "5", item: "UAV tấn công" }] },
      { quantities: [{ value: "sáu", item: "UAV tấn công" }] },
    ]);
    const view = await getProposition(owner.actor, p.id);
    expect(view.verdict.kind).toBe("detail_conflict");
    const conflict = at(view.verdict.detailConflicts, 0);
    expect(conflict).toMatchObject({ field: "quantity" });
    expect(conflict.values.map((v) => v.raw)).toEqual([["5"], ["sáu"]]);
    expect(conflict.values.map((v) => v.origins)).toEqual([["Báo Một"], ["Báo Hai"]]);
  });

  it("holds unreadable values for a person, and marking them the same settles it", async () => {
    const { p, claims } = await supported("Kim received gifts at the start of the month", [{}, {}]);
    // Stored before dates were checked (the migration carries such values over as written).
    await getDb().annotation.update({ where: { id: at(claims, 0).id }, data: { fields: { date: "hồi đầu tháng" } } });
    await getDb().annotation.update({ where: { id: at(claims, 1).id }, data: { fields: { date: "hôm nọ" } } });
    const before = await getProposition(owner.actor, p.id);
    expect(before.verdict.kind).toBe("agree");
    const uncertain = at(before.verdict.uncertainDetails, 0);
    expect(uncertain).toMatchObject({ field: "date", reason: expect.stringMatching(/could not be read as a date/) });
    const keys = uncertain.values.map((v) => v.key) as [string, string];
    expect(keys).toHaveLength(2);

    const marked = await actorFor(owner.user.id, ws).then((who) => markSameValues(who, { propositionId: p.id, field: "date", keys }));
    expect(marked.sameValues).toEqual([{ field: "date", keys: [...keys].sort() }]);
    const after = await getProposition(owner.actor, p.id);
    expect(after.verdict).toMatchObject({ kind: "agree", uncertainDetails: [], detailConflicts: [] });
    expect(after.sameValues).toEqual([{ field: "date", keys: [...keys].sort() }]);
    // Marking twice keeps one entry; undoing brings the question back.
    await actorFor(owner.user.id, ws).then((who) => markSameValues(who, { propositionId: p.id, field: "date", keys: [keys[1], keys[0]] }));
    expect((await getProposition(owner.actor, p.id)).sameValues).toHaveLength(1);
    await actorFor(owner.user.id, ws).then((who) => markSameValues(who, { propositionId: p.id, field: "date", keys, same: false }));
    expect((await getProposition(owner.actor, p.id)).verdict.uncertainDetails).toHaveLength(1);
  });

  it("refuses a count or a date that is not one, on the field", async () => {
    const before = await getDb().annotation.count({ where: { workspaceId: ws } });
    await expectFieldError(
      markQuote(owner, at(outlets, 0).passages, SENTENCE, "gift", { fields: { quantities: [{ value: "nhiều", item: "UAV" }] } }),
      "fields.quantities.0.value",
      /no number/,
    );
    await expectFieldError(
      markQuote(owner, at(outlets, 0).passages, SENTENCE, "gift", { fields: { quantities: [{ value: "5" }, { value: "không rõ" }] } }),
      "fields.quantities.1.value",
      /no number/,
    );
    await expectFieldError(markQuote(owner, at(outlets, 0).passages, SENTENCE, "gift", { fields: { date: "hôm nọ" } }), "fields.date", /not a date/);
    expect(await getDb().annotation.count({ where: { workspaceId: ws } })).toBe(before);
  });

  it("gives a year-less date the article's year, and reads it again when the article's date changes", async () => {
    const yearless = await markQuote(owner, at(outlets, 0).passages, SENTENCE, "visit", { fields: { date: "13/9" } });
    const dated = await markQuote(owner, at(outlets, 0).passages, SENTENCE, "meeting", { fields: { date: "13/9/2023" } });
    expect(yearless.fields).toEqual({ date: "13/9", dateValue: "2023-09-13", datePrecision: "day" });
    const { version } = await getDb().article.findUniqueOrThrow({ where: { id: at(outlets, 0).articleId }, select: { version: true } });

    // A year later: "13/9" is now the September before the new date.
    const updated = await actorFor(owner.user.id, ws).then((who) => updateArticle(who, { id: at(outlets, 0).articleId, version, publishedAt: "2024-09-20" }));
    expect(updated).toMatchObject({ publishedAt: "2024-09-20", version: version + 1, redatedClaims: 1 });
    const stored = await getDb().annotation.findMany({ where: { id: { in: [yearless.id, dated.id] } }, select: { id: true, fields: true, version: true } });
    const of = (id: string) => stored.find((s) => s.id === id)!;
    expect(of(yearless.id)).toMatchObject({ fields: { date: "13/9", dateValue: "2024-09-13", datePrecision: "day" }, version: 2 });
    expect(of(dated.id)).toMatchObject({ fields: { dateValue: "2023-09-13" }, version: 1 });
  });
});

describe("suggestions for a new claim", () => {
  it("suggests the arms-transfer proposition a denial shares entities with, to refute, naming the entities", async () => {
    const owner = await newUser("Suggestions desk");
    const ws = owner.workspace.id;
    const nk = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "North Korea", kind: "COUNTRY" }));
    const russia = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "Russia", kind: "COUNTRY" }));
    const us = await actorFor(owner.user.id, ws).then((who) => createEntity(who, { name: "United States", kind: "COUNTRY" }));
    await actorFor(owner.user.id, ws).then((who) => addAlias(who, { entityId: nk.id, alias: "Bình Nhưỡng", language: "vi" }));
    await actorFor(owner.user.id, ws).then((who) => addAlias(who, { entityId: russia.id, alias: "Moskva", language: "vi" }));
    const { passages } = await importPassages(
      owner,
      "Washington accuses Pyongyang of shipping artillery shells to the Russian army.\n\nMoskva và Bình Nhưỡng bác bỏ mọi cáo buộc của phương Tây.",
      { title: "Cáo buộc và phủ nhận", publisher: "Báo Thử Nghiệm" },
    );
    const shipment = await markQuote(owner, passages, "Pyongyang of shipping artillery shells to the Russian army", "arms_transfer", {
      modality: "ALLEGED",
      speakers: [{ entityId: us.id }],
      actorEntityIds: [nk.id, russia.id],
    });
    const p = await actorFor(owner.user.id, ws).then((who) =>
      createPropositionFromClaim(who, { annotationId: shipment.id, statement: "North Korea ships artillery shells to Russia", stance: "SUPPORTS" }),
    );
    // Actors typed as free text, in another language: they are the same entities by alias.
    const denial = await markQuote(owner, passages, "Moskva và Bình Nhưỡng bác bỏ mọi cáo buộc", "denial", {
      modality: "DENIED",
      actors: ["Moskva", "Bình Nhưỡng"],
    });

    const suggestions = await suggestPropositions(owner.actor, denial.id);
    expect(suggestions[0]).toMatchObject({ id: p.id, statement: "North Korea ships artillery shells to Russia", stance: "REFUTES" });
    const reasons = at(suggestions, 0).reasons.join("; ");
    expect(reasons).toMatch(/may refute it: this claim is a denial/);
    expect(reasons).toMatch(/shares (Russia, North Korea|North Korea, Russia)/);
    expect(reasons).not.toMatch(/Moskva|Bình Nhưỡng|entity:/);
    // Once linked, it is no longer suggested.
    await actorFor(owner.user.id, ws).then((who) => linkMention(who, { annotationId: denial.id, propositionId: p.id, stance: "REFUTES" }));
    expect((await suggestPropositions(owner.actor, denial.id)).map((s) => s.id)).not.toContain(p.id);
  });
});
