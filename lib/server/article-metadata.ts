import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { parseFields } from "@/lib/server/annotations";
import { articleMetadataSelect, upsertSource } from "@/lib/server/articles";
import { audit } from "@/lib/server/audit";
import { articlePropositions, emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
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
    const locked = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Article" WHERE id = ${data.id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Article not found");
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
    const publisher = data.publisher === undefined ? undefined : data.publisher ? await upsertSource(tx, actor, data.publisher) : null;
    if (data.origins) {
      const names = [...new Map(data.origins.map((o) => [foldForMatch(o), o])).values()];
      const sources = [];
      for (const name of names) sources.push(await upsertSource(tx, actor, name));
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
