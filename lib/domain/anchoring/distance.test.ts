import { describe, expect, it } from "vitest";
import { anchoredDistance, codePoints, editDistance } from "./distance";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["Bắc Hản", "Bắc Hàn", 1],
    ["tin giả", "thông tin bịa đặt", 13],
    ["👍🏽", "👍", 1], // code points, not UTF-16 units
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(codePoints(a), codePoints(b))).toBe(d);
  });
});

describe("anchoredDistance", () => {
  it.each([
    ["context running on past the stored part is free", "abc", "abcxyz", 0],
    ["text squeezed in at the anchor costs", "abc", "xabc", 1],
    ["a missing space costs one", "trong khi", "trongkhi phía", 1],
    ["text that ran out costs the rest", "abc", "ab", 1],
    ["an empty pattern", "", "abc", 0],
    ["unrelated text costs a lot", "Giới chức Nga", "Các chuyên gia", 10],
  ])("%s", (_label, pattern, text, d) => {
    expect(anchoredDistance(codePoints(pattern), codePoints(text))).toBe(d);
  });
});

describe("codePoints", () => {
  it.each([
    ["", []],
    ["ab", [0x61, 0x62]],
    ["a👍🏽", [0x61, 0x1f44d, 0x1f3fd]],
    ["ễ", [0x1ec5]],
  ])("%j", (s, codes) => {
    expect(Array.from(codePoints(s))).toEqual(codes);
  });
});
