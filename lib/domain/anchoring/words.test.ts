import { describe, expect, it } from "vitest";
import { changedMiddle, describeChange, isRewording, numberChange, shortQuote, tokens } from "./words";

describe("tokens", () => {
  it.each([
    ["Nga, tin giả", ["Nga", ", ", "tin", " ", "giả"]],
    ["n̈ 1️⃣!", ["n̈", " ", "1️⃣", "!"]], // marks belong to their word
    ["“a”", ["“", "a", "”"]],
    ["", []],
  ])("%j", (s, expected) => {
    expect(tokens(s)).toEqual(expected);
  });
});

describe("changedMiddle", () => {
  it.each([
    ["Giới chức Nga gọi đây là tin giả", "Giới chức Nga gọi đây là thông tin bịa đặt", "tin giả", "thông tin bịa đặt"],
    ["áo giáp với các vùng bảo vệ", "áo giáp với các vùng được bảo vệ", "", "được"],
    ["áo giáp với các vùng bảo vệ", "áo giáp các vùng bảo vệ", "với", ""],
    ["Bắc Hản đã phóng", "Bắc Hàn đã phóng", "Hản", "Hàn"],
    ["same words", "same words", "", ""],
    ["a a a", "a a", "a", ""], // leading and trailing runs never overlap
  ])("%s → %s", (before, after, b, a) => {
    expect(changedMiddle(before, after)).toEqual({ before: b, after: a });
  });
});

describe("isRewording", () => {
  it.each([
    ["tin giả", "thông tin bịa đặt", true],
    ["năm", "sáu", true],
    ["Hản", "Hàn", false],
    ["giả", "gỉa", false], // a tone mark on the wrong vowel
    ["đã", "sẽ", true], // past → future is a different word, not a typo
    ["A", "An", false],
    ["Whitfeild", "Whitfield", false],
    ["hospitalisations", "hospitalizations", false],
    ["", "được", false],
    ["với", "", false],
  ])("%s → %s is %s", (before, after, expected) => {
    expect(isRewording({ before, after })).toBe(expected);
  });
});

describe("numberChange", () => {
  it.each([
    ["a $2.3 billion budget", "a $2.8 billion budget", { before: "2.3", after: "2.8" }],
    ["12 người, 3 tỉnh", "14 người, 3 tỉnh", { before: "12", after: "14" }],
    ["hơn 12.000 lần", "hơn 12,000 lần", { before: "12.000", after: "12,000" }],
    ["12,000 acers", "12,000 acres", null],
    ["no figures", "none here", null],
    ["thứ 5", "thứ năm", { before: "5", after: "" }],
  ])("%s → %s", (before, after, expected) => {
    expect(numberChange(before, after)).toEqual(expected);
  });
});

describe("describeChange and shortQuote", () => {
  it.each([
    [{ before: "tin giả", after: "thông tin bịa đặt" }, "'tin giả' → 'thông tin bịa đặt'"],
    [{ before: "", after: "kịp" }, "(nothing) → 'kịp'"],
    [{ before: "x".repeat(50), after: "y" }, `'${"x".repeat(19)}…${"x".repeat(19)}' → 'y'`],
  ])("%j", (change, text) => {
    expect(describeChange(change)).toBe(text);
  });

  it("keeps short text and never splits an emoji", () => {
    expect(shortQuote("ngắn")).toBe("ngắn");
    expect(Array.from(shortQuote("👍".repeat(50), 9))).toEqual([..."👍👍👍👍", "…", ..."👍👍👍👍"]);
  });
});
