import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { type AuditRecord, describeAuditEvent, type HistoryDiff, KNOWN_ACTIONS, type NameLookup, REANCHOR_OUTCOMES } from "@/lib/domain/history-diff";
import { historyInEnglish } from "@/lib/domain/history-english";
import type { Locale } from "@/lib/i18n/locales";
import { FORMATS, MESSAGES } from "@/lib/i18n/messages";
import { sayReanchorWhy, translatorFor } from "@/lib/i18n/translate";
import { fieldText, type HistoryFormat, type HistoryT, summaryText, valueText } from "./history-text";

const words = (locale: Locale) => ({
  // The same translator and formatter next-intl's hooks hand the panel, built outside React.
  t: createTranslator({ locale, messages: MESSAGES[locale], formats: FORMATS, namespace: "history" }) as unknown as HistoryT,
  format: createFormatter({ locale, formats: FORMATS, timeZone: "Asia/Ho_Chi_Minh" }) as HistoryFormat,
});

/** An entry as the panel shows it: the summary, then each row's field, before and after. */
function render(locale: Locale, d: HistoryDiff) {
  const { t, format } = words(locale);
  return {
    summary: summaryText(t, d.summary),
    changes: d.changes.map((c) => ({
      field: fieldText(t, c),
      before: c.before && valueText(t, format, c.before),
      after: c.after && valueText(t, format, c.after),
    })),
  };
}

const NAMES: NameLookup = {
  claimTypes: { "t-arms": "Arms transfer" },
  users: { "u-jane": "Jane Doe" },
  claims: { "c-1": "Triều Tiên đã chuyển đạn pháo cho Nga" },
};
const ev = (action: string, before: unknown, after: unknown, entityType = "Annotation"): AuditRecord => ({ action, entityType, before, after });
const claim = {
  claimTypeId: "t-arms",
  exact: "x".repeat(130),
  start: 10,
  end: 1047,
  speakers: [{ type: "entity", id: "e", name: "Nhà Trắng" }],
  modality: "ALLEGED",
  actorEntities: [],
  actors: ["Moscow", "Bình Nhưỡng"],
  fields: { date: "13/9", quantities: [{ value: "5", item: "UAV" }], item: "đạn pháo" },
  note: "Theo Reuters",
  status: "SUBMITTED",
  reviewedById: "u-gone",
  orphaned: false,
  needsReview: true,
  mentions: [
    { stance: "REFUTES", proposition: { statement: "P" } },
    { stance: null, proposition: { statement: "Q" } },
  ],
};

// Every kind of summary and value, as the history shows them.
const EVENTS: AuditRecord[] = [
  ...KNOWN_ACTIONS.map((action) => ev(action, undefined, undefined)),
  ev("annotation.create", undefined, claim),
  ev("annotation.update", claim, { ...claim, claimTypeId: "t-gone", modality: "DENIED", status: "APPROVED", orphaned: true, needsReview: false, note: null }),
  ...REANCHOR_OUTCOMES.map((outcome) =>
    ev("annotation.reanchor", { start: 1, end: 5 }, { start: 2, end: 6, outcome, reason: "the same words were found later" }),
  ),
  ev("annotation.reanchor", {}, { outcome: "split_up" }),
  ev("annotation.reanchor", {}, {}),
  ev("annotation.bulk_import", undefined, {}),
  ev("annotation.lock_for_session", {}, {}),
  ev("proposition.merge", { statement: "Bình Nhưỡng gửi đạn" }, { moved: 1 }, "Proposition"),
  ev("proposition.merge", {}, { moved: 3 }, "Proposition"),
  ev(
    "proposition.create",
    undefined,
    {
      statement: "S",
      claimTypeId: "t-arms",
      ratingLabel: "Sai",
      ratingValue: 2,
      ratingWorst: null,
      ratingBest: 5,
      reviewerId: "u-jane",
      firstMention: { annotationId: "c-1", stance: "SUPPORTS" },
    },
    "Proposition",
  ),
  ev("proposition.update", { sameValues: [] }, { sameValues: [1, 2] }, "Proposition"),
  ev("proposition.update", { sameValues: [1] }, { sameValues: [] }, "Proposition"),
  ev("mention.link", undefined, { annotationId: "c-1", stance: "NEUTRAL" }, "Proposition"),
  ev("mention.restance", { stance: "SUPPORTS" }, { annotationId: "c-1", stance: "REFUTES" }, "Proposition"),
  ev("mention.unlink", { annotationId: "c-gone" }, undefined, "Proposition"),
];

describe("history entries in English", () => {
  it.each(EVENTS.map((e) => [e.action, e] as const))("%s reads as the API's English", (_, e) => {
    const d = describeAuditEvent(e, NAMES);
    expect(render("en", d)).toEqual(historyInEnglish(d));
  });

  it("shows a fact-check day per locale, where the API keeps yyyy-mm-dd", () => {
    const d = describeAuditEvent(ev("proposition.update", { reviewDate: null }, { reviewDate: "2024-06-20T00:00:00.000Z" }, "Proposition"));
    expect(historyInEnglish(d).changes[0]?.after).toBe("2024-06-20");
    expect(render("en", d).changes[0]?.after).toBe("Jun 20, 2024");
    expect(render("vi", d).changes[0]?.after).toBe("20 thg 6, 2024");
  });
});

describe("history entries in Vietnamese", () => {
  it("words every summary and value without English", () => {
    const english = EVENTS.map((e) => historyInEnglish(describeAuditEvent(e, NAMES)).summary);
    const vietnamese = EVENTS.map((e) => render("vi", describeAuditEvent(e, NAMES)).summary);
    // An unknown action keeps its name in words (the one summary with no sentence of its own).
    vietnamese.forEach((text, i) => {
      if (EVENTS[i]?.action !== "annotation.lock_for_session") expect(text, text).not.toBe(english[i]);
    });
  });

  it.each<[string, AuditRecord, ReturnType<typeof render>]>([
    [
      "an edit",
      ev("annotation.update", claim, { ...claim, modality: "DENIED", status: "APPROVED", needsReview: false, claimTypeId: "t-gone" }),
      {
        summary: "Đã sửa nhận định",
        changes: [
          { field: "Loại", before: "Arms transfer", after: "một loại nhận định đã bị xóa" },
          { field: "Mức độ khẳng định", before: "cáo buộc", after: "phủ nhận" },
          { field: "Trạng thái", before: "đã gửi", after: "đã duyệt" },
          { field: "Cần xem lại", before: "có", after: "không" },
        ],
      },
    ],
    [
      "a re-anchoring",
      ev("annotation.reanchor", { start: 1, end: 5 }, { start: 2, end: 6, outcome: "moved", reason: "r" }),
      { summary: "Một lần đính chính văn bản đã neo lại nhận định (đã dịch chuyển: r)", changes: [{ field: "Vị trí", before: "1–5", after: "2–6" }] },
    ],
    [
      "a merge",
      ev("proposition.merge", { statement: "Bình Nhưỡng gửi đạn" }, { moved: 2 }, "Proposition"),
      { summary: "Đã gộp “Bình Nhưỡng gửi đạn” vào mệnh đề này (2 nhận định được chuyển sang)", changes: [] },
    ],
    [
      "a stance changed",
      ev("mention.restance", { stance: "SUPPORTS" }, { annotationId: "c-1", stance: "REFUTES" }, "Proposition"),
      {
        summary: "Đã đổi lập trường của một nhận định",
        changes: [{ field: "Lập trường của “Triều Tiên đã chuyển đạn pháo cho Nga”", before: "ủng hộ", after: "bác bỏ" }],
      },
    ],
    [
      "a claim unlinked whose row is gone",
      ev("mention.unlink", { annotationId: "c-gone" }, undefined, "Proposition"),
      { summary: "Đã bỏ liên kết một nhận định", changes: [{ field: "Nhận định", before: "một nhận định đã bị gỡ", after: null }] },
    ],
    [
      "a rating: numbers per locale, the pairs counted",
      ev(
        "proposition.update",
        { ratingValue: null, ratingBest: null, sameValues: [] },
        { ratingValue: 1500, ratingBest: 2000, sameValues: [1, 2] },
        "Proposition",
      ),
      {
        summary: "Đã sửa mệnh đề",
        changes: [
          { field: "Điểm đánh giá", before: null, after: "1.500" },
          { field: "Thang đánh giá", before: null, after: "?–2.000" },
          { field: "Giá trị như nhau", before: "không có", after: "2 cặp" },
        ],
      },
    ],
  ])("%s", (_, e, expected) => {
    expect(render("vi", describeAuditEvent(e, NAMES))).toEqual(expected);
  });
});

describe("a re-anchoring's recorded reason", () => {
  const moved = { key: "moved", values: { direction: "later", count: 3, context: "same" } };
  const say = (locale: Locale, after: unknown) => {
    const tr = translatorFor(locale);
    return summaryText(words(locale).t, describeAuditEvent(ev("annotation.reanchor", {}, after)).summary, (why) => sayReanchorWhy(tr, why));
  };

  it("is said in the reader's language when the event recorded it as a key", () => {
    const after = { outcome: "moved", reason: "the same words were found 3 characters later", why: moved };
    expect(say("vi", after)).toBe("Một lần đính chính văn bản đã neo lại nhận định (đã dịch chuyển: tìm thấy đúng những chữ này lùi về sau 3 ký tự)");
    expect(say("en", after)).toBe("A text correction re-anchored the claim (moved: the same words were found 3 characters later)");
  });

  it("falls back to the English words for an older event, or a key this version does not know", () => {
    const english = "Một lần đính chính văn bản đã neo lại nhận định (đã dịch chuyển: the same words were found 3 characters later)";
    expect(say("vi", { outcome: "moved", reason: "the same words were found 3 characters later" })).toBe(english);
    expect(say("vi", { outcome: "moved", reason: "the same words were found 3 characters later", why: { key: "teleported" } })).toBe(english);
    expect(say("vi", { outcome: "moved", reason: "the same words were found 3 characters later", why: { ...moved, inner: { key: "nope" } } })).toBe(english);
    expect(say("vi", { outcome: "moved", reason: "the same words were found 3 characters later", why: { key: "moved", values: { count: [3] } } })).toBe(
      english,
    );
  });
});
