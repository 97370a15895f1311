import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { quoteSpan } from "@/lib/domain/anchoring";
import { parseArticle } from "@/lib/domain/import-metadata";
import { confirmAnchor, remarkAnnotation } from "@/lib/server/annotations";
import { getProposition } from "@/lib/server/comparison";
import { updatePassageText } from "@/lib/server/passages";
import { createPropositionFromClaim, linkMention } from "@/lib/server/propositions";
import { createEntity } from "@/lib/server/speakers";
import { expectAppError, importPassages, markQuote, newUser, type TestUser, actorFor } from "@/lib/test/helpers";
import { readSeed, seedsPresent } from "@/lib/test/seeds";

// Correcting a real article: the wording of a denial changes under its claim. The claim must
// never be counted on a span cut mid-phrase; uncertain results wait for a person.
const present = seedsPresent("the correction test on seed 001");

const DENIAL = "Giới chức Nga gọi đây là tin giả";
const REWORDED = "Giới chức Nga gọi đây là thông tin bịa đặt";
const LATER = "Triều Tiên cáo buộc Mỹ cố gắng bôi nhọ hình ảnh của họ";

describe.skipIf(!present)("correcting seed article 001 under its claims", () => {
  let owner: TestUser;
  let passage: { id: string; text: string };
  let propositionId: string;
  let denial: Awaited<ReturnType<typeof markQuote>>;
  let allegation: Awaited<ReturnType<typeof markQuote>>;
  let later: Awaited<ReturnType<typeof markQuote>>;

  const view = () => getProposition(owner.actor, propositionId);
  const stored = (id: string) =>
    getDb().annotation.findUniqueOrThrow({
      where: { id },
      select: { start: true, end: true, exact: true, orphaned: true, needsReview: true, anchorReview: true, version: true },
    });
  const correct = async (edit: (text: string) => string) => {
    const result = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      updatePassageText(who, { passageId: passage.id, text: edit(passage.text), expectedText: passage.text }),
    );
    passage = { id: passage.id, text: result.passage.text };
    return result;
  };

  beforeAll(async () => {
    owner = await newUser("Corrections desk");
    const { text } = readSeed("001");
    const m = parseArticle(text);
    const { passages } = await importPassages(owner, text, {
      title: m.title,
      publishedAt: m.publishedAt ?? undefined,
      publisher: m.publisher ?? undefined,
      origins: m.origins,
    });
    passage = passages.find((p) => p.text.includes(DENIAL))!;
    const us = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Mỹ", kind: "COUNTRY" }));
    const russia = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Nga", kind: "COUNTRY" }));
    const dprk = await actorFor(owner.user.id, owner.workspace.id).then((who) => createEntity(who, { name: "Triều Tiên", kind: "COUNTRY" }));
    allegation = await markQuote(owner, [passage], "Mỹ đã cáo buộc Triều Tiên đã cung cấp tên lửa và rocket cho Nga", "arms_transfer", {
      modality: "ALLEGED",
      speakers: [{ entityId: us.id }],
    });
    denial = await markQuote(owner, [passage], DENIAL, "denial", { modality: "DENIED", speakers: [{ entityId: russia.id }] });
    later = await markQuote(owner, [passage], LATER, "statement", { speakers: [{ entityId: dprk.id }] });
    const p = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      createPropositionFromClaim(who, { annotationId: allegation.id, statement: "North Korea supplies missiles to Russia", stance: "SUPPORTS" }),
    );
    propositionId = p.id;
    await actorFor(owner.user.id, owner.workspace.id).then((who) => linkMention(who, { annotationId: denial.id, propositionId, stance: "REFUTES" }));
    expect((await view()).verdict.kind).toBe("conflict");
  });

  it("rewording “tin giả” never leaves the denial counted on a cut phrase; needing review, it waits for confirmation", async () => {
    const result = await correct((t) => t.replace("tin giả", "thông tin bịa đặt"));
    const after = await stored(denial.id);
    expect(after.exact).not.toBe("Giới chức Nga gọi đây là thông");
    const change = result.changes.find((c) => c.id === denial.id)!;
    expect(change).toMatchObject({ before: DENIAL, reason: expect.any(String) });
    expect(["needs_review", "fuzzy"]).toContain(change.outcome);
    // Whatever the outcome, the span covers the whole reworded phrase on word boundaries.
    expect(after.exact).toBe(REWORDED);
    expect(change.after).toBe(REWORDED);
    expect(quoteSpan(passage.text, REWORDED)).toEqual({ start: after.start, end: after.end });
    // The claim after the edit only moved, and is counted as before.
    expect(result.changes.find((c) => c.id === later.id)).toMatchObject({ outcome: "moved", before: LATER, after: LATER });
    expect(result.summary).toMatchObject({ kept: 1, moved: 1, orphaned: 0 });

    if (change.outcome === "needs_review") {
      expect(result.summary.needsReview).toBe(1);
      expect(after).toMatchObject({ needsReview: true, orphaned: false, anchorReview: { before: { exact: DENIAL }, reason: change.reason } });
      const waiting = await view();
      expect(waiting.mentions.find((m) => m.annotation.id === denial.id)).toMatchObject({ counted: false });
      expect(waiting.verdict.kind).toBe("single_origin");
      expect(waiting.verdict.refutes.mentions).toBe(0);

      const confirmed = await actorFor(owner.user.id, owner.workspace.id).then((who) => confirmAnchor(who, { id: denial.id, version: after.version }));
      expect(confirmed).toMatchObject({ needsReview: false, anchorReview: null, exact: REWORDED, version: after.version + 1 });
      await expectAppError(
        actorFor(owner.user.id, owner.workspace.id).then((who) => confirmAnchor(who, { id: denial.id, version: confirmed.version })),
        "conflict",
        /not waiting for review/,
      );
    } else {
      expect(after).toMatchObject({ needsReview: false, orphaned: false });
    }
    const counted = await view();
    expect(counted.mentions.find((m) => m.annotation.id === denial.id)).toMatchObject({ counted: true });
    expect(counted.verdict.kind).toBe("conflict");
  });

  it("a typo fixed earlier in the paragraph keeps every claim exact or moved, and counted", async () => {
    const result = await correct((t) => t.replace("nhiều lần bác cáo buộc", "nhiều lần bác bỏ cáo buộc"));
    expect(result.summary).toEqual({ kept: 1, moved: 2, fuzzy: 0, needsReview: 0, orphaned: 0 });
    expect(result.changes.map((c) => [c.id, c.outcome]).sort()).toEqual(
      [
        [denial.id, "moved"],
        [later.id, "moved"],
      ].sort(),
    );
    for (const [id, quote] of [
      [allegation.id, allegation.exact],
      [denial.id, REWORDED],
      [later.id, LATER],
    ] as const) {
      const s = await stored(id);
      expect(s).toMatchObject({ exact: quote, orphaned: false, needsReview: false });
      expect(quoteSpan(passage.text, quote)).toEqual({ start: s.start, end: s.end });
    }
    expect((await view()).verdict.kind).toBe("conflict");
  });

  it("deleting the quoted words orphans the claim, which stops counting until it is re-marked", async () => {
    const result = await correct((t) => t.replace(`${REWORDED}, `, ""));
    expect(result.summary.orphaned).toBe(1);
    expect(result.changes.find((c) => c.id === denial.id)).toMatchObject({ outcome: "orphaned", before: REWORDED, after: REWORDED });
    const orphan = await stored(denial.id);
    expect(orphan).toMatchObject({ orphaned: true, needsReview: false, exact: REWORDED });
    const v = await view();
    expect(v.mentions.find((m) => m.annotation.id === denial.id)).toMatchObject({ counted: false });
    expect(v.verdict.kind).toBe("single_origin");

    // The desk re-marks it on the words that now carry the denial.
    const words = "Triều Tiên và Nga nhiều lần bác bỏ cáo buộc";
    const remarked = await actorFor(owner.user.id, owner.workspace.id).then((who) =>
      remarkAnnotation(who, { id: denial.id, version: orphan.version, ...quoteSpan(passage.text, words)!, exact: words }),
    );
    expect(remarked).toMatchObject({ orphaned: false, needsReview: false, exact: words });
    expect((await view()).verdict.kind).toBe("conflict");
  });
});
