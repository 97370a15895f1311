import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlapLength } from "./intervals";
import { matchUnits } from "./matching";
import { bruteForceOptimum, claim, greedyTotal } from "./test-fixtures";
import type { AgreementClaim, MatchMode } from "./types";

const keys = (claims: AgreementClaim[], mode: MatchMode) => matchUnits(claims, mode).map((u) => u.key);

describe("matchUnits", () => {
  it.each([
    ["identical spans pair up", "exact", [claim("a1", "a", 0, 10), claim("b1", "b", 0, 10), claim("b2", "b", 0, 9)], ["b2", "a1+b1"]],
    [
      "a second identical span of one annotator gets its own unit",
      "exact",
      [claim("a1", "a", 0, 10), claim("a2", "a", 0, 10), claim("b1", "b", 0, 10)],
      ["a1+b1", "a2"],
    ],
    ["nested spans do not match exactly", "exact", [claim("a1", "a", 0, 20), claim("b1", "b", 5, 10)], ["a1", "b1"]],
    ["nested spans overlap", "overlap", [claim("a1", "a", 0, 20), claim("b1", "b", 5, 10)], ["a1+b1"]],
    [
      "a long claim over two short ones takes the larger overlap only",
      "overlap",
      [claim("a1", "a", 0, 20), claim("b1", "b", 0, 5), claim("b2", "b", 10, 18)],
      ["b1", "a1+b2"],
    ],
    [
      "the matching maximises total overlap, not the largest single one (greedy would pair a1+b1 = 5 only)",
      "overlap",
      [claim("a1", "a", 0, 10), claim("a2", "a", 10, 20), claim("b1", "b", 5, 14), claim("b2", "b", 0, 4)],
      ["a1+b2", "a2+b1"],
    ],
    ["touching spans do not overlap", "overlap", [claim("a1", "a", 0, 10), claim("b1", "b", 10, 20)], ["a1", "b1"]],
    ["claims on different passages never match", "overlap", [claim("a1", "a", 0, 10), claim("b1", "b", 0, 10, { passageId: "p2" })], ["a1", "b1"]],
    ["an empty claim overlaps nothing", "overlap", [claim("a1", "a", 5, 5), claim("b1", "b", 0, 10)], ["b1", "a1"]],
    ["but matches an identical empty claim exactly", "exact", [claim("a1", "a", 5, 5), claim("b1", "b", 5, 5)], ["a1+b1"]],
  ] as [string, MatchMode, AgreementClaim[], string[]][])("%s (%s)", (_label, mode, claims, expected) => {
    expect(keys(claims, mode)).toEqual(expected);
  });

  it("gives a unit its passage, article, union span and claims by annotator", () => {
    const a1 = claim("a1", "a", 0, 20, { articleId: "art9", passageId: "p7" });
    const b1 = claim("b1", "b", 5, 25, { articleId: "art9", passageId: "p7" });
    expect(matchUnits([b1, a1], "overlap")).toEqual([{ key: "a1+b1", articleId: "art9", passageId: "p7", start: 0, end: 25, claims: { a: a1, b: b1 } }]);
  });

  it("adds annotators in id order, matching each against the union span of the units so far (3 annotators)", () => {
    const claims = [
      claim("ann1", "ann", 0, 10),
      claim("bob1", "bob", 8, 20),
      // cat1 misses ann1 but overlaps the unit's union [0, 20); cat2 competes for the same unit and loses (4 < 5).
      claim("cat1", "cat", 15, 20),
      claim("cat2", "cat", 0, 4),
      claim("bob2", "bob", 30, 40),
      claim("cat3", "cat", 30, 35),
    ];
    const units = matchUnits(claims, "overlap");
    expect(units.map((u) => u.key)).toEqual(["cat2", "ann1+bob1+cat1", "bob2+cat3"]);
    expect(units[1]).toMatchObject({ start: 0, end: 20 });
  });

  it("sorts units by passage, start, end and key", () => {
    const claims = [claim("z", "a", 5, 9), claim("y", "b", 0, 3, { passageId: "p2" }), claim("x", "a", 5, 7), claim("w", "b", 5, 7, { passageId: "p0" })];
    expect(keys(claims, "overlap")).toEqual(["w", "x", "z", "y"]);
  });

  it("does not depend on the order of the claims", () => {
    const claims = [
      claim("a1", "a", 0, 20),
      claim("a2", "a", 0, 20),
      claim("b1", "b", 0, 10),
      claim("b2", "b", 10, 20),
      claim("c1", "c", 5, 15),
      claim("c2", "c", 0, 20, { passageId: "p2" }),
    ];
    for (const mode of ["exact", "overlap"] as const) {
      expect(matchUnits([...claims].reverse(), mode)).toEqual(matchUnits(claims, mode));
      expect(matchUnits([claims[3]!, claims[0]!, claims[5]!, claims[1]!, claims[4]!, claims[2]!], mode)).toEqual(matchUnits(claims, mode));
    }
  });
});

describe("matchUnits properties", () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom("p1", "p2"));
  const claimsOf = (annotators: string[], maxPerAnnotator: number) =>
    fc
      .tuple(...annotators.map(() => fc.array(span, { maxLength: maxPerAnnotator })))
      .map((lists) =>
        lists.flatMap((spans, a) =>
          spans.map(([start, length, passageId], i) => claim(`${annotators[a]}${i}`, annotators[a]!, start, start + length, { passageId })),
        ),
      );

  it("puts every claim in exactly one unit, never two claims of one annotator in a unit, and is order-independent", () => {
    fc.assert(
      fc.property(claimsOf(["a", "b", "c"], 6), fc.constantFrom<MatchMode>("exact", "overlap"), (claims, mode) => {
        const units = matchUnits(claims, mode);
        const placed = units.flatMap((u) => Object.values(u.claims).map((c) => c.id));
        expect([...placed].sort()).toEqual(claims.map((c) => c.id).sort());
        for (const u of units) {
          for (const [annotatorId, c] of Object.entries(u.claims)) expect(c.annotatorId).toBe(annotatorId);
          expect(new Set(Object.values(u.claims).map((c) => c.passageId))).toEqual(new Set([u.passageId]));
        }
        expect(matchUnits([...claims].reverse(), mode)).toEqual(units);
      }),
      { numRuns: 200 },
    );
  });

  it("for two annotators, matches the brute-force maximum total overlap (≥ greedy)", () => {
    fc.assert(
      fc.property(claimsOf(["a", "b"], 6), (claims) => {
        const a = claims.filter((c) => c.annotatorId === "a");
        const b = claims.filter((c) => c.annotatorId === "b");
        const weights = a.map((x) => b.map((y) => (x.passageId === y.passageId ? overlapLength(x, y) : 0)));
        const matched = matchUnits(claims, "overlap")
          .filter((u) => u.claims.a && u.claims.b)
          .reduce((sum, u) => sum + overlapLength(u.claims.a!, u.claims.b!), 0);
        expect(matched).toBe(bruteForceOptimum(weights));
        expect(matched).toBeGreaterThanOrEqual(greedyTotal(weights));
      }),
      { numRuns: 300 },
    );
  });
});
