import "server-only";
import { visibleClaims } from "@/lib/server/visibility";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageOf, type Page, type PageQuery } from "@/lib/api/pagination";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/server/annotations";
import { AppError } from "@/lib/server/errors";
import { propositionSelect } from "@/lib/server/propositions";
import { sourceSelect, type SourceListItem } from "@/lib/server/sources";

// Cursor-paginated reads the REST API needs and the UI pages do not (yet) have. Each is scoped
// by workspace, takes `limit + 1` rows to know whether another page exists, and is one query.

const uuid = z.string().uuid();
const cursorArgs = (cursor: string | undefined): { cursor?: { id: string }; skip?: number } => (cursor ? { cursor: { id: cursor }, skip: 1 } : {});

/** Sources by name, with usage counts, the same item shape as `listSources`. */
export async function listSourcesPage(actor: Actor, opts: PageQuery & { q?: string }): Promise<Page<SourceListItem>> {
  assertCan(actor, "workspace.read");
  const folded = opts.q ? foldForMatch(opts.q) : "";
  const rows = await getDb().source.findMany({
    where: { workspaceId: actor.workspaceId, ...(folded ? { normalizedName: { contains: folded } } : {}) },
    select: { ...sourceSelect, _count: { select: { published: true, originOf: true, spokenIn: { where: { annotation: { deletedAt: null } } } } } },
    orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
    take: opts.limit + 1,
    ...cursorArgs(opts.cursor),
  });
  const items = rows.map(({ _count, ...s }) => ({ ...s, counts: { published: _count.published, relayedIn: _count.originOf, claimsSpoken: _count.spokenIn } }));
  return pageOf(items, opts.limit);
}

export type AnnotationListFilter = { articleId?: string; claimTypeId?: string; status?: "DRAFT" | "SUBMITTED" | "APPROVED" | "REJECTED"; sessionId?: string };
export type ApiAnnotation = AnnotationView & { articleId: string };

const annotationWithArticle = { ...annotationSelect, passage: { select: { articleId: true } } } satisfies Prisma.AnnotationSelect;
const withArticleId = ({ passage, ...a }: Prisma.AnnotationGetPayload<{ select: typeof annotationWithArticle }>): ApiAnnotation => ({
  ...toAnnotationView(a),
  articleId: passage.articleId,
});

/** Claims (not deleted), newest first, optionally of one article, claim type or status. */
export async function listAnnotationsPage(actor: Actor, opts: PageQuery & AnnotationListFilter): Promise<Page<ApiAnnotation>> {
  assertCan(actor, "workspace.read");
  const rows = await getDb().annotation.findMany({
    where: {
      workspaceId: actor.workspaceId,
      deletedAt: null,
      ...(opts.articleId ? { passage: { articleId: opts.articleId } } : {}),
      ...(opts.claimTypeId ? { claimTypeId: opts.claimTypeId } : {}),
      ...(opts.status ? { status: opts.status } : {}),
      ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
      ...visibleClaims(actor),
    },
    select: annotationWithArticle,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...cursorArgs(opts.cursor),
  });
  return pageOf(rows.map(withArticleId), opts.limit);
}

/** One claim (not deleted) with its article id. */
export async function getAnnotation(actor: Actor, id: string): Promise<ApiAnnotation> {
  assertCan(actor, "workspace.read");
  const row = uuid.safeParse(id).success
    ? await getDb().annotation.findFirst({
        where: { id, workspaceId: actor.workspaceId, deletedAt: null, ...visibleClaims(actor) },
        select: annotationWithArticle,
      })
    : null;
  if (!row) throw new AppError("not_found", "Claim not found; it may have been deleted", undefined, { key: "errors.claimGone" });
  return withArticleId(row);
}

const propositionListSelect = (actor: Actor) =>
  ({
    ...propositionSelect,
    updatedAt: true,
    claimType: { select: { id: true, label: true, color: true } },
    _count: { select: { mentions: { where: { annotation: { deletedAt: null, ...visibleClaims(actor) } } } } },
  }) satisfies Prisma.PropositionSelect;

/** Propositions, newest first, optionally of one claim type or whose statement contains `q`. */
export async function listPropositionsPage(actor: Actor, opts: PageQuery & { claimTypeId?: string; q?: string }) {
  assertCan(actor, "workspace.read");
  const folded = opts.q ? foldForMatch(opts.q) : "";
  const rows = await getDb().proposition.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(opts.claimTypeId ? { claimTypeId: opts.claimTypeId } : {}),
      ...(folded ? { searchText: { contains: folded } } : {}),
    },
    select: propositionListSelect(actor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...cursorArgs(opts.cursor),
  });
  return pageOf(
    rows.map(({ _count, ...p }) => ({ ...p, mentionCount: _count.mentions })),
    opts.limit,
  );
}

/** The editable fields of one proposition (what a partial update starts from). */
export async function getPropositionFields(actor: Actor, id: string) {
  assertCan(actor, "workspace.read");
  const row = uuid.safeParse(id).success
    ? await getDb().proposition.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: propositionSelect })
    : null;
  if (!row) throw new AppError("not_found", "Proposition not found", undefined, { key: "errors.propositionNotFound" });
  return row;
}

/** 404 unless `aliasId` is an alias of `entityId` in the actor's workspace. */
export async function assertAliasOfEntity(actor: Actor, entityId: string, aliasId: string): Promise<void> {
  assertCan(actor, "workspace.read");
  const found = await getDb().entityAlias.findFirst({ where: { id: aliasId, entityId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!found) throw new AppError("not_found", "Alias not found on this entity; it may already be removed");
}
