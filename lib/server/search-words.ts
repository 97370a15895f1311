import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Similar-spelling search over long paragraphs without scoring every paragraph: each word of the
// query is looked up among the workspace's distinct words ("SearchWord", kept by triggers on
// "Passage"), whose trigram index answers a typo in a few milliseconds; only paragraphs that hold,
// for every query word, that word or a close one, are then checked against the whole query.

/** The separators between words: the rule of "searchWordsOf" in the search_words migrations. */
const SEPARATORS = /[\s\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E“”‘’«»…–—]+/u;
const MIN_WORD = 3;
const MAX_WORD = 32;
/** Query words looked up (the rest of a long query still has to match the whole-query check). */
const MAX_QUERY_WORDS = 6;
/** Close words kept per query word. */
const ALTERNATIVES = 5;

/** The words of a folded text that the word list holds, as the database splits paragraphs ("searchWordsOf"). */
export function listedWordsOf(folded: string): string[] {
  return folded.split(SEPARATORS).filter((w) => w.length >= MIN_WORD);
}

/** The words of a folded query looked up for similar spellings (longer ones are not typed). */
export function wordsOf(folded: string): string[] {
  return listedWordsOf(folded).filter((w) => w.length <= MAX_WORD);
}

/**
 * For each word of the folded query, the workspace's words spelled like it (itself included when
 * present), closest first; null when the query has no word long enough to look up.
 */
export async function closeWords(workspaceId: string, folded: string): Promise<string[][] | null> {
  const words = [...new Set(wordsOf(folded))].slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const rows = await getDb().$queryRaw<{ ord: number; words: string[] }[]>`
    SELECT t.ord::int AS ord, COALESCE(array_agg(x.word ORDER BY x.d, x.word) FILTER (WHERE x.word IS NOT NULL), '{}') AS words
    FROM unnest(${words}::text[]) WITH ORDINALITY AS t(w, ord)
    LEFT JOIN LATERAL (
      SELECT DISTINCT s.word, s.word <-> t.w AS d FROM "SearchWord" s
      WHERE s."workspaceId" = ${workspaceId}::uuid AND s.word % t.w
      ORDER BY d, s.word LIMIT ${ALTERNATIVES}::int
    ) x ON TRUE
    GROUP BY t.ord ORDER BY t.ord`;
  return rows.map((r) => r.words);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * Whether any paragraph of the workspace may contain the folded query: false only when the query
 * is one word that no word of the list contains. A paragraph containing such a query holds it
 * inside one of its words, and the list holds every word of 3 characters or more (kept by
 * triggers, never removed), so a typo's paragraph scan, which finds nothing after checking every
 * paragraph sharing its trigrams, is skipped. "One word" is decided by the database's own split
 * ("searchWordsOf"), the one that built the list, so the two can never disagree on a separator;
 * the JS check only saves the round trip for queries that are plainly several words or too short.
 * One indexed lookup, which stops at the first word.
 */
export async function mayContain(workspaceId: string, folded: string): Promise<boolean> {
  if (folded.length < MIN_WORD || SEPARATORS.test(folded)) return true;
  const [row] = await getDb().$queryRaw<{ found: boolean }[]>`
    SELECT ARRAY(SELECT "searchWordsOf"(${folded})) <> ARRAY[${folded}]::text[]
        OR EXISTS (SELECT 1 FROM "SearchWord" WHERE "workspaceId" = ${workspaceId}::uuid AND word LIKE ${`%${escapeLike(folded)}%`}) AS found`;
  return row?.found ?? true;
}

/**
 * The SQL condition "`column` holds a close word of every query word but at most one" (a short
 * word's typo, "tua" for "tau", shares no trigram with it, so one word may miss), as OR-ed and
 * AND-ed LIKEs that the column's trigram index answers; FALSE when no paragraph can qualify.
 * The whole-query similarity check that follows it decides; this only narrows what it scores.
 */
export function holdsCloseWords(column: string, close: string[][] | null): Prisma.Sql {
  if (!close) return Prisma.sql`FALSE`;
  const col = Prisma.raw(column);
  const group = (alternatives: string[]) =>
    Prisma.sql`(${Prisma.join(
      alternatives.map((w) => Prisma.sql`${col} LIKE ${`%${escapeLike(w)}%`}`),
      " OR ",
    )})`;
  const all = (groups: string[][]) => (groups.some((g) => g.length === 0) ? null : Prisma.join(groups.map(group), " AND "));
  const choices = close.length === 1 ? [all(close)] : close.map((_, skip) => all(close.filter((_, i) => i !== skip)));
  const possible = choices.filter((c): c is Prisma.Sql => c !== null);
  return possible.length
    ? Prisma.sql`(${Prisma.join(
        possible.map((c) => Prisma.sql`(${c})`),
        " OR ",
      )})`
    : Prisma.sql`FALSE`;
}
