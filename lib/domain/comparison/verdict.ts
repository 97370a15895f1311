import { compareDetails, type ActorRef, type DetailConflict, type QuantityItemInput, type SameValues, type UncertainDetail } from "./details";
import { EMPTY_GRAPH, independentOrigins, UNATTRIBUTED_KEY, type IndependentOrigin, type OriginGraph, type SourceRef, type SpeakerRef } from "./origins";
import { explain } from "./sentence";

export type Stance = "SUPPORTS" | "REFUTES" | "NEUTRAL";
export type MentionInput = {
  annotationId: string;
  articleId: string;
  /** Used in sentences ("all support comes from one article: …"). */
  articleTitle?: string;
  stance: Stance;
  /** Who says it, in order; each is an origin of the claim. */
  speakers: SpeakerRef[];
  /** The article's origins (sources it relays or translates), in byline order. */
  articleOrigins: SourceRef[];
  publisher: SourceRef | null;
  /** YYYY-MM-DD: the year of a detail date written without one. */
  articleDate: string | null;
  fields: { date?: string; quantities?: QuantityItemInput[]; item?: string };
  /** Entities ("entity:<id>") or, as a fallback, folded free text ("text:<folded>"). */
  actors: ActorRef[];
  modality?: string;
};
export type VerdictKind = "conflict" | "agree" | "single_origin" | "detail_conflict" | "unverified" | "no_mentions";
/** `via`: how the first mention reached this origin (a named speaker, or the article's credit or publisher). */
export type OriginCount = { key: string; label: string; path: string; via: IndependentOrigin["via"]; mentions: number; outlets: string[] };
export type StanceSummary = {
  /** Attributed independent origins, most cited first. */
  origins: OriginCount[];
  mentions: number;
  /** Mentions naming no speaker, origin or publisher: listed, never counted as an origin. */
  unattributed: number;
  outlets: number;
  articles: number;
};
export type Verdict = {
  kind: VerdictKind;
  supports: StanceSummary;
  refutes: StanceSummary;
  neutral: StanceSummary;
  detailConflicts: DetailConflict[];
  /** Detail values that could not be compared: the verdict holds, but a person should look. */
  uncertainDetails: UncertainDetail[];
  /** Linked mentions not counted (orphaned, or waiting for review after a correction). */
  uncounted: number;
  /** The articles all support comes from, when there is exactly one ({ id, title }). */
  singleArticle: { id: string; title?: string } | null;
  sentence: string;
};

type Attributed = { m: MentionInput; origins: IndependentOrigin[] };

function summarize(items: Attributed[]): StanceSummary {
  const origins = new Map<string, OriginCount & { first: number }>();
  const publishers = new Set<string>();
  let unattributed = 0;
  items.forEach(({ m, origins: os }, i) => {
    if (m.publisher) publishers.add(m.publisher.id);
    for (const o of os) {
      if (o.key === UNATTRIBUTED_KEY) {
        unattributed += 1;
        continue;
      }
      const entry = origins.get(o.key) ?? { key: o.key, label: o.label, path: o.path, via: o.via, mentions: 0, outlets: [], first: i };
      entry.mentions += 1;
      if (m.publisher && !entry.outlets.includes(m.publisher.name)) entry.outlets.push(m.publisher.name);
      origins.set(o.key, entry);
    }
  });
  // Most-cited origin first; ties keep the order mentions were given in, so the UI is stable.
  const sorted = [...origins.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return {
    origins: sorted.map(({ first: _first, ...o }) => o),
    mentions: items.length,
    unattributed,
    outlets: publishers.size,
    articles: new Set(items.map((a) => a.m.articleId)).size,
  };
}

const isAttributed = (a: Attributed) => a.origins.some((o) => o.key !== UNATTRIBUTED_KEY);

/**
 * The verdict on a proposition from its counted mentions, counting independent origins rather
 * than outlets. Unattributed mentions are listed but never make agreement, conflict or support.
 */
export function computeVerdict(
  mentions: MentionInput[],
  graph: OriginGraph = EMPTY_GRAPH,
  /**
   * `uncounted`: linked mentions left out (orphaned, waiting for review), so the sentence can say so;
   * `approvedOnly`: the workspace counts approved claims only, so unapproved ones are left out too.
   */
  opts: { sameValues?: SameValues[]; uncounted?: number; approvedOnly?: boolean } = {},
): Verdict {
  const attributed = mentions.map((m) => ({ m, origins: independentOrigins(m, graph) }));
  const byStance = (s: Stance) => attributed.filter((a) => a.m.stance === s);
  const supporting = byStance("SUPPORTS");
  const counted = supporting.filter(isAttributed);
  const details = compareDetails(
    // Counted mentions are attributed, so a first origin is always there (independentOrigins never returns none).
    counted.map(({ m, origins }) => ({
      attribution: m.publisher?.name ?? origins[0]?.path ?? "unattributed",
      articleDate: m.articleDate,
      fields: m.fields,
      actors: m.actors,
    })),
    opts.sameValues,
  );
  const body = {
    supports: summarize(supporting),
    refutes: summarize(byStance("REFUTES")),
    neutral: summarize(byStance("NEUTRAL")),
    detailConflicts: details.conflicts,
    uncertainDetails: details.uncertain,
    singleArticle: null as Verdict["singleArticle"],
    uncounted: opts.uncounted ?? 0,
  };
  const s = body.supports.origins.length;
  const r = body.refutes.origins.length;
  let kind: VerdictKind;
  if (mentions.length === 0) kind = "no_mentions";
  else if (s > 0 && r > 0) kind = "conflict";
  // Refutations with no support leave nothing to agree on: the proposition is not established.
  else if (s === 0) kind = "unverified";
  else if (body.detailConflicts.length > 0) kind = "detail_conflict";
  else if (s >= 2) kind = "agree";
  else kind = "single_origin";
  const articles = new Map(counted.map((a) => [a.m.articleId, a.m.articleTitle]));
  const [onlyArticle] = articles;
  if (counted.length > 0 && articles.size === 1 && onlyArticle) {
    const [id, title] = onlyArticle;
    body.singleArticle = { id, ...(title ? { title } : {}) };
  }
  return { kind, ...body, sentence: explain(kind, body, opts.approvedOnly) };
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
