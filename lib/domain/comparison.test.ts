import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeVerdict,
  contestedness,
  detectCycle,
  independentOrigin,
  listNames,
  rootSource,
  type MentionInput,
  type SourceRef,
  type Stance,
  type VerdictKind,
} from "./comparison";

const src = (id: string, name = id): SourceRef => ({ id, name });
const REUTERS = src("reuters", "Reuters");
const TASS = src("tass", "TASS");
const KCNA = src("kcna", "KCNA");
const WHITE_HOUSE = src("wh", "White House");
const KREMLIN = src("kremlin", "Kremlin");
const DEMO_DAILY = src("demo", "Demo Daily");
const BAO_VI_DU = src("bvd", "Báo Ví Dụ");
const VNEXPRESS = src("vne", "VnExpress");
const TUOI_TRE = src("tt", "Tuổi Trẻ");

let nextId = 0;
/** A mention with no speaker, origin or publisher unless given. */
function mention(stance: Stance, over: Partial<MentionInput> = {}): MentionInput {
  nextId += 1;
  return { annotationId: `a${nextId}`, stance, speaker: null, articleOrigins: [], publisher: null, fields: {}, actors: [], ...over };
}
const relay = (stance: Stance, origin: SourceRef, publisher: SourceRef, over: Partial<MentionInput> = {}) =>
  mention(stance, { articleOrigins: [origin], publisher, ...over });
const said = (stance: Stance, speaker: SourceRef, publisher: SourceRef | null = null) => mention(stance, { speaker, publisher });

describe("independentOrigin", () => {
  it.each([
    ["Source speaker wins over everything", { speaker: KREMLIN, speakerEntity: { id: "e1", name: "Putin" }, articleOrigins: [TASS], publisher: VNEXPRESS }, "source:kremlin", "Kremlin", "speaker"],
    ["entity speaker with no Source", { speakerEntity: { id: "e1", name: "Kim Jong Un" }, articleOrigins: [TASS], publisher: VNEXPRESS }, "entity:e1", "Kim Jong Un", "speaker"],
    ["first of several article origins", { articleOrigins: [REUTERS, TASS], publisher: VNEXPRESS }, "source:reuters", "Reuters", "origin"],
    ["publisher when nothing is credited", { publisher: VNEXPRESS }, "source:vne", "VnExpress", "publisher"],
  ] as const)("%s", (_name, over, key, label, via) => {
    expect(independentOrigin(mention("SUPPORTS", over as Partial<MentionInput>))).toEqual({ key, label, via });
  });

  it("gives each unattributed mention its own key", () => {
    const a = independentOrigin(mention("SUPPORTS", { annotationId: "x1" }));
    const b = independentOrigin(mention("SUPPORTS", { annotationId: "x2" }));
    expect(a).toMatchObject({ key: "unknown:x1", via: "unknown" });
    expect(b.key).toBe("unknown:x2");
  });

  it("follows an outlet's upstream to the wire it relays", () => {
    const upstream = new Map([[DEMO_DAILY.id, REUTERS]]);
    expect(independentOrigin(mention("SUPPORTS", { publisher: DEMO_DAILY }), upstream)).toEqual({ key: "source:reuters", label: "Reuters", via: "publisher" });
  });
});

describe("rootSource", () => {
  it.each([
    ["no upstream map", undefined, "a", "a"],
    ["chain a→b→c", [["a", "b"], ["b", "c"]], "a", "c"],
    ["two-cycle from a", [["a", "b"], ["b", "a"]], "a", "a"],
    ["two-cycle from b", [["a", "b"], ["b", "a"]], "b", "a"],
    ["tail into a cycle", [["x", "c"], ["c", "b"], ["b", "c"]], "x", "b"],
    ["self-loop", [["a", "a"]], "a", "a"],
  ] as const)("%s", (_name, edges, from, root) => {
    const upstream = edges && new Map(edges.map(([k, v]) => [k, src(v)]));
    expect(rootSource(src(from), upstream).id).toBe(root);
  });

  it("resolves a source and its upstream to the same root, cycles included", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.constantFrom("a", "b", "c", "d", "e")), (dict) => {
        const upstream = new Map(Object.entries(dict).map(([k, v]) => [k, src(v)]));
        for (const [id, up] of upstream) expect(rootSource(src(id), upstream).id).toBe(rootSource(up, upstream).id);
      }),
    );
  });
});

describe("detectCycle", () => {
  const edges = new Map([["demo", "reuters"], ["reuters", "afp"]]);
  it.each([
    ["self edge", "tass", "tass", true],
    ["closing a two-step loop", "afp", "demo", true],
    ["direct back edge", "reuters", "demo", true],
    ["extending a chain", "vne", "demo", false],
    ["unrelated nodes", "tass", "kcna", false],
  ] as const)("%s: %s→%s", (_name, from, to, expected) => expect(detectCycle(edges, from, to)).toBe(expected));

  it("terminates on stored data that already loops elsewhere", () => {
    expect(detectCycle(new Map([["x", "y"], ["y", "x"]]), "a", "x")).toBe(false);
  });

  it("keeps a graph acyclic when only accepted edges are added", () => {
    const node = fc.constantFrom("a", "b", "c", "d", "e", "f");
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node), { maxLength: 30 }), (proposed) => {
        const graph = new Map<string, string>();
        for (const [from, to] of proposed) if (!graph.has(from) && !detectCycle(graph, from, to)) graph.set(from, to);
        for (const start of graph.keys()) {
          let current: string | undefined = start;
          for (let steps = 0; current !== undefined; steps++) {
            expect(steps).toBeLessThanOrEqual(graph.size);
            current = graph.get(current);
          }
        }
      }),
    );
  });
});

type Case = [name: string, mentions: () => MentionInput[], kind: VerdictKind, sentence: string];
const cases: Case[] = [
  ["no mentions", () => [], "no_mentions", "No mentions: nothing is linked to this proposition yet."],
  [
    "US allegation against Russian/North Korean denial",
    () => [said("SUPPORTS", WHITE_HOUSE, VNEXPRESS), mention("SUPPORTS", { publisher: DEMO_DAILY }), said("REFUTES", KREMLIN, TUOI_TRE), relay("REFUTES", KCNA, BAO_VI_DU)],
    "conflict",
    "Conflict: 2 independent origins support it (White House, Demo Daily) and 2 refute it (Kremlin, KCNA).",
  ],
  [
    "conflict between one origin each",
    () => [said("SUPPORTS", WHITE_HOUSE), said("REFUTES", KREMLIN), mention("NEUTRAL", { publisher: VNEXPRESS })],
    "conflict",
    "Conflict: 1 independent origin supports it (White House) and 1 refutes it (Kremlin).",
  ],
  [
    "three origins across four outlets",
    () => [relay("SUPPORTS", REUTERS, VNEXPRESS), relay("SUPPORTS", TASS, TUOI_TRE), relay("SUPPORTS", TASS, BAO_VI_DU), said("SUPPORTS", WHITE_HOUSE, DEMO_DAILY)],
    "agree",
    // Most-cited origin first (TASS: 2 mentions), then in the order given.
    "Agree: 3 independent origins support it (TASS, Reuters, White House) across 4 outlets; none refutes it.",
  ],
  [
    "gift list relayed by three outlets from TASS",
    () => [relay("SUPPORTS", TASS, VNEXPRESS), relay("SUPPORTS", TASS, TUOI_TRE), relay("SUPPORTS", TASS, BAO_VI_DU)],
    "single_origin",
    "Single origin: 3 outlets, 1 independent origin: all relay TASS.",
  ],
  ["one wire story in one outlet", () => [relay("SUPPORTS", REUTERS, VNEXPRESS)], "single_origin", "Single origin: only Reuters supports it."],
  [
    "quantity disagreement",
    () => [said("SUPPORTS", TASS, VNEXPRESS), mention("SUPPORTS", { publisher: BAO_VI_DU })].map((m, i) => ({ ...m, fields: { quantity: i === 0 ? "5" : "6" } })),
    "detail_conflict",
    "Detail conflict: supporting sources disagree on quantity (5 per VnExpress; 6 per Báo Ví Dụ).",
  ],
  [
    "quantities compared by their number, whatever the wording",
    () => [relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantity: "5 UAV tấn công" } }), relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { quantity: "5" } })],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it.",
  ],
  [
    "actor sets that do not contain each other",
    () => [relay("SUPPORTS", TASS, VNEXPRESS, { actors: ["Nga", "Triều Tiên"] }), relay("SUPPORTS", REUTERS, TUOI_TRE, { actors: ["Nga", "Iran"] })],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on actors (Nga, Triều Tiên per VnExpress; Iran, Nga per Tuổi Trẻ).",
  ],
  [
    "naming fewer actors is not a disagreement",
    () => [relay("SUPPORTS", TASS, VNEXPRESS, { actors: ["Nga", "Triều Tiên"] }), relay("SUPPORTS", REUTERS, TUOI_TRE, { actors: ["Nga"] })],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it.",
  ],
  [
    "dates disagree; free-text items are not compared",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { date: "13/9/2023", item: "UAV" } }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { date: "14/9/2023", item: "drone" } }),
    ],
    "detail_conflict",
    "Detail conflict: supporting sources disagree on date (13/9/2023 per VnExpress; 14/9/2023 per Tuổi Trẻ).",
  ],
  [
    "a missing field is not a disagreement",
    () => [relay("SUPPORTS", TASS, VNEXPRESS, { fields: { quantity: "5" } }), relay("SUPPORTS", REUTERS, TUOI_TRE)],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it.",
  ],
  [
    "values equal after case, diacritic and whitespace folding",
    () => [
      relay("SUPPORTS", TASS, VNEXPRESS, { fields: { item: " Áo  giáp " }, actors: ["Bắc Hàn", "Nga"] }),
      relay("SUPPORTS", REUTERS, TUOI_TRE, { fields: { item: "ao giap" }, actors: ["NGA", "bac han", "Nga"] }),
    ],
    "agree",
    "Agree: 2 independent origins support it (TASS, Reuters) across 2 outlets; none refutes it.",
  ],
  [
    "only neutral mentions",
    () => [mention("NEUTRAL", { publisher: VNEXPRESS }), mention("NEUTRAL", { publisher: TUOI_TRE })],
    "unverified",
    "Unverified: only neutral mentions (2), no source supports or refutes it.",
  ],
  [
    "denied but never asserted",
    () => [said("REFUTES", KREMLIN, VNEXPRESS), mention("NEUTRAL")],
    "unverified",
    "Unverified: no source supports it; 1 independent origin refutes it (Kremlin).",
  ],
  [
    "long origin lists are shortened",
    () => ["A", "B", "C", "D", "E"].map((n) => said("SUPPORTS", src(n))),
    "agree",
    "Agree: 5 independent origins support it (A, B, C and 2 more); none refutes it.",
  ],
];

describe("computeVerdict", () => {
  it.each(cases)("%s", (_name, build, kind, sentence) => {
    const v = computeVerdict(build());
    expect(v.kind).toBe(kind);
    expect(v.sentence).toBe(sentence);
  });

  it("counts outlets relaying one wire as one origin, with the outlets listed", () => {
    const v = computeVerdict([relay("SUPPORTS", TASS, VNEXPRESS), relay("SUPPORTS", TASS, TUOI_TRE), relay("SUPPORTS", TASS, VNEXPRESS)]);
    expect(v.supports).toEqual({ mentions: 3, outlets: 2, origins: [{ key: "source:tass", label: "TASS", mentions: 3, outlets: ["VnExpress", "Tuổi Trẻ"] }] });
  });

  it("merges outlets through the upstream map", () => {
    const upstream = new Map([[DEMO_DAILY.id, REUTERS]]);
    const mentions = [relay("SUPPORTS", REUTERS, VNEXPRESS), mention("SUPPORTS", { publisher: DEMO_DAILY })];
    expect(computeVerdict(mentions).kind).toBe("agree");
    expect(computeVerdict(mentions, upstream).kind).toBe("single_origin");
  });

  it("counts two unattributed mentions as two origins", () => {
    expect(computeVerdict([mention("SUPPORTS"), mention("SUPPORTS")]).supports.origins).toHaveLength(2);
  });

  const ORIGINS = [REUTERS, TASS, KCNA, WHITE_HOUSE];
  const OUTLETS = [VNEXPRESS, TUOI_TRE, BAO_VI_DU, DEMO_DAILY];
  const arbMention = fc
    .record({
      stance: fc.constantFrom<Stance>("SUPPORTS", "REFUTES", "NEUTRAL"),
      origin: fc.option(fc.constantFrom(...ORIGINS)),
      publisher: fc.option(fc.constantFrom(...OUTLETS)),
      quantity: fc.option(fc.constantFrom("5", "6", " 5 ")),
    })
    .map(({ stance, origin, publisher, quantity }) =>
      mention(stance, { articleOrigins: origin ? [origin] : [], publisher, fields: quantity ? { quantity } : {} }),
    );

  it("does not depend on the order of mentions", () => {
    fc.assert(
      fc.property(fc.array(arbMention, { maxLength: 8 }).chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))), ([ms, shuffled]) => {
        const a = computeVerdict(ms);
        const b = computeVerdict(shuffled);
        expect(b.kind).toBe(a.kind);
        expect(new Set(b.supports.origins.map((o) => o.key))).toEqual(new Set(a.supports.origins.map((o) => o.key)));
      }),
    );
  });

  it("ranks every conflict above every detail conflict, single origin, unverified and agreement", () => {
    const order: VerdictKind[] = ["no_mentions", "agree", "unverified", "single_origin", "detail_conflict", "conflict"];
    fc.assert(
      fc.property(fc.array(arbMention, { maxLength: 8 }), fc.array(arbMention, { maxLength: 8 }), (x, y) => {
        const [a, b] = [computeVerdict(x), computeVerdict(y)];
        const rank = order.indexOf(a.kind) - order.indexOf(b.kind);
        if (rank > 0) expect(contestedness(a)).toBeGreaterThan(contestedness(b));
        if (rank < 0) expect(contestedness(a)).toBeLessThan(contestedness(b));
      }),
    );
  });
});

describe("contestedness", () => {
  it.each([
    ["a balanced conflict before a lopsided one", [["A", "B"], ["C", "D"]], [["A", "B", "E"], ["C"]]],
    ["at equal balance, the conflict with more mentions", [["A", "A"], ["C"]], [["A"], ["C"]]],
  ])("puts %s first", (_name, [sup1, ref1], [sup2, ref2]) => {
    const build = (sup: string[], ref: string[]) =>
      computeVerdict([...sup.map((n) => said("SUPPORTS", src(n))), ...ref.map((n) => said("REFUTES", src(n)))]);
    expect(contestedness(build(sup1, ref1))).toBeGreaterThan(contestedness(build(sup2, ref2)));
  });

  it("puts weaker agreement before stronger agreement", () => {
    const agree = (n: number) => computeVerdict(["A", "B", "C", "D"].slice(0, n).map((x) => said("SUPPORTS", src(x))));
    expect(contestedness(agree(2))).toBeGreaterThan(contestedness(agree(4)));
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
