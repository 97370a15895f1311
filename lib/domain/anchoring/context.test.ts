import { describe, expect, it } from "vitest";
import { agrees, contradicts, prefixSide, readContext, suffixSide, type Side } from "./context";
import { prepare } from "./prepared";
import type { StoredSelector } from "./types";

const selector = (prefix: string, suffix: string, start = 40): StoredSelector => ({ start, end: start + 3, exact: "Nga", prefix, suffix });

describe("prefixSide and suffixSide", () => {
  const text = "biên giới. Giới chức Nga gọi đây là tin giả, trong khi";
  const stored = selector("biên giới. Giới chức ", " gọi đây là tin giả, trong khi");
  it.each([
    ["verbatim context", text, 1, 1],
    ["a typo in each side", text.replace("giới.", "giơi.").replace("gọi", "goi"), 0.9, 0.9],
    ["a missing space", text.replace("Giới chức", "Giớichức"), 0.9, 1],
  ])("%s scores high", (_label, t, minPrefix, minSuffix) => {
    const p = prepare(t);
    const start = t.indexOf("Nga");
    const ctx = readContext(stored);
    expect(prefixSide(p, ctx, start).score).toBeGreaterThanOrEqual(minPrefix);
    expect(suffixSide(p, ctx, start + 3).score).toBeGreaterThanOrEqual(minSuffix);
  });

  it("scores unrelated surroundings low", () => {
    const t = "Đại sứ quán Nga chưa trả lời câu hỏi của phóng viên.";
    const p = prepare(t);
    const ctx = readContext(stored);
    const start = t.indexOf("Nga");
    expect(prefixSide(p, ctx, start)).toMatchObject({ assessable: true });
    expect(prefixSide(p, ctx, start).score).toBeLessThan(0.5);
    expect(suffixSide(p, ctx, start + 3).score).toBeLessThan(0.5);
  });

  it.each([
    ["an empty prefix at the paragraph start agrees", selector("", " đến", 0), 0, { score: 1, assessable: true }],
    ["an empty prefix away from the start says nothing", selector("", " đến", 0), 4, { score: 0.5, assessable: false }],
    ["a selector saved without context says nothing", selector("", "", 7), 0, { score: 0.5, assessable: false }],
  ])("%s", (_label, stored, start, expected) => {
    const p = prepare("Ông Nga đến");
    expect(prefixSide(p, readContext(stored), start)).toEqual(expected);
  });

  it("treats short context as evidence for scoring but not for contradiction", () => {
    const p = prepare("xyz Nga");
    expect(prefixSide(p, readContext(selector("Ông ", "")), 4)).toMatchObject({ assessable: false });
  });
});

describe("contradicts and agrees", () => {
  const s = (score: number, assessable = true): Side => ({ score, assessable });
  it.each([
    [s(0.2), s(0.3), true, false],
    [s(0.2), s(0.9), false, false],
    [s(0.95), s(0.9), false, true],
    [s(0.2), s(0.5, false), true, false],
    [s(0.5, false), s(0.5, false), false, true],
    [s(0.7), s(0.69), false, false],
  ])("%j %j → contradicts %s, agrees %s", (prefix, suffix, contradiction, agreement) => {
    expect(contradicts(prefix, suffix)).toBe(contradiction);
    expect(agrees(prefix, suffix)).toBe(agreement);
  });
});
