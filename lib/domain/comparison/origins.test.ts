import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectCycle, EMPTY_GRAPH, independentOrigins, resolveOrigin, type Attribution, type OriginGraph, type SourceRef, type SpeakerRef } from "./origins";
import {
  AFP,
  BAO_VI_DU,
  DEMO_DAILY,
  ent,
  entitySpeaker,
  GRAPH,
  KCNA,
  KIM,
  KREMLIN,
  KREMLIN_PRESS,
  KREMLIN_SOURCE,
  PESKOV,
  REUTERS,
  RUSSIA,
  sourceSpeaker,
  src,
  TASS,
  VNEXPRESS,
  WHITE_HOUSE,
} from "./test-fixtures";

const attribution = (over: Partial<Attribution>): Attribution => ({ speakers: [], articleOrigins: [], publisher: null, ...over });
const brief = (os: ReturnType<typeof independentOrigins>) => os.map(({ key, via, path }) => `${key} via ${via}: ${path}`);

describe("independentOrigins", () => {
  it.each<[string, Partial<Attribution>, OriginGraph, string[]]>([
    [
      "a speaker wins over the article's origins and publisher",
      { speakers: [sourceSpeaker(WHITE_HOUSE)], articleOrigins: [TASS], publisher: VNEXPRESS },
      EMPTY_GRAPH,
      ["source:wh via speaker: White House"],
    ],
    [
      "several speakers are several origins, in order",
      { speakers: [entitySpeaker(KIM), sourceSpeaker(KREMLIN_SOURCE)], publisher: VNEXPRESS },
      EMPTY_GRAPH,
      ["entity:kim via speaker: Kim Jong Un", "source:kremlin via speaker: Kremlin"],
    ],
    [
      "speakers with one root count once (Peskov and the Kremlin press office are Russia)",
      { speakers: [entitySpeaker(PESKOV), sourceSpeaker(KREMLIN_PRESS), entitySpeaker(RUSSIA)] },
      GRAPH,
      ["entity:e-russia via speaker: Dmitry Peskov, for Russia"],
    ],
    [
      "the article's first origin, not later contributors",
      { articleOrigins: [REUTERS, AFP], publisher: VNEXPRESS },
      EMPTY_GRAPH,
      ["source:reuters via origin: Reuters"],
    ],
    ["the publisher when nothing is credited", { publisher: VNEXPRESS }, EMPTY_GRAPH, ["source:vne via publisher: VnExpress"]],
    ["a publisher that relays a wire is the wire", { publisher: DEMO_DAILY }, GRAPH, ["source:tass via publisher: Demo Daily, relaying TASS"]],
    ["unattributed when nothing names a source", {}, GRAPH, ["unattributed via unattributed: unattributed"]],
  ])("%s", (_name, over, graph, expected) => {
    expect(brief(independentOrigins(attribution(over), graph))).toEqual(expected);
  });
});

describe("resolveOrigin", () => {
  const linkedTass: OriginGraph = { ...GRAPH, sourceEntity: new Map([...GRAPH.sourceEntity, [TASS.id, RUSSIA], [KREMLIN_SOURCE.id, KREMLIN]]) };
  it.each<[string, SpeakerRef | SourceRef, OriginGraph, { key: string; label: string; path: string }]>([
    ["a wire cited directly", TASS, GRAPH, { key: "source:tass", label: "TASS", path: "TASS" }],
    ["an outlet relaying a wire", DEMO_DAILY, GRAPH, { key: "source:tass", label: "TASS", path: "Demo Daily, relaying TASS" }],
    ["an outlet relaying an outlet relaying a wire", BAO_VI_DU, GRAPH, { key: "source:tass", label: "TASS", path: "Báo Ví Dụ, relaying TASS" }],
    [
      "a spokesman through his government to the country",
      entitySpeaker(PESKOV),
      GRAPH,
      { key: "entity:e-russia", label: "Russia", path: "Dmitry Peskov, for Russia" },
    ],
    [
      "a source that is an entity continues as that entity",
      KREMLIN_PRESS,
      GRAPH,
      { key: "entity:e-russia", label: "Russia", path: "Kremlin press office, for Russia" },
    ],
    ["a wire the desk linked to a country", TASS, linkedTass, { key: "entity:e-russia", label: "Russia", path: "TASS, for Russia" }],
    [
      "an outlet relaying a linked wire names the wire",
      DEMO_DAILY,
      linkedTass,
      { key: "entity:e-russia", label: "Russia", path: "Demo Daily, relaying TASS, for Russia" },
    ],
    ["a source linked to its namesake entity", KREMLIN_SOURCE, linkedTass, { key: "entity:e-russia", label: "Russia", path: "Kremlin, for Russia" }],
    ["an entity with no links", entitySpeaker(KIM), GRAPH, { key: "entity:kim", label: "Kim Jong Un", path: "Kim Jong Un" }],
    ["a source speaker resolves like a source", sourceSpeaker(DEMO_DAILY), GRAPH, { key: "source:tass", label: "TASS", path: "Demo Daily, relaying TASS" }],
    [
      "a source and an entity with one id stay apart",
      entitySpeaker(ent(TASS.id, "Tass the person")),
      GRAPH,
      { key: "entity:tass", label: "Tass the person", path: "Tass the person" },
    ],
  ])("%s", (_name, start, graph, expected) => {
    expect(resolveOrigin(start, "speaker", graph)).toEqual({ ...expected, via: "speaker" });
  });

  const cyclic = (upstream: [string, string][], speaksFor: [string, string][] = [], sourceEntity: [string, string][] = []): OriginGraph => ({
    upstream: new Map(upstream.map(([k, v]) => [k, src(v)])),
    speaksFor: new Map(speaksFor.map(([k, v]) => [k, ent(v)])),
    sourceEntity: new Map(sourceEntity.map(([k, v]) => [k, ent(v)])),
  });
  it.each<[string, OriginGraph, SpeakerRef, string]>([
    [
      "two-cycle from its smallest member",
      cyclic([
        ["a", "b"],
        ["b", "a"],
      ]),
      sourceSpeaker(src("a")),
      "source:a",
    ],
    [
      "two-cycle from the other member",
      cyclic([
        ["a", "b"],
        ["b", "a"],
      ]),
      sourceSpeaker(src("b")),
      "source:a",
    ],
    [
      "three-cycle entered at its largest member",
      cyclic([
        ["c", "a"],
        ["a", "b"],
        ["b", "c"],
      ]),
      sourceSpeaker(src("c")),
      "source:a",
    ],
    [
      "a tail into a cycle takes the cycle's smallest member, not its own",
      cyclic([
        ["a", "c"],
        ["c", "b"],
        ["b", "c"],
      ]),
      sourceSpeaker(src("a")),
      "source:b",
    ],
    ["a self-loop", cyclic([["a", "a"]]), sourceSpeaker(src("a")), "source:a"],
    [
      "a speaks-for cycle",
      cyclic(
        [],
        [
          ["y", "x"],
          ["x", "y"],
        ],
      ),
      entitySpeaker(ent("y")),
      "entity:x",
    ],
    [
      "a relay cycle whose representative is an entity",
      cyclic(
        [
          ["b", "a"],
          ["a", "b"],
        ],
        [],
        [["a", "e"]],
      ),
      sourceSpeaker(src("b")),
      "entity:e",
    ],
  ])("cycle: %s", (_name, graph, start, key) => {
    expect(resolveOrigin(start, "speaker", graph).key).toBe(key);
  });

  // Random graphs over a few sources and entities, cycles included: following any one link never
  // changes the root, so every member of a cycle, and everything leading into it, counts once.
  const S = ["s0", "s1", "s2", "s3", "s4"];
  const E = ["e0", "e1", "e2", "e3", "e4"];
  const links = (from: string[], to: string[]) => fc.dictionary(fc.constantFrom(...from), fc.constantFrom(...to), { maxKeys: from.length });
  const arbGraph = fc.record({ upstream: links(S, S), sourceEntity: links(S, E), speaksFor: links(E, E) }).map(
    ({ upstream, sourceEntity, speaksFor }): OriginGraph => ({
      upstream: new Map(Object.entries(upstream).map(([k, v]) => [k, src(v, v.toUpperCase())])),
      sourceEntity: new Map(Object.entries(sourceEntity).map(([k, v]) => [k, ent(v, v.toUpperCase())])),
      speaksFor: new Map(Object.entries(speaksFor).map(([k, v]) => [k, ent(v, v.toUpperCase())])),
    }),
  );
  const key = (n: SpeakerRef, g: OriginGraph) => resolveOrigin(n, "speaker", g).key;

  it("gives a node and its successor the same root, and a root resolves to itself", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        for (const id of S) {
          const node = sourceSpeaker(src(id, id.toUpperCase()));
          const up = g.upstream.get(id);
          const linked = g.sourceEntity.get(id);
          if (up) expect(key(node, g)).toBe(key(sourceSpeaker(up), g));
          else if (linked) expect(key(node, g)).toBe(key(entitySpeaker(linked), g));
        }
        for (const id of E) {
          const next = g.speaksFor.get(id);
          if (next) expect(key(entitySpeaker(ent(id, id.toUpperCase())), g)).toBe(key(entitySpeaker(next), g));
        }
        for (const id of [...S.map((s) => `source:${s}`), ...E.map((e) => `entity:${e}`)]) {
          const [type, raw] = id.split(":") as ["source" | "entity", string];
          const root = key({ type, id: raw, name: raw.toUpperCase() }, g);
          const [rootType, rootId] = root.split(":") as ["source" | "entity", string];
          expect(key({ type: rootType, id: rootId, name: rootId.toUpperCase() }, g)).toBe(root);
        }
      }),
    );
  });

  it("always describes the path starting with the cited name", () => {
    fc.assert(
      fc.property(arbGraph, fc.constantFrom(...S), (g, id) => {
        const o = resolveOrigin(src(id, id.toUpperCase()), "origin", g);
        expect(o.path === o.label || o.path.startsWith(`${id.toUpperCase()}, `)).toBe(true);
        expect(o.path.endsWith(o.label)).toBe(true);
      }),
    );
  });
});

describe("detectCycle", () => {
  const edges = new Map([
    ["demo", "reuters"],
    ["reuters", "afp"],
  ]);
  it.each([
    ["a self edge", "tass", "tass", true],
    ["closing a two-step loop", "afp", "demo", true],
    ["a direct back edge", "reuters", "demo", true],
    ["pointing into the chain's end", "afp", "reuters", true],
    ["extending the chain at its start", "vne", "demo", false],
    ["extending the chain at its end", "afp", "tass", false],
    ["replacing an edge with one further down", "demo", "afp", false],
    ["unrelated nodes", "tass", "kcna", false],
  ] as const)("%s: %s→%s is %s", (_name, from, to, expected) => expect(detectCycle(edges, from, to)).toBe(expected));

  it("terminates on stored data that already loops elsewhere", () => {
    expect(
      detectCycle(
        new Map([
          ["x", "y"],
          ["y", "x"],
        ]),
        "a",
        "x",
      ),
    ).toBe(false);
  });

  it("keeps a graph acyclic when only accepted edges are added, and refuses only edges that close a loop", () => {
    const node = fc.constantFrom("a", "b", "c", "d", "e", "f");
    fc.assert(
      fc.property(fc.array(fc.tuple(node, node), { maxLength: 30 }), (proposed) => {
        const graph = new Map<string, string>();
        for (const [from, to] of proposed) {
          if (graph.has(from)) continue;
          // Refused exactly when `from` is reachable from `to` (or is `to`).
          const reachable = new Set<string>();
          for (let c: string | undefined = to; c !== undefined && !reachable.has(c); c = graph.get(c)) reachable.add(c);
          expect(detectCycle(graph, from, to)).toBe(reachable.has(from));
          if (!reachable.has(from)) graph.set(from, to);
        }
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

it("fixture graph: Peskov, the Kremlin press office and Russia share one root; KCNA stands alone", () => {
  const roots = [entitySpeaker(PESKOV), sourceSpeaker(KREMLIN_PRESS), entitySpeaker(KREMLIN), entitySpeaker(RUSSIA)].map(
    (s) => resolveOrigin(s, "speaker", GRAPH).key,
  );
  expect(new Set(roots)).toEqual(new Set(["entity:e-russia"]));
  expect(resolveOrigin(KCNA, "origin", GRAPH).key).toBe("source:kcna");
});
