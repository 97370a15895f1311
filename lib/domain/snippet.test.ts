import { describe, expect, it } from "vitest";
import { foldForMatch } from "./claim-types";
import { foldChar, foldWithOffsets, highlightSnippet, queryTerms, type Snippet } from "./snippet";

/** Renders a snippet as text with [brackets] around matches, for readable expectations. */
const show = (s: Snippet) => s.parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join("");
const marked = (s: Snippet) => s.parts.filter((p) => p.match).map((p) => p.text);

describe("foldChar", () => {
  it.each([
    ["à", "a"],
    ["Ư", "u"],
    ["ỡ", "o"],
    ["Đ", "d"],
    ["đ", "d"],
    ["\u0301", ""],
    ["İ", "i"],
    ["🚀", "🚀"],
  ])("%s → %s", (ch, expected) => expect(foldChar(ch)).toBe(expected));
});

describe("foldWithOffsets", () => {
  it.each(["Bình Nhưỡng", "Đức Trung", "BẮC  HÀN\n tin", "Bắc Triều Tiên".normalize("NFD"), "🚀 nhà máy 🇻🇳 xong "])("folds %j like foldForMatch", (text) =>
    expect(foldWithOffsets(text).folded).toBe(foldForMatch(text)),
  );

  it("maps every folded unit back to the original character, marks included", () => {
    const text = "nha\u0300 ma\u0301y";
    const { folded, from, to } = foldWithOffsets(text);
    expect(folded).toBe("nha may");
    expect(text.slice(from[0], to[2])).toBe("nha\u0300");
    expect(text.slice(from[4], to[6])).toBe("ma\u0301y");
  });
});

describe("queryTerms", () => {
  it.each([
    ["Nhà máy", ["nha may", "nha", "may"]],
    ["  DUC ", ["duc"]],
    ["a b", ["a b"]],
    ["x", []],
    ["", []],
  ])("%j → %j", (q, expected) => expect(queryTerms(q)).toEqual(expected));
});

describe("highlightSnippet", () => {
  it.each([
    {
      name: "phrase without accents",
      text: "Ông Kim đến thăm nhà máy chế tạo máy bay Sukhoi.",
      query: "nha may",
      expected: "Ông Kim đến thăm [nhà máy] chế tạo [máy] bay Sukhoi.",
    },
    {
      name: "place name",
      text: "Bình Nhưỡng bác bỏ cáo buộc.",
      query: "binh nhuong",
      expected: "[Bình Nhưỡng] bác bỏ cáo buộc.",
    },
    {
      name: "upper-case query, đ in the text",
      text: "Phóng viên Đức Trung",
      query: "DUC",
      expected: "Phóng viên [Đức] Trung",
    },
    {
      name: "emoji before the match",
      text: "🚀🚀 Tên lửa 🇰🇵 được phóng",
      query: "duoc",
      expected: "🚀🚀 Tên lửa 🇰🇵 [được] phóng",
    },
    {
      name: "words found apart when the phrase is not",
      text: "Máy bay của nhà nước",
      query: "nha may",
      expected: "[Máy] bay của [nhà] nước",
    },
    {
      name: "NFD text keeps its combining marks inside the mark",
      text: "tha\u0306m nha\u0300 ma\u0301y".normalize("NFD"),
      query: "nha may",
      expected: "tha\u0306m [nha\u0300 ma\u0301y]".normalize("NFD"),
    },
    {
      name: "a match across a double space",
      text: "thăm nhà  máy",
      query: "nha may",
      expected: "thăm [nhà  máy]",
    },
    {
      name: "prefers word starts over a match inside a word",
      text: "xmay và máy",
      query: "may",
      expected: "xmay và [máy]",
    },
    {
      name: "falls back to a match inside a word",
      text: "the Russian side",
      query: "ussia",
      expected: "the R[ussia]n side",
    },
    {
      name: "one-letter words are not marked on their own",
      text: "a cat and a dog",
      query: "a dog",
      expected: "a cat and [a dog]",
    },
  ])("$name", ({ text, query, expected }) => {
    const s = highlightSnippet(text, query);
    expect(show(s)).toBe(expected);
    expect(s.matched).toBe(true);
  });

  it("marks the original spelling for a folded query", () => {
    expect(marked(highlightSnippet("…thăm nhà máy chế tạo…", "nha may"))).toEqual(["nhà máy"]);
  });

  it("cuts a window at word boundaries around the first phrase match", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(10);
    const text = `${filler}Bình Nhưỡng phủ nhận ${filler}`;
    const s = highlightSnippet(text, "binh nhuong", 20);
    const out = show(s);
    expect(out.startsWith("…")).toBe(true);
    expect(out.endsWith("…")).toBe(true);
    expect(out).toContain("[Bình Nhưỡng] phủ nhận");
    // Whole words only at both cuts.
    const inner = out.slice(1, -1);
    expect(text).toContain(inner.replace(/[[\]]/g, ""));
    expect(inner).toMatch(/^(lorem|ipsum|dolor|sit|amet) /);
    expect(inner).toMatch(/ (lorem|ipsum|dolor|sit|amet)$/);
    expect(out.length).toBeLessThan(90);
  });

  it("gives unused room before an early match to the text after it", () => {
    const text = `Đức nói rằng ${"chữ ".repeat(50)}`;
    const s = highlightSnippet(text, "duc", 20);
    expect(s.parts[0]).toEqual({ text: "Đức", match: true });
    expect(show(s).length).toBeGreaterThan(35);
    expect(show(s).endsWith("…")).toBe(true);
  });

  it("never splits an emoji at a cut", () => {
    const text = `${"🚀".repeat(40)}nhà máy${"🇻🇳".repeat(40)}`;
    const out = show(highlightSnippet(text, "nha may", 10)).replace(/[…[\]]/g, "");
    expect(out).toContain("nhà máy");
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("without a match gives a window from the start", () => {
    const text = "Hội nghị thượng đỉnh kết thúc với nhiều cam kết về hợp tác quân sự giữa hai nước láng giềng.";
    const s = highlightSnippet(text, "zzz", 20);
    expect(s.matched).toBe(false);
    expect(s.parts).toEqual([{ text: "Hội nghị thượng đỉnh kết thúc với nhiều…", match: false }]);
  });

  it("returns short text whole, without ellipses", () => {
    expect(highlightSnippet("Moscow denies it", "xyz").parts).toEqual([{ text: "Moscow denies it", match: false }]);
    expect(highlightSnippet("", "xyz").parts).toEqual([]);
  });

  it("marks every occurrence within the window", () => {
    expect(show(highlightSnippet("Đức, đức và ĐỨC", "duc"))).toBe("[Đức], [đức] và [ĐỨC]");
  });
});
