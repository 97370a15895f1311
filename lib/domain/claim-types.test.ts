import { describe, expect, it } from "vitest";
import { DEFAULT_CLAIM_TYPES, defaultClaimTypes, foldForMatch, slugify } from "./claim-types";

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

describe("defaultClaimTypes", () => {
  it("names each type with the given labels, keeping keys, colours and shortcuts", () => {
    const named = defaultClaimTypes((key) => (key === "denial" ? "Phủ nhận" : null));
    expect(named.find((t) => t.key === "denial")?.label).toBe("Phủ nhận");
    expect(named.find((t) => t.key === "gift")?.label).toBe("Gift");
    expect(named.map(({ key, color, shortcut }) => ({ key, color, shortcut }))).toEqual(
      DEFAULT_CLAIM_TYPES.map(({ key, color, shortcut }) => ({ key, color, shortcut })),
    );
  });
});
