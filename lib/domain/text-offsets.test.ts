// Property-based tests of the UTF-16 ↔ code point conversions (issue 11) on the text that breaks
// them: emoji (pairs, ZWJ sequences, flags, skin tones), combining marks and NFD input, which
// passages store as NFC. Offsets are code points everywhere but in the browser.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSelector, quoteSelector, quoteSpan } from "./anchoring";
import { codePointLength, codePointToUtf16, normalizeText, sliceCodePoints, utf16ToCodePoint } from "./text";

const SEED = 110_011;

const PIECES = [
  "a",
  "K",
  " ",
  ".",
  "🚀", // one code point, two UTF-16 units
  "👩‍👩‍👧", // ZWJ sequence: five code points
  "🇻🇳", // flag: two regional indicators
  "👍🏽", // skin tone modifier
  "e\u0301", // e + combining acute (NFC: é)
  "o\u031B\u0303", // o + horn + tilde (NFC: ỡ, one code point)
  "Nhượng",
  "\u1EE3", // ợ precomposed
  "a\u0308\u0323", // a + diaeresis + dot below: marks reordered by normalisation
  "\u{1D49C}", // mathematical script A, astral
  "\u00A0",
];

/** Text as pasted: any mix of the pieces above and arbitrary graphemes, in NFC or NFD. */
const pasted = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 40 }), fc.constantFrom("NFC", "NFD", "raw"))
  .map(([pieces, form]) => {
    const s = pieces.join("");
    return form === "raw" ? s : s.normalize(form);
  });

/** Stored passage text (NFC) with a UTF-16 range in it, as the browser's selection reports it. */
const withSelection = pasted
  .map(normalizeText)
  .chain((text) => fc.tuple(fc.constant(text), fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })));

const isWellFormed = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s)) === s;

describe("offsets on emoji, combining marks and NFD input", () => {
  it("code point offsets round-trip through UTF-16, and count what Array.from counts", () => {
    fc.assert(
      fc.property(pasted.map(normalizeText), (text) => {
        const points = Array.from(text);
        expect(codePointLength(text)).toBe(points.length);
        for (let k = 0; k <= points.length; k++) {
          const u = codePointToUtf16(text, k);
          expect(u).toBe(points.slice(0, k).join("").length);
          expect(utf16ToCodePoint(text, u)).toBe(k);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("a browser selection converts to a code point span that never splits an emoji and slices like Array.from", () => {
    fc.assert(
      fc.property(withSelection, ([text, a, b]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const start = utf16ToCodePoint(text, from);
        const end = utf16ToCodePoint(text, to);
        const quote = sliceCodePoints(text, start, end);
        expect(isWellFormed(quote)).toBe(true);
        expect(quote).toBe(Array.from(text).slice(start, end).join(""));
        // Rounding goes down, by at most the half of a pair.
        expect(from - codePointToUtf16(text, start)).toBeLessThanOrEqual(1);
        if (end > start) expect(checkSelector(text, { start, end, exact: quote })).toEqual({ ok: true });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("a quote found in the stored text is sliced back exactly, with its context", () => {
    fc.assert(
      fc.property(withSelection, ([text, a, b]) => {
        const start = utf16ToCodePoint(text, Math.min(a, b));
        const end = utf16ToCodePoint(text, Math.max(a, b));
        const quote = sliceCodePoints(text, start, end);
        if (!quote) return;
        const span = quoteSpan(text, quote);
        expect(span).not.toBeNull();
        if (!span) return;
        expect(sliceCodePoints(text, span.start, span.end)).toBe(quote);
        // The first occurrence: at or before the one selected.
        expect(span.start).toBeLessThanOrEqual(start);
        const sel = quoteSelector(text, span.start, span.end);
        expect(`${sel.prefix}${sel.exact}${sel.suffix}`.length).toBeLessThanOrEqual(text.length);
        expect(text).toContain(`${sel.prefix}${sel.exact}${sel.suffix}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("NFD input is stored as NFC: offsets count the composed text, and normalising twice changes nothing", () => {
    fc.assert(
      fc.property(pasted, (raw) => {
        const stored = normalizeText(raw.normalize("NFD"));
        expect(stored).toBe(normalizeText(raw));
        expect(normalizeText(stored)).toBe(stored);
        expect(codePointLength(stored)).toBeLessThanOrEqual(codePointLength(raw.normalize("NFD")));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("offsets into a concatenation are the offsets into each part, shifted", () => {
    fc.assert(
      fc.property(pasted.map(normalizeText), pasted.map(normalizeText), (head, tail) => {
        const whole = head + tail;
        const n = codePointLength(head);
        for (let k = 0; k <= codePointLength(tail); k++) expect(codePointToUtf16(whole, n + k)).toBe(head.length + codePointToUtf16(tail, k));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
