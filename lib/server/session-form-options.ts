import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { hasRole } from "@/lib/domain/roles";

/** How many articles the session form offers (newest first); a session holds at most 500 of them. */
export const ARTICLE_CHOICES = 2000;

/**
 * What the session form picks from, in at most three queries: the workspace's articles (newest
 * first, plus any the session already holds) and its members, with whether each may annotate
 * (editor or higher) or adjudicate (reviewer or higher).
 */
export async function sessionFormOptions(actor: Actor, keepArticleIds: readonly string[] = []) {
  assertCan(actor, "workspace.read");
  const db = getDb();
  const articleSelect = { id: true, title: true, publishedAt: true, publisher: { select: { name: true } } } as const;
  const [newest, kept, members] = await Promise.all([
    db.article.findMany({
      where: { workspaceId: actor.workspaceId },
      select: articleSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ARTICLE_CHOICES,
    }),
    keepArticleIds.length ? db.article.findMany({ where: { workspaceId: actor.workspaceId, id: { in: [...keepArticleIds] } }, select: articleSelect }) : [],
    db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  // The session's own articles stay on offer even when they are older than the newest page.
  const seen = new Set(newest.map((a) => a.id));
  const articles = [...kept.filter((a) => !seen.has(a.id)), ...newest];
  return {
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      publishedAt: a.publishedAt?.toISOString().slice(0, 10) ?? null,
      publisher: a.publisher?.name ?? null,
    })),
    truncated: newest.length === ARTICLE_CHOICES,
    members: members.map((m) => ({ ...m.user, role: m.role, canAnnotate: hasRole(m.role, "EDITOR"), canReview: hasRole(m.role, "REVIEWER") })),
  };
}
export type SessionFormOptions = Awaited<ReturnType<typeof sessionFormOptions>>;
