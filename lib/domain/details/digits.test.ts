import { describe, expect, it } from "vitest";
import { readDigits, scaleDigits } from "./digits";

/** The plain value of a digit string, or "fail". */
function value(text: string): number | "fail" {
  const r = readDigits(text);
  return r.ok ? scaleDigits(r.value, 1) : "fail";
}

describe("readDigits", () => {
  // vi copy groups with "." and writes decimals with ","; en copy does the reverse.
  const vi: [string, number | "fail"][] = [
    ["5", 5],
    ["1000", 1000],
    ["1.000", 1000],
    ["1.000.000", 1_000_000],
    ["2,5", 2.5],
    ["1.000,5", 1000.5],
    ["1.234.567,89", 1_234_567.89],
    ["0,500", 0.5],
    ["12,50", 12.5],
  ];
  const en: [string, number | "fail"][] = [
    ["1,000", 1000],
    ["1,000,000", 1_000_000],
    ["12.5", 12.5],
    ["1.5", 1.5],
    ["1,000.5", 1000.5],
    ["1,234,567.89", 1_234_567.89],
    ["0.500", 0.5],
    ["1,5000", 1.5],
  ];
  const failures: [string, number | "fail"][] = [
    ["1.2.3", "fail"], // two decimal marks
    ["1.00.000", "fail"], // groups must be three digits
    ["1,000.000,5", "fail"], // the decimal mark appears twice
    ["1.5,000", "fail"], // "." cannot group a single digit before ","
    ["1234.567", "fail"], // three digits after the mark but a four-digit head: neither grouping nor a plausible decimal
  ];
  it.each(vi)("vi: %s → %s", (text, expected) => expect(value(text)).toBe(expected));
  it.each(en)("en: %s → %s", (text, expected) => expect(value(text)).toBe(expected));
  it.each(failures)("rejects %s", (text, expected) => expect(value(text)).toBe(expected));

  it("explains how to write a number it cannot read", () => {
    expect(readDigits("1.2.3")).toEqual({
      ok: false,
      reason: 'cannot read the number "1.2.3": use . or , between groups of three digits (1.000 or 1,000) and the other mark for decimals',
      problem: { code: "badDigits", values: { text: "1.2.3" } },
    });
  });

  it.each([
    ["2,3", 1e6, 2_300_000],
    ["1,5", 1e6, 1_500_000],
    ["0.1", 1e9, 100_000_000],
  ])("scales %s × %d exactly to %d", (text, scale, expected) => {
    const r = readDigits(text);
    expect(r.ok && scaleDigits(r.value, scale)).toBe(expected);
  });
});
