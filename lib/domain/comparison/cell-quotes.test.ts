import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUOTES_PER_CELL, sampleQuotes } from "./cell-quotes";

const stance = fc.constantFrom("SUPPORTS", "REFUTES", "NEUTRAL");
const quotes = fc.array(stance, { maxLength: 40 }).map((ss) => ss.map((s, i) => ({ id: i, stance: s })));

describe("sampleQuotes", () => {
  it("keeps a cell that fits whole", () => {
    const qs = [{ stance: "REFUTES" }, { stance: "SUPPORTS" }];
    expect(sampleQuotes(qs)).toEqual(qs);
  });

  it("shows the one refutation among many supports", () => {
    const qs = [...Array.from({ length: 30 }, (_, i) => ({ id: i, stance: "SUPPORTS" })), { id: 30, stance: "REFUTES" }];
    expect(sampleQuotes(qs, 5).map((q) => q.id)).toEqual([0, 1, 2, 3, 30]);
  });

  it("holds for any cell: at most n quotes, every stance shown, in the original order", () => {
    fc.assert(
      fc.property(quotes, fc.integer({ min: 3, max: 8 }), (qs, n) => {
        const got = sampleQuotes(qs, n);
        expect(got).toHaveLength(Math.min(n, qs.length));
        expect(new Set(got.map((q) => q.stance))).toEqual(new Set(qs.map((q) => q.stance)));
        const ids = got.map((q) => q.id);
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
      }),
    );
  });

  it("defaults to QUOTES_PER_CELL", () => {
    expect(sampleQuotes(Array.from({ length: QUOTES_PER_CELL + 20 }, () => ({ stance: "NEUTRAL" })))).toHaveLength(QUOTES_PER_CELL);
  });
});
