import { describe, expect, it } from "vitest";
import { jsonlLine } from "./jsonl";
import type { ExportMention } from "./records";
import { link, mention } from "./test-fixtures";

/** The same record with its keys (and nested keys) inserted in reverse order. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) as T;
  }
  return value;
}

describe("jsonlLine", () => {
  it("writes exactly one line ending in a newline, even with line breaks in the text", () => {
    const line = jsonlLine(mention({ exact: "một\nhai\r\nba\u2028bốn\u2029năm", note: "x\ny" }));
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it("parses back to the record's values", () => {
    const m = mention({ exact: "một\u2028hai", speakerKind: undefined, fields: { date: "2023-09-13" } });
    const back = JSON.parse(jsonlLine(m));
    expect(back).toMatchObject({
      annotationId: m.annotationId,
      exact: "một\u2028hai",
      start: m.start,
      end: m.end,
      speakerKind: null,
      fields: { date: "2023-09-13", quantity: null, item: null },
      propositions: [link()],
    });
  });

  it("keeps a stable key order whatever order the record was built in", () => {
    const m = mention();
    expect(jsonlLine(reversed(m))).toBe(jsonlLine(m));
    expect(Object.keys(JSON.parse(jsonlLine(m))).slice(0, 3)).toEqual(["annotationId", "articleId", "articleTitle"]);
  });

  it("gives every line the same keys, whatever is missing", () => {
    const sparse: ExportMention = mention({ articleUrl: null, speaker: null, speakerKind: undefined, note: null, fields: {}, propositions: [] });
    const keys = (m: ExportMention) => JSON.stringify(Object.keys(JSON.parse(jsonlLine(m))));
    expect(keys(sparse)).toBe(keys(mention()));
    expect(Object.keys(JSON.parse(jsonlLine(sparse)).fields)).toEqual(["date", "quantity", "item"]);
  });
});
