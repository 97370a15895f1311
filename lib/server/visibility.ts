import "server-only";
import type { Actor } from "@/lib/auth/membership";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

// What a blind annotation session hides (see BlindScope in lib/auth/membership): every read of
// claims goes through these, so the reader, search, matrix, exports, API and live events agree.

/**
 * The claims `actor` may read, as a where clause to spread into an Annotation query (`{}` when no
 * blind session is running): their own, and everyone else's outside the hidden sessions and articles.
 */
export function visibleClaims(actor: Actor): Prisma.AnnotationWhereInput {
  const { sessionIds, articleIds } = actor.blind;
  if (sessionIds.length === 0) return {};
  const notHidden: Prisma.AnnotationWhereInput[] = [{ OR: [{ sessionId: null }, { sessionId: { notIn: [...sessionIds] } }] }];
  if (articleIds.length) notHidden.push({ passage: { articleId: { notIn: [...articleIds] } } });
  return { AND: [{ OR: [{ authorId: actor.userId }, { AND: notHidden }] }] };
}

/** The same rule for raw SQL: `alias` is the Annotation's alias, `articleColumn` the column holding its article id (code constants, never input). */
export function visibleClaimsSql(actor: Actor, alias: string, articleColumn: string): Prisma.Sql {
  const { sessionIds, articleIds } = actor.blind;
  const an = Prisma.raw(`"${alias}"`);
  const articleId = Prisma.raw(articleColumn);
  if (sessionIds.length === 0) return Prisma.sql`TRUE`;
  const inArticles = articleIds.length ? Prisma.sql`OR ${articleId} = ANY(${[...articleIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`(${an}."authorId" = ${actor.userId}::uuid OR NOT (COALESCE(${an}."sessionId" = ANY(${[...sessionIds]}::uuid[]), FALSE) ${inArticles}))`;
}

/** Whether one claim is hidden from `actor` (for events and rows already loaded). */
export function claimHidden(actor: Actor, c: { sessionId: string | null; authorId: string | null; articleId: string | null }): boolean {
  const { sessionIds, articleIds } = actor.blind;
  if (sessionIds.length === 0 || c.authorId === actor.userId) return false;
  return (c.sessionId !== null && sessionIds.includes(c.sessionId)) || (c.articleId !== null && articleIds.includes(c.articleId));
}

/** What a write needs to know of a claim's session: a closed session's claims no longer change. */
export const claimSessionSelect = { sessionId: true, reconciled: true, session: { select: { name: true, closedAt: true } } } as const;

/** Refuse to change a claim of a closed session (its agreement and reconciled set are final). */
export function assertSessionOpen(row: { session: { name: string; closedAt: Date | null } | null; reconciled?: boolean }) {
  if (row.session?.closedAt && !row.reconciled)
    throw new AppError("conflict", `This claim belongs to the closed session “${row.session.name}”; reopen the session to change it`);
}
