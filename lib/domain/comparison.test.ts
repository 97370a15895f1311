import fc from "fast-check";
import { translatorFor } from "@/lib/i18n/translate";
import { explain, type VerdictSay } from "./comparison/sentence";
import { describe, expect, it } from "vitest";
import {
  computeVerdict,
  contestedness,
  EMPTY_GRAPH,
  listNames,
  type MentionInput,
  type OriginGraph,
  type SameValues,
  type Stance,
  type Verdict,
  type VerdictKind,
} from "./comparison";
import {
  BAO_VI_DU,
  DEMO_DAILY,
  entitySpeaker,
  GRAPH,
  KCNA,
  KIM,
  KREMLIN_PRESS,
  KREMLIN_SOURCE,
  mention,
  PENTAGON,
  PESKOV,
  printed,
  relay,
  REUTERS,
  said,
  sourceSpeaker,
  src,
  TASS,
  TUOI_TRE,
  unattributed,
  VNEXPRESS,
  WHITE_HOUSE,
} from "./comparison/test-fixtures";

type Case = [name: string, mentions: () => MentionInput[], kind: VerdictKind, sentence: string, graph?: OriginGraph];
const cases: Case[] = [
  ["no mentions", () => [], "no_mentions", "No mentions: nothing is linked to this proposition yet."],
  [
    "US allegation against Russian and North Korean denials",
    () => [
      said("SUPPORTS", WHITE_HOUSE, VNEXPRESS),
      printed("SUPPORTS", DEMO_DAILY),
      said("REFUTES", KREMLIN_SOURCE, TUOI_TRE),
      relay("REFUTES", KCNA, BAO_VI_DU),
    ],
    "conflict",
    "Conflict: 2 independent origins support it (White House, Demo Daily) and 2 refute it (Kremlin, KCNA).",
  ],
  [
    "one attributed origin on each side is enough",
    () => [said("SUPPORTS", WHITE_HOUSE), said("REFUTES", KREMLIN_SOURCE), printed("NEUTRAL", VNEXPRESS)],
    "conflict",
    "Conflict: 1 independent origin supports it (White House) and 1 refutes it (Kremlin).",
  ],
  [
    "an unattributed refutation does not make a conflict",
    () => [relay("SUPPORTS", REUTERS, VNEXPRESS), unattributed("REFUTES")],
    "single_origin",
    "Single origin: only Reuters supports it. 1 unattributed mention names no source and is not counted.",
  ],
  [
    "three origins across four outlets, most cited first",
    () => [
      relay("SUPPORTS", REUTERS, VNEXPRESS),
      relay("SUPPORTS", TASS, TUOI_TRE),
      relay("SUPPORTS", TASS, BAO_VI_DU),
      said("SUPPORTS", WHITE_HOUSE, DEMO_DAILY),
    ],
    "agree",
    "Agree: 3 independent origins support it (TASS, Reuters, White House) across 4 outlets; none refutes it.",
  ],
  [
    "unattributed support does not make agreement",
    () => [relay("SUPPORTS", REUTERS, VNEXPRESS), unattributed("SUPPORTS"), unattributed("SUPPORTS")],
    "single_origin",
    "Single origin: only Reuters supports it. 2 unattributed mentions name no source and are not counted.",
  ],
  [
    "one outlet's own claim and a wire",
    () => [printed("SUPPORTS", VNEXPRESS), relay("SUPPORTS", REUTERS, TUOI_TRE)],
    "agree",
    "Agree: 2 independent origins support it (VnExpress, Reuters) across 2 outlets; none refutes it.",
  ],
  [
    "gift list relayed by three outlets from TASS",
    () => [relay("SUPPORTS", TASS, VNEXPRESS), relay("SUPPORTS", TASS, TUOI_TRE), relay("SUPPORTS", TASS, BAO_VI_DU)],
    "single_origin",
    "Single origin: 3 outlets, 1 independent origin: all relay TASS.",
  ],
  [
    "two outlets the desk marked as relaying TASS count once",
    () => [printed("SUPPORTS", DEMO_DAILY), printed("SUPPORTS", BAO_VI_DU), relay("SUPPORTS", TASS, null)],
    "single_origin",
    "Single origin: 2 outlets, 1 independent origin: all relay TASS.",
    GRAPH,
  ],
  [
    "without the relay links the same outlets are independent",
    () => [printed("SUPPORTS", DEMO_DAILY), printed("SUPPORTS", BAO_VI_DU)],
    "agree",
    "Agree: 2 independent origins support it (Demo Daily, Báo Ví Dụ) across 2 outlets; none refutes it.",
  ],
  ["one wire story in one outlet", () => [relay("SUPPORTS", REUTERS, VNEXPRESS)], "single_origin", "Single origin: only Reuters supports it."],
  [
    "one outlet relaying a wire, with the path",
    () => [printed("SUPPORTS", DEMO_DAILY)],
    "single_origin",
    "Single origin: only Demo Daily, relaying TASS supports it.",
    GRAPH,
  ],
  [
    "Peskov and the Kremlin press office are one origin: Russia",
    () => [said("SUPPORTS", entitySpeaker(PESKOV)), said("SUPPORTS", sourceSpeaker(KREMLIN_PRESS))],
    "single_origin",
    "Single origin: only Dmitry Peskov, for Russia supports it.",
    GRAPH,
  ],
  [
    "two origins from one article",
    () => [
      said("SUPPORTS", WHITE_HOUSE, VNEXPRESS, { articleId: "x", articleTitle: "Mỹ: Triều Tiên chuyển đạn cho Nga" }),
      said("SUPPORTS", PENTAGON, VNEXPRESS, { articleId: "x", articleTitle: "Mỹ: Triều Tiên chuyển đạn cho Nga" }),
    ],
    "agree",
    "Agree: 2 independent origins support it (White House, Pentagon) across 1 outlet; none refutes it. All of the support comes from one article (“Mỹ: Triều Tiên chuyển đạn cho Nga”).",
  ],
  [
    "two speakers of one claim are two origins, in one article without a title",
    () => [mention("SUPPORTS", { speakers: [sourceSpeaker(WHITE_HOUSE), entitySpeaker(KIM)] })],
    "agree",
    "Agree: 2 independent origins support it (White House, Kim Jong Un); none refutes it. All of the support comes from one article.",
  ],
  [
    "one origin in one article is not called out as one article",
    () => [said("SUPPORTS", WHITE_HOUSE, VNEXPRESS, { articleId: "x" }), said("SUPPORTS", WHITE_HOUSE, VNEXPRESS, { articleId: "x" })],
    "single_origin",
    "Single origin: only White House supports it.",
  ],
  [
    "a date disagreement",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { date: "12/9/2023" } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { date: "13 September 2023" } }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on date (12 Sep 2023 per VnExpress; 13 Sep 2023 per Tuổi Trẻ).",
  ],
  [
    "a count disagreement",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantities: [{ value: "5 attack drones" }] } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { quantities: [{ value: "6", item: "attack drones" }] } }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on the number of attack drones (5 per VnExpress; 6 per Tuổi Trẻ).",
  ],
  [
    "two fields disagreeing, printed by no outlet: the origin path names who",
    () => [
      said("SUPPORTS", entitySpeaker(PESKOV), null, { fields: { date: "12/9/2023", quantities: [{ value: "5" }] } }),
      printed("SUPPORTS", DEMO_DAILY, { fields: { date: "13/9/2023", quantities: [{ value: "6" }] } }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on date (12 Sep 2023 per Dmitry Peskov, for Russia; 13 Sep 2023 per Demo Daily) and the number (5 per Dmitry Peskov, for Russia; 6 per Demo Daily).",
    GRAPH,
  ],
  [
    "outlets relaying one wire can still print different numbers",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantities: [{ value: "5" }] } }),
      relay("SUPPORTS", TASS, TUOI_TRE, { fields: { quantities: [{ value: "6" }] } }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on the number (5 per VnExpress; 6 per Tuổi Trẻ).",
  ],
  [
    "details of unattributed and refuting mentions are not compared",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantities: [{ value: "5" }] } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { quantities: [{ value: "năm" }] } }),
      unattributed("SUPPORTS", { fields: { quantities: [{ value: "6" }] } }),
      unattributed("REFUTES", { fields: { quantities: [{ value: "7" }] } }),
    ],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it. 2 unattributed mentions name no source and are not counted.",
  ],
  [
    "an unreadable date is checked by hand and does not change the verdict",
    () => [relay("SUPPORTS", TASS, VNEXPRESS, { fields: { date: "tháng trước" } }), relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { date: "13/9/2023" } })],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it. Check by hand: the date “tháng trước” could not be read as a date.",
  ],
  [
    "counts of items named differently are checked by hand",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantities: [{ value: "5 UAV tấn công" }, { value: "1 UAV trinh sát" }] } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { quantities: [{ value: "5 attack drones" }, { value: "1 recon drone" }] } }),
    ],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it. Check by hand: counts of differently named items were not compared (5 UAV tấn công; 1 UAV trinh sát; 5 attack drones; 1 recon drone); name an item the same way, or make one name an alias of the other.",
  ],
  [
    "actor lists that do not contain one another",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, {
        actors: [
          { key: "entity:ru", label: "Nga" },
          { key: "entity:kp", label: "Triều Tiên" },
        ],
      }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, {
        actors: [
          { key: "entity:ru", label: "Russia" },
          { key: "entity:ir", label: "Iran" },
        ],
      }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on actors (Triều Tiên, Nga per VnExpress; Iran, Russia per Tuổi Trẻ).",
  ],
  [
    "only neutral mentions",
    () => [printed("NEUTRAL", VNEXPRESS), printed("NEUTRAL", TUOI_TRE)],
    "unverified",
    "Unverified: only neutral mentions (2), no source supports or refutes it.",
  ],
  [
    "denied but never asserted",
    () => [said("REFUTES", KREMLIN_SOURCE, VNEXPRESS), printed("NEUTRAL", TUOI_TRE)],
    "unverified",
    "Unverified: no source supports it; 1 independent origin refutes it (Kremlin).",
  ],
  [
    "supported only by unattributed mentions",
    () => [unattributed("SUPPORTS"), printed("NEUTRAL", VNEXPRESS)],
    "unverified",
    "Unverified: no named source supports it. 1 unattributed mention names no source and is not counted.",
  ],
  [
    "unattributed support against a named denial",
    () => [unattributed("SUPPORTS"), said("REFUTES", KREMLIN_SOURCE)],
    "unverified",
    "Unverified: no named source supports it; 1 independent origin refutes it (Kremlin). 1 unattributed mention names no source and is not counted.",
  ],
  [
    "refuted only by an unattributed mention",
    () => [unattributed("REFUTES")],
    "unverified",
    "Unverified: no source supports it and no named source refutes it. 1 unattributed mention names no source and is not counted.",
  ],
  [
    "long origin lists are shortened",
    () => ["A", "B", "C", "D", "E"].map((n) => said("SUPPORTS", src(n))),
    "agree",
    "Agree: 5 independent origins support it (A, B, C and 2 more); none refutes it.",
  ],
];

describe("the verdict sentence in Vietnamese", () => {
  const t = translatorFor("vi");
  const vi: VerdictSay = (key, values) => t(`verdict.${key}`, values);
  // Words of the English phrasing that must not survive translation (names in the cases are proper nouns).
  const ENGLISH =
    /\b(Conflict|Agree|Unverified|Single origin|Detail conflict|Nothing counts|independent|supports?|refutes?|mentions?|counted|outlets?|article|Check by hand|the number|and \d+ more|could not be read|were not compared)\b/;
  it.each(cases)("%s", (_name, build, _kind, _sentence, graph = EMPTY_GRAPH) => {
    for (const approvedOnly of [false, true]) {
      const v = computeVerdict(build(), graph, { approvedOnly, uncounted: 2 });
      const sentence = explain(v.kind, v, approvedOnly, vi);
      expect(sentence).not.toMatch(/[{}]/);
      expect(sentence).not.toMatch(ENGLISH);
      expect(sentence).not.toBe(v.sentence);
    }
  });
});

describe("computeVerdict", () => {
  it.each(cases)("%s", (_name, build, kind, sentence, graph = EMPTY_GRAPH) => {
    const v = computeVerdict(build(), graph);
    expect({ kind: v.kind, sentence: v.sentence }).toEqual({ kind, sentence });
  });

  it("summarises each stance: origins (most cited first), outlets relaying each, unattributed, outlets and articles", () => {
    const v = computeVerdict(
      [
        relay("SUPPORTS", TASS, VNEXPRESS, { articleId: "1" }),
        relay("SUPPORTS", TASS, TUOI_TRE, { articleId: "2" }),
        relay("SUPPORTS", TASS, VNEXPRESS, { articleId: "3" }),
        said("SUPPORTS", entitySpeaker(PESKOV), null, { articleId: "3" }),
        unattributed("SUPPORTS", { articleId: "4" }),
        said("REFUTES", KCNA, BAO_VI_DU, { articleId: "5" }),
      ],
      GRAPH,
    );
    expect(v.supports).toEqual({
      origins: [
        { key: "source:tass", label: "TASS", path: "TASS", via: "origin", mentions: 3, outlets: ["VnExpress", "Tuổi Trẻ"] },
        { key: "entity:e-russia", label: "Russia", path: "Dmitry Peskov, for Russia", via: "speaker", mentions: 1, outlets: [] },
      ],
      mentions: 5,
      unattributed: 1,
      outlets: 2,
      articles: 4,
    });
    expect(v.refutes).toEqual({
      origins: [{ key: "source:kcna", label: "KCNA", path: "KCNA", via: "speaker", mentions: 1, outlets: ["Báo Ví Dụ"] }],
      mentions: 1,
      unattributed: 0,
      outlets: 1,
      articles: 1,
    });
    expect(v.neutral).toEqual({ origins: [], mentions: 0, unattributed: 0, outlets: 0, articles: 0 });
    expect(v.kind).toBe("conflict");
  });

  it("reports detail conflicts with each value, its spellings and who printed it", () => {
    const v = computeVerdict([
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { date: "13/9/2023" } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { date: "2023-09-13" } }),
      said("SUPPORTS", WHITE_HOUSE, null, { fields: { date: "12/9" }, articleDate: "2023-09-20" }),
    ]);
    expect(v.detailConflicts).toEqual([
      {
        field: "date",
        values: [
          { key: "date:2023-09-13", value: "13 Sep 2023", raw: ["13/9/2023", "2023-09-13"], origins: ["VnExpress", "Tuổi Trẻ"] },
          { key: "date:2023-09-12", value: "12 Sep 2023", raw: ["12/9"], origins: ["White House"] },
        ],
      },
    ]);
  });

  it("drops a detail conflict the desk marked as the same values", () => {
    const build = () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { date: "12/9/2023" } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { date: "13/9/2023" } }),
    ];
    const sameValues: SameValues[] = [{ field: "date", keys: ["date:2023-09-13", "date:2023-09-12"] }];
    expect(computeVerdict(build()).kind).toBe("detail_conflict");
    expect(computeVerdict(build(), EMPTY_GRAPH, { sameValues }).kind).toBe("agree");
  });

  it.each<[string, () => MentionInput[], Verdict["singleArticle"]]>([
    [
      "one article, with its title",
      () => [
        said("SUPPORTS", WHITE_HOUSE, null, { articleId: "x", articleTitle: "T" }),
        said("SUPPORTS", PENTAGON, null, { articleId: "x", articleTitle: "T" }),
      ],
      { id: "x", title: "T" },
    ],
    ["one article without a title", () => [said("SUPPORTS", WHITE_HOUSE, null, { articleId: "x" })], { id: "x" }],
    ["two articles", () => [said("SUPPORTS", WHITE_HOUSE, null, { articleId: "x" }), said("SUPPORTS", PENTAGON, null, { articleId: "y" })], null],
    [
      "an unattributed mention's article does not count",
      () => [said("SUPPORTS", WHITE_HOUSE, null, { articleId: "x" }), unattributed("SUPPORTS", { articleId: "y" })],
      { id: "x" },
    ],
    [
      "a refuting mention's article does not count",
      () => [said("SUPPORTS", WHITE_HOUSE, null, { articleId: "x" }), said("REFUTES", KCNA, null, { articleId: "y" })],
      { id: "x" },
    ],
    ["no counted support", () => [unattributed("SUPPORTS", { articleId: "x" })], null],
  ])("singleArticle: %s", (_name, build, expected) => expect(computeVerdict(build()).singleArticle).toEqual(expected));
});

// Random mentions over a few origins, outlets, speakers (linked through GRAPH), details and
// unattributed ones, with the desk's marks: what must hold whatever the order or the noise.
const ORIGINS = [REUTERS, TASS, KCNA, WHITE_HOUSE];
const OUTLETS = [VNEXPRESS, TUOI_TRE, BAO_VI_DU, DEMO_DAILY];
const SPEAKERS = [entitySpeaker(PESKOV), sourceSpeaker(KREMLIN_PRESS), sourceSpeaker(WHITE_HOUSE), entitySpeaker(KIM)];
const arbStance = fc.constantFrom<Stance>("SUPPORTS", "REFUTES", "NEUTRAL");
const arbMention = fc
  .record({
    stance: arbStance,
    speakers: fc.subarray(SPEAKERS, { maxLength: 2 }),
    origin: fc.option(fc.constantFrom(...ORIGINS)),
    publisher: fc.option(fc.constantFrom(...OUTLETS)),
    article: fc.constantFrom("x", "y", "z"),
    quantity: fc.option(fc.constantFrom("5", "6", "năm", "nhiều", "hàng chục")),
    date: fc.option(fc.constantFrom("13/9/2023", "12/9/2023", "2023-09", "tháng trước")),
    actors: fc.subarray([
      { key: "entity:ru", label: "Nga" },
      { key: "entity:kp", label: "Triều Tiên" },
      { key: "entity:ir", label: "Iran" },
    ]),
  })
  .map(({ stance, speakers, origin, publisher, article, quantity, date, actors }) =>
    mention(stance, {
      speakers,
      articleOrigins: origin ? [origin] : [],
      publisher,
      articleId: article,
      fields: { ...(quantity ? { quantities: [{ value: quantity }] } : {}), ...(date ? { date } : {}) },
      actors,
    }),
  );
const arbSame = fc.subarray<SameValues>([
  { field: "quantity", keys: ["text:nhieu", "n:5-5"] },
  { field: "quantity", keys: ["n:6-6", "n:5-5"] },
  { field: "date", keys: ["date:2023-09-12", "date:2023-09-13"] },
]);

const counted = (v: Verdict) => ({
  kind: v.kind,
  ...Object.fromEntries(
    (["supports", "refutes", "neutral"] as const).map((k) => [
      k,
      { ...v[k], origins: v[k].origins.map((o) => `${o.key}×${o.mentions} in ${[...o.outlets].sort().join(",")}`).sort() },
    ]),
  ),
  detailConflicts: v.detailConflicts.map((c) => `${c.field}: ${c.values.length}`).sort(),
  uncertainDetails: v.uncertainDetails.map((c) => `${c.field}: ${c.values.length}`).sort(),
  singleArticle: v.singleArticle?.id ?? null,
});

describe("computeVerdict: properties", () => {
  it("does not depend on the order of mentions", () => {
    fc.assert(
      fc.property(
        fc.array(arbMention, { maxLength: 8 }).chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))),
        arbSame,
        ([ms, shuffled], sameValues) => {
          expect(counted(computeVerdict(shuffled, GRAPH, { sameValues }))).toEqual(counted(computeVerdict(ms, GRAPH, { sameValues })));
        },
      ),
    );
  });

  it("never lets unattributed mentions change the verdict of counted ones", () => {
    fc.assert(
      fc.property(fc.array(arbMention, { minLength: 1, maxLength: 6 }), fc.array(arbStance, { minLength: 1, maxLength: 3 }), (ms, stances) => {
        const noise = stances.map((s) =>
          unattributed(s, { fields: { quantities: [{ value: "7" }], date: "1/1/2020" }, actors: [{ key: "entity:x", label: "X" }] }),
        );
        const [before, after] = [computeVerdict(ms, GRAPH), computeVerdict([...ms, ...noise], GRAPH)];
        expect(after.kind).toBe(before.kind);
        for (const k of ["supports", "refutes", "neutral"] as const) expect(after[k].origins).toEqual(before[k].origins);
        expect(after.detailConflicts).toEqual(before.detailConflicts);
        const listed = before.supports.unattributed + before.refutes.unattributed + before.neutral.unattributed + stances.length;
        expect(after.sentence).toContain(`${listed} unattributed mention${listed === 1 ? " names" : "s name"} no source`);
      }),
    );
  });

  it("agrees only with two origins and no refutation, conflicts only with an origin on each side", () => {
    fc.assert(
      fc.property(fc.array(arbMention, { maxLength: 8 }), (ms) => {
        const v = computeVerdict(ms, GRAPH);
        const [s, r] = [v.supports.origins.length, v.refutes.origins.length];
        if (v.kind === "agree") expect(s >= 2 && r === 0).toBe(true);
        if (v.kind === "conflict") expect(s >= 1 && r >= 1).toBe(true);
        if (v.kind === "single_origin") expect({ s, r }).toEqual({ s: 1, r: 0 });
        if (v.kind === "unverified") expect(s).toBe(0);
        expect(v.supports.origins.every((o) => o.key !== "unattributed")).toBe(true);
      }),
    );
  });
});

describe("contestedness", () => {
  const build = (sup: string[], ref: string[]) => computeVerdict([...sup.map((n) => said("SUPPORTS", src(n))), ...ref.map((n) => said("REFUTES", src(n)))]);
  const quantity = (value: string) => ({ fields: { quantities: [{ value }] } });
  const ONE_OF_EACH: [VerdictKind, () => MentionInput[]][] = [
    ["conflict", () => [said("SUPPORTS", WHITE_HOUSE), said("REFUTES", KCNA)]],
    ["detail_conflict", () => [...Array.from({ length: 30 }, (_, i) => said("SUPPORTS", src(`s${i}`), null, quantity(i ? "5" : "6")))]],
    ["single_origin", () => Array.from({ length: 30 }, (_, i) => relay("SUPPORTS", TASS, src(`o${i}`)))],
    ["unverified", () => [...Array.from({ length: 30 }, () => printed("NEUTRAL", VNEXPRESS)), said("REFUTES", KCNA)]],
    ["agree", () => [said("SUPPORTS", WHITE_HOUSE), said("SUPPORTS", PENTAGON)]],
    ["no_mentions", () => []],
  ];

  it("ranks any conflict > detail conflict > single origin > unverified > agree > no mentions, however large the lower one", () => {
    const verdicts = ONE_OF_EACH.map(([kind, ms]) => {
      const v = computeVerdict(ms());
      expect(v.kind).toBe(kind);
      return contestedness(v);
    });
    expect(verdicts).toEqual([...verdicts].sort((a, b) => b - a));
    expect(new Set(verdicts).size).toBe(verdicts.length);
  });

  it.each<[string, [string[], string[]], [string[], string[]]]>([
    [
      "a balanced conflict before a lopsided one",
      [
        ["A", "B"],
        ["C", "D"],
      ],
      [["A", "B", "E"], ["C"]],
    ],
    ["at equal balance, the conflict with more mentions", [["A", "A"], ["C"]], [["A"], ["C"]]],
    ["the weaker agreement before the stronger", [["A", "B"], []], [["A", "B", "C", "D"], []]],
  ])("puts %s first", (_name, [sup1, ref1], [sup2, ref2]) => {
    expect(contestedness(build(sup1, ref1))).toBeGreaterThan(contestedness(build(sup2, ref2)));
  });

  it("puts a single origin relayed by more outlets first", () => {
    const relayed = (n: number) => computeVerdict(OUTLETS.slice(0, n).map((o) => relay("SUPPORTS", TASS, o)));
    expect(contestedness(relayed(3))).toBeGreaterThan(contestedness(relayed(1)));
  });

  const order: VerdictKind[] = ["no_mentions", "agree", "unverified", "single_origin", "detail_conflict", "conflict"];
  it("orders random verdicts by kind first", () => {
    fc.assert(
      fc.property(fc.array(arbMention, { maxLength: 8 }), fc.array(arbMention, { maxLength: 8 }), (x, y) => {
        const [a, b] = [computeVerdict(x, GRAPH), computeVerdict(y, GRAPH)];
        const rank = order.indexOf(a.kind) - order.indexOf(b.kind);
        if (rank > 0) expect(contestedness(a)).toBeGreaterThan(contestedness(b));
        if (rank < 0) expect(contestedness(a)).toBeLessThan(contestedness(b));
      }),
    );
  });
});

describe("listNames", () => {
  it.each([
    [[], ""],
    [["A"], "A"],
    [["A", "B", "C"], "A, B, C"],
    [["A", "B", "C", "D"], "A, B, C and 1 more"],
  ])("%j → %s", (names, expected) => expect(listNames(names)).toBe(expected));
});

describe("sentences about what is not counted", () => {
  it("says nothing counts yet when every linked mention waits for review", () => {
    const v = computeVerdict([], undefined, { uncounted: 2 });
    expect(v.kind).toBe("no_mentions");
    expect(v.sentence).toBe("Nothing counts yet: 2 linked mentions are orphaned or waiting for review after a text correction.");
  });
});

describe("single origin quoted by several outlets", () => {
  it("names the speaker's path instead of saying the outlets relay a country", () => {
    const v = computeVerdict([said("SUPPORTS", entitySpeaker(PESKOV), VNEXPRESS), said("SUPPORTS", entitySpeaker(PESKOV), TUOI_TRE)], GRAPH);
    expect(v.kind).toBe("single_origin");
    expect(v.sentence).toBe("Single origin: 2 outlets, 1 independent origin: all quote Dmitry Peskov, for Russia.");
  });
});
