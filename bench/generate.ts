// The bench workspace: sources with relays, entities with spokesmen, articles with origins,
// passages, claims with speakers, propositions and mention links, written with COPY in batches
// (one fixed seed, so every run and every machine gets the same data).
import crypto from "node:crypto";
import type pg from "pg";
import { quoteSelector } from "../lib/domain/anchoring";
import { foldForMatch } from "../lib/domain/claim-types";
import { copyIn, copyLine } from "./copy";

/** 16× is the size in issue 12: 10k articles, 200k passages, 100k claims, 5k propositions, 100 sources. */
export const FULL_SCALE = 16;
export const PASSAGES_PER_ARTICLE = 20;
export const CLAIMS_PER_ARTICLE = 10;
/** The article whose first paragraph carries this many claims (re-anchoring, the reader). */
export const DENSE_CLAIMS = 2000;

export type Sizes = { articles: number; passages: number; claims: number; propositions: number; sources: number; entities: number };

export function sizesAt(scale: number): Sizes {
  const f = scale / FULL_SCALE;
  const articles = Math.round(10_000 * f);
  return {
    articles,
    passages: articles * PASSAGES_PER_ARTICLE,
    claims: articles * CLAIMS_PER_ARTICLE,
    propositions: Math.round(5000 * f),
    sources: Math.max(5, Math.round(100 * f)),
    entities: Math.max(6, Math.round(200 * f)),
  };
}

/** Mulberry32: a small seeded generator (the data must be the same on every run). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    uuid: () => {
      const b = Buffer.alloc(16);
      for (let i = 0; i < 16; i++) b[i] = Math.floor(next() * 256);
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.toString("hex");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
type Rng = ReturnType<typeof rng>;

const SUBJECTS = ["the ministry", "officials", "the envoy", "Moscow", "Pyongyang", "Washington", "the Kremlin", "Bình Nhưỡng", "Triều Tiên", "the spokesman"];
const VERBS = ["said", "denied", "confirmed", "reported", "claimed", "alleged", "warned", "announced", "xác nhận", "bác bỏ"];
const OBJECTS = [
  "artillery shells",
  "a convoy of trucks",
  "drones",
  "ballistic missiles",
  "rifles",
  "tanks",
  "satellite technology",
  "fuel shipments",
  "đạn pháo",
  "tên lửa",
];
const PLACES = ["the border", "Vladivostok", "the port of Rajin", "Vostochny", "Khabarovsk", "the summit", "Hà Nội", "Seoul", "the harbour", "the depot"];
/** Words that appear in about one passage in five thousand: the "rare words" searches. */
export const RARE_WORDS = ["Tupolev", "Khasan", "Kinzhal", "Hwasong"];
export const COMMON_WORD = "convoy";

function sentence(r: Rng): string {
  const n = 1 + r.int(5000);
  const rare = r.next() < 0.0008 ? ` near ${r.pick(RARE_WORDS)}` : "";
  return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} that ${n} ${r.pick(OBJECTS)} reached ${r.pick(PLACES)}${rare} on day ${1 + r.int(365)}.`;
}

/** A paragraph of three to five sentences, NFC. */
export function paragraph(r: Rng): string {
  const s = Array.from({ length: 3 + r.int(3) }, () => sentence(r)).join(" ");
  return (s.charAt(0).toUpperCase() + s.slice(1)).normalize("NFC");
}

/** A span of 3 to 6 whole words of `text`, in UTF-16 units (the texts here are all in the BMP, so also code points). */
export function wordSpan(r: Rng, text: string): { start: number; end: number } {
  const bounds = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const len = Math.min(bounds.length, 3 + r.int(4));
  const first = r.int(bounds.length - len + 1);
  const last = bounds[first + len - 1]!;
  // Leave a sentence's full stop outside the quote, as an editor would.
  const end = /[.,]/.test(text.charAt(last[1] - 1)) ? last[1] - 1 : last[1];
  return { start: bounds[first]![0], end };
}

/** The dense paragraph (under the 20,000-character limit with an edit): 400 numbered sentences, five overlapping claims on each. */
export function denseParagraph(): { text: string; spans: { start: number; end: number }[] } {
  const sentences: string[] = [];
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (let i = 0; i < DENSE_CLAIMS / 5; i++) {
    const s = `Convoy ${i} hit depot ${i} at dawn on day ${i}.`;
    const words = [...s.matchAll(/\S+/g)].map((m) => [offset + m.index, offset + m.index + m[0].length] as const);
    for (let k = 0; k < 5; k++) spans.push({ start: words[k]![0], end: words[k + 4]![1] });
    sentences.push(s);
    offset += s.length + 1;
  }
  return { text: sentences.join(" "), spans };
}

export type Generated = {
  sizes: Sizes;
  /** Paragraphs to mark new claims on (a sample), with their text. */
  passages: { id: string; text: string }[];
  sourceIds: string[];
  entityIds: string[];
  dense: { articleId: string; passageId: string; text: string; claims: { exact: string }[] };
  ms: number;
};

const MODALITIES = ["ASSERTED", "REPORTED", "ALLEGED", "DENIED", "SPECULATIVE", "FORECAST", "UNCONFIRMED"] as const;
const STATUSES = ["SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "APPROVED", "APPROVED", "DRAFT"] as const;
const ANNOTATION_COLUMNS = [
  "id",
  "workspaceId",
  "passageId",
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
  "claimTypeId",
  "modality",
  "fields",
  "searchText",
  "status",
  "authorId",
  "updatedAt",
] as const;

/** Fill workspace `ws` (owned by `userId`, with its claim types) at `scale`; fixed seed per scale. */
export async function generate(client: pg.ClientBase, ws: string, userId: string, claimTypeIds: string[], scale: number): Promise<Generated> {
  const t0 = performance.now();
  const sizes = sizesAt(scale);
  const r = rng(12_000 + scale);
  const now = new Date().toISOString();
  const tag = crypto.createHash("sha256").update(ws).digest("hex").slice(0, 8);

  // Entities: every second one is a spokesman for the one before (speaksFor), each with one alias.
  const entities = Array.from({ length: sizes.entities }, (_, i) => ({ id: r.uuid(), name: `${i % 2 ? "Spokesman" : "Government"} ${i}` }));
  await copyIn(
    client,
    "Entity",
    ["id", "workspaceId", "name", "kind", "speaksForId"],
    entities.map((e, i) => copyLine([e.id, ws, e.name, i % 2 ? "PERSON" : "COUNTRY", i % 2 ? entities[i - 1]!.id : null])),
  );
  await copyIn(
    client,
    "EntityAlias",
    ["id", "workspaceId", "entityId", "alias", "normalizedAlias"],
    entities.map((e) => copyLine([r.uuid(), ws, e.id, e.name, foldForMatch(e.name)])),
  );

  // Sources: a fifth are wire agencies; half the outlets relay one of them (upstream); a few are tied to an entity.
  const wires = Math.max(1, Math.ceil(sizes.sources / 5));
  const sources = Array.from({ length: sizes.sources }, (_, i) => ({
    id: r.uuid(),
    name: i < wires ? `Wire ${i}` : `Outlet ${i}`,
    wire: i < wires,
  }));
  const sourceLines = sources.map((s, i) =>
    copyLine([
      s.id,
      ws,
      s.name,
      foldForMatch(s.name),
      s.wire ? "WIRE_AGENCY" : i % 7 === 0 ? "STATE_MEDIA" : "OUTLET",
      !s.wire && i % 2 === 0 ? sources[i % wires]!.id : null,
      i % 10 === 3 ? entities[i % entities.length]!.id : null,
    ]),
  );
  // Upstream rows first: a relay references a wire (the composite foreign key checks it).
  await copyIn(client, "Source", ["id", "workspaceId", "name", "normalizedName", "kind", "upstreamId", "entityId"], sourceLines.slice(0, wires));
  await copyIn(client, "Source", ["id", "workspaceId", "name", "normalizedName", "kind", "upstreamId", "entityId"], sourceLines.slice(wires));
  const outlets = sources.filter((s) => !s.wire);

  const propositions = Array.from({ length: sizes.propositions }, (_, i) => ({ id: r.uuid(), i }));
  await copyIn(
    client,
    "Proposition",
    ["id", "workspaceId", "statement", "searchText", "claimTypeId", "createdById", "updatedAt"],
    propositions.map((p) => {
      const statement = `Claim ${p.i}: ${r.pick(SUBJECTS)} sent ${r.pick(OBJECTS)} to ${r.pick(PLACES)}`;
      return copyLine([p.id, ws, statement, foldForMatch(statement), r.pick(claimTypeIds), userId, now]);
    }),
  );

  const sample: { id: string; text: string }[] = [];
  const BATCH = 250;
  let dense: Generated["dense"] | undefined;
  for (let from = 0; from < sizes.articles; from += BATCH) {
    const articles: string[] = [];
    const origins: string[] = [];
    const passages: string[] = [];
    const claims: string[] = [];
    const speakers: string[] = [];
    const mentions: string[] = [];
    for (let a = from; a < Math.min(sizes.articles, from + BATCH); a++) {
      const articleId = r.uuid();
      const publisher = r.pick(outlets);
      const day = 1 + r.int(28);
      articles.push(
        copyLine([
          articleId,
          ws,
          publisher.id,
          `Story ${a}: ${r.pick(OBJECTS)} at ${r.pick(PLACES)}`,
          `2024-0${1 + r.int(9)}-${String(day).padStart(2, "0")}`,
          r.next() < 0.5 ? "vi" : "en",
          `bench-${tag}-${a}`,
          userId,
          now,
        ]),
      );
      if (r.next() < 0.4) origins.push(copyLine([ws, articleId, sources[r.int(wires)]!.id, 0]));
      const texts = Array.from({ length: PASSAGES_PER_ARTICLE }, () => paragraph(r));
      let claimSpans: { p: number; span: { start: number; end: number } }[] = [];
      if (a === 0) {
        const d = denseParagraph();
        texts[0] = d.text;
        claimSpans = d.spans.map((span) => ({ p: 0, span }));
      }
      const passageIds = texts.map(() => r.uuid());
      texts.forEach((text, p) => {
        passages.push(copyLine([passageIds[p], ws, articleId, p, text, foldForMatch(text)]));
        if (sample.length < 4000 && p > 0 && r.next() < 0.1) sample.push({ id: passageIds[p]!, text });
      });
      for (let c = 0; c < CLAIMS_PER_ARTICLE; c++) {
        const p = 1 + ((c * 2) % (PASSAGES_PER_ARTICLE - 1));
        claimSpans.push({ p, span: wordSpan(r, texts[p]!) });
      }
      for (const { p, span } of claimSpans) {
        const text = texts[p]!;
        const id = r.uuid();
        const q = quoteSelector(text, span.start, span.end);
        const fields = r.next() < 0.2 ? { quantities: [{ value: String(100 + r.int(50) * 100), item: "shells" }] } : {};
        claims.push(
          copyLine([
            id,
            ws,
            passageIds[p],
            span.start,
            span.end,
            q.exact,
            q.prefix,
            q.suffix,
            r.pick(claimTypeIds),
            r.pick(MODALITIES),
            fields,
            foldForMatch(`${q.exact} `),
            r.pick(STATUSES),
            userId,
            now,
          ]),
        );
        const roll = r.next();
        if (roll < 0.6) {
          const source = r.pick(sources).id;
          const entity = r.pick(entities).id;
          if (roll < 0.4) speakers.push(copyLine([r.uuid(), ws, id, 0, null, source]));
          else speakers.push(copyLine([r.uuid(), ws, id, 0, entity, null]));
          if (roll < 0.1) speakers.push(copyLine([r.uuid(), ws, id, 1, entity, null]));
        }
        if (r.next() < 0.6 || (a === 0 && p === 0)) {
          // Skewed: a few propositions gather many mentions, as on a real desk.
          const prop = propositions[Math.floor(propositions.length * r.next() ** 2)]!;
          const s = r.next();
          mentions.push(copyLine([ws, id, prop.id, s < 0.6 ? "SUPPORTS" : s < 0.85 ? "REFUTES" : "NEUTRAL"]));
        }
        if (a === 0 && p === 0) {
          dense ??= { articleId, passageId: passageIds[0]!, text, claims: [] };
          dense.claims.push({ exact: q.exact });
        }
      }
    }
    await copyIn(
      client,
      "Article",
      ["id", "workspaceId", "publisherId", "title", "publishedAt", "language", "contentHash", "createdById", "updatedAt"],
      articles,
    );
    await copyIn(client, "ArticleOrigin", ["workspaceId", "articleId", "sourceId", "position"], origins);
    await copyIn(client, "Passage", ["id", "workspaceId", "articleId", "position", "text", "searchText"], passages);
    await copyIn(client, "Annotation", ANNOTATION_COLUMNS, claims);
    await copyIn(client, "AnnotationSpeaker", ["id", "workspaceId", "annotationId", "position", "entityId", "sourceId"], speakers);
    await copyIn(client, "MentionLink", ["workspaceId", "annotationId", "propositionId", "stance"], mentions);
  }
  await client.query("ANALYZE");
  if (!dense) throw new Error("no dense article generated");
  return { sizes, passages: sample, sourceIds: sources.map((s) => s.id), entityIds: entities.map((e) => e.id), dense, ms: performance.now() - t0 };
}
