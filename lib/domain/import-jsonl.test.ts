import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReanchorResult } from "./anchoring";
import type { ClaimDraft } from "./import-jsonl";
import {
  CLAIM_FIELDS,
  decodeBulkFile,
  detectJsonlKind,
  findArticle,
  locateSpan,
  matchClaimType,
  planArticle,
  readClaimLine,
  readJsonLines,
  reportErrors,
} from "./import-jsonl";

// Lets a test force what re-anchoring answers, so locateSpan's handling of each outcome is
// tested apart from the matching heuristics (lib/domain/anchoring has its own tests).
const forced = vi.hoisted(() => ({ result: undefined as ReanchorResult | undefined }));
vi.mock("./anchoring", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./anchoring")>();
  return { ...actual, reanchor: (...args: Parameters<typeof actual.reanchor>) => forced.result ?? actual.reanchor(...args) };
});
afterEach(() => {
  forced.result = undefined;
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;

describe("readJsonLines", () => {
  it("reads one object per line, skipping blank lines but counting them", () => {
    const r = readJsonLines('{"a":1}\n\n  \r\n{"b":2}\n');
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: 2 } },
    ]);
  });

  it("reports malformed JSON and non-objects with their line numbers", () => {
    const r = readJsonLines('{"a":1}\n{"a":}\n[1,2]\n"text"\nnull');
    expect(r.lines).toHaveLength(1);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(r.errors[0]?.message).toMatch(/^line 2: not valid JSON \(Unexpected token/);
    expect(r.errors[1]?.message).toBe("line 3: expected one JSON object per line, found an array");
    expect(r.errors[2]?.message).toBe("line 4: expected one JSON object per line, found a string");
    expect(r.errors[3]?.message).toBe("line 5: expected one JSON object per line, found null");
  });

  it("refuses files over the line limit before parsing them", () => {
    const r = readJsonLines("{}\n{}\n{}\n", 2);
    expect(r.tooMany).toBe(3);
    expect(r.lines).toEqual([]);
  });
});

describe("reportErrors", () => {
  it("sorts by line, keeps the first 100 and counts the rest", () => {
    const errors = Array.from({ length: 130 }, (_, i) => ({ line: 130 - i, message: `line ${130 - i}: bad` }));
    const r = reportErrors(errors);
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]).toBe("line 1: bad");
    expect(r.errors[99]).toBe("line 100: bad");
    expect(r.more).toBe(30);
  });
});

describe("decodeBulkFile", () => {
  it.each([
    ["empty", new Uint8Array(0), "a.jsonl is empty"],
    ["over 5 MB", new Uint8Array(5 * MB + 1).fill(0x7b), "a.jsonl is 5.1 MB; the limit is 5 MB"],
    ["UTF-16", Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]), "a.jsonl is not UTF-8 text (it contains NUL bytes; UTF-16 files must be saved as UTF-8)"],
    ["Latin-1", Uint8Array.from([0x7b, 0xe9, 0x7d]), "a.jsonl is not valid UTF-8 text (first bad byte at offset 1)"],
  ])("refuses %s with the limit or the fix in the message", (_label, bytes, error) => {
    expect(decodeBulkFile("a.jsonl", bytes)).toEqual({ ok: false, error });
  });

  it("strips a BOM and keeps the text as written", () => {
    expect(decodeBulkFile("a.jsonl", utf8('\uFEFF{"text":"x"}'))).toEqual({ ok: true, text: '{"text":"x"}' });
  });
});

const ARTICLE = "Kim thăm Nga\n\nĐăng ngày: 14/09/2023\n\nÔng Kim Jong-un đến Vostochny.\n\nHai bên hội đàm năm giờ.\n\n(Theo Reuters)";

describe("planArticle", () => {
  it("detects the metadata a line leaves out, as the import wizard does", () => {
    const r = planArticle(1, { text: ARTICLE });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.input).toMatchObject({ title: "Kim thăm Nga", publishedAt: "2023-09-14", origins: ["Reuters"], language: "vi" });
    expect(r.plan.parsed.passages.map((p) => p.text)).toEqual(["Ông Kim Jong-un đến Vostochny.", "Hai bên hội đàm năm giờ."]);
  });

  it("keeps given metadata, and null turns detection off", () => {
    const r = planArticle(1, { text: ARTICLE, title: "Given", publisher: "VnExpress", origins: null, publishedAt: null });
    expect(r.ok && r.plan.input).toMatchObject({ title: "Given", publisher: "VnExpress", origins: [], publishedAt: undefined });
  });

  it.each([
    [{ text: "x", titel: "typo" }, 'line 3: unknown field "titel" (allowed: text, title, publishedAt, publisher, origins, byline, url, language)'],
    [{ title: "no text" }, 'line 3: missing required field "text"'],
    [{ text: 42 }, 'line 3: "text" must be a string, not 42'],
    [{ text: "A paragraph.", publishedAt: "14/09/2023" }, 'line 3: "publishedAt": Use the date format yyyy-mm-dd'],
    [{ text: "A paragraph.", origins: "Reuters" }, 'line 3: "origins" must be an array, not a string'],
    [{ text: "   " }, 'line 3: "text": The text is empty: paste an article or choose a file'],
    [{ text: "# Only a title" }, "line 3: the text has no body paragraphs (only a title or metadata lines); nothing to import"],
  ])("reports %j with the line and the field", (row, message) => {
    const r = planArticle(3, row);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message)).toContain(message);
  });
});

describe("readClaimLine", () => {
  const base = { articleTitle: "Kim thăm Nga", passage: 0, start: 4, end: 10, claimType: "visit" };
  const read = (row: object) => {
    const r = readClaimLine(2, row);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
    return r.draft;
  };

  it("reads a claim with defaults", () => {
    expect(read({ ...base, modality: "reported", exact: "Kim".normalize("NFD") })).toMatchObject({
      line: 2,
      where: "line 2",
      article: { title: "Kim thăm Nga" },
      modality: "REPORTED",
      speakers: [],
      actors: [],
      fields: {},
    });
    expect(read({ ...base, modality: "Unconfirmed" }).modality).toBe("UNCONFIRMED");
  });

  it.each([
    ["several speakers, in order", { speakers: ["Dmitry Peskov", " TASS "] }, [{ name: "Dmitry Peskov" }, { name: "TASS" }]],
    ["no speaker", { speakers: [] }, []],
    ["the older one-name speaker", { speaker: "White House" }, [{ name: "White House" }]],
  ])("reads %s", (_, row, speakers) => {
    expect(read({ ...base, ...row }).speakers).toEqual(speakers);
  });

  it.each([
    [
      "the date, quantities and item",
      { date: "13/9/2023", quantities: [{ value: "hơn 1.000", item: "container" }, { value: " 5 " }], item: "đạn dược" },
      { date: "13/9/2023", quantities: [{ value: "hơn 1.000", item: "container" }, { value: "5" }], item: "đạn dược" },
    ],
    ["an older file's one quantity", { quantity: "hơn 1.000 container" }, { quantities: [{ value: "hơn 1.000 container" }] }],
    [
      "the export's parsed date, dropped (the server parses it again)",
      { date: "tháng 9/2023", dateValue: "2023-09", datePrecision: "month" },
      { date: "tháng 9/2023" },
    ],
    ["nulls and empty strings as absent", { date: null, quantities: null, item: "", quantity: null, dateValue: null }, {}],
    ["a quantity whose item is null", { quantities: [{ value: "5", item: null }] }, { quantities: [{ value: "5" }] }],
  ])("reads fields: %s", (_, fields, expected) => {
    expect(read({ ...base, fields }).fields).toEqual(expected);
  });

  it.each([
    [{ ...base, colour: "red" }, /^line 5: unknown field "colour"/],
    [{ ...base, fields: { date: "x", weight: 1 } }, /^line 5: unknown field "fields\.weight"$/],
    [{ ...base, articleTitle: undefined }, /^line 5: say which article: give articleId, articleUrl or articleTitle$/],
    [{ ...base, start: 1.5 }, /^line 5: "start" must be a whole number, not 1\.5$/],
    [{ ...base, start: "1" }, /^line 5: "start" must be a number, not a string$/],
    [{ ...base, passage: -1 }, /^line 5: "passage": must be 0 or more \(0 is the first paragraph\)$/],
    [{ ...base, actors: "Nga" }, /^line 5: "actors" must be an array, not a string$/],
    [{ ...base, modality: "maybe" }, /^line 5: "modality": must be one of asserted, reported, alleged, denied, speculative, forecast, unconfirmed$/],
    [{ ...base, articleId: "42" }, /^line 5: "articleId": must be an article id \(a UUID\)$/],
    [{ ...base, speakers: ["Peskov"], speaker: "TASS" }, /^line 5: give either "speakers" \(a list of names\) or the older "speaker" \(one name\), not both$/],
    [{ ...base, speakers: "Peskov" }, /^line 5: "speakers" must be an array, not a string$/],
    [{ ...base, speakers: ["Peskov", ""] }, /^line 5: "speakers\.1": a speaker is empty$/],
    [{ ...base, speakers: Array.from({ length: 11 }, (_, i) => `S${i}`) }, /^line 5: "speakers": At most 10 speakers$/],
    [{ ...base, speakers: ["Điện Kremlin", "điện kremlin"] }, /^line 5: "speakers": “điện kremlin” is listed twice$/],
    [{ ...base, speaker: ["Peskov"] }, /^line 5: "speaker" must be a string, not an array$/],
    [{ ...base, fields: { quantity: "5", quantities: [{ value: "5" }] } }, /^line 5: "fields": give either "quantities" or the older "quantity", not both$/],
    [{ ...base, fields: { quantities: [{ value: "" }] } }, /^line 5: "fields\.quantities\.0\.value": Write the count/],
    [{ ...base, fields: { quantities: [{ value: "5", unit: "kg" }] } }, /^line 5: unknown field "fields\.quantities\.0\.unit"$/],
    [{ ...base, fields: { quantities: "5" } }, /^line 5: "fields\.quantities" must be an array, not a string$/],
  ])("rejects %j", (row, message) => {
    const r = readClaimLine(5, row);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message).join("\n")).toMatch(message);
  });

  it("tells users the current fields, not the older speaker", () => {
    expect(CLAIM_FIELDS).toContain("speakers");
    expect(CLAIM_FIELDS).not.toContain("speaker");
    const r = readClaimLine(5, { ...base, speeker: "x" });
    expect(!r.ok && r.errors[0]?.message).toBe(`line 5: unknown field "speeker" (allowed: ${CLAIM_FIELDS.join(", ")})`);
  });
});

describe("detectJsonlKind", () => {
  it.each([
    [{ text: "x" }, "articles"],
    [{ passage: 0, start: 1 }, "claims"],
    [{ type: "Annotation", target: {} }, "web-annotations"],
    [{ hello: 1 }, null],
  ])("%j → %s", (value, kind) => expect(detectJsonlKind(value)).toBe(kind));
});

describe("locateSpan (code points)", () => {
  const text = "Tên lửa 🚀 được chuyển giao; tên lửa khác thì không.";
  const start = Array.from(text).indexOf("đ");

  it("keeps offsets that match the quote, counting the emoji as one", () => {
    expect(locateSpan(text, { start, end: start + 4, exact: "được" })).toEqual({ ok: true, start, end: start + 4, method: "exact" });
  });

  it("re-anchors when offsets were counted in UTF-16 units", () => {
    expect(locateSpan(text, { start: start + 1, end: start + 5, exact: "được" })).toMatchObject({ ok: true, start, end: start + 4, method: "moved" });
  });

  it("uses prefix and suffix to pick between repeated quotes", () => {
    const second = Array.from(text).lastIndexOf("t") - 2;
    const r = locateSpan(text, { start: 0, end: 3, exact: "tên lửa", prefix: "giao; ", suffix: " khác" });
    expect(r).toMatchObject({ ok: true, method: "moved" });
    expect(r.ok && Array.from(text).slice(r.start, r.end).join("")).toBe("tên lửa");
    expect(r.ok && r.start).toBeGreaterThan(second - 40);
  });

  it("reports offsets that do not match and a quote that is nowhere", () => {
    const r = locateSpan(text, { start: 0, end: 3, exact: "máy bay không người lái" });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^quote does not match the text at 0–3: /) });
    expect(locateSpan(text, { start: 0, end: 999 })).toEqual({
      ok: false,
      reason: `end 999 is outside the passage (length ${Array.from(text).length} code points)`,
    });
  });

  const found = (outcome: "exact" | "moved" | "fuzzy" | "needs_review"): ReanchorResult => ({
    outcome,
    start: 8,
    end: 12,
    confidence: 0.5,
    reason: "two places fit",
    why: { key: "ambiguous", values: { count: 2 } },
  });
  it.each([
    ["exact", found("exact"), { ok: true, start: 8, end: 12, method: "exact" }],
    ["moved", found("moved"), { ok: true, start: 8, end: 12, method: "moved" }],
    ["fuzzy", found("fuzzy"), { ok: true, start: 8, end: 12, method: "fuzzy" }],
    [
      "needs_review",
      found("needs_review"),
      { ok: false, reason: "no start/end given, and the quote was found elsewhere only uncertainly (two places fit); correct start and end" },
    ],
    [
      "orphaned",
      { outcome: "orphaned", confidence: 0, reason: "gone" } as ReanchorResult,
      { ok: false, reason: "no start/end given, and the quote was not found elsewhere in the passage" },
    ],
  ])("re-anchoring outcome %s: only a sure one is used", (_, result, expected) => {
    forced.result = result;
    expect(locateSpan(text, { start: null, end: null, exact: "được" })).toEqual(expected);
  });
});

describe("matchClaimType", () => {
  const types = [
    { key: "arms_transfer", label: "Arms transfer" },
    { key: "sanction_threat", label: "Sanction / threat" },
  ];
  it.each(["arms_transfer", "Arms transfer", "ARMS TRANSFER", "sanction threat", "Sanction / Threat"])("finds %s", (name) => {
    expect(matchClaimType(types, name)).toBeDefined();
  });
  it("finds nothing for an unknown name", () => expect(matchClaimType(types, "gift")).toBeUndefined());
});

describe("findArticle", () => {
  const A = { id: "a", title: "Kim thăm Nga", url: "https://x/1", contentHash: "h1" };
  const B = { id: "b", title: "Kim thăm Nga", url: "https://x/2", contentHash: "h2" };
  const C = { id: "c", title: "Moscow bác bỏ", url: null, contentHash: "h3" };
  const articles = [A, B, C];
  const draft = (article: ClaimDraft["article"], articleMatch: ClaimDraft["articleMatch"], exact?: string) => ({ article, articleMatch, exact }) as ClaimDraft;

  it.each([
    ["id", { id: "c" }, "c"],
    ["URL", { url: "https://x/2" }, "b"],
    ["title and URL narrowing each other", { title: "Kim thăm Nga", url: "https://x/1" }, "a"],
    ["an ambiguous title", { title: "Kim thăm Nga" }, { error: "2 articles match; give articleId to say which" }],
    ["a title that is not there", { title: "kim thăm nga" }, { error: "no article with title “kim thăm nga” in this workspace (titles must match exactly)" }],
    ["keys that disagree", { id: "c", title: "Kim thăm Nga" }, { error: "no article with title “Kim thăm Nga” in this workspace (titles must match exactly)" }],
  ])("JSONL: every key given must match (%s)", (_label, ref, expected) => {
    expect(findArticle(draft(ref, "all"), articles)).toEqual(expected);
  });

  it.each([
    ["an id from this workspace", { id: "a", title: "Moscow bác bỏ" }, undefined, "a"],
    ["a foreign id, then the content hash", { id: "zzz", contentHash: "h2", title: "Moscow bác bỏ" }, undefined, "b"],
    ["a foreign id, then an ambiguous title, then the URL", { id: "zzz", url: "https://x/1", title: "Kim thăm Nga" }, undefined, "a"],
    ["nothing known but a quote", { id: "zzz" }, "đạn pháo", { searchQuote: true }],
    ["nothing known and no quote", { id: "zzz", title: "Kim thăm Nga" }, undefined, { error: "several articles match id “zzz”, title “Kim thăm Nga”" }],
    ["nothing at all", { id: "zzz" }, undefined, { error: "no article in this workspace matches id “zzz”; import the article first" }],
  ])("W3C: keys are fallbacks in turn (%s)", (_label, ref, exact, expected) => {
    expect(findArticle(draft(ref, "first", exact), articles)).toEqual(expected);
  });
});
