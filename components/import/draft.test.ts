import { describe, expect, it } from "vitest";
import { NO_DATE_WARNING, NO_PUBLISHER_WARNING, type ParsedArticle } from "@/lib/domain/import-metadata";
import { draftAfterImport, draftFromPreview, draftWarnings, importInputOf } from "./draft";

const parsed: ParsedArticle = {
  title: "Rice exports rise",
  titleFromHeading: true,
  publishedAt: "2023-09-14",
  publisher: null,
  origins: ["Reuters", "Japan Times"],
  byline: null,
  url: null,
  language: "en",
  passages: [{ text: "Rice exports rise", isDuplicate: false, isCaption: false }],
  metadataLines: [],
  warnings: [],
};

describe("draftFromPreview", () => {
  it.each([
    { duplicateOf: null, status: "ready" },
    { duplicateOf: { id: "a1", title: "Old" }, status: "duplicate" },
  ])("starts as $status", ({ duplicateOf, status }) => {
    expect(draftFromPreview({ parsed, duplicateOf }, "text", "a.txt")).toMatchObject({ text: "text", fileName: "a.txt", duplicateOf, status });
  });

  it("turns missing metadata into empty fields and joins origins", () => {
    expect(draftFromPreview({ parsed, duplicateOf: null }, "text").values).toEqual({
      title: "Rice exports rise",
      publishedAt: "2023-09-14",
      publisher: "",
      origins: "Reuters, Japan Times",
      byline: "",
      url: "",
      language: "en",
    });
  });

  it("gives each draft its own key", () => {
    const a = draftFromPreview({ parsed, duplicateOf: null }, "x");
    const b = draftFromPreview({ parsed, duplicateOf: null }, "x");
    expect(a.key).not.toBe(b.key);
  });
});

describe("importInputOf", () => {
  it("splits edited origins and drops empty optional fields", () => {
    const d = draftFromPreview({ parsed, duplicateOf: null }, "text");
    const input = importInputOf({ ...d, values: { ...d.values, origins: " AFP, ,Reuters ", byline: "" } });
    expect(input).toMatchObject({ origins: ["AFP", "Reuters"], byline: undefined, publisher: undefined, title: "Rice exports rise" });
  });
});

describe("draftAfterImport", () => {
  const d = draftFromPreview({ parsed, duplicateOf: null }, "text");
  it.each([
    { name: "success", res: { ok: true, data: { id: "n1" } } as const, patch: { status: "done", articleId: "n1" } },
    {
      name: "duplicate found on save",
      res: { ok: false, error: { message: "Already imported", details: { articleId: "o1" } } } as const,
      patch: { status: "duplicate", error: "Already imported", duplicateOf: { id: "o1", title: "Rice exports rise" } },
    },
    {
      name: "field error",
      res: { ok: false, error: { message: "Invalid", details: { fields: { url: "Enter a full URL" } } } } as const,
      patch: { status: "error", error: "Invalid", fieldErrors: { url: "Enter a full URL" }, duplicateOf: null },
    },
  ])("$name", ({ res, patch }) => {
    expect(draftAfterImport(d, res)).toEqual(expect.objectContaining(patch));
  });
});

describe("draftWarnings", () => {
  const unattributed: ParsedArticle = { ...parsed, origins: [], publishedAt: null, warnings: [NO_PUBLISHER_WARNING, NO_DATE_WARNING] };
  const base = draftFromPreview({ parsed: unattributed, duplicateOf: null }, "text");
  const fields = (values: Partial<typeof base.values>, extra: string[] = []) =>
    draftWarnings({ parsed: { ...unattributed, warnings: [...unattributed.warnings, ...extra] }, values: { ...base.values, ...values } }).map((w) => [
      w.field,
      w.message,
    ]);

  it.each([
    {
      name: "nothing filled in",
      values: {},
      want: [
        ["publisher", NO_PUBLISHER_WARNING],
        ["publishedAt", NO_DATE_WARNING],
      ],
    },
    { name: "a publisher typed in", values: { publisher: "VnExpress" }, want: [["publishedAt", NO_DATE_WARNING]] },
    { name: "an origin typed in", values: { origins: " Reuters " }, want: [["publishedAt", NO_DATE_WARNING]] },
    {
      name: "only commas as origins",
      values: { origins: " , " },
      want: [
        ["publisher", NO_PUBLISHER_WARNING],
        ["publishedAt", NO_DATE_WARNING],
      ],
    },
    { name: "everything filled in", values: { publisher: "VOV", publishedAt: "2023-09-14" }, want: [] },
  ])("$name", ({ values, want }) => {
    expect(fields(values)).toEqual(want);
  });

  it("works from the fields, not the parse, when a page's metadata filled them", () => {
    const withPublisher = draftFromPreview({ parsed: { ...unattributed, publisher: "VOV.VN" }, duplicateOf: null }, "text");
    expect(draftWarnings(withPublisher).map((w) => w.field)).toEqual(["publishedAt"]);
  });

  it("keeps any other parse warning for the card as a whole", () => {
    expect(fields({ publisher: "VOV", publishedAt: "2023-09-14" }, ["Something else"])).toEqual([[null, "Something else"]]);
  });
});
