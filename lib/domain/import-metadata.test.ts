import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveTitle, detectLanguage, parseArticle, type ParsedArticle } from "./import-metadata";

const SEEDS = path.resolve(__dirname, "../../../shared/corpus/seeds");
const seedsExist = fs.existsSync(SEEDS);

function readSeed(prefix: string): string {
  const file = fs.readdirSync(SEEDS).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing from ${SEEDS}`);
  return fs.readFileSync(path.join(SEEDS, file), "utf8");
}

type SeedExpectation = Partial<Omit<ParsedArticle, "passages" | "metadataLines">> & {
  passages: number;
  duplicates?: number;
  titleStartsWith?: string;
  urlStartsWith?: string;
  metadataKinds: string[];
};

const SEED_EXPECTATIONS: [string, SeedExpectation][] = [
  [
    "000",
    {
      publishedAt: "2023-09-14",
      origins: [],
      byline: null,
      titleFromHeading: false,
      titleStartsWith: "Tổng thống Nga Vladimir Putin hôm qua 13/09/2023",
      passages: 8,
      metadataKinds: ["date"],
    },
  ],
  [
    "001",
    {
      byline: "Đức Trung",
      origins: ["Reuters", "Japan Times"],
      publishedAt: null,
      publisher: null,
      titleFromHeading: false,
      passages: 10,
      metadataKinds: ["credit"],
    },
  ],
  ["002", { origins: [], publishedAt: null, byline: null, titleFromHeading: false, passages: 15, metadataKinds: [] }],
  [
    "003",
    { origins: ["ntdvn.net"], byline: "Lam Giang", titleFromHeading: false, passages: 27, metadataKinds: ["credit"] },
  ],
  [
    "004",
    {
      title: "Chuyến thăm Nga của nhà lãnh đạo Triều Tiên Kim Jong Un khiến phương Tây cảnh giác",
      titleFromHeading: true,
      byline: "Trung Hiếu",
      publisher: "VOV.VN",
      origins: ["CNN"],
      urlStartsWith: "https://vov.vn/the-gioi/",
      passages: 25,
      duplicates: 2,
      metadataKinds: ["title", "credit", "url"],
    },
  ],
];

describe.skipIf(!seedsExist)(
  seedsExist ? "seed corpus metadata" : `seed corpus not found at ${SEEDS}; skipping seed metadata tests`,
  () => {
    it.each(SEED_EXPECTATIONS)("seed %s", (prefix, expected) => {
      const article = parseArticle(readSeed(prefix));
      const { passages, duplicates, titleStartsWith, urlStartsWith, metadataKinds, ...fields } = expected;
      expect(article).toMatchObject(fields);
      expect(article.passages).toHaveLength(passages);
      expect(article.passages.filter((p) => p.isDuplicate)).toHaveLength(duplicates ?? 0);
      expect(article.metadataLines.map((m) => m.kind)).toEqual(metadataKinds);
      expect(article.language).toBe("vi");
      expect(article.title.length).toBeGreaterThan(0);
      expect(Array.from(article.title).length).toBeLessThanOrEqual(150);
      if (titleStartsWith) expect(article.title.startsWith(titleStartsWith)).toBe(true);
      if (urlStartsWith) expect(article.url?.startsWith(urlStartsWith)).toBe(true);
      // Body text stays verbatim: every passage is a line of the source file.
      const sourceLines = readSeed(prefix).split("\n").map((line) => line.trim());
      for (const passage of article.passages) expect(sourceLines).toContain(passage.text);
    });

    it("keeps in-text attributions in seed 000 as body text", () => {
      const article = parseArticle(readSeed("000"));
      expect(article.passages.at(-1)?.text).toMatch(/^AFP trích các hãng tin của Nga/);
      expect(article.passages[0].text).toContain("theo hãng tin AFP trích dẫn");
    });

    it("flags the repeated photo captions of seed 004, not their first occurrence", () => {
      const flagged = parseArticle(readSeed("004")).passages.filter((p) => p.isDuplicate);
      expect(flagged).toHaveLength(2);
      expect(flagged[0].text).toMatch(/^Nhà lãnh đạo Triều Tiên Kim Jong Un cùng Bộ trưởng/);
      expect(flagged[1].text).toMatch(/^Nhà lãnh đạo Triều Tiên Kim Jong Un \(trái\)/);
    });
  },
);

describe("parseArticle on English text", () => {
  it("reads a Published line, a By line and a Source line", () => {
    const article = parseArticle(
      [
        "Putin and Kim meet in Vladivostok",
        "",
        "Published: September 14, 2023",
        "",
        "The two leaders met at the Vostochny cosmodrome on Wednesday.",
        "",
        "The White House said the talks were about arms.",
        "",
        "By Jane Doe",
        "",
        "Source: AP",
      ].join("\r\n"),
    );
    expect(article).toMatchObject({
      title: "Putin and Kim meet in Vladivostok",
      titleFromHeading: true,
      publishedAt: "2023-09-14",
      byline: "Jane Doe",
      origins: ["AP"],
      publisher: null,
      language: "en",
    });
    expect(article.passages.map((p) => p.text)).toEqual([
      "The two leaders met at the Vostochny cosmodrome on Wednesday.",
      "The White House said the talks were about arms.",
    ]);
    expect(article.metadataLines.map((m) => m.kind)).toEqual(["title", "date", "credit", "credit"]);
  });

  it("takes a Markdown heading as the title and keeps other Markdown as written", () => {
    const article = parseArticle("# Kim visits Russia\nPublished: 14 September 2023\nKim arrived by *armoured train*.\n## Gifts\nHe was given a rifle.");
    expect(article.title).toBe("Kim visits Russia");
    expect(article.titleFromHeading).toBe(true);
    expect(article.publishedAt).toBe("2023-09-14");
    expect(article.passages.map((p) => p.text)).toEqual([
      "Kim arrived by *armoured train*.",
      "## Gifts",
      "He was given a rifle.",
    ]);
  });

  it("uses a bare URL and a Source URL at the end", () => {
    const article = parseArticle("Kim met Putin on Wednesday.\nIt was his first trip abroad in years.\nSource: https://apnews.com/article/kim-putin");
    expect(article.url).toBe("https://apnews.com/article/kim-putin");
    expect(article.publisher).toBeNull();
    expect(article.passages).toHaveLength(2);
  });

  it("derives the title from the first sentence when there is no standalone heading", () => {
    const article = parseArticle("Kim met Putin at the cosmodrome. They talked for hours.\nMore text here.");
    expect(article).toMatchObject({ title: "Kim met Putin at the cosmodrome", titleFromHeading: false });
    expect(article.passages).toHaveLength(2);
  });

  it("does not take a first line ending in a period as a heading", () => {
    const article = parseArticle("Kim met Putin.\n\nThey talked for hours.");
    expect(article.titleFromHeading).toBe(false);
    expect(article.passages).toHaveLength(2);
  });

  it("takes the publisher from a labelled URL only when no credit named one", () => {
    const article = parseArticle("Tiêu đề bài\n\nNội dung bài viết về chuyến thăm.\n\nTheo Reuters\n\nNguồn VOV: https://vov.vn/x");
    expect(article).toMatchObject({ publisher: "VOV", origins: ["Reuters"], url: "https://vov.vn/x" });
  });

  it("ignores a credit-like line that is not among the last three paragraphs", () => {
    const article = parseArticle("Heading\n\nTheo Reuters\n\nOne.\n\nTwo.\n\nThree.");
    expect(article.origins).toEqual([]);
    expect(article.passages.map((p) => p.text)).toContain("Theo Reuters");
  });

  it("deduplicates origins across credit lines", () => {
    const article = parseArticle("Body text here.\n\nTheo Reuters, AFP\n\nNguồn: reuters");
    expect(article.origins).toEqual(["Reuters", "AFP"]);
  });
});

describe("parseArticle edge cases", () => {
  it.each([
    ["empty text", ""],
    ["whitespace only", " \n\r\n\t"],
    ["a BOM only", "\uFEFF"],
  ])("%s gives an empty title and no passages", (_label, raw) => {
    expect(parseArticle(raw)).toMatchObject({ title: "", passages: [], metadataLines: [], language: null });
  });

  it("names an article that holds only metadata after its first line", () => {
    const article = parseArticle("Published: 14/09/2023\n\nBy Jane Doe");
    expect(article.passages).toEqual([]);
    expect(article.publishedAt).toBe("2023-09-14");
    expect(article.byline).toBe("Jane Doe");
    expect(article.title).toBe("Published: 14/09/2023");
    expect(article.metadataLines.map((m) => m.kind)).toEqual(["date", "credit"]);
  });

  it("keeps a single heading-like line as body text when nothing follows it", () => {
    const article = parseArticle("Kim visits Russia\n");
    expect(article).toMatchObject({ title: "Kim visits Russia", titleFromHeading: false });
    expect(article.passages).toHaveLength(1);
  });

  it("normalizes NFD input before parsing", () => {
    const article = parseArticle("Bình Nhưỡng đón Putin".normalize("NFD"));
    expect(article.passages[0].text).toBe("Bình Nhưỡng đón Putin");
    expect(article.language).toBe("vi");
  });
});

describe("deriveTitle", () => {
  it.each([
    ["Short sentence. Another one.", "Short sentence"],
    ["Is it true? Yes.", "Is it true?"],
    ["U.S. officials warned Kim. More.", "U.S. officials warned Kim"],
    ["No terminator at all", "No terminator at all"],
  ])("%s → %s", (paragraph, expected) => {
    expect(deriveTitle(paragraph)).toBe(expected);
  });

  it("cuts a long first sentence at a word boundary with an ellipsis", () => {
    const sentence = `${"Kim Jong Un đến Nga, ".repeat(10)}hết.`;
    const title = deriveTitle(sentence);
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    expect(title.endsWith("…")).toBe(true);
    const kept = title.slice(0, -1);
    expect(sentence.startsWith(kept)).toBe(true);
    expect(sentence[kept.length]).toMatch(/[\s,]/);
  });
});

describe("detectLanguage", () => {
  it.each([
    ["Lãnh đạo Triều Tiên Kim Jong Un đến Nga", "vi"],
    ["The White House said North Korea shipped shells to Russia.", "en"],
    ["Le président a été reçu à Moscou pour une visite.", null],
    ["Kim Jong Un den tham Nga", null],
    ["12/09/2023", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
