import { describe, expect, it } from "vitest";
import { escapeMarkdown, markdownHeader, markdownMatrix, markdownProposition, markdownReport, stanceGlyph, verdictLabel } from "./markdown";
import { link, mention, mentionNeedsReview, mentionTwoQuantities, mentionTwoSpeakers, proposition, publishedRating, rating } from "./test-fixtures";

/** Undoes CommonMark backslash escapes, as a renderer would for literal text. */
const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, "$1");
/** Markdown-significant characters that appear without a backslash before them. */
const unescaped = (s: string) => [...s.matchAll(/(?<!\\)(?:\\\\)*([[\]<>`*_|$~&#])/g)].map((m) => m[1]);

const HOSTILE = [
  "# Fake heading",
  "[click me](javascript:alert(1))",
  "![img](https://evil.example/x.png)",
  "<script>alert(1)</script>",
  "<https://evil.example>",
  "- list item",
  "+ list item",
  "1. ordered",
  "3) ordered",
  "=====",
  "| a | b |",
  "> nested quote",
  "*bold* _it_ `code` ~~gone~~",
  "$x^2$ and $5 million",
  "&lt;b&gt; &#x3C;",
  "back\\slash",
  "    indented code",
];

describe("escapeMarkdown", () => {
  it.each(HOSTILE)("renders %j as literal text", (text) => {
    const out = escapeMarkdown(text);
    expect(unescaped(out)).toEqual([]);
    expect(out).not.toMatch(/^(\s|[-+=>#]|\d+[.)])/);
    expect(unescapeMarkdown(out)).toBe(text.trim());
  });

  it("folds line breaks so text cannot start a new block", () => {
    expect(escapeMarkdown("một\n# hai\r\n\nba")).toBe("một \\# hai ba");
  });

  it("leaves ordinary Vietnamese text alone", () => {
    expect(escapeMarkdown("Triều Tiên đã chuyển hơn 1.000 container đạn dược (theo AFP).")).toBe(
      "Triều Tiên đã chuyển hơn 1.000 container đạn dược (theo AFP).",
    );
  });
});

describe("markdownProposition", () => {
  const md = markdownProposition(proposition());

  it("heads the section with the statement, verdict once, rating and claim type", () => {
    expect(md.startsWith("## North Korea supplied artillery shells to Russia\n\n")).toBe(true);
    expect(md).toContain("- **Verdict:** Conflict: 1 independent origin supports it (White House) and 1 refutes it (KCNA).\n");
    expect(markdownProposition(proposition({ verdict: "agree", verdictSentence: "Two origins agree." }))).toContain(
      "- **Verdict:** Agree — Two origins agree.\n",
    );
    expect(md).toContain("- **Desk rating:** Unproven\n");
    expect(md).toContain("- **Claim type:** Arms transfer\n");
  });

  it("groups quoted mentions by stance, supports first, with source, origin, speaker, modality and details", () => {
    expect(md.indexOf("### Supports (1)")).toBeLessThan(md.indexOf("### Refutes (1)"));
    expect(md).not.toContain("### Neutral");
    expect(md).toContain(
      "> Triều Tiên đã chuyển hơn 1.000 container đạn dược\n>\n> — [Nhà Trắng: Bình Nhưỡng đã chuyển đạn pháo cho Nga](<https://www.rfi.fr/vi/article-1>), RFI Tiếng Việt, 2023-10-14 · origin: White House · via AFP, Reuters · speaker: White House · modality: alleged · date: 2023-09 · quantity: hơn 1.000 container · item: đạn dược · actors: Triều Tiên, Nga\n",
    );
    expect(md).toContain("> Điện Kremlin bác bỏ thông tin\n>\n> — [Moscow bác bỏ");
    expect(md).not.toMatch(/Orphaned|Needs review/);
  });

  const attribution = (m: ReturnType<typeof mention>) => {
    const out = markdownProposition(proposition({ mentions: [m] }));
    return out.split("\n").find((l) => l.startsWith("> — "))!;
  };

  it("lists every speaker and independent origin, in order", () => {
    expect(attribution(mentionTwoSpeakers())).toContain(
      " · origins: Dmitry Peskov, for Russia; TASS, for Russia · via AFP, Reuters · speakers: Dmitry Peskov; TASS · ",
    );
    expect(attribution(mention({ speakers: [], independentOrigins: ["unattributed"] }))).toContain(
      " · origin: unattributed · via AFP, Reuters · modality: alleged · ",
    );
  });

  it("lists every quantity, and the parsed date beside the date as written", () => {
    expect(attribution(mentionTwoQuantities())).toContain(" · date: 13/9/2023 (2023-09-13) · quantities: hơn 1.000 container; 5 · item: đạn dược · ");
  });

  it.each([
    [
      "needs review",
      mentionNeedsReview(),
      "> **Needs review:** re-anchored with low confidence after a text change; not counted in the verdict until someone confirms it.",
    ],
    ["orphaned", mention({ orphaned: true }), "> **Orphaned:** a text correction removed the quoted words; kept for the record, not counted in the verdict."],
  ])("marks a %s mention in its own paragraph under the attribution", (_, m, mark) => {
    const out = markdownProposition(proposition({ mentions: [m] }));
    expect(out).toContain(`${attribution(m)}\n>\n${mark}\n\n`);
  });

  it.each([
    ["every part", publishedRating(), "False (2/5), published 2024-06-20 at <https://desk.example.org/fact-checks/shells>, reviewed by Minh Trần"],
    ["only a label", rating(), "Unproven"],
    ["a value without a scale or label", rating({ label: null, value: 3 }), "3"],
    ["a date and reviewer, no URL", rating({ date: "2024-06-20", reviewer: "Minh Trần" }), "Unproven, published 2024-06-20, reviewed by Minh Trần"],
    ["a URL without a date", rating({ url: "https://desk.example.org/fc" }), "Unproven, published at <https://desk.example.org/fc>"],
    ["a URL that is not http(s)", rating({ url: "javascript:alert(1)" }), "Unproven, published at javascript:alert(1)"],
  ])("shows the desk rating with %s", (_, r, line) => {
    expect(markdownProposition(proposition({ rating: r }))).toContain(`- **Desk rating:** ${line}\n`);
  });

  it.each([
    ["no rating", null],
    ["neither label nor value", publishedRating({ label: " ", value: null })],
  ])("has no rating line with %s", (_, r) => {
    expect(markdownProposition(proposition({ rating: r }))).not.toContain("Desk rating");
  });

  it("keeps a multi-line hostile quote inside its blockquote", () => {
    const out = markdownProposition(proposition({ mentions: [mention({ exact: `${HOSTILE.join("\n")}\n\nend` })] }));
    const quote = out.slice(out.indexOf("### Supports"), out.indexOf("> —"));
    const lines = quote.split("\n").slice(2).filter(Boolean);
    expect(lines.every((l) => l === ">" || l.startsWith("> "))).toBe(true);
    expect(lines.filter((l) => l.startsWith("> ")).map((l) => unescapeMarkdown(l.slice(2)))).toEqual([...HOSTILE.map((h) => h.trim()), "end"]);
    expect(lines.flatMap((l) => unescaped(l.slice(2)))).toEqual([]);
  });

  it.each([
    ["javascript:alert(1)", false],
    ["data:text/html,<b>x</b>", false],
    ["not a url", false],
    ["https://news.example/a b<c>", true],
  ])("links the article URL %j only when it is http(s)", (articleUrl, linked) => {
    const out = markdownProposition(proposition({ mentions: [mention({ articleUrl, articleTitle: "T" })] }));
    expect(out.includes("](<")).toBe(linked);
    if (linked) expect(out).toContain("[T](<https://news.example/a%20b%3Cc%3E>)");
  });

  it("escapes the statement, rating and attribution fields", () => {
    const hostile = mention({
      publisher: "_Pub_",
      speakers: [
        { name: "`Kim`", type: "entity", kind: null },
        { name: "[x](y)", type: "source", kind: null },
      ],
      fields: { quantities: [{ value: "*5*", item: "<b>" }] },
    });
    const out = markdownProposition(
      proposition({ statement: "Nga [mua](https://x) *đạn*\n# pháo", rating: rating({ label: "<b>False</b>", reviewer: "_Minh_" }), mentions: [hostile] }),
    );
    expect(out.split("\n")[0]).toBe("## Nga \\[mua\\](https://x) \\*đạn\\* \\# pháo");
    expect(out).toContain("**Desk rating:** \\<b\\>False\\</b\\>, reviewed by \\_Minh\\_\n");
    expect(out).toContain("\\_Pub\\_");
    expect(out).toContain("speakers: \\`Kim\\`; \\[x\\](y)");
    expect(out).toContain("quantity: \\*5\\* \\<b\\>");
  });

  it("says so when nothing is linked", () => {
    expect(markdownProposition(proposition({ mentions: [], verdict: "no_mentions", verdictSentence: "", rating: null, claimType: null }))).toContain(
      "- **Verdict:** No mentions\n\n_No mentions linked yet._",
    );
  });
});

describe("matrix", () => {
  it.each([
    [[], "·"],
    [["SUPPORTS"], "✔"],
    [["REFUTES", "REFUTES"], "✖"],
    [["NEUTRAL"], "○"],
    [["SUPPORTS", "REFUTES"], "±"],
  ] as const)("stances %j give %s", (stances, glyph) => expect(stanceGlyph(stances)).toBe(glyph));

  it("writes a GFM table with one row per proposition, escaped, and a legend", () => {
    const out = markdownMatrix({ columns: ["RFI", "Tuổi | Trẻ"], rows: [{ statement: "Nga nhận\nđạn | pháo", cells: ["✔", "✖"] }] });
    expect(out.split("\n")).toEqual([
      "## Comparison matrix",
      "",
      "| Proposition | RFI | Tuổi \\| Trẻ |",
      "| --- | :---: | :---: |",
      "| Nga nhận đạn \\| pháo | ✔ | ✖ |",
      "",
      "Legend: ✔ supports, ✖ refutes, ○ neutral, ± mixed stances, · silent (no mention).",
      "",
      "",
    ]);
  });

  it("refuses a row whose cells do not match the columns", () => {
    expect(() => markdownMatrix({ columns: ["A", "B"], rows: [{ statement: "x", cells: ["✔"] }] })).toThrow(RangeError);
  });

  it("is empty without columns", () => {
    expect(markdownMatrix({ columns: [], rows: [] })).toBe("");
  });
});

describe("markdownReport", () => {
  it("is the header, each proposition and the matrix, ending in one newline", () => {
    const meta = { title: "Kim–Putin # summit", generatedAt: "2024-06-22 10:00 UTC", workspace: "Desk VN" };
    const p = proposition();
    const matrix = { columns: ["RFI"], rows: [{ statement: p.statement, cells: ["±"] }] };
    const out = markdownReport({ ...meta, propositions: [p], matrix });
    expect(out).toBe(`${(markdownHeader(meta, 1) + markdownProposition(p) + markdownMatrix(matrix)).trimEnd()}\n`);
    expect(out.startsWith("# Kim–Putin \\# summit\n\nWorkspace: Desk VN · Generated 2024-06-22 10:00 UTC · 1 proposition\n")).toBe(true);
  });

  it.each([
    ["single_origin", "Single origin"],
    ["detail_conflict", "Detail conflict"],
    ["something_new", "something_new"],
  ])("labels verdict %s as %s", (kind, label) => expect(verdictLabel(kind)).toBe(label));
});

// Keeps the shared fixture honest: the supporting mention links to the proposition under test.
it("fixture links mentions to the proposition", () => expect(mention().propositions[0]?.id).toBe(link().id));
