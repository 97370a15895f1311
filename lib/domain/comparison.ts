import { foldForMatch } from "./claim-types";

export type Stance = "SUPPORTS" | "REFUTES" | "NEUTRAL";
export type SourceRef = { id: string; name: string; kind?: string };
export type MentionInput = {
  annotationId: string;
  stance: Stance;
  /** The speaker as a Source; an Entity speaker linked to a Source arrives here as that Source. */
  speaker: SourceRef | null;
  /** An Entity speaker with no linked Source. */
  speakerEntity?: { id: string; name: string } | null;
  /** The article's origins (sources it relays or translates), in byline order. */
  articleOrigins: SourceRef[];
  publisher: SourceRef | null;
  fields: { date?: string; quantity?: string; item?: string };
  actors: string[];
  modality?: string;
};
export type VerdictKind = "conflict" | "agree" | "single_origin" | "detail_conflict" | "unverified" | "no_mentions";
export type IndependentOrigin = { key: string; label: string; via: "speaker" | "origin" | "publisher" | "unknown" };
/** Source id → the source it systematically relays (e.g. an outlet → the wire it reprints). */
export type UpstreamMap = ReadonlyMap<string, SourceRef>;
export type OriginCount = { key: string; label: string; mentions: number; outlets: string[] };
export type StanceSummary = { origins: OriginCount[]; mentions: number; outlets: number };
export type DetailField = "date" | "quantity" | "item" | "actors";
export type DetailConflict = { field: DetailField; values: { value: string; origins: string[] }[] };
export type Verdict = {
  kind: VerdictKind;
  supports: StanceSummary;
  refutes: StanceSummary;
  neutral: StanceSummary;
  detailConflicts: DetailConflict[];
  sentence: string;
};

/** The root of a source's upstream chain; inside a cycle the smallest id stands for every member. */
export function rootSource(source: SourceRef, upstream?: UpstreamMap): SourceRef {
  if (!upstream) return source;
  const path: SourceRef[] = [];
  const seenAt = new Map<string, number>();
  let current: SourceRef | undefined = source;
  while (current && !seenAt.has(current.id)) {
    seenAt.set(current.id, path.length);
    path.push(current);
    current = upstream.get(current.id);
  }
  if (!current) return path[path.length - 1];
  // A cycle should have been refused by detectCycle; if stored data has one anyway, every member
  // must resolve to the same representative, or two outlets in the loop would count as two origins.
  const cycle = path.slice(seenAt.get(current.id));
  return cycle.reduce((best, s) => (s.id < best.id ? s : best));
}

function fromSource(source: SourceRef, via: IndependentOrigin["via"], upstream?: UpstreamMap): IndependentOrigin {
  const root = rootSource(source, upstream);
  return { key: `source:${root.id}`, label: root.name, via };
}

/** Where a mention's claim independently comes from: speaker, else first article origin, else publisher. */
export function independentOrigin(m: MentionInput, upstream?: UpstreamMap): IndependentOrigin {
  if (m.speaker) return fromSource(m.speaker, "speaker", upstream);
  if (m.speakerEntity) return { key: `entity:${m.speakerEntity.id}`, label: m.speakerEntity.name, via: "speaker" };
  // The byline credit lists the primary relay first ("Theo Reuters, AFP"), so the first origin is
  // the one the text was taken from; later ones only contributed.
  const origin = m.articleOrigins[0];
  if (origin) return fromSource(origin, "origin", upstream);
  if (m.publisher) return fromSource(m.publisher, "publisher", upstream);
  // Each unattributed mention counts on its own: nothing shows two of them share a source, and one
  // shared "unknown" bucket would present unrelated reports as copies of one another.
  return { key: `unknown:${m.annotationId}`, label: "unattributed mention", via: "unknown" };
}

/** Whether adding the edge from→to to a one-upstream-per-node graph would close a cycle. */
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

type Attributed = { m: MentionInput; origin: IndependentOrigin };

function summarize(items: Attributed[]): StanceSummary {
  const origins = new Map<string, OriginCount & { first: number }>();
  const publishers = new Set<string>();
  items.forEach(({ m, origin }, i) => {
    const entry = origins.get(origin.key) ?? { key: origin.key, label: origin.label, mentions: 0, outlets: [], first: i };
    entry.mentions += 1;
    if (m.publisher) {
      publishers.add(m.publisher.id);
      if (!entry.outlets.includes(m.publisher.name)) entry.outlets.push(m.publisher.name);
    }
    origins.set(origin.key, entry);
  });
  // Most-cited origin first; ties keep the order mentions were given in, so the UI is stable.
  const sorted = [...origins.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return {
    origins: sorted.map(({ first: _first, ...o }) => o),
    mentions: items.length,
    outlets: publishers.size,
  };
}

type FieldReading = { key: string; display: string } | null;

function readScalar(raw: string | undefined): FieldReading {
  const key = raw === undefined ? "" : foldForMatch(raw);
  return key ? { key, display: raw!.trim().replace(/\s+/g, " ") } : null;
}

function readActors(actors: string[]): FieldReading {
  const byKey = new Map<string, string>();
  for (const a of actors) {
    const key = foldForMatch(a);
    if (key && !byKey.has(key)) byKey.set(key, a.trim().replace(/\s+/g, " "));
  }
  if (byKey.size === 0) return null;
  const keys = [...byKey.keys()].sort();
  return { key: keys.join("\u0000"), display: keys.map((k) => byKey.get(k)!).join(", ") };
}

// Quantities are compared by their first number ("5 attack drones" = "5"; "more than 1,000" =
// "1000"); wording around the number differs between languages and is not a disagreement.
function readQuantity(raw: string | undefined): FieldReading {
  const scalar = readScalar(raw);
  if (!scalar) return null;
  const n = /\d[\d.,\s]*/.exec(raw!)?.[0].replace(/[.,\s]/g, "");
  return n ? { key: `n:${Number(n)}`, display: scalar.display } : scalar;
}

// Values are attributed to the outlet that printed them: a relay can change a number, and the
// desk needs to see which outlet did.
function attribution(m: MentionInput, origin: IndependentOrigin): string {
  return m.publisher?.name ?? origin.label;
}

function fieldConflict(field: DetailField, items: Attributed[], read: (m: MentionInput) => FieldReading): DetailConflict | null {
  const byKey = new Map<string, { value: string; origins: Set<string> }>();
  for (const { m, origin } of items) {
    const reading = read(m);
    // A mention that leaves the field blank says nothing about it, so it cannot disagree.
    if (!reading) continue;
    const entry = byKey.get(reading.key) ?? { value: reading.display, origins: new Set<string>() };
    entry.origins.add(attribution(m, origin));
    byKey.set(reading.key, entry);
  }
  if (byKey.size < 2) return null;
  return { field, values: [...byKey.values()].map((v) => ({ value: v.value, origins: [...v.origins] })) };
}

// Actor lists disagree only when neither contains the other: naming fewer actors is not a contradiction.
function actorConflict(items: Attributed[]): DetailConflict | null {
  const conflict = fieldConflict("actors", items, (m) => readActors(m.actors));
  if (!conflict) return null;
  const sets = items.map(({ m }) => readActors(m.actors)?.key.split("\u0000")).filter((x): x is string[] => !!x);
  const within = (a: string[], b: string[]) => a.every((x) => b.includes(x));
  const clash = sets.some((a, i) => sets.some((b, j) => i < j && !within(a, b) && !within(b, a)));
  return clash ? conflict : null;
}

function findDetailConflicts(items: Attributed[]): DetailConflict[] {
  const conflicts = [
    fieldConflict("date", items, (m) => readScalar(m.fields.date)),
    fieldConflict("quantity", items, (m) => readQuantity(m.fields.quantity)),
    actorConflict(items),
  ];
  return conflicts.filter((c): c is DetailConflict => c !== null);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function verb(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** Up to three names, then "and N more", so long lists stay readable in one line. */
export function listNames(names: string[]): string {
  const head = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${head} and ${names.length - 3} more` : head;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function labels(s: StanceSummary): string {
  return listNames(s.origins.map((o) => o.label));
}

function explain(kind: VerdictKind, v: Omit<Verdict, "kind" | "sentence">): string {
  const s = v.supports.origins.length;
  const r = v.refutes.origins.length;
  switch (kind) {
    case "no_mentions":
      return "No mentions: nothing is linked to this proposition yet.";
    case "conflict":
      return `Conflict: ${count(s, "independent origin")} ${verb(s, "supports", "support")} it (${labels(v.supports)}) and ${r} ${verb(r, "refutes", "refute")} it (${labels(v.refutes)}).`;
    case "unverified":
      return r > 0
        ? `Unverified: no source supports it; ${count(r, "independent origin")} ${verb(r, "refutes", "refute")} it (${labels(v.refutes)}).`
        : `Unverified: only neutral mentions (${v.neutral.mentions}), no source supports or refutes it.`;
    case "detail_conflict": {
      const parts = v.detailConflicts.map(
        (c) => `${c.field} (${c.values.map((x) => `${x.value} per ${listNames(x.origins)}`).join("; ")})`,
      );
      return `Detail conflict: supporting sources disagree on ${joinAnd(parts)}.`;
    }
    case "agree": {
      const across = v.supports.outlets > 0 ? ` across ${count(v.supports.outlets, "outlet")}` : "";
      return `Agree: ${count(s, "independent origin")} support it (${labels(v.supports)})${across}; none refutes it.`;
    }
    case "single_origin": {
      const only = v.supports.origins[0].label;
      return v.supports.outlets > 1
        ? `Single origin: ${count(v.supports.outlets, "outlet")}, 1 independent origin: all relay ${only}.`
        : `Single origin: only ${only} supports it.`;
    }
  }
}

/** The verdict on a proposition from its linked mentions, counting independent origins rather than outlets. */
export function computeVerdict(mentions: MentionInput[], upstream?: UpstreamMap): Verdict {
  const attributed = mentions.map((m) => ({ m, origin: independentOrigin(m, upstream) }));
  const supporting = attributed.filter((a) => a.m.stance === "SUPPORTS");
  const body = {
    supports: summarize(supporting),
    refutes: summarize(attributed.filter((a) => a.m.stance === "REFUTES")),
    neutral: summarize(attributed.filter((a) => a.m.stance === "NEUTRAL")),
    detailConflicts: findDetailConflicts(supporting),
  };
  const s = body.supports.mentions;
  const r = body.refutes.mentions;
  let kind: VerdictKind;
  if (mentions.length === 0) kind = "no_mentions";
  else if (s > 0 && r > 0) kind = "conflict";
  // Refutations with no support leave nothing to agree on: the proposition is not established.
  else if (s === 0) kind = "unverified";
  else if (body.detailConflicts.length > 0) kind = "detail_conflict";
  else if (body.supports.origins.length >= 2) kind = "agree";
  else kind = "single_origin";
  return { kind, ...body, sentence: explain(kind, body) };
}

const TIER: Record<VerdictKind, number> = {
  conflict: 5,
  detail_conflict: 4,
  single_origin: 3,
  unverified: 2,
  agree: 1,
  no_mentions: 0,
};

const cap = (n: number) => Math.min(Math.max(n, 0), 999);

/**
 * Sort key, higher = more contested: tier × 1e6 + primary × 1e3 + secondary, each term capped at 999
 * so a tier always outranks the next. Conflict: primary = min(supporting, refuting origins) (a
 * balanced dispute beats 5 against 1), secondary = all mentions. Detail conflict: disputed fields,
 * then supporting mentions. Single origin: outlets relaying it (wider spread, more urgent), then
 * mentions. Unverified: neutral + refuting mentions. Agree: fewer origins first (weaker agreement).
 */
export function contestedness(v: Verdict): number {
  const s = v.supports.origins.length;
  const r = v.refutes.origins.length;
  const all = v.supports.mentions + v.refutes.mentions + v.neutral.mentions;
  const [primary, secondary] = ((): [number, number] => {
    switch (v.kind) {
      case "conflict":
        return [Math.min(s, r), all];
      case "detail_conflict":
        return [v.detailConflicts.length, v.supports.mentions];
      case "single_origin":
        return [v.supports.outlets, v.supports.mentions];
      case "unverified":
        return [v.neutral.mentions + v.refutes.mentions, 0];
      case "agree":
        return [999 - cap(s), 0];
      case "no_mentions":
        return [0, 0];
    }
  })();
  return TIER[v.kind] * 1_000_000 + cap(primary) * 1_000 + cap(secondary);
}
