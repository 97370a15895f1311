import { describe, expect, it } from "vitest";
import { quoteSelector, quoteSpan } from "../anchoring";
import { sliceCodePoints } from "../text";
import { baselineReanchor } from "./baseline";

const TEXT = "Hôm qua 👍🏽 Giới chức Nga gọi đây là tin giả, trong khi phía Ukraine chưa đưa ra bình luận.";
const QUOTE = "Giới chức Nga gọi đây là tin giả";
const span = quoteSpan(TEXT, QUOTE)!;
const stored = { ...span, ...quoteSelector(TEXT, span.start, span.end) };

describe("baselineReanchor", () => {
  it.each([
    ["unchanged text", TEXT, "exact", QUOTE],
    ["text inserted before (offsets in code points despite the emoji)", `Cập nhật. ${TEXT}`, "moved", QUOTE],
    ["a typo fixed", TEXT.replace("tin giả", "tin gỉa"), "fuzzy", "Giới chức Nga gọi đây là tin gỉa"],
    ["nothing like the quote left", "Bài viết đã bị gỡ.", "orphaned", null],
  ])("%s → %s", (_label, text, outcome, quote) => {
    const result = baselineReanchor(text, stored);
    expect(result.outcome).toBe(outcome);
    expect(result.outcome === "orphaned" ? null : sliceCodePoints(text, result.start, result.end)).toBe(quote);
  });

  it("reproduces the reported failure: a reworded end is cut mid-phrase and counted as fuzzy", () => {
    const text = TEXT.replace("là tin giả, trong khi", "là thông tin bịa đặt, trong khi");
    const result = baselineReanchor(text, stored);
    expect(result.outcome).toBe("fuzzy");
    if (result.outcome !== "orphaned") {
      expect(sliceCodePoints(text, result.start, result.end)).not.toBe("Giới chức Nga gọi đây là thông tin bịa đặt");
    }
  });
});
