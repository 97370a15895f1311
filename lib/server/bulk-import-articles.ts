import "server-only";
import { emit } from "@/lib/server/events";
import { randomUUID } from "node:crypto";
import { assertCan, type Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { contentHash } from "@/lib/domain/content-hash";
import { planArticle, type ArticlePlan, type BulkError } from "@/lib/domain/import-jsonl";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditRow, createInChunks, inTransaction, invalidFile, type AuditRow, type BulkImportResult } from "@/lib/server/bulk-import-write";
import { AppError } from "@/lib/server/errors";
import { getOrCreateSources } from "@/lib/server/get-or-create";

// Article lines of a bulk file: planned and checked for duplicates, then written in one transaction.

type HashedPlan = ArticlePlan & { hash: string };

export async function importArticleLines(
  actor: Actor,
  fileName: string,
  lines: { line: number; value: unknown }[],
  errors: BulkError[],
): Promise<BulkImportResult> {
  assertCan(actor, "articles.write");
  if (lines.length === 0 && errors.length === 0) throw new AppError("bad_request", `${fileName} contains no articles to import`);
  const plans: HashedPlan[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, value } of lines) {
    const r = planArticle(line, value);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    // The same hash importArticle stores, so duplicates are found across both paths.
    const hash = contentHash(r.plan.parsed.passages.map((p) => p.text));
    const first = firstLineOf.get(hash);
    if (first !== undefined) errors.push({ line, message: `line ${line}: same article text as line ${first}; each article can be imported once` });
    else firstLineOf.set(hash, line);
    plans.push({ ...r.plan, hash });
  }
  return inTransaction(fileName, async (tx) => {
    const existing = plans.length
      ? await tx.article.findMany({
          where: { workspaceId: actor.workspaceId, contentHash: { in: [...firstLineOf.keys()] } },
          select: { title: true, contentHash: true },
        })
      : [];
    const titleOf = new Map(existing.map((a) => [a.contentHash, a.title]));
    for (const p of plans) {
      const title = titleOf.get(p.hash);
      if (title !== undefined && firstLineOf.get(p.hash) === p.line) {
        errors.push({ line: p.line, message: `line ${p.line}: this article is already in the workspace as “${title}”; remove the line` });
      }
    }
    if (errors.length) throw invalidFile(fileName, errors);
    const articles = await writeArticles(tx, actor, fileName, plans);
    return { fileName, kind: "articles", articles, claims: 0, reanchored: 0, createdSpeakers: [] };
  });
}

/** Same rows importArticle writes (sources by folded name, passages, origins, audit), in bulk. */
async function writeArticles(tx: Tx, actor: Actor, fileName: string, plans: HashedPlan[]) {
  const workspaceId = actor.workspaceId;
  const sourceNames = new Map<string, string>();
  // Each plan with its origins, deduplicated by folded name.
  const planned = plans.map((plan) => ({ plan, origins: [...new Map(plan.input.origins.map((o) => [foldForMatch(o), o])).values()] }));
  for (const { plan: p, origins } of planned) {
    for (const name of [p.input.publisher, ...origins]) if (name && !sourceNames.has(foldForMatch(name))) sourceNames.set(foldForMatch(name), name);
  }
  // Found or created (and audited) at once, so files importing side by side share new names.
  const sources = await getOrCreateSources(
    tx,
    actor,
    [...sourceNames].map(([, name]) => ({ name })),
  );
  const sourceId = new Map([...sources].map(([folded, s]) => [folded, s.id]));

  const audits: AuditRow[] = [];
  const articleRows: (Omit<Prisma.ArticleCreateManyInput, "publishedAt"> & { publishedAt: string | null })[] = [];
  const passageRows: Prisma.PassageCreateManyInput[] = [];
  const originRows: Prisma.ArticleOriginCreateManyInput[] = [];
  const result: BulkImportResult["articles"] = [];
  for (const {
    plan: { input, parsed, hash, line },
    origins,
  } of planned) {
    const id = randomUUID();
    articleRows.push({
      id,
      workspaceId,
      title: input.title,
      url: input.url ?? null,
      byline: input.byline ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? parsed.language,
      contentHash: hash,
      metadataLines: parsed.metadataLines,
      publisherId: input.publisher ? sourceId.get(foldForMatch(input.publisher))! : null,
      createdById: actor.userId,
    });
    for (const [position, p] of parsed.passages.entries()) {
      passageRows.push({
        workspaceId,
        articleId: id,
        position,
        text: p.text,
        searchText: foldForMatch(p.text),
        isDuplicate: p.isDuplicate,
        isCaption: p.isCaption,
      });
    }
    for (const [position, name] of origins.entries()) originRows.push({ workspaceId, articleId: id, sourceId: sourceId.get(foldForMatch(name))!, position });
    audits.push(
      auditRow(actor, "article.import", "Article", id, {
        title: input.title,
        publisher: input.publisher,
        origins,
        passages: parsed.passages.length,
        fileName,
        line,
      }),
    );
    result.push({ id, title: input.title, passages: parsed.passages.length });
  }
  audits.push(auditRow(actor, "article.bulk_import", "Workspace", workspaceId, { fileName, articles: result.length }));
  // Set-based: one statement per table for the whole file, rows passed as one JSON array
  // (no bind-parameter limit, no per-chunk round trips).
  await tx.$executeRaw`
    INSERT INTO "Article" (id, "workspaceId", title, url, byline, "publishedAt", language, "contentHash", "metadataLines", "publisherId", "createdById", "updatedAt")
    SELECT x.id, x."workspaceId", x.title, x.url, x.byline, x."publishedAt", x.language, x."contentHash", x."metadataLines", x."publisherId", x."createdById", now()
    FROM jsonb_to_recordset(${JSON.stringify(articleRows)}::jsonb) AS x(id uuid, "workspaceId" uuid, title text, url text, byline text, "publishedAt" date,
      language text, "contentHash" text, "metadataLines" jsonb, "publisherId" uuid, "createdById" uuid)`;
  await tx.$executeRaw`
    INSERT INTO "Passage" (id, "workspaceId", "articleId", position, text, "searchText", "isDuplicate", "isCaption")
    SELECT gen_random_uuid(), x."workspaceId", x."articleId", x.position, x.text, x."searchText", x."isDuplicate", x."isCaption"
    FROM jsonb_to_recordset(${JSON.stringify(passageRows)}::jsonb) AS x("workspaceId" uuid, "articleId" uuid, position int, text text, "searchText" text,
      "isDuplicate" boolean, "isCaption" boolean)`;
  if (originRows.length) {
    await tx.$executeRaw`
      INSERT INTO "ArticleOrigin" ("workspaceId", "articleId", "sourceId", position)
      SELECT x."workspaceId", x."articleId", x."sourceId", x.position
      FROM jsonb_to_recordset(${JSON.stringify(originRows)}::jsonb) AS x("workspaceId" uuid, "articleId" uuid, "sourceId" uuid, position int)`;
  }
  await createInChunks(audits, (data) => tx.auditEvent.createMany({ data }));
  await emit(tx, actor, { kind: "article.imported", entityType: "Workspace", entityId: workspaceId, data: { articles: result.length } });
  return result;
}
