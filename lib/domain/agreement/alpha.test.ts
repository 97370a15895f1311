import { describe, expect, it } from "vitest";
import { krippendorffAlphaNominal } from "./alpha";

/** Units from one string per observer, one character per unit, "." for a missing value. */
function unitsFromObservers(...observers: string[]): (string | null)[][] {
  return [...observers[0]!].map((_, u) => observers.map((o) => (o[u] === "." ? null : o[u]!)));
}

describe("krippendorffAlphaNominal", () => {
  it("reproduces Krippendorff (2011) 'Computing Krippendorff's Alpha-Reliability': 4 observers, 12 units, missing values → 0.743", () => {
    // Units 1–12; unit 12 holds a single value (3, from one observer) and is not pairable. The brief placed that value
    // under observer B, Krippendorff (2004: 230) and DKPro Statistics under C: alpha is the same either way, as the unit
    // drops out. Hand check: n = 40 pairable values (n_1..n_5 = 9, 13, 10, 5, 3), Σ_{c≠k} o_ck = 8 (units 2, 6, 8),
    // Do = 8/40 = 0.200, De = (40² − 384)/(40·39) = 0.779, α = 1 − 39·8/1216 = 0.7434.
    const units = unitsFromObservers(
      "123321412...", // A
      "1233224125.3", // B
      ".3332342251.", // C
      "12332441251.", // D
    );
    expect(units).toHaveLength(12);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
    // Moving the lone value of unit 12 to another observer changes nothing.
    const moved = units.map((u, i) => (i === 11 ? [null, null, "3", null] : u));
    expect(krippendorffAlphaNominal(moved)).toBe(krippendorffAlphaNominal(units));
  });

  it("reproduces Krippendorff's binary two-observer example: α = 0.095, i.e. Scott's π with the small-sample correction", () => {
    // A: 1100000000, B: 0110010100 (Krippendorff 2004: 224, as reproduced by DKPro Statistics; published Do = 0.400,
    // De = 0.442). Hand computation: n = 20 values, n_0 = 14, n_1 = 6, 4 disagreeing units → Σ o_01 + o_10 = 8;
    // α = 1 − (n−1)·8 / (2·14·6) = 1 − 152/168 = 2/21.
    // Scott's π = (0.6 − 0.58)/(1 − 0.58) = 1/21, and α = 1 − (1 − π)·(n−1)/n = 1 − (20/21)·(19/20) = 2/21.
    const units = unitsFromObservers("1100000000", "0110010100");
    const pi = 1 / 21;
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(2 / 21, 12);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(1 - ((1 - pi) * 19) / 20, 12);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.095, 3);
  });

  it.each([
    // Krippendorff (2004: 227): two observers, 12 units, values a/b/c; n_a = 3, n_b = 10, n_c = 11 → α = 1 − 23·4/346 = 0.734.
    ["Krippendorff (2004) three values", unitsFromObservers("aabbbbbccccc", "abbbbbcccccc"), 0.734],
    [
      "perfect agreement",
      [
        ["a", "a"],
        ["b", "b", "b"],
        ["a", null],
      ],
      1,
    ],
    // Two units, each split: observed 4 of n = 4 values, expected n² − Σn_c² = 16 − 8 → α = 1 − 3·4/8.
    [
      "systematic disagreement",
      [
        ["a", "b"],
        ["b", "a"],
      ],
      -0.5,
    ],
  ] as [string, (string | null)[][], number][])("%s", (_label, units, alpha) => {
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(alpha, 3);
  });

  it("drops units with fewer than 2 values", () => {
    const units = [
      ["a", "a"],
      ["a", "b"],
      ["b", "b"],
    ];
    expect(krippendorffAlphaNominal([...units, ["c", null, null], [null, null]])).toBe(krippendorffAlphaNominal(units));
  });

  it("treats the empty string as a value, not as missing", () => {
    expect(
      krippendorffAlphaNominal([
        ["", ""],
        ["x", "x"],
      ]),
    ).toBe(1);
  });

  it("is null without pairable values or when every value is the same (no expected disagreement)", () => {
    expect(krippendorffAlphaNominal([])).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", null],
        [null, "b"],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a", "a"],
      ]),
    ).toBeNull();
  });
});
