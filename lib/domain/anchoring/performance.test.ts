import { describe, expect, it } from "vitest";
import { quoteSelector, reanchor, type ReanchorOutcome, type StoredSelector } from "../anchoring";
import { codePointLength, sliceCodePoints } from "../text";

/** xs[i], failing the test when there is no such element. */
function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`expected an element at index ${i}, found ${xs.length} elements`);
  return x;
}

const WORDS = (
  "giá xăng tăng Bộ Công Thương cho biết đoàn xe quân sự tiến vào thành phố biên giới Giới chức Nga gọi đây là " +
  "tin giả trong khi phía Ukraine chưa đưa ra bình luận chuyên gia kiểm chứng đoạn video được quay từ năm " +
  "the city council approved budget including increase police funding officials said fire burned acres " +
  "evacuation orders remain towns researchers cautioned sample small follow-up period lasted months 👍🏽 🇻🇳 2019 12.000"
).split(" ");

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A passage of about `length` code points with sentence breaks, and the code point start of every word. */
function passage(rand: () => number, length: number): { text: string; wordStarts: number[] } {
  const parts: string[] = [];
  const wordStarts: number[] = [];
  let at = 0;
  while (at < length) {
    const word = nth(WORDS, Math.floor(rand() * WORDS.length));
    const separator = rand() < 0.08 ? ". " : rand() < 0.1 ? ", " : " ";
    wordStarts.push(at);
    parts.push(word, separator);
    at += codePointLength(word) + codePointLength(separator);
  }
  return { text: parts.join(""), wordStarts };
}

describe("re-anchoring performance", () => {
  it("re-anchors 2,000 claims in a ~20,000-code-point paragraph after one edit", () => {
    const rand = random(20240625);
    const { text, wordStarts } = passage(rand, 20_000);
    const claims: StoredSelector[] = Array.from({ length: 2000 }, () => {
      const first = Math.floor(rand() * (wordStarts.length - 12));
      const start = nth(wordStarts, first);
      const end = nth(wordStarts, first + 1 + Math.floor(rand() * 10)) - 1;
      return { start, end, ...quoteSelector(text, start, end) };
    });
    const editAt = nth(wordStarts, Math.floor(wordStarts.length / 2));
    const inserted = "(cập nhật lúc 9 giờ) ";
    const edited = `${sliceCodePoints(text, 0, editAt)}${inserted}${sliceCodePoints(text, editAt, codePointLength(text))}`;
    const shift = codePointLength(inserted);

    const began = performance.now();
    const results = claims.map((claim) => reanchor(edited, claim));
    const elapsed = performance.now() - began;

    const tally: Partial<Record<ReanchorOutcome, number>> = {};
    for (const r of results) tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
    console.log(`re-anchored ${claims.length} claims over ${codePointLength(edited)} code points in ${elapsed.toFixed(0)} ms`, tally);
    expect(elapsed).toBeLessThan(5000);

    // Claims whose quote and context lie clear of the edit must land on the same words.
    const wrong = claims.flatMap((claim, k) => {
      const r = nth(results, k);
      if (claim.end + 32 <= editAt) return r.outcome === "exact" ? [] : [k];
      if (claim.start - 32 >= editAt) return r.outcome === "moved" && r.start === claim.start + shift ? [] : [k];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it("stays bounded when the whole paragraph is replaced and nothing is found", () => {
    const rand = random(7);
    const { text, wordStarts } = passage(rand, 20_000);
    const claims: StoredSelector[] = Array.from({ length: 2000 }, () => {
      const first = Math.floor(rand() * (wordStarts.length - 12));
      const start = nth(wordStarts, first);
      const end = nth(wordStarts, first + 4 + Math.floor(rand() * 6)) - 1;
      return { start, end, ...quoteSelector(text, start, end) };
    });
    const replaced = passage(random(8), 20_000).text;

    const began = performance.now();
    const outcomes = claims.map((claim) => reanchor(replaced, claim).outcome);
    const elapsed = performance.now() - began;
    console.log(`re-anchored ${claims.length} claims against a replaced paragraph in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5000);
    expect(outcomes.filter((o) => o === "exact" || o === "moved").length).toBeLessThan(claims.length);
  });
});
