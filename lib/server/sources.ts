import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { guessSourceKind } from "@/lib/domain/source-kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { createSourceSchema, sourceListQuerySchema, updateSourceSchema } from "@/lib/validation/entities";

/** The most sources one list returns; narrow with `q` beyond that. */
export const SOURCE_LIST_LIMIT = 500;

export const sourceSelect = {
  id: true,
  name: true,
  kind: true,
  country: true,
  language: true,
  upstream: { select: { id: true, name: true } },
  entity: { select: { id: true, name: true } },
} satisfies Prisma.SourceSelect;

const sourceListSelect = {
  ...sourceSelect,
  _count: { select: { published: true, originOf: true, spokenIn: { where: { annotation: { deletedAt: null } } } } },
} satisfies Prisma.SourceSelect;

type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceListSelect }>;
export type SourceListItem = Omit<SourceRow, "_count"> & { counts: { published: number; relayedIn: number; claimsSpoken: number } };

/** Sources by name (ignoring case and diacritics) with provenance links and usage counts; one query. */
export async function listSources(actor: Actor, opts: unknown = {}): Promise<SourceListItem[]> {
  assertCan(actor, "workspace.read");
  const { q } = sourceListQuerySchema.parse(opts ?? {});
  const folded = q ? foldForMatch(q) : "";
  const rows = await getDb().source.findMany({
    where: { workspaceId: actor.workspaceId, ...(folded ? { normalizedName: { contains: folded } } : {}) },
    select: sourceListSelect,
    orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
    take: SOURCE_LIST_LIMIT,
  });
  return rows.map(({ _count, ...s }) => ({
    ...s,
    counts: { published: _count.published, relayedIn: _count.originOf, claimsSpoken: _count.spokenIn },
  }));
}

/** Every source's id and name, for "relays…" pickers. */
export async function listSourceOptions(actor: Actor) {
  assertCan(actor, "workspace.read");
  return getDb().source.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { id: true, name: true },
    orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
    take: SOURCE_LIST_LIMIT * 4,
  });
}

/** A new source: the edit form's fields with the name required; a kind left out is guessed from the name. */
/**
 * Create a source with the checks `updateSource` makes: the name is unique ignoring case and
 * accents (409), the upstream and the linked entity must be this workspace's.
 */
export async function createSource(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const data = createSourceSchema.parse(input);
  const normalizedName = foldForMatch(data.name);
  // The id is chosen first so the relay check can name the new source (a new one relays nothing yet).
  const id = crypto.randomUUID();
  try {
    return await getDb().$transaction(async (tx) => {
      const clash = await tx.source.findFirst({ where: { workspaceId, normalizedName }, select: { name: true } });
      if (clash) throw nameClash(data.name, clash.name);
      if (data.upstreamId) await checkUpstream(tx, workspaceId, { id, name: data.name }, data.upstreamId);
      if (data.entityId) await checkEntity(tx, workspaceId, data.entityId);
      const created = await tx.source.create({
        data: {
          id,
          workspaceId,
          name: data.name,
          normalizedName,
          kind: data.kind ?? guessSourceKind(data.name),
          country: data.country ?? null,
          language: data.language ?? null,
          upstreamId: data.upstreamId ?? null,
          entityId: data.entityId ?? null,
        },
        select: sourceSelect,
      });
      await audit(tx, actor, "source.create", "Source", created.id, undefined, created);
      await emit(tx, actor, { kind: "source.changed", entityType: "Source", entityId: created.id });
      return created;
    });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      const clash = await getDb().source.findFirst({ where: { workspaceId, normalizedName }, select: { name: true } });
      throw nameClash(data.name, clash?.name ?? data.name);
    }
    throw err;
  }
}

/**
 * Delete a source nobody cites: refused (409, with the counts) while it publishes an article, is an
 * article's origin or speaks in a claim (deleted claims included, so they can still be restored).
 * Sources that relayed it become independent, and the answer says how many.
 */
export async function deleteSource(actor: Actor, id: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const sourceId = z.string().uuid().safeParse(id);
  if (!sourceId.success) throw new AppError("not_found", "Source not found", undefined, { key: "errors.sourceNotFound" });
  return getDb().$transaction(async (tx) => {
    // A row lock: an import or a claim citing the source waits for this check (its foreign key needs a share lock).
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Source" WHERE id = ${sourceId.data}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Source not found", undefined, { key: "errors.sourceNotFound" });
    const before = await tx.source.findUniqueOrThrow({
      where: { id: sourceId.data },
      select: { ...sourceSelect, _count: { select: { published: true, originOf: true, spokenIn: true } } },
    });
    const { _count, ...source } = before;
    const uses = { articles: _count.published, origins: _count.originOf, claims: _count.spokenIn };
    if (uses.articles + uses.origins + uses.claims > 0) {
      throw new AppError("conflict", `“${source.name}” is still used: ${usesInWords(uses)}; change those first`, uses);
    }
    const { count: relaysCleared } = await tx.source.updateMany({ where: { workspaceId, upstreamId: source.id }, data: { upstreamId: null } });
    await tx.source.delete({ where: { id: source.id } });
    await audit(tx, actor, "source.delete", "Source", source.id, { ...source, relaysCleared }, undefined);
    await emit(tx, actor, { kind: "source.changed", entityType: "Source", entityId: source.id });
    return { id: source.id, relaysCleared };
  });
}

function usesInWords({ articles, origins, claims }: { articles: number; origins: number; claims: number }) {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [
    articles ? `publisher of ${n(articles, "article")}` : null,
    origins ? `origin of ${n(origins, "article")}` : null,
    claims ? `speaker of ${n(claims, "claim")} (deleted ones included, for undo)` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * Edit a source's name, kind, country, language, the source it relays (`upstreamId`) and its
 * linked entity. Fields left out are unchanged; null clears. Relay chains may not loop.
 */
export async function updateSource(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const data = updateSourceSchema.parse(input);
  try {
    return await getDb().$transaction(async (tx) => {
      const before = await tx.source.findFirst({ where: { id: data.id, workspaceId }, select: sourceSelect });
      if (!before) throw new AppError("not_found", "Source not found", undefined, { key: "errors.sourceNotFound" });
      const name = data.name ?? before.name;
      const normalizedName = foldForMatch(name);
      if (data.name !== undefined && normalizedName !== foldForMatch(before.name)) {
        const clash = await tx.source.findFirst({ where: { workspaceId, normalizedName, id: { not: before.id } }, select: { name: true } });
        if (clash) throw nameClash(name, clash.name);
      }
      if (data.upstreamId) await checkUpstream(tx, workspaceId, { id: before.id, name }, data.upstreamId);
      if (data.entityId) await checkEntity(tx, workspaceId, data.entityId);
      const after = await tx.source.update({
        where: { id: before.id },
        data: {
          name,
          normalizedName,
          kind: data.kind,
          country: data.country,
          language: data.language,
          upstreamId: data.upstreamId,
          entityId: data.entityId,
        },
        select: sourceSelect,
      });
      await audit(tx, actor, "source.update", "Source", after.id, before, after);
      await emit(tx, actor, { kind: "source.changed", entityType: "Source", entityId: after.id });
      return after;
    });
  } catch (err) {
    // A concurrent rename to the same name: the unique index decides, with the same message.
    if ((err as { code?: string }).code === "P2002" && data.name) {
      const clash = await getDb().source.findFirst({
        where: { workspaceId, normalizedName: foldForMatch(data.name), id: { not: data.id } },
        select: { name: true },
      });
      throw nameClash(data.name, clash?.name ?? data.name);
    }
    throw err;
  }
}

// The upstream must be in this workspace and must not already relay `source`, directly or not.
async function checkUpstream(tx: Tx, workspaceId: string, source: { id: string; name: string }, upstreamId: string) {
  if (upstreamId === source.id) {
    throw new AppError("bad_request", `${source.name} cannot relay itself`, { fields: { upstreamId: "A source cannot relay itself" } });
  }
  // Serialize relay edits per workspace, so two opposite edits at once cannot both pass the check.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`source-upstream:${workspaceId}`}))`;
  const upstream = await tx.source.findFirst({ where: { id: upstreamId, workspaceId }, select: { id: true, name: true } });
  if (!upstream) throw new AppError("not_found", "Upstream source not found", { fields: { upstreamId: "Choose a source from this workspace" } });
  // UNION (not UNION ALL) stops on a loop already stored, so the walk always ends.
  const chain = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain(id, "upstreamId") AS (
      SELECT id, "upstreamId" FROM "Source" WHERE id = ${upstream.id}::uuid AND "workspaceId" = ${workspaceId}::uuid
      UNION
      SELECT s.id, s."upstreamId" FROM "Source" s JOIN chain c ON s.id = c."upstreamId" WHERE s."workspaceId" = ${workspaceId}::uuid
    )
    SELECT id::text AS id FROM chain`;
  if (chain.some((row) => row.id === source.id)) {
    throw new AppError(
      "bad_request",
      `${source.name} cannot relay ${upstream.name}: ${upstream.name} already relays ${source.name} (directly or through others), which would make a cycle`,
      { fields: { upstreamId: "This would make a cycle" } },
    );
  }
}

async function checkEntity(tx: Tx, workspaceId: string, entityId: string) {
  if (!(await tx.entity.findFirst({ where: { id: entityId, workspaceId }, select: { id: true } }))) {
    throw new AppError("not_found", "Entity not found; it may have been merged or deleted", { fields: { entityId: "Choose an entity from this workspace" } });
  }
}

function nameClash(name: string, existing: string) {
  return new AppError("conflict", `“${name}” is already the name of the source “${existing}” (names match ignoring case and accents); choose another name`, {
    fields: { name: `“${existing}” already uses this name` },
  });
}
