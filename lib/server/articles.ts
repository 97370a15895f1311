import "server-only";
import { visibleClaimsSql } from "@/lib/server/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { parseArticle } from "@/lib/domain/import-metadata";
import { audit } from "@/lib/server/audit";
import { articlePropositions, emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { readAnnotationViews } from "@/lib/server/annotation-views";
import { getOrCreateSources } from "@/lib/server/get-or-create";
import { importArticleSchema, MAX_PASTE_CHARS } from "@/lib/validation/schemas";
import { z } from "zod";

const previewSchema = z.object({
  text: z.string().max(MAX_PASTE_CHARS, `Text can be at most ${MAX_PASTE_CHARS.toLocaleString("en")} characters`),
  fileName: z.string().max(255).optional(),
});

/** Detect metadata for confirmation, and say whether this content is already stored. */
export async function previewImport(actor: Actor, input: unknown) {
  assertCan(actor, "articles.write");
  const { text, fileName } = previewSchema.parse(input);
  const parsed = parseArticle(text);
  if (parsed.passages.length === 0) throw new AppError("bad_request", `${fileName ? `${fileName}: ` : ""}the text is empty; nothing to import`);
  const hash = contentHash(parsed.passages.map((p) => p.text));
  const existing = await getDb().article.findUnique({
    where: { workspaceId_contentHash: { workspaceId: actor.workspaceId, contentHash: hash } },
    select: { id: true, title: true },
  });
  return { fileName, parsed, duplicateOf: existing };
}

/** Store an article: sources matched or created by name, passages, origins, audit; one transaction. */
export async function importArticle(actor: Actor, input: unknown) {
  assertCan(actor, "articles.write");
  const { workspaceId } = actor;
  const data = importArticleSchema.parse(input);
  const parsed = parseArticle(data.text);
  if (parsed.passages.length === 0) throw new AppError("bad_request", "The text is empty: paste an article or choose a file");
  const hash = contentHash(parsed.passages.map((p) => p.text));
  const db = getDb();
  const existing = await db.article.findUnique({
    where: { workspaceId_contentHash: { workspaceId, contentHash: hash } },
    select: { id: true, title: true },
  });
  if (existing) throw duplicateError(existing);

  try {
    return await db.$transaction(async (tx) => {
      const originNames = [...new Map(data.origins.map((o) => [foldForMatch(o), o])).values()];
      // Publisher and origins in one get-or-create, so parallel imports of new names cannot deadlock.
      const named = [...(data.publisher ? [data.publisher] : []), ...originNames];
      const sources = await getOrCreateSources(
        tx,
        actor,
        named.map((name) => ({ name })),
      );
      const sourceOf = (name: string) => sources.get(foldForMatch(name))!;
      const publisher = data.publisher ? sourceOf(data.publisher) : null;
      const origins = originNames.map(sourceOf);
      const article = await tx.article.create({
        data: {
          workspaceId,
          title: data.title,
          url: data.url ?? null,
          byline: data.byline ?? null,
          publishedAt: data.publishedAt ? new Date(`${data.publishedAt}T00:00:00Z`) : null,
          language: data.language ?? parsed.language,
          contentHash: hash,
          metadataLines: parsed.metadataLines,
          publisherId: publisher?.id ?? null,
          createdById: actor.userId,
        },
        select: { id: true, title: true },
      });
      await tx.passage.createMany({
        data: parsed.passages.map((p, position) => ({
          workspaceId,
          articleId: article.id,
          position,
          text: p.text,
          searchText: foldForMatch(p.text),
          isDuplicate: p.isDuplicate,
          isCaption: p.isCaption,
        })),
      });
      if (origins.length) {
        await tx.articleOrigin.createMany({
          data: origins.map((s, position) => ({ workspaceId, articleId: article.id, sourceId: s.id, position })),
        });
      }
      await audit(tx, actor, "article.import", "Article", article.id, undefined, {
        title: data.title,
        publisher: data.publisher,
        origins: originNames,
        passages: parsed.passages.length,
        fileName: data.fileName,
      });
      await emit(tx, actor, { kind: "article.created", entityType: "Article", entityId: article.id, articleId: article.id });
      // What the desk should still fix, judged on what was stored (not only on what was detected).
      const warnings = [
        ...(!publisher && origins.length === 0
          ? [
              "No publisher or origin was given: claims from this article will count as unattributed unless they name a speaker. Add the publisher in the article's details.",
            ]
          : []),
        ...(!data.publishedAt ? ["No publication date was given: claim dates written without a year cannot be placed. Add it in the article's details."] : []),
      ];
      return { ...article, passages: parsed.passages.length, duplicates: parsed.passages.filter((p) => p.isDuplicate).length, warnings };
    });
  } catch (err) {
    // Two people importing the same text at once: the unique index decides, with the same message.
    if ((err as { code?: string }).code === "P2002") {
      const winner = await db.article.findUnique({ where: { workspaceId_contentHash: { workspaceId, contentHash: hash } }, select: { id: true, title: true } });
      if (winner) throw duplicateError(winner);
    }
    throw err;
  }
}

function duplicateError(existing: { id: string; title: string }) {
  return new AppError("conflict", `This article is already in the workspace as “${existing.title}”; it was not imported again`, {
    articleId: existing.id,
  });
}

/** The source of this name (ignoring case and accents), created when missing, also when another import creates it at the same time. */
export async function upsertSource(tx: Tx, actor: Actor, name: string) {
  assertCan(actor, "articles.write");
  const sources = await getOrCreateSources(tx, actor, [{ name }]);
  return sources.get(foldForMatch(name))!;
}

const PAGE_SIZE = 50;

/** One page of articles, newest first; `cursor` is the last id of the previous page. */
export async function listArticles(actor: Actor, opts: { cursor?: string; q?: string } = {}) {
  assertCan(actor, "workspace.read");
  const q = opts.q?.trim();
  const rows = await getDb().article.findMany({
    where: { workspaceId: actor.workspaceId, ...(q ? { title: { contains: q, mode: "insensitive" as const } } : {}) },
    select: {
      id: true,
      title: true,
      publishedAt: true,
      language: true,
      createdAt: true,
      publisher: { select: { name: true } },
      origins: { select: { source: { select: { name: true } } }, orderBy: { position: "asc" } },
      _count: { select: { passages: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
  });
  const ids = rows.map((r) => r.id);
  // Live claims per article in one grouped query (the list shows the count, not the claims).
  const counts = ids.length
    ? await getDb().$queryRaw<{ articleId: string; n: number }[]>`
        SELECT p."articleId"::text AS "articleId", count(*)::int AS n
        FROM "Annotation" an JOIN "Passage" p ON p.id = an."passageId"
        WHERE an."workspaceId" = ${actor.workspaceId}::uuid AND an."deletedAt" IS NULL AND p."articleId" = ANY(${ids}::uuid[])
          AND ${visibleClaimsSql(actor, "an", 'p."articleId"')}
        GROUP BY p."articleId"`
    : [];
  const claimCount = new Map(counts.map((c) => [c.articleId, c.n]));
  const page = rows.slice(0, PAGE_SIZE).map((r) => ({
    id: r.id,
    title: r.title,
    publishedAt: r.publishedAt?.toISOString().slice(0, 10) ?? null,
    language: r.language,
    publisher: r.publisher?.name ?? null,
    origins: r.origins.map((o) => o.source.name),
    passages: r._count.passages,
    claims: claimCount.get(r.id) ?? 0,
  }));
  return { items: page, nextCursor: rows.length > PAGE_SIZE ? page.at(-1)!.id : null };
}

/** An article's correctable metadata, as the reader and the metadata edit answer it. */
export const articleMetadataSelect = {
  id: true,
  title: true,
  url: true,
  byline: true,
  publishedAt: true,
  language: true,
  version: true,
  publisher: { select: { id: true, name: true } },
  origins: { select: { source: { select: { id: true, name: true } } }, orderBy: { position: "asc" as const } },
} as const;

/** Everything the reader needs for one article, in a fixed number of queries. */
export async function getReaderData(actor: Actor, articleId: string) {
  assertCan(actor, "workspace.read");
  if (!z.string().uuid().safeParse(articleId).success) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
  const db = getDb();
  const article = await db.article.findFirst({
    where: { id: articleId, workspaceId: actor.workspaceId },
    select: {
      ...articleMetadataSelect,
      metadataLines: true,
      passages: { select: { id: true, position: true, text: true, isDuplicate: true, isCaption: true }, orderBy: { position: "asc" } },
    },
  });
  if (!article) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
  const annotations = await readAnnotationViews(
    Prisma.sql`a."workspaceId" = ${actor.workspaceId}::uuid AND a."deletedAt" IS NULL AND p."articleId" = ${articleId}::uuid
      AND ${visibleClaimsSql(actor, "a", 'p."articleId"')}`,
  );
  return {
    ...article,
    publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
    origins: article.origins.map((o) => o.source),
    annotations,
  };
}

/** Delete an article with its passages and claims (editors); propositions stay, minus its mentions. */
export async function deleteArticle(actor: Actor, id: unknown) {
  assertCan(actor, "articles.write");
  const { workspaceId } = actor;
  const articleId = z.string().uuid().safeParse(id);
  if (!articleId.success) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
  return getDb().$transaction(async (tx) => {
    const before = await tx.article.findFirst({
      where: { id: articleId.data, workspaceId },
      select: { id: true, title: true, contentHash: true, _count: { select: { passages: true } } },
    });
    if (!before) throw new AppError("not_found", "Article not found", undefined, { key: "errors.articleNotFound" });
    const claims = await tx.annotation.count({ where: { workspaceId, passage: { articleId: before.id } } });
    const propositionIds = await articlePropositions(tx, workspaceId, before.id);
    await tx.article.delete({ where: { id: before.id } });
    await audit(
      tx,
      actor,
      "article.delete",
      "Article",
      before.id,
      { title: before.title, contentHash: before.contentHash, passages: before._count.passages, claims },
      undefined,
    );
    await emit(tx, actor, { kind: "article.deleted", entityType: "Article", entityId: before.id, articleId: before.id, propositionIds });
    return { id: before.id };
  });
}
