import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { parseFields } from "@/lib/server/annotations";
import { articleMetadataSelect } from "@/lib/server/articles";
import { audit } from "@/lib/server/audit";
import { articlePropositions, emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { getOrCreateSources } from "@/lib/server/get-or-create";
import { updateArticleSchema } from "@/lib/validation/articles";

/**
 * Correct an article's metadata (editors): title, publisher, ordered origins, byline, date, URL,
 * language, with a version check. Verdicts follow at once (they are computed from these); claims
 * whose date was written without a year are read again against the new publication date.
 */
export async function updateArticle(actor: Actor, input: unknown) {
  assertCan(actor, "articles.write");
  const { workspaceId } = actor;
  const data = updateArticleSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    // Locks in one order: this article's row first (parallel edits of it queue here), then sources.
    const locked = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Article" WHERE id = ${data.id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
    const before = await tx.article.findUniqueOrThrow({ where: { id: data.id }, select: articleMetadataSelect });
    if (before.version !== data.version) {
      throw new AppError(
        "conflict",
        `Someone else changed this article's details while you were editing (it is now at version ${before.version}). Nothing was saved; reload to see their changes.`,
        {
          currentVersion: before.version,
        },
      );
    }
    // Publisher and origins in one get-or-create, which inserts names in folded order: two edits of
    // different articles naming the same new sources in crossed orders (publisher X with origin Y,
    // publisher Y with origin X) used to wait on each other's unique-index entry and deadlock.
    const originNames = data.origins ? [...new Map(data.origins.map((o) => [foldForMatch(o), o])).values()] : [];
    const named = await getOrCreateSources(tx, actor, [...(data.publisher ? [{ name: data.publisher }] : []), ...originNames.map((name) => ({ name }))]);
    const source = (name: string) => named.get(foldForMatch(name))!;
    const publisher = data.publisher === undefined ? undefined : data.publisher ? source(data.publisher) : null;
    if (data.origins) {
      const sources = originNames.map(source);
      await tx.articleOrigin.deleteMany({ where: { articleId: data.id } });
      if (sources.length)
        await tx.articleOrigin.createMany({ data: sources.map((s, position) => ({ workspaceId, articleId: data.id, sourceId: s.id, position })) });
    }
    const publishedAt = data.publishedAt === undefined ? undefined : data.publishedAt ? new Date(`${data.publishedAt}T00:00:00Z`) : null;
    await tx.article.update({
      where: { id: data.id },
      data: {
        title: data.title,
        url: data.url,
        byline: data.byline,
        language: data.language,
        publishedAt,
        ...(publisher !== undefined ? { publisherId: publisher?.id ?? null } : {}),
        version: { increment: 1 },
      },
    });
    const redated =
      publishedAt !== undefined && publishedAt?.getTime() !== before.publishedAt?.getTime() ? await redateClaims(tx, workspaceId, data.id, publishedAt) : 0;
    const after = await tx.article.findUniqueOrThrow({ where: { id: data.id }, select: articleMetadataSelect });
    await audit(tx, actor, "article.update", "Article", data.id, before, { ...after, redatedClaims: redated });
    await emit(tx, actor, {
      kind: "article.updated",
      entityType: "Article",
      entityId: data.id,
      articleId: data.id,
      version: after.version,
      propositionIds: await articlePropositions(tx, workspaceId, data.id),
    });
    return {
      ...after,
      publishedAt: after.publishedAt?.toISOString().slice(0, 10) ?? null,
      origins: after.origins.map((o) => o.source),
      redatedClaims: redated,
    };
  });
}

// A claim date written without a year ("13/9") takes the article's year: read it again.
async function redateClaims(tx: Tx, workspaceId: string, articleId: string, publishedAt: Date | null) {
  const claims = await tx.annotation.findMany({
    where: { workspaceId, passage: { articleId } },
    select: { id: true, fields: true },
  });
  let changed = 0;
  for (const c of claims) {
    const f = (c.fields ?? {}) as { date?: string; dateValue?: string; quantities?: { value: string; item?: string }[]; item?: string };
    if (!f.date) continue;
    let next: ReturnType<typeof parseFields>;
    try {
      next = parseFields({ date: f.date, quantities: f.quantities, item: f.item }, publishedAt);
    } catch {
      continue; // Stored before dates were checked: leave it as written.
    }
    if ((next as { dateValue?: string }).dateValue === f.dateValue) continue;
    await tx.annotation.update({ where: { id: c.id }, data: { fields: next, version: { increment: 1 } } });
    changed += 1;
  }
  return changed;
}
