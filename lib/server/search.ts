import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { highlightSnippet, type Snippet } from "@/lib/domain/snippet";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";
import { closeWords, holdsCloseWords, mayContain } from "@/lib/server/search-words";
import { visibleClaimsSql } from "@/lib/server/visibility";

export const SEARCH_KINDS = ["passage", "claim", "proposition", "entity", "source"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_MIN_CHARS = 2;

export const searchSchema = z.object({
  q: z.string().trim().max(200, "Search text can be at most 200 characters"),
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).optional(),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(10),
});

type ClaimTypeTag = { label: string; color: string };
/** `similar`: matched by a similar spelling (trigram word similarity) only, not by containing the query. */
type Hit = { score: number; similar: boolean; snippet: Snippet };
export type PassageHit = Hit & { id: string; articleId: string; articleTitle: string; position: number; text: string };
export type ClaimHit = Hit & {
  id: string;
  articleId: string;
  articleTitle: string;
  position: number;
  /** The quote the claim marks. */
  exact: string;
  note: string | null;
  status: string;
  claimType: ClaimTypeTag;
  /** Which text the snippet shows: the quote, or the note when only the note matched. */
  snippetOf: "exact" | "note";
};
/** `verdict` is the desk's rating label (Proposition.ratingLabel), under the name the search API has always used. */
export type PropositionHit = Hit & { id: string; statement: string; verdict: string | null; claimType: ClaimTypeTag | null; mentions: number };
export type EntityHit = Hit & { id: string; name: string; kind: string /** The alias that matched, when it is not the name. */; matchedAlias: string | null };
export type SourceHit = Hit & { id: string; name: string; kind: string; articles: number };

/**
 * `total`: all matches (items holds the best `limit`); `exactTotal`: those that contain the query.
 * `capped`: true when there were more matches than the search counts (`SEARCH_COUNT_CAP` containing
 * the query, `SIMILAR_COUNT_CAP` passages of similar spelling): then
 * `total` and `exactTotal` are lower bounds ("200+") and the page is ranked among the first
 * `SEARCH_COUNT_CAP` candidates the index found.
 */
type Group<K extends SearchKind, T> = { kind: K; total: number; exactTotal: number; capped: boolean; items: T[] };
export type SearchGroup =
  | Group<"passage", PassageHit>
  | Group<"claim", ClaimHit>
  | Group<"proposition", PropositionHit>
  | Group<"entity", EntityHit>
  | Group<"source", SourceHit>;
export type SearchResult = { q: string; groups: SearchGroup[] };

// word_similarity at or above this counts as a similar spelling. Measured on folded text: typos
// score 0.58–0.83 ("pyongang"/"pyongyang" 0.58, "binh nhuogn"/"binh nhuong" 0.75), words that
// merely share syllables 0.43–0.57 ("tau ngam"/"tau chien ngay mai" 0.47). pg_trgm's default,
// 0.6, misses "pyongang"; 0.4 lets in most of the noise.
const WORD_SIMILARITY_THRESHOLD = "0.5";
// Passages are long, so similarity is costly there: look for similar spellings only when fewer
// passages than the largest page contain the query, and score only the paragraphs that hold a
// word close to each query word (found in the workspace's word list, lib/server/search-words.ts). Top results are the same either way
// (a contained match always outranks a similar one); only `total` leaves similar ones out.
const SIMILAR_PASSAGES_BELOW = SEARCH_MAX_LIMIT;
/** Passages scored and counted at most per search: candidates are picked by index first, then only these are scored. */
export const SEARCH_COUNT_CAP = 200;
/** Similar-spelling passages counted at most: the page shows a short tail of them, and each costs a similarity score. */
export const SIMILAR_COUNT_CAP = 50;

/**
 * Search passages, claims, propositions, entities (by any alias) and sources of the actor's
 * workspace, ignoring case and diacritics. Matching and ranking run in PostgreSQL on the folded
 * `searchText` / `normalizedAlias` / `normalizedName` columns through their trigram indexes: a
 * folded substring match ranks above a fuzzy (word-similarity) one. One query per kind.
 */
export async function search(actor: Actor, input: unknown): Promise<SearchResult> {
  assertCan(actor, "workspace.read");
  const data = searchSchema.parse(input);
  const folded = foldForMatch(data.q);
  if (folded.length < SEARCH_MIN_CHARS) throw new AppError("bad_request", "Type at least 2 characters", { fields: { q: "Type at least 2 characters" } });
  const kinds = SEARCH_KINDS.filter((k) => !data.kinds || data.kinds.includes(k));
  const passages = kinds.includes("passage");
  const [close, containable] = passages ? await Promise.all([closeWords(actor.workspaceId, folded), mayContain(actor.workspaceId, folded)]) : [null, true];
  const args: QueryArgs = {
    ws: actor.workspaceId,
    folded,
    pattern: `%${folded.replace(/[\\%_]/g, "\\$&")}%`,
    limit: data.limit,
    q: data.q,
    visibleClaim: visibleClaimsSql(actor, "an", 'p."articleId"'),
    closePassageWords: passages ? holdsCloseWords('p."searchText"', close) : Prisma.sql`FALSE`,
    containable,
  };
  // All kinds in one read-only transaction (one round of BEGIN/COMMIT, one connection), the
  // similarity threshold set once for it.
  const db = getDb();
  const plans = kinds.map((kind) => RUNNERS[kind](args));
  const [, , ...results] = await db.$transaction([
    db.$executeRaw`SET TRANSACTION READ ONLY`,
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`,
    ...plans.map((p) => p.query),
  ]);
  const groups = plans.map((p, i) => p.build(results[i] as Ranked[])) as SearchGroup[];
  return { q: data.q, groups };
}

/** `visibleClaim`: the blind-session rule on the claim query's `an` (lib/server/visibility). */
/** `closePassageWords`: "the paragraph holds a word close to each query word" (lib/server/search-words.ts). */
/** `containable`: false when no paragraph can contain the query (`mayContain`), so none is scanned for it. */
type QueryArgs = {
  ws: string;
  folded: string;
  pattern: string;
  limit: number;
  q: string;
  visibleClaim: Prisma.Sql;
  closePassageWords: Prisma.Sql;
  containable: boolean;
};
type Ranked = { score: number; similar: boolean; total: number; exactTotal: number; capped?: boolean };

type Split<T> = { total: number; exactTotal: number; capped: boolean; rows: Omit<T, "total" | "exactTotal" | "capped">[] };
function split<T extends Ranked>(rows: T[]): Split<T> {
  return {
    total: rows[0]?.total ?? 0,
    exactTotal: rows[0]?.exactTotal ?? 0,
    capped: rows[0]?.capped ?? false,
    rows: rows.map(({ total: _t, exactTotal: _e, capped: _c, ...r }) => r),
  };
}
/** One kind's query (run in the shared transaction) and how its rows become the group. */
type Plan<G> = { query: Prisma.PrismaPromise<unknown>; build: (rows: Ranked[]) => G };
function plan<T extends Ranked, G>(query: Prisma.PrismaPromise<T[]>, build: (r: Split<T>) => G): Plan<G> {
  return { query, build: (rows) => build(split(rows as T[])) };
}

// Every query is scoped by workspace and matches `col LIKE pattern OR q <% col`; both arms can use
// the column's GIN trigram index (`<%` as its commutator `%>`). The columns are folded to lower case
// already, so LIKE does what ILIKE would. score = 1 for a contained match + word_similarity, so
// contained matches come first; then a fixed tiebreak. `count(*) OVER ()` counts before LIMIT.
const RUNNERS: { [K in SearchKind]: (a: QueryArgs) => Plan<Extract<SearchGroup, { kind: K }>> } = {
  passage({ ws, folded, pattern, limit, q, closePassageWords, containable }) {
    type Row = Ranked & { id: string; articleId: string; articleTitle: string; position: number; text: string };
    // Contained matches first (MATERIALIZED so the count below runs once); the similar-spelling
    // scan is skipped by a one-time filter when enough passages contain the query. Texts are
    // read for the returned page only.
    return plan(
      getDb().$queryRaw<Row[]>`
        WITH cand AS MATERIALIZED (
          SELECT p.id FROM "Passage" p
          WHERE p."workspaceId" = ${ws}::uuid AND NOT p."isDuplicate" AND ${containable ? Prisma.sql`p."searchText" LIKE ${pattern}` : Prisma.sql`FALSE`}
          LIMIT ${SEARCH_COUNT_CAP + 1}::int
        ), exact AS MATERIALIZED (
          SELECT p.id, p."articleId", p.position, 1 + word_similarity(${folded}::text, p."searchText") AS score
          FROM cand JOIN "Passage" p ON p.id = cand.id
        ), fuzzy AS MATERIALIZED (
          SELECT p.id, p."articleId", p.position, word_similarity(${folded}::text, p."searchText") AS score
          FROM "Passage" p
          WHERE (SELECT count(*) FROM cand) < ${SIMILAR_PASSAGES_BELOW}::int
            AND p."workspaceId" = ${ws}::uuid AND NOT p."isDuplicate"
            AND ${closePassageWords} AND ${folded}::text <% p."searchText" AND (${containable ? Prisma.sql`p."searchText" NOT LIKE ${pattern}` : Prisma.sql`TRUE`})
          LIMIT ${SIMILAR_COUNT_CAP + 1}::int
        ), counts AS (
          SELECT (SELECT count(*) FROM exact)::int AS e, (SELECT count(*) FROM fuzzy)::int AS f
        ), top AS (
          SELECT h.*, a.title, a."createdAt"
          FROM (
            SELECT *, false AS similar FROM exact
            UNION ALL
            SELECT *, true AS similar FROM fuzzy
          ) h
          JOIN "Article" a ON a.id = h."articleId" AND a."workspaceId" = ${ws}::uuid
          ORDER BY h.score DESC, a."createdAt" DESC, a.id, h.position
          LIMIT ${limit}
        )
        SELECT top.id, top."articleId", top.title AS "articleTitle", top.position, p.text, top.score, top.similar,
          least(counts.e, ${SEARCH_COUNT_CAP}::int) + least(counts.f, ${SIMILAR_COUNT_CAP}::int) AS total,
          least(counts.e, ${SEARCH_COUNT_CAP}::int) AS "exactTotal",
          (counts.e > ${SEARCH_COUNT_CAP}::int OR counts.f > ${SIMILAR_COUNT_CAP}::int) AS capped
        FROM top
        CROSS JOIN counts
        JOIN "Passage" p ON p.id = top.id
        ORDER BY top.score DESC, top."createdAt" DESC, top."articleId", top.position`,
      ({ total, exactTotal, capped, rows }) => ({
        capped,
        kind: "passage",
        total,
        exactTotal,
        items: rows.map((r) => ({ ...r, snippet: highlightSnippet(r.text, q) })),
      }),
    );
  },

  claim({ ws, folded, pattern, limit, q, visibleClaim }) {
    type Row = Ranked & {
      id: string;
      articleId: string;
      articleTitle: string;
      position: number;
      exact: string;
      note: string | null;
      status: string;
      claimTypeLabel: string;
      claimTypeColor: string;
    };
    return plan(
      getDb().$queryRaw<Row[]>`
        SELECT an.id, p."articleId", a.title AS "articleTitle", p.position, an.exact, an.note, an.status::text AS status,
          ct.label AS "claimTypeLabel", ct.color AS "claimTypeColor",
          an."searchText" NOT LIKE ${pattern} AS similar,
          (CASE WHEN an."searchText" LIKE ${pattern} THEN 1 ELSE 0 END) + word_similarity(${folded}::text, an."searchText") AS score,
          count(*) OVER ()::int AS total,
          (count(*) FILTER (WHERE an."searchText" LIKE ${pattern}) OVER ())::int AS "exactTotal"
        FROM "Annotation" an
        JOIN "Passage" p ON p.id = an."passageId"
        JOIN "Article" a ON a.id = p."articleId"
        JOIN "ClaimType" ct ON ct.id = an."claimTypeId"
        WHERE an."workspaceId" = ${ws}::uuid
          AND an."deletedAt" IS NULL
          AND ${visibleClaim}
          AND (an."searchText" LIKE ${pattern} OR ${folded}::text <% an."searchText")
        ORDER BY score DESC, an."createdAt" DESC, an.id
        LIMIT ${limit}`,
      ({ total, exactTotal, capped, rows }) => ({
        capped,
        kind: "claim",
        total,
        exactTotal,
        items: rows.map(({ claimTypeLabel, claimTypeColor, ...r }) => {
          const onQuote = highlightSnippet(r.exact, q);
          const onNote = !onQuote.matched && r.note ? highlightSnippet(r.note, q) : null;
          const useNote = !!onNote?.matched;
          return {
            ...r,
            claimType: { label: claimTypeLabel, color: claimTypeColor },
            snippet: useNote ? onNote! : onQuote,
            snippetOf: useNote ? ("note" as const) : ("exact" as const),
          };
        }),
      }),
    );
  },

  proposition({ ws, folded, pattern, limit, q }) {
    type Row = Ranked & {
      id: string;
      statement: string;
      verdict: string | null;
      claimTypeLabel: string | null;
      claimTypeColor: string | null;
      mentions: number;
    };
    return plan(
      getDb().$queryRaw<Row[]>`
        SELECT pr.id, pr.statement, pr."ratingLabel" AS verdict, ct.label AS "claimTypeLabel", ct.color AS "claimTypeColor",
          (SELECT count(*)::int FROM "MentionLink" m WHERE m."propositionId" = pr.id) AS mentions,
          pr."searchText" NOT LIKE ${pattern} AS similar,
          (CASE WHEN pr."searchText" LIKE ${pattern} THEN 1 ELSE 0 END) + word_similarity(${folded}::text, pr."searchText") AS score,
          count(*) OVER ()::int AS total,
          (count(*) FILTER (WHERE pr."searchText" LIKE ${pattern}) OVER ())::int AS "exactTotal"
        FROM "Proposition" pr
        LEFT JOIN "ClaimType" ct ON ct.id = pr."claimTypeId"
        WHERE pr."workspaceId" = ${ws}::uuid
          AND (pr."searchText" LIKE ${pattern} OR ${folded}::text <% pr."searchText")
        ORDER BY score DESC, pr."createdAt" DESC, pr.id
        LIMIT ${limit}`,
      ({ total, exactTotal, capped, rows }) => ({
        capped,
        kind: "proposition",
        total,
        exactTotal,
        items: rows.map(({ claimTypeLabel, claimTypeColor, ...r }) => ({
          ...r,
          claimType: claimTypeLabel && claimTypeColor ? { label: claimTypeLabel, color: claimTypeColor } : null,
          snippet: highlightSnippet(r.statement, q),
        })),
      }),
    );
  },

  entity({ ws, folded, pattern, limit, q }) {
    type Row = Ranked & { id: string; name: string; kind: string; alias: string };
    // The best-matching alias per entity, then the entities ranked; similarity() breaks ties
    // towards the closest whole alias ("Đức" before "Đức Trung" for "duc").
    return plan(
      getDb().$queryRaw<Row[]>`
        WITH best AS (
          SELECT DISTINCT ON (al."entityId") al."entityId", al.alias,
            al."normalizedAlias" NOT LIKE ${pattern} AS similar,
            (CASE WHEN al."normalizedAlias" LIKE ${pattern} THEN 1 ELSE 0 END) + word_similarity(${folded}::text, al."normalizedAlias") AS score,
            similarity(${folded}::text, al."normalizedAlias") AS closeness
          FROM "EntityAlias" al
          WHERE al."workspaceId" = ${ws}::uuid
            AND (al."normalizedAlias" LIKE ${pattern} OR ${folded}::text <% al."normalizedAlias")
          ORDER BY al."entityId", score DESC, closeness DESC, al.alias
        )
        SELECT e.id, e.name, e.kind::text AS kind, best.alias, best.similar, best.score,
          count(*) OVER ()::int AS total,
          (count(*) FILTER (WHERE NOT best.similar) OVER ())::int AS "exactTotal"
        FROM best
        JOIN "Entity" e ON e.id = best."entityId" AND e."workspaceId" = ${ws}::uuid
        ORDER BY best.score DESC, best.closeness DESC, e.name, e.id
        LIMIT ${limit}`,
      ({ total, exactTotal, capped, rows }) => ({
        capped,
        kind: "entity",
        total,
        exactTotal,
        items: rows.map(({ alias, ...r }) => ({ ...r, matchedAlias: alias === r.name ? null : alias, snippet: highlightSnippet(alias, q) })),
      }),
    );
  },

  source({ ws, folded, pattern, limit, q }) {
    type Row = Ranked & { id: string; name: string; kind: string; articles: number };
    return plan(
      getDb().$queryRaw<Row[]>`
        SELECT s.id, s.name, s.kind::text AS kind,
          (SELECT count(*)::int FROM "Article" ar WHERE ar."publisherId" = s.id) AS articles,
          s."normalizedName" NOT LIKE ${pattern} AS similar,
          (CASE WHEN s."normalizedName" LIKE ${pattern} THEN 1 ELSE 0 END) + word_similarity(${folded}::text, s."normalizedName") AS score,
          count(*) OVER ()::int AS total,
          (count(*) FILTER (WHERE s."normalizedName" LIKE ${pattern}) OVER ())::int AS "exactTotal"
        FROM "Source" s
        WHERE s."workspaceId" = ${ws}::uuid
          AND (s."normalizedName" LIKE ${pattern} OR ${folded}::text <% s."normalizedName")
        ORDER BY score DESC, similarity(${folded}::text, s."normalizedName") DESC, s.name, s.id
        LIMIT ${limit}`,
      ({ total, exactTotal, capped, rows }) => ({
        capped,
        kind: "source",
        total,
        exactTotal,
        items: rows.map((r) => ({ ...r, snippet: highlightSnippet(r.name, q) })),
      }),
    );
  },
};
