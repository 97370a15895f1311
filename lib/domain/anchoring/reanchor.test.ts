import { describe, expect, it } from "vitest";
import { quoteSelector, quoteSpan, type ReanchorOutcome, type StoredSelector } from "../anchoring";
import { sliceCodePoints } from "../text";
import { errorBudget, reanchor, snapAllowance } from "./reanchor";

function stored(text: string, quote: string, occurrence = 0): StoredSelector {
  const span = quoteSpan(text, quote, occurrence);
  if (!span) throw new Error(`test setup: "${quote}" not in text`);
  return { ...span, ...quoteSelector(text, span.start, span.end) };
}

describe("errorBudget and snapAllowance", () => {
  it.each([
    [0, 0],
    [11, 0],
    [12, 2],
    [27, 5],
    [32, 6],
    [60, 15],
    [100, 30],
    [500, 150],
  ])("a %i-code-point quote may have %i edits", (length, edits) => {
    expect(errorBudget(length)).toBe(edits);
  });

  it.each([
    [5, 2],
    [29, 2],
    [30, 3],
    [60, 6],
  ])("a %i-code-point quote may grow by %i when snapped", (length, extra) => {
    expect(snapAllowance(length)).toBe(extra);
  });
});

const BLOCK = "Khẩu hiệu của đoàn người biểu tình trước trụ sở là “không chấp nhận tăng giá điện” và họ hô vang suốt buổi sáng hôm thứ Hai.";

describe("reanchor rules", () => {
  it.each<[string, string, string, number, string, ReanchorOutcome, RegExp, string | null]>([
    [
      "a span widened a lot to whole words needs review",
      "The commitee recommended decentralisation of the health service.",
      "The commitee recommended decentral",
      0,
      "The committee recommended decentralisation of the health service.",
      "needs_review",
      /^the span had to be widened by 7 characters to whole words$/,
      "The committee recommended decentralisation",
    ],
    [
      "a mid-word cut the editor made stays allowed",
      "The booster reduced hospitalisations by 61 percent.",
      "reduced hospital",
      0,
      "A new booster reduced hospitalisations by 61 percent.",
      "moved",
      /^the same words were found 2 characters later$/,
      "reduced hospital",
    ],
    [
      "a mid-length quote in an unrelated sentence needs review",
      "Bộ Công Thương cho biết giá xăng tăng do giá dầu thế giới leo thang mạnh trong tuần qua.",
      "giá xăng tăng",
      0,
      "Giá dầu thế giới leo thang. Người dân lo ngại khi giá xăng tăng liên tục từ đầu năm đến nay.",
      "needs_review",
      /^the text around it is different$/,
      "giá xăng tăng",
    ],
    [
      "a changed figure in a long quote needs review even with perfect context",
      "Ủy ban cho biết tỷ lệ cử tri đi bỏ phiếu đạt 68,4%, cao nhất trong hai thập kỷ qua.",
      "tỷ lệ cử tri đi bỏ phiếu đạt 68,4%",
      0,
      "Ủy ban cho biết tỷ lệ cử tri đi bỏ phiếu đạt 64,8%, cao nhất trong hai thập kỷ qua.",
      "needs_review",
      /^the numbers changed: '68,4' → '64,8'$/,
      "tỷ lệ cử tri đi bỏ phiếu đạt 64,8%",
    ],
    [
      "two copies with the same context around the old place need review",
      `${BLOCK} ${BLOCK} ${BLOCK}`,
      "tăng giá điện",
      1,
      // The first copy is gone and a shorter sentence took its place: the old offset now lies
      // between the two remaining copies.
      `Cảnh sát đã có mặt từ sớm để giữ trật tự tại khu vực này. ${BLOCK} ${BLOCK}`,
      "needs_review",
      /^found 2 places with these words/,
      "tăng giá điện",
    ],
  ])("%s", (_label, original, quote, occurrence, corrected, outcome, reason, text) => {
    const result = reanchor(corrected, stored(original, quote, occurrence));
    expect(result.outcome).toBe(outcome);
    expect(result.reason).toMatch(reason);
    expect(result.outcome === "orphaned" ? null : sliceCodePoints(corrected, result.start, result.end)).toBe(text);
  });

  it("rates a counted match above a proposal for review", () => {
    const text = "Giới chức Nga gọi đây là tin giả, trong khi phía Ukraine chưa đưa ra bình luận.";
    const sel = stored(text, "Giới chức Nga gọi đây là tin giả");
    const fuzzy = reanchor(text.replace("tin giả", "tin gỉa"), sel);
    const review = reanchor(text.replace("tin giả", "thông tin bịa đặt"), sel);
    expect(fuzzy.outcome).toBe("fuzzy");
    expect(review.outcome).toBe("needs_review");
    expect(fuzzy.confidence).toBeGreaterThan(review.confidence);
    expect(review.confidence).toBeGreaterThan(0);
  });

  it("treats impossible stored offsets as unknown instead of failing", () => {
    const sel: StoredSelector = { start: Number.NaN, end: 3, exact: "Kim", prefix: "Ông ", suffix: " đến" };
    expect(reanchor("Ông Kim đến Nga", sel)).toMatchObject({ outcome: "moved", start: 4, end: 7 });
  });
});

describe("weak proposals", () => {
  it("orphans a claim rather than proposing words that merely share some letters", () => {
    const before = "Washington says shells were shipped to Russia in Agust; Moscow denies it.";
    const after = "Washington now says nothing was sent; Moscow denies it.";
    const quote = "shells were shipped to Russia";
    const start = before.indexOf(quote);
    const r = reanchor(after, { start, end: start + quote.length, ...quoteSelector(before, start, start + quote.length) });
    expect(r).toMatchObject({ outcome: "orphaned", reason: expect.stringMatching(/^nothing close enough to propose/) });
  });
});
