// Independent origins: who a mention's claim really comes from. Speakers, article origins and
// publishers resolve through relays (Source → the source it relays), links (Source → the Entity it
// is) and speaks-for (Entity → the entity it speaks for) to one root, so two outlets relaying TASS
// count once and Peskov, the Kremlin and Russia count once when the desk links them so.

export type SourceRef = { id: string; name: string; kind?: string };
export type EntityRef = { id: string; name: string };
export type SpeakerRef = ({ type: "source"; kind?: string } | { type: "entity" }) & { id: string; name: string };

/** The workspace's provenance links; every map may be empty. */
export type OriginGraph = {
  /** Source id → the source it systematically relays (an outlet → the wire it reprints). */
  upstream: ReadonlyMap<string, SourceRef>;
  /** Source id → the entity it is (the Kremlin's press office → the Kremlin). */
  sourceEntity: ReadonlyMap<string, EntityRef>;
  /** Entity id → the entity it speaks for (a spokesman → his government). */
  speaksFor: ReadonlyMap<string, EntityRef>;
};

export const EMPTY_GRAPH: OriginGraph = { upstream: new Map(), sourceEntity: new Map(), speaksFor: new Map() };

export type OriginVia = "speaker" | "origin" | "publisher" | "unattributed";
export type IndependentOrigin = {
  /** "source:<id>" or "entity:<id>" of the root; "unattributed" when nothing names a source. */
  key: string;
  /** The root's name. */
  label: string;
  via: OriginVia;
  /** How the cited name reaches the root, in words: "Dmitry Peskov, for Russia", "Demo Daily, relaying TASS". */
  path: string;
};

export const UNATTRIBUTED_KEY = "unattributed";

type Node = { type: "source" | "entity"; id: string; name: string };
type Step = { node: Node; link: "relays" | "is" | "speaks_for" | null };

/** The chain from `start` to its root; inside a cycle the smallest id stands for every member. */
function walk<T extends { id: string }>(start: T, next: (n: T) => T | undefined): [T, ...T[]] {
  const path: [T, ...T[]] = [start];
  const seenAt = new Map<string, number>([[start.id, 0]]);
  let current: T | undefined = next(start);
  while (current && !seenAt.has(current.id)) {
    seenAt.set(current.id, path.length);
    path.push(current);
    current = next(current);
  }
  if (!current) return path;
  // A cycle should have been refused when stored; if one exists anyway, every member must resolve
  // to the same representative, or two outlets in the loop would count as two origins.
  const cycle = path.slice(seenAt.get(current.id));
  const rep = cycle.reduce((best, s) => (s.id < best.id ? s : best));
  const [first, ...rest] = path;
  if (first === rep) return [rep];
  return [first, ...rest.filter((n) => n !== rep), rep];
}

/** The steps from `start` (always the first step) to its root. */
function chain(start: Node, g: OriginGraph): [Step, ...Step[]] {
  let steps: [Step, ...Step[]];
  let node: Node = start;
  if (node.type === "source") {
    const [cited, ...relayed] = walk({ id: node.id, name: node.name }, (s) => g.upstream.get(s.id));
    steps = [{ node: { type: "source", ...cited }, link: null }];
    for (const s of relayed) steps.push({ node: { type: "source", ...s }, link: "relays" });
    const root = relayed.at(-1) ?? cited;
    const entity = g.sourceEntity.get(root.id);
    if (!entity) return steps;
    node = { type: "entity", ...entity };
    steps.push({ node, link: "is" });
  } else steps = [{ node, link: null }];
  const entities = walk({ id: node.id, name: node.name }, (e) => g.speaksFor.get(e.id));
  for (const e of entities.slice(1)) steps.push({ node: { type: "entity", ...e }, link: "speaks_for" });
  return steps;
}

function describePath(steps: [Step, ...Step[]]): string {
  const first = steps[0].node.name;
  const root = steps.at(-1)!;
  if (steps.length === 1 || root.node.name === first) return first;
  const wire = steps.filter((s) => s.node.type === "source").at(-1)!;
  const relays = steps.some((s) => s.link === "relays");
  if (!relays) return `${first}, for ${root.node.name}`;
  // An outlet relaying a wire that the desk linked to an entity reaches the entity through the wire:
  // "Demo Daily, relaying TASS, for Russia", never "Demo Daily, relaying Russia".
  return wire === root || wire.node.name === root.node.name
    ? `${first}, relaying ${root.node.name}`
    : `${first}, relaying ${wire.node.name}, for ${root.node.name}`;
}

/** Resolve one speaker, origin or publisher to its root origin. */
export function resolveOrigin(start: SpeakerRef | SourceRef, via: Exclude<OriginVia, "unattributed">, g: OriginGraph = EMPTY_GRAPH): IndependentOrigin {
  const node: Node = "type" in start ? { type: start.type, id: start.id, name: start.name } : { type: "source", id: start.id, name: start.name };
  const steps = chain(node, g);
  const root = steps.at(-1)!.node;
  return { key: `${root.type}:${root.id}`, label: root.name, via, path: describePath(steps) };
}

export type Attribution = { speakers: SpeakerRef[]; articleOrigins: SourceRef[]; publisher: SourceRef | null };

/**
 * A mention's independent origins: each speaker's root (several speakers are several origins),
 * else the article's first origin, else its publisher; one "unattributed" entry when none exists.
 */
export function independentOrigins(m: Attribution, g: OriginGraph = EMPTY_GRAPH): IndependentOrigin[] {
  if (m.speakers.length > 0) {
    const byKey = new Map<string, IndependentOrigin>();
    for (const s of m.speakers) {
      const o = resolveOrigin(s, "speaker", g);
      if (!byKey.has(o.key)) byKey.set(o.key, o);
    }
    return [...byKey.values()];
  }
  // The byline credit lists the primary relay first ("Theo Reuters, AFP"), so the first origin is
  // the one the text was taken from; later ones only contributed.
  const origin = m.articleOrigins[0];
  if (origin) return [resolveOrigin(origin, "origin", g)];
  if (m.publisher) return [resolveOrigin(m.publisher, "publisher", g)];
  return [{ key: UNATTRIBUTED_KEY, label: "unattributed", via: "unattributed", path: "unattributed" }];
}

/** Whether adding the edge from→to to a one-successor graph would close a cycle. */
export function detectCycle(edges: ReadonlyMap<string, string>, from: string, to: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined = to;
  // `seen` stops the walk if the stored graph already holds a cycle that does not pass through `from`.
  while (current !== undefined && !seen.has(current)) {
    if (current === from) return true;
    seen.add(current);
    current = edges.get(current);
  }
  return false;
}
