import { describe, expect, it } from "vitest";
import { krippendorffUnitizingAlpha, type UnitizingContinuum, type UnitizingUnit, unitizingDisagreement } from "./unitizing";

const unit = (observer: string, start: number, length: number): UnitizingUnit => ({ observer, start, end: start + length });

describe("uα on Krippendorff (2004: 254)", () => {
  // Continuum [150, 450), L = 300, observers i and j (as reproduced in DKPro Statistics' unitizing Krippendorff2004Test).
  // Category c: i marks [225, 295) and [370, 400); j marks [220, 300), [355, 375) and [400, 420).
  const c: UnitizingContinuum = {
    start: 150,
    end: 450,
    units: [unit("i", 225, 70), unit("i", 370, 30), unit("j", 220, 80), unit("j", 355, 20), unit("j", 400, 20)],
  };

  it("gives the published uDo = 0.0144, uDe = 0.0532, uα = 0.7286 for category c", () => {
    // Hand computation of uDo: overlapping units (225,70)/(220,80): 5² + 5² = 50; (370,30)/(355,20): 15² + 25² = 850;
    // j's (400,20) lies in i's gap [400, 450): 20² = 400; nothing else scores. uDo = 2·1300 / (2·1·300²) = 0.014444.
    // uDe: N = 5 units (70, 30, 80, 20, 20), gaps 75, 75, 50 (i) and 70, 55, 25, 30 (j), mL = 600:
    // (2/300)·Σ_units[(N−1)(2l³−3l²+l)/3 + l²·Σ_{g≥l}(g−l+1)] / (600·599 − Σ l(l−1)) = 0.053222.
    const result = unitizingDisagreement(["i", "j"], [c])!;
    expect(result.observed).toBeCloseTo(2600 / 180000, 12);
    expect(result.observed).toBeCloseTo(0.0144, 4);
    expect(result.expected).toBeCloseTo(0.0532, 4);
    expect(result.alpha).toBeCloseTo(0.7286, 4);
    expect(krippendorffUnitizingAlpha(["i", "j"], [c])).toBe(result.alpha);
  });

  it("gives uDo = 0, uDe = 0.0490 and uα = 1 for category k, marked identically by both", () => {
    const k: UnitizingContinuum = { start: 150, end: 450, units: [unit("i", 180, 60), unit("i", 300, 50), unit("j", 180, 60), unit("j", 300, 50)] };
    const result = unitizingDisagreement(["i", "j"], [k])!;
    expect(result.observed).toBe(0);
    expect(result.expected).toBeCloseTo(0.049, 4);
    expect(result.alpha).toBe(1);
  });
});

describe("uα on Krippendorff (1995: 57)", () => {
  // Four pairs of observers on a continuum of 24 (as reproduced in DKPro Statistics' Krippendorff1995Test). Krippendorff
  // (1995) took uDe in the continuous limit, so the published α are matched on the example stretched 50 000 times (the
  // discrete uDe converges to it), within 0.02 as DKPro does; uDo is compared exactly at the original scale.
  const examples: Record<string, [number, number, number][]> = {
    A: [
      [2, 8, 0],
      [14, 6, 0],
      [4, 4, 1],
      [15, 2, 1],
    ],
    B: [
      [0, 18, 0],
      [0, 2, 1],
      [2, 1, 1],
      [3, 1, 1],
      [4, 1, 1],
      [5, 1, 1],
      [6, 3, 1],
      [9, 1, 1],
    ],
    C: [
      [2, 6, 0],
      [10, 2, 0],
      [14, 4, 0],
      [20, 2, 0],
      [0, 2, 1],
      [4, 4, 1],
      [10, 4, 1],
      [16, 2, 1],
      [20, 2, 1],
    ],
    D: [
      [0, 2, 0],
      [2, 8, 0],
      [10, 4, 0],
      [14, 6, 0],
      [20, 4, 0],
      [0, 4, 1],
      [4, 4, 1],
      [8, 7, 1],
      [15, 2, 1],
      [17, 7, 1],
    ],
  };
  const continuum = (name: string, stretch: number): UnitizingContinuum => ({
    start: 0,
    end: 24 * stretch,
    units: examples[name]!.map(([start, length, observer]) => unit(String(observer), start * stretch, length * stretch)),
  });

  it.each([
    ["A", 0.03125, 0.553],
    ["B", 2.26736, -0.926],
    ["C", 0.02777, 0.679],
    ["D", 0.38715, 0.066],
  ])("example %s: uDo = %s, uα ≈ %s", (name, observed, alpha) => {
    expect(unitizingDisagreement(["0", "1"], [continuum(name, 1)])!.observed).toBeCloseTo(observed, 4);
    expect(Math.abs(krippendorffUnitizingAlpha(["0", "1"], [continuum(name, 50_000)])! - alpha)).toBeLessThan(0.02);
  });

  it("matches DKPro Statistics' discrete values for example C at half scale: uDe = 0.05494, uα = 0.494", () => {
    // Offsets halved and truncated as DKPro does ((int) (x · 12/24)), giving a continuum of 12.
    const half: UnitizingContinuum = {
      start: 0,
      end: 12,
      units: examples.C!.map(([start, length, observer]) => {
        const from = Math.trunc(start / 2);
        return { observer: String(observer), start: from, end: from + Math.trunc(length / 2) };
      }),
    };
    const result = unitizingDisagreement(["0", "1"], [half])!;
    expect(result.observed).toBeCloseTo(1 / 36, 12);
    expect(result.expected).toBeCloseTo(0.05494, 5);
    expect(result.alpha).toBeCloseTo(0.494, 3);
  });
});

describe("uα conventions", () => {
  it("merges an observer's overlapping units but keeps touching ones apart", () => {
    const base = { start: 0, end: 40 };
    const overlapping = { ...base, units: [unit("a", 0, 5), unit("a", 3, 5), unit("b", 0, 8)] };
    const merged = { ...base, units: [unit("a", 0, 8), unit("b", 0, 8)] };
    expect(unitizingDisagreement(["a", "b"], [overlapping])).toEqual(unitizingDisagreement(["a", "b"], [merged]));
    const touching = { ...base, units: [unit("a", 0, 4), unit("a", 4, 4), unit("b", 0, 8)] };
    // Two units of 4 against one of 8: (0−0)² + (4−8)² + (4−0)² + (8−8)² = 32, uDo = 2·32 / (2·40²).
    expect(unitizingDisagreement(["a", "b"], [touching])!.observed).toBeCloseTo(64 / 3200, 12);
  });

  it("lets no gap cross from one continuum into the next, so two passages equal their concatenation when no gap meets the seam", () => {
    // Both observers have a unit ending at 10 and one starting at 10 (touching), so no gap crosses the seam either way.
    const first = { start: 0, end: 10, units: [unit("a", 6, 4), unit("b", 5, 5)] };
    const second = { start: 0, end: 20, units: [unit("a", 0, 3), unit("b", 0, 2), unit("b", 12, 3)] };
    const joined = { start: 0, end: 30, units: [...first.units, ...second.units.map((u) => ({ ...u, start: u.start + 10, end: u.end + 10 }))] };
    const split = unitizingDisagreement(["a", "b"], [first, second])!;
    const whole = unitizingDisagreement(["a", "b"], [joined])!;
    expect(split.observed).toBeCloseTo(whole.observed, 12);
    expect(split.expected).toBeCloseTo(whole.expected, 12);
    expect(unitizingDisagreement(["a", "b"], [second, first])).toEqual(split);
  });

  it("is 1 for identical unitizations and null when nobody marked anything", () => {
    const same = { start: 0, end: 50, units: [unit("a", 5, 10), unit("b", 5, 10), unit("a", 30, 3), unit("b", 30, 3)] };
    expect(krippendorffUnitizingAlpha(["a", "b"], [same])).toBe(1);
    expect(krippendorffUnitizingAlpha(["a", "b"], [{ start: 0, end: 50, units: [] }])).toBeNull();
  });

  it("counts an observer without units as having read the continuum as one gap", () => {
    // b marked nothing: a's unit lies in b's gap, 10² = 100 → uDo = 2·100 / (2·50²).
    const result = unitizingDisagreement(["a", "b"], [{ start: 0, end: 50, units: [unit("a", 0, 10)] }])!;
    expect(result.observed).toBeCloseTo(0.04, 12);
  });

  it("computes uDo/uDe for three observers but gives no uα (the 2004 definition misbehaves beyond two)", () => {
    const same = { start: 0, end: 50, units: ["a", "b", "c"].map((o) => unit(o, 5, 10)) };
    expect(unitizingDisagreement(["a", "b", "c"], [same])!.observed).toBe(0);
    expect(krippendorffUnitizingAlpha(["a", "b", "c"], [same])).toBeNull();
    expect(krippendorffUnitizingAlpha(["a"], [same])).toBeNull();
  });

  it("rejects a unit outside its continuum", () => {
    expect(() => unitizingDisagreement(["a", "b"], [{ start: 0, end: 10, units: [unit("a", 8, 5)] }])).toThrow(/outside the continuum/);
  });
});
