import { describe, expect, it } from "vitest";
import { jsonlLine } from "./jsonl";
import type { ExportMention } from "./records";
import { link, mention, mentionNeedsReview, mentionTwoQuantities, mentionTwoSpeakers } from "./test-fixtures";

/** The same record with its keys (and nested keys) inserted in reverse order. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    ) as T;
  }
  return value;
}

const back = (m: ExportMention) => JSON.parse(jsonlLine(m));

describe("jsonlLine", () => {
  it("writes exactly one line ending in a newline, even with line breaks in the text", () => {
    const line = jsonlLine(mention({ exact: "một\nhai\r\nba\u2028bốn\u2029năm", note: "x\ny" }));
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it("parses back to the record's values, absent fields as null", () => {
    const m = mention({ exact: "một\u2028hai", fields: { date: "2023-09-13" } });
    expect(back(m)).toMatchObject({
      annotationId: m.annotationId,
      exact: "một\u2028hai",
      start: m.start,
      end: m.end,
      independentOrigins: ["White House"],
      speakers: [{ name: "White House", type: "source", kind: "GOVERNMENT" }],
      fields: { date: "2023-09-13", dateValue: null, datePrecision: null, quantities: null, item: null },
      orphaned: false,
      needsReview: false,
      propositions: [link()],
    });
  });

  it("writes every speaker in order with its type and kind", () => {
    expect(back(mentionTwoSpeakers()).speakers).toEqual([
      { name: "Dmitry Peskov", type: "entity", kind: "PERSON" },
      { name: "TASS", type: "source", kind: "STATE_MEDIA" },
    ]);
    expect(back(mentionTwoSpeakers()).independentOrigins).toEqual(["Dmitry Peskov, for Russia", "TASS, for Russia"]);
    expect(back(mention({ speakers: [] })).speakers).toEqual([]);
  });

  it("writes the quantities with a null item where none is counted, and the parsed date", () => {
    expect(back(mentionTwoQuantities()).fields).toEqual({
      date: "13/9/2023",
      dateValue: "2023-09-13",
      datePrecision: "day",
      quantities: [
        { value: "hơn 1.000", item: "container" },
        { value: "5", item: null },
      ],
      item: "đạn dược",
    });
  });

  it.each([
    ["needs review", mentionNeedsReview(), { needsReview: true, orphaned: false }],
    ["orphaned", mention({ orphaned: true }), { needsReview: false, orphaned: true }],
  ])("marks a %s claim", (_, m, marks) => {
    expect(back(m)).toMatchObject(marks);
  });

  it("keeps a stable key order whatever order the record was built in", () => {
    for (const m of [mention(), mentionTwoSpeakers(), mentionTwoQuantities()]) expect(jsonlLine(reversed(m))).toBe(jsonlLine(m));
    expect(Object.keys(back(mention())).slice(0, 3)).toEqual(["annotationId", "articleId", "articleTitle"]);
  });

  it("gives every line the same keys, whatever is missing", () => {
    const sparse: ExportMention = mention({
      articleUrl: null,
      speakers: [],
      note: null,
      fields: {},
      propositions: [],
      orphaned: undefined,
      needsReview: undefined,
    });
    const keys = (m: ExportMention) => JSON.stringify(Object.keys(back(m)));
    expect(keys(sparse)).toBe(keys(mentionNeedsReview()));
    expect(Object.keys(back(sparse).fields)).toEqual(["date", "dateValue", "datePrecision", "quantities", "item"]);
    expect(Object.keys(back(mentionTwoQuantities()).fields)).toEqual(["date", "dateValue", "datePrecision", "quantities", "item"]);
  });
});
