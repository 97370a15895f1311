import { describe, expect, it } from "vitest";
import { sayReanchorWhy, translatorFor } from "@/lib/i18n/translate";
import { quoteSelector, quoteSpan, reanchor, type ReanchorWhyKey } from "../anchoring";
import { corpus } from "./corpus";

const en = translatorFor("en");
const vi = translatorFor("vi");

/** Every corpus case's re-anchoring, plus the cases the corpus does not reach. */
function results() {
  const fromCorpus = corpus.map((c) => {
    const span = quoteSpan(c.original, c.claim.quote, c.claim.occurrence ?? 0)!;
    return reanchor(c.corrected, { ...span, ...quoteSelector(c.original, span.start, span.end) });
  });
  const text = "Nga đã nhận 20 UAV từ Iran.";
  const span = quoteSpan(text, "20 UAV")!;
  const stored = { ...span, ...quoteSelector(text, span.start, span.end) };
  return [
    ...fromCorpus,
    reanchor(text, { ...stored, exact: "" }),
    reanchor("Nga đã nhận 30 UAV từ Iran.", stored),
    reanchor("Không còn gì ở đây.", stored),
    reanchor(`Mở đầu. ${text}`, stored),
  ];
}

describe("a re-anchoring's reason in the interface's language", () => {
  const all = results();

  it("in English, the catalogue says exactly what the audit trail records", () => {
    for (const r of all) expect(sayReanchorWhy(en, r.why)).toBe(r.reason);
  });

  it("reaches most kinds of reason, and says each in Vietnamese", () => {
    const keys = new Set<ReanchorWhyKey>();
    const walk = (w: (typeof all)[number]["why"]) => {
      keys.add(w.key);
      if (w.inner) walk(w.inner);
    };
    for (const r of all) walk(r.why);
    // The kinds the corpus does not reach are said in the last test.
    expect([...keys].sort()).toEqual([
      "contextDifferent",
      "empty",
      "fuzzy",
      "gone",
      "longerWord",
      "moved",
      "numbersChanged",
      "reworded",
      "shortQuote",
      "unchanged",
    ]);
    for (const r of all) {
      const said = sayReanchorWhy(vi, r.why);
      expect(said).not.toBe(r.reason);
      expect(said).not.toMatch(/reader\.correction/);
    }
  });

  it("the kinds the corpus does not reach read as the code words them, in both languages", () => {
    const cases: [Parameters<typeof sayReanchorWhy>[1], string, string][] = [
      [
        { key: "ambiguous", values: { count: 3 } },
        "found 3 places with these words and the text around them does not say which",
        "có 3 chỗ chứa những chữ này và đoạn văn xung quanh không cho biết là chỗ nào",
      ],
      [{ key: "widened", values: { count: 2 } }, "the span had to be widened by 2 characters to whole words", "phải nới rộng đoạn thêm 2 ký tự cho trọn từ"],
      [
        { key: "quoteAndContextChanged", values: { before: "20", after: "30" } },
        "the quote changed ('20' → '30') and the text around it is different",
        "trích dẫn đã đổi ('20' → '30') và đoạn văn quanh nó cũng khác",
      ],
      [
        { key: "nothingClose", inner: { key: "weak" } },
        "nothing close enough to propose (the evidence is weak)",
        "không có chỗ nào đủ gần để đề xuất (bằng chứng còn yếu)",
      ],
    ];
    for (const [why, english, vietnamese] of cases) {
      expect(sayReanchorWhy(en, why)).toBe(english);
      expect(sayReanchorWhy(vi, why)).toBe(vietnamese);
    }
  });

  it("an empty side of a change and a wrapped reason are said in the language too", () => {
    const why = { key: "stillWaiting", inner: { key: "reworded", values: { before: "", after: "30 UAV" } } } as const;
    expect(sayReanchorWhy(en, why)).toBe("still waiting for review (reworded: (nothing) → '30 UAV')");
    expect(sayReanchorWhy(vi, why)).toBe("vẫn đang chờ duyệt (đã viết lại: (không có gì) → '30 UAV')");
    const moved = { key: "moved", values: { direction: "later", count: 1, context: "changed" } } as const;
    expect(sayReanchorWhy(en, moved)).toBe("the same words were found 1 character later; the text around it changed");
    expect(sayReanchorWhy(vi, moved)).toBe("tìm thấy đúng những chữ này lùi về sau 1 ký tự; đoạn văn quanh nó đã thay đổi");
  });
});
