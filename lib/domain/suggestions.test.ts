import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankSuggestions, trigramSimilarity, trigrams, type SuggestCandidate, type SuggestClaim, type SuggestEntity } from "./suggestions";

describe("trigrams", () => {
  it("pads each word like pg_trgm", () => {
    expect([...trigrams("Cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });
});

describe("trigramSimilarity", () => {
  it.each([
    ["nha may", "nhà máy", 1],
    ["Bình Nhưỡng", "BINH NHUONG", 1],
    ["Đà Nẵng", "da nang", 1],
    ["nhà máy, đạn pháo!", "nha may dan phao", 1],
    ["word", "two words", 4 / 11], // pg_trgm's documented similarity('word', 'two words') = 0.363636
    ["xyz", "abc", 0],
    ["", "", 0],
    ["...", "abc", 0],
  ])("%j vs %j", (a, b, expected) => expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 6));

  it("is symmetric, within [0, 1], and 1 against a case/diacritic variant of itself", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = trigramSimilarity(a, b);
        expect(s).toBe(trigramSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
    const vietnamese = fc.array(fc.constantFrom("Triều", "Tiên", "nhà", "máy", "Đạn", "pháo", "Nga", "Kim"), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(vietnamese, (words) => {
        const text = words.join(" ");
        expect(trigramSimilarity(text, text.normalize("NFD").toUpperCase())).toBe(1);
      }),
    );
  });
});

const ARMS = "type-arms";
const GIFT = "type-gift";
const claim: SuggestClaim = {
  claimTypeId: ARMS,
  text: "Triều Tiên chuyển đạn pháo cho Nga",
  entities: ["North Korea", "Russia"],
};

describe("rankSuggestions", () => {
  it.each<[string, SuggestCandidate, number, string[]]>([
    [
      "same wording without diacritics, type and entities",
      { id: "p1", statement: "Trieu Tien chuyen dan phao cho Nga", claimTypeId: ARMS, entities: ["north korea", "russia"] },
      1,
      ["same type", "shares North Korea, Russia", "similar wording (100%)"],
    ],
    [
      "English statement sharing type and entities",
      // "Shells shipped" shares no trigram with the Vietnamese text: the match is type and entities alone.
      { id: "p2", statement: "Shells shipped", claimTypeId: ARMS, entities: ["north korea", "russia", "kim jong un"] },
      0.3 + 0.3 * (2 / 3),
      ["same type", "shares North Korea, Russia"],
    ],
    [
      "wording matched through a linked mention",
      { id: "p3", statement: "DPRK arms deliveries", claimTypeId: null, entities: [], mentionTexts: ["unrelated", "Triều Tiên chuyển đạn pháo cho Nga"] },
      0.4,
      ["similar wording (100%)"],
    ],
  ])("%s", (_name, candidate, score, reasons) => {
    const [s] = rankSuggestions(claim, [candidate]);
    expect(s?.id).toBe(candidate.id);
    expect(s?.score).toBeCloseTo(score, 2);
    expect(s?.reasons).toEqual(reasons);
    expect(s?.stance).toBe("SUPPORTS");
  });

  it.each<[string, SuggestCandidate]>([
    ["nothing in common", { id: "x", statement: "Putin visits Hanoi", claimTypeId: GIFT, entities: ["vietnam"] }],
    ["one shared entity of many, other type", { id: "y", statement: "Sanctions", claimTypeId: GIFT, entities: ["russia", "usa", "eu"] }],
    ["the same type alone", { id: "p4", statement: "Missiles sold", claimTypeId: ARMS, entities: [] }],
  ])("drops %s", (_name, candidate) => expect(rankSuggestions(claim, [candidate])).toEqual([]));

  it("ranks a cross-language candidate sharing type and entities above a similarly worded one of another type", () => {
    const ranked = rankSuggestions(claim, [
      { id: "vi-other", statement: "Triều Tiên chuyển đạn cho Nga", claimTypeId: GIFT, entities: [] },
      { id: "en-same", statement: "North Korea sent shells to Russia", claimTypeId: ARMS, entities: ["north korea", "russia"] },
    ]);
    expect(ranked.map((s) => s.id)).toEqual(["en-same", "vi-other"]);
  });

  it("sorts by score then id and honours the limit", () => {
    const same = (id: string): SuggestCandidate => ({ id, statement: "x", claimTypeId: ARMS, entities: ["russia"] });
    const best: SuggestCandidate = { id: "z", statement: claim.text, claimTypeId: ARMS, entities: ["russia"] };
    expect(rankSuggestions(claim, [same("c"), same("a"), best, same("b")], 3).map((s) => s.id)).toEqual(["z", "a", "b"]);
    expect(rankSuggestions(claim, [best], 0)).toEqual([]);
  });

  it("lists at most three shared entities", () => {
    const many = ["A", "B", "C", "D", "E"];
    const [s] = rankSuggestions({ ...claim, entities: many }, [{ id: "p", statement: "", claimTypeId: null, entities: many }]);
    expect(s?.reasons).toEqual(["shares A, B, C and 2 more"]);
  });
});

const DENIAL = "type-denial";
const NK: SuggestEntity = { key: "entity:kp", label: "North Korea" };
const RU: SuggestEntity = { key: "entity:ru", label: "Russia" };
const KREMLIN: SuggestEntity = { key: "entity:kremlin", label: "Kremlin" };
// The arms-transfer proposition, its entities under their Vietnamese names.
const armsTransfer: SuggestCandidate = {
  id: "arms",
  statement: "Triều Tiên chuyển đạn pháo cho Nga",
  claimTypeId: ARMS,
  entities: [
    { key: "entity:kp", label: "Triều Tiên" },
    { key: "entity:ru", label: "Nga" },
  ],
};
const kremlinDenies: SuggestClaim = { claimTypeId: DENIAL, text: "Kremlin rejects it", entities: [KREMLIN, RU, NK], denies: true };

describe("rankSuggestions: denials", () => {
  it.each<[string, SuggestClaim, SuggestCandidate, Pick<ReturnType<typeof rankSuggestions>[number], "stance" | "reasons">]>([
    [
      "a denial of an arms transfer refutes the arms-transfer proposition, naming shared entities as the claim shows them",
      kremlinDenies,
      armsTransfer,
      { stance: "REFUTES", reasons: ["may refute it: this claim is a denial", "shares Russia, North Korea"] },
    ],
    [
      "an arms-transfer claim marked DENIED refutes the proposition of its own type",
      { claimTypeId: ARMS, text: "Nga phủ nhận nhận đạn pháo của Triều Tiên", entities: [RU, NK], denies: true },
      armsTransfer,
      { stance: "REFUTES", reasons: ["same type", "may refute it: this claim is a denial", "shares Russia, North Korea", "similar wording (62%)"] },
    ],
    [
      "an assertion refutes a proposition that states a denial",
      { ...claim, entities: ["Russia", "North Korea"] },
      { id: "denied", statement: "Moscow denies receiving shells", claimTypeId: DENIAL, isDenial: true, entities: ["russia"] },
      { stance: "REFUTES", reasons: ["may refute it: the proposition is a denial", "shares Russia"] },
    ],
    [
      "a denial supports a proposition that states the same denial",
      kremlinDenies,
      { id: "denied", statement: "Kremlin denies the arms deal", claimTypeId: DENIAL, isDenial: true, entities: [KREMLIN, RU] },
      { stance: "SUPPORTS", reasons: ["same type", "shares Kremlin, Russia", "similar wording (21%)"] },
    ],
    [
      "a denial in another type sharing only wording is no refutation",
      { claimTypeId: DENIAL, text: "Triều Tiên chuyển đạn pháo cho Nga là bịa đặt", entities: [KREMLIN], denies: true },
      armsTransfer,
      { stance: "SUPPORTS", reasons: ["similar wording (78%)"] },
    ],
  ])("%s", (_name, c, candidate, expected) => {
    const [s] = rankSuggestions(c, [candidate]);
    expect(s && { stance: s.stance, reasons: s.reasons }).toEqual(expected);
  });

  it("scores a denial by its contradiction and shared entities", () => {
    // 0.3 for the contradiction, 0.3 × 2/3 for sharing two of three entities, no shared wording.
    const [s] = rankSuggestions(kremlinDenies, [armsTransfer]);
    expect(s?.score).toBeCloseTo(0.3 + 0.3 * (2 / 3), 6);
  });

  it.each<[string, SuggestClaim, SuggestCandidate]>([
    ["a denial sharing nothing", { ...kremlinDenies, entities: [KREMLIN] }, armsTransfer],
    ["entities with the same display name but other keys are not shared", { ...kremlinDenies, entities: [{ key: "text:nga", label: "Nga" }] }, armsTransfer],
  ])("drops %s", (_name, c, candidate) => expect(rankSuggestions(c, [candidate])).toEqual([]));

  it("ranks the refuted arms-transfer proposition above an unrelated one sharing an entity", () => {
    const sanctions: SuggestCandidate = {
      id: "sanctions",
      statement: "EU sanctions",
      claimTypeId: "type-sanctions",
      entities: [RU, { key: "entity:eu", label: "EU" }, { key: "entity:us", label: "USA" }],
    };
    const ranked = rankSuggestions(kremlinDenies, [sanctions, armsTransfer]);
    expect(ranked.map((s) => [s.id, s.stance])).toEqual([
      ["arms", "REFUTES"],
      ["sanctions", "REFUTES"],
    ]);
  });

  it("shows entity labels as given and plain strings trimmed, each shared entity once", () => {
    const [s] = rankSuggestions({ claimTypeId: DENIAL, text: "x", entities: ["  Bắc Hàn ", "bac han", NK], denies: true }, [
      { ...armsTransfer, entities: ["BẮC HÀN", { key: "entity:kp", label: "Triều Tiên" }] },
    ]);
    expect(s?.reasons).toEqual(["may refute it: this claim is a denial", "shares Bắc Hàn, North Korea"]);
  });
});
