import { describe, expect, it } from "vitest";
import { characterAgreement, spanScores } from "./spans";
import { claim } from "./test-fixtures";
import type { AgreementClaim, MatchMode, SpanScores } from "./types";

describe("spanScores", () => {
  const a = [claim("a1", "a", 0, 10), claim("a2", "a", 20, 30), claim("a3", "a", 40, 50)];
  const b = [claim("b1", "b", 0, 10), claim("b2", "b", 22, 30)];

  it.each([
    // Precision 1/2 of b, recall 1/3 of a, F1 = 2·1/(3+2).
    ["exact: only a1 = b1", "exact", a, b, { precision: 1 / 2, recall: 1 / 3, f1: 2 / 5, matched: 1, aCount: 3, bCount: 2 }],
    ["overlap: a1–b1 and a2–b2", "overlap", a, b, { precision: 1, recall: 2 / 3, f1: 4 / 5, matched: 2, aCount: 3, bCount: 2 }],
    ["no claims at all", "overlap", [], [], { precision: null, recall: null, f1: null, matched: 0, aCount: 0, bCount: 0 }],
    ["no reference claims", "overlap", [], b, { precision: 0, recall: null, f1: 0, matched: 0, aCount: 0, bCount: 2 }],
    ["no claims to score", "exact", a, [], { precision: null, recall: 0, f1: 0, matched: 0, aCount: 3, bCount: 0 }],
  ] as [string, MatchMode, AgreementClaim[], AgreementClaim[], SpanScores][])("%s", (_label, mode, x, y, scores) => {
    expect(spanScores(x, y, mode)).toEqual(scores);
  });

  it("scores the two lists whatever annotator ids their claims carry (an annotator against itself scores 1)", () => {
    expect(spanScores(a, a, "exact").f1).toBe(1);
    expect(spanScores(a, a, "overlap").f1).toBe(1);
  });
});

describe("characterAgreement", () => {
  it.each([
    // 2·5 / (10 + 10)
    ["half overlap", [claim("a1", "a", 0, 10)], [claim("b1", "b", 5, 15)], 0.5],
    ["identical", [claim("a1", "a", 0, 10)], [claim("b1", "b", 0, 10)], 1],
    ["an annotator's overlapping claims count once", [claim("a1", "a", 0, 10), claim("a2", "a", 5, 10)], [claim("b1", "b", 0, 10)], 1],
    // 2·(5 + 4) / ((10 + 4) + (5 + 8)): p1 shares [5, 10), p2 shares [2, 6).
    [
      "summed over passages",
      [claim("a1", "a", 0, 10), claim("a2", "a", 2, 6, { passageId: "p2" })],
      [claim("b1", "b", 5, 10), claim("b2", "b", 0, 8, { passageId: "p2" })],
      18 / 27,
    ],
    ["same offsets on different passages share nothing", [claim("a1", "a", 0, 10)], [claim("b1", "b", 0, 10, { passageId: "p2" })], 0],
    ["one side empty", [claim("a1", "a", 0, 10)], [], 0],
    ["long spans cost nothing extra", [claim("a1", "a", 0, 10_000_000)], [claim("b1", "b", 5_000_000, 15_000_000)], 0.5],
  ] as [string, AgreementClaim[], AgreementClaim[], number][])("%s", (_label, a, b, dice) => {
    expect(characterAgreement(a, b)).toBeCloseTo(dice, 12);
  });

  it("is null when neither annotator covers a character", () => {
    expect(characterAgreement([], [])).toBeNull();
    expect(characterAgreement([claim("a1", "a", 4, 4)], [])).toBeNull();
  });
});
