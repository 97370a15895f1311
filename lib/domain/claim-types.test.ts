import { describe, expect, it } from "vitest";
import { DEFAULT_CLAIM_TYPES, foldForMatch, slugify } from "./claim-types";

describe("foldForMatch", () => {
  it.each([
    ["Bình Nhưỡng", "binh nhuong"],
    ["Đức Trung", "duc trung"],
    ["BẮC  HÀN", "bac han"],
    ["Bắc Triều Tiên".normalize("NFD"), "bac trieu tien"],
    ["North Korea", "north korea"],
  ])("%s → %s", (input, expected) => expect(foldForMatch(input)).toBe(expected));
});

describe("slugify", () => {
  it("folds Vietnamese to ASCII", () => expect(slugify("Bàn tin Đối chiếu")).toBe("ban-tin-doi-chieu"));
  it("never returns an empty slug", () => expect(slugify("???")).toBe("workspace"));
});

describe("default claim types", () => {
  it("have distinct shortcuts 1–9", () => {
    expect(DEFAULT_CLAIM_TYPES.map((t) => t.shortcut)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
