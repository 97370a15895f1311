import { describe, expect, it } from "vitest";
import { parseClaimDate } from "@/lib/domain/details/dates";
import { type ParseProblem, type ProblemCode, problem, problemText } from "@/lib/domain/details/problems";
import { parseQuantity, parseQuantityItems } from "@/lib/domain/details/quantities";
import { translatorFor } from "@/lib/i18n/translate";
import en from "@/messages/en.json";
import { readDateInput, readQuantityInput } from "./claim-readings";
import { readingWords } from "./use-reading-text";

const english = readingWords(translatorFor("en"), "en");
const vietnamese = readingWords(translatorFor("vi"), "vi");

const problemOf = (r: { ok: true } | { ok: false; problem: ParseProblem }) => {
  if (r.ok) throw new Error("expected a failure");
  return r.problem;
};
const codes = (p: ParseProblem): ProblemCode[] => [p.code, ...(p.more ? codes(p.more) : [])];

// One text per problem the parsers can give, so every catalogue message is checked against the English the API gives.
const samples: ParseProblem[] = [
  ...["abc", "hôm nay", "13/9/23", "13", "9/13/2023", "0/9/2023", "31/4/2023", "31/4", "30/2", "13/9/3023"].map((raw) => problemOf(parseClaimDate(raw))),
  problemOf(parseClaimDate("13/9", { reference: "2023-13-01" })),
  problemOf(parseClaimDate("29/2", { reference: "2023-06-01" })),
  ...[
    "nhiều",
    "UAV Geranium-25",
    "20-odd soldiers",
    "hơn 100 người trở lên",
    "từ 20 người",
    "30-20",
    "năm 2023",
    "5 000 quân",
    "2/3 số UAV",
    "two thirds",
    "more than 20-30",
    "1.2.3 UAV",
  ].map((raw) => problemOf(parseQuantity(raw))),
  problemOf(parseQuantityItems("5 UAV; nhiều tên lửa")),
  ...Array.from({ length: 12 }, (_, i) => problem("monthDaysInYear", { month: i + 1, year: "2023", max: "30" })),
  ...Array.from({ length: 12 }, (_, i) => problem("monthDays", { month: i + 1, max: "30" })),
];

describe("parse problems in the catalogues", () => {
  it("the samples cover every problem code the catalogue has", () => {
    expect(new Set(samples.flatMap(codes))).toEqual(new Set(Object.keys(en.reader.form.reading.problem)));
  });

  it.each(samples.map((p) => [problemText(p), p] as const))("English says it as the API does: %s", (reason, p) => {
    expect(english.problem(p)).toBe(reason);
  });

  it("Vietnamese has its own words for each", () => {
    for (const p of samples) expect(vietnamese.problem(p), problemText(p)).not.toBe(problemText(p));
    expect(vietnamese.problem(problemOf(parseClaimDate("9/13/2023")))).toBe(
      "không có tháng 13 (ngày viết bằng số theo thứ tự ngày/tháng: 13/9/2023 là ngày 13 tháng 9 năm 2023)",
    );
    expect(vietnamese.problem(problem("monthDaysInYear", { month: 2, year: "2023", max: "28" }))).toBe("tháng 2 năm 2023 có 28 ngày");
  });
});

describe("readings of the date and count fields", () => {
  it.each([
    ["13/9/2023", null, "reads as 13 Sep 2023", "được hiểu là 13/9/2023"],
    ["13/9", "2023-10-01", "reads as 13 Sep 2023 · year taken from the article: 2023", "được hiểu là 13/9/2023 · năm lấy từ bài viết: 2023"],
    [
      "13/9",
      undefined,
      "reads as 13 Sep · the year comes from the article's date, if it has one",
      "được hiểu là 13/9 · năm lấy từ ngày của bài viết, nếu bài viết có ngày",
    ],
    ["13/9", null, "reads as 13 Sep · no year: compared by day and month only", "được hiểu là 13/9 · không có năm: chỉ so sánh theo ngày và tháng"],
    [
      "hôm nay",
      undefined,
      'cannot read: "hôm nay" is relative to the article\'s date, which is not given',
      'không đọc được: "hôm nay" tính theo ngày của bài viết, nhưng chưa có ngày của bài viết',
    ],
  ] as const)("date %j (article %j)", (raw, article, en, vi) => {
    const r = readDateInput(raw, article);
    expect(r && english.date(r)).toBe(en);
    expect(r && vietnamese.date(r)).toBe(vi);
  });

  it.each([
    ["hàng chục", "reads as 20–99 (approximate)", "được hiểu là 20–99 (ước lượng)"],
    ["hơn 1.000 quân", "reads as more than 1,000 · with item words “quân”", "được hiểu là hơn 1.000 · với từ chỉ thứ được đếm “quân”"],
    ["khoảng 100", "reads as about 100", "được hiểu là khoảng 100"],
    [
      "nhiều",
      "cannot read: no number found: write a count like 5, 1.000, năm or five",
      "không đọc được: không tìm thấy số: hãy viết số lượng dạng 5, 1.000, năm hoặc five",
    ],
  ])("count %j", (raw, en, vi) => {
    const r = readQuantityInput(raw);
    expect(r && english.quantity(r)).toBe(en);
    expect(r && vietnamese.quantity(r)).toBe(vi);
  });

  it("reads nothing into an empty field", () => {
    expect(readDateInput("  ", null)).toBeNull();
    expect(readQuantityInput("")).toBeNull();
  });

  it("a stored date follows the written one only when it reads differently, in the interface language", () => {
    expect(english.writtenDate("13/9", "--09-13")).toBe("13/9 (reads as 13 Sep)");
    expect(english.writtenDate("13 sep", "--09-13")).toBe("13 sep");
    expect(vietnamese.writtenDate("13/9", "--09-13")).toBe("13/9");
    expect(vietnamese.writtenDate("13 Sep 2023", "2023-09-13")).toBe("13 Sep 2023 (được hiểu là 13/9/2023)");
    expect(english.writtenDate(undefined, "2023")).toBe("");
  });

  it("a server's refusal of a date or count the form also cannot read is said in the interface language", () => {
    const reading = readDateInput("hôm qua", undefined);
    const refusal = '"hôm qua" is relative to the article\'s date, which is not given';
    expect(english.fieldError(refusal, reading)).toBe(refusal);
    expect(vietnamese.fieldError(refusal, reading)).toBe('"hôm qua" tính theo ngày của bài viết, nhưng chưa có ngày của bài viết');
    expect(vietnamese.fieldError("Use at most 200 characters", reading)).toBe("Use at most 200 characters");
    expect(vietnamese.fieldError(refusal, readDateInput("13/9", null))).toBe(refusal);
    expect(vietnamese.fieldError(undefined, reading)).toBeUndefined();
  });

  it("names are joined in the interface language", () => {
    expect(english.names(["Moscow", "Pyongyang", "Beijing"])).toBe("Moscow, Pyongyang, and Beijing");
    expect(vietnamese.names(["Moscow", "Pyongyang"])).toBe("Moscow và Pyongyang");
  });
});
