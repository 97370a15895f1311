import { z } from "zod";

export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 50;

/** `?cursor=&limit=`: `cursor` is the `nextCursor` of the previous page. */
export const pageQuerySchema = z.object({
  cursor: z.string().uuid("must be the nextCursor of the previous page").optional().describe("nextCursor of the previous page"),
  limit: z.coerce
    .number("must be a number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(API_MAX_LIMIT, `must be at most ${API_MAX_LIMIT}`)
    .default(API_DEFAULT_LIMIT)
    .describe(`Items per page, at most ${API_MAX_LIMIT}`),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** Every list answers `{ items, nextCursor }`; nextCursor is null on the last page. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Rows fetched with `take: limit + 1` → one page; the extra row only says that more exist. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/**
 * Re-cut a service's fixed-size pages (cursor = last id of the previous page) to `limit`, so
 * the API can reuse it: at most ceil(limit / service page size) + 1 calls.
 */
export async function collectPages<T extends { id: string }>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  { cursor, limit }: PageQuery,
): Promise<Page<T>> {
  const items: T[] = [];
  let next = cursor;
  let more = true;
  while (items.length < limit && more) {
    const page = await fetchPage(next);
    items.push(...page.items);
    more = page.nextCursor !== null && page.items.length > 0;
    next = page.nextCursor ?? undefined;
  }
  const out = items.slice(0, limit);
  return { items: out, nextCursor: (items.length > limit || more) && out.length ? out.at(-1)!.id : null };
}
