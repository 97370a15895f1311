import { describe, expect, it } from "vitest";
import {
  alphaVerdict,
  cellColours,
  contrast,
  DIVERGING,
  formatScore,
  kappaVerdict,
  legendGradient,
  type Rgb,
  scaleColour,
  SEQUENTIAL,
  whyNoUnitizing,
  WHY_UNDEFINED,
} from "./agreement-format";
import messages from "@/messages/en.json";

describe("formatScore", () => {
  it.each([
    [null, "—"],
    [Number.NaN, "—"],
    [0, "0.000"],
    [1, "1.000"],
    [0.8125, "0.813"],
    [-0.12, "\u22120.120"],
    [-0.0001, "0.000"],
  ])("%s → %s", (value, text) => expect(formatScore(value)).toBe(text));
});

describe("verdicts", () => {
  it.each([
    [0.8, "reliable"],
    [0.79, "tentative"],
    [0.667, "tentative"],
    [0.5, "unreliable"],
    [null, null],
  ])("alpha %s is %s", (value, verdict) => expect(alphaVerdict(value)).toBe(verdict));

  it.each([
    [-0.1, "poor (below chance)"],
    [0.35, "fair"],
    [0.61, "substantial"],
    [0.95, "almost perfect"],
  ])("kappa %s is %s", (value, verdict) => expect(kappaVerdict(value)).toBe(verdict));

  it("says why uα is missing from the number of annotators", () => {
    expect(whyNoUnitizing(3)).toBe("unitizingMany");
    expect(whyNoUnitizing(1)).toBe("unitizingFew");
    expect(whyNoUnitizing(2)).toBe("unitizingEmpty");
  });
});

describe("scaleColour", () => {
  it("hits the stops and interpolates between them", () => {
    expect(scaleColour(0, SEQUENTIAL)).toEqual([248, 250, 252]);
    expect(scaleColour(1, SEQUENTIAL)).toEqual([30, 58, 138]);
    expect(scaleColour(0.25, SEQUENTIAL)).toEqual([198, 224, 253]);
  });

  it("clamps values past the ends", () => {
    expect(scaleColour(-0.5, SEQUENTIAL)).toEqual(SEQUENTIAL[0]!.rgb);
    expect(scaleColour(2, DIVERGING)).toEqual([30, 58, 138]);
    expect(scaleColour(-1, DIVERGING)).toEqual([185, 28, 28]);
  });

  it("gets darker as agreement grows", () => {
    const dark = (v: number) => contrast(scaleColour(v, SEQUENTIAL), [255, 255, 255]);
    expect(dark(0.9)).toBeGreaterThan(dark(0.5));
    expect(dark(0.5)).toBeGreaterThan(dark(0.1));
  });
});

describe("cellColours", () => {
  const parse = (c: string) => c.match(/\d+/g)!.map(Number) as unknown as Rgb;

  it.each([0, 0.2, 0.45, 0.5, 0.55, 0.8, 1, -1, -0.5])("keeps the printed number readable (AA) at %s", (v) => {
    const { background, color } = cellColours(v, v < 0 ? DIVERGING : SEQUENTIAL);
    expect(contrast(parse(background), parse(color))).toBeGreaterThanOrEqual(4.5);
  });

  it("greys out a missing value", () => {
    expect(cellColours(null, SEQUENTIAL).background).toBe("rgb(226 232 240)");
  });
});

describe("legendGradient", () => {
  it("places each stop at its share of the range", () => {
    expect(legendGradient(DIVERGING)).toBe("linear-gradient(to right, rgb(185 28 28) 0%, rgb(248 250 252) 50%, rgb(147 197 253) 75%, rgb(30 58 138) 100%)");
  });
});

describe("WHY_UNDEFINED and the catalogue", () => {
  it("has a message in sessions.agreement.why for each reason, which the heat map shows", () => {
    expect(Object.keys(messages.sessions.agreement.why).sort()).toEqual([...WHY_UNDEFINED].sort());
  });
});
