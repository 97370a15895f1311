import "server-only";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { addAliasSchema, entityListQuerySchema, mergeEntitiesSchema, removeAliasSchema, updateEntitySchema } from "@/lib/validation/entities";

export const ENTITY_PAGE_SIZE = 50;

const aliasSelect = { id: true, alias: true, language: true } satisfies Prisma.EntityAliasSelect;

export const entityListSelect = {
  id: true,
  name: true,
  kind: true,
  speaksFor: { select: { id: true, name: true } },
  aliases: { select: aliasSelect, orderBy: [{ normalizedAlias: "asc" }, { id: "asc" }] },
  _count: { select: { spokenIn: { where: { annotation: { deletedAt: null } } }, sources: true } },
} satisfies Prisma.EntitySelect;

type EntityRow = Prisma.EntityGetPayload<{ select: typeof entityListSelect }>;
export type EntityListItem = Omit<EntityRow, "_count"> & { counts: { speakerUses: number; sources: number } };

/**
 * One page of entities by name; `q` matches the name or any alias ignoring case and diacritics
 * (the name is always kept as an alias). `cursor` is the last id of the previous page.
 */
export async function listEntities(actor: Actor, opts: unknown = {}): Promise<{ items: EntityListItem[]; nextCursor: string | null }> {
  assertCan(actor, "workspace.read");
  const { q, kind, cursor } = entityListQuerySchema.parse(opts ?? {});
  const folded = q ? foldForMatch(q) : "";
  const rows = await getDb().entity.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(kind ? { kind } : {}),
      ...(folded ? { aliases: { some: { normalizedAlias: { contains: folded } } } } : {}),
    },
    select: entityListSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ENTITY_PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, ENTITY_PAGE_SIZE).map(({ _count, ...e }) => ({ ...e, counts: { speakerUses: _count.spokenIn, sources: _count.sources } }));
  return { items, nextCursor: rows.length > ENTITY_PAGE_SIZE ? items.at(-1)!.id : null };
}

/**
 * Rename an entity, change its kind or whom it speaks for; a new name is also kept as an alias.
 * A name that already names another entity is refused (merge them instead); speaks-for chains
 * may not loop.
 */
export async function updateEntity(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const data = updateEntitySchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await findEntity(tx, workspaceId, data.id);
    const name = data.name ?? before.name;
    const normalizedAlias = foldForMatch(name);
    const owner = await tx.entityAlias.findFirst({
      where: { workspaceId, normalizedAlias },
      select: { alias: true, entity: { select: { id: true, name: true } } },
    });
    if (owner && owner.entity.id !== before.id) throw aliasOfAnother(name, owner);
    if (data.speaksForId) await checkSpeaksFor(tx, workspaceId, { id: before.id, name }, data.speaksForId);
    const after = await tx.entity.update({
      where: { id: before.id },
      data: { name, kind: data.kind ?? before.kind, ...(data.speaksForId !== undefined ? { speaksForId: data.speaksForId } : {}) },
      select: { id: true, name: true, kind: true, speaksFor: { select: { id: true, name: true } } },
    });
    let addedAlias: string | null = null;
    if (!owner) {
      await tx.entityAlias.create({ data: { workspaceId, entityId: after.id, alias: after.name, normalizedAlias } });
      addedAlias = after.name;
    }
    await audit(
      tx,
      actor,
      "entity.update",
      "Entity",
      after.id,
      { name: before.name, kind: before.kind, speaksForId: before.speaksForId },
      { ...after, addedAlias },
    );
    await emit(tx, actor, { kind: "entity.changed", entityType: "Entity", entityId: after.id });
    return { ...after, addedAlias };
  });
}

// The entity spoken for must be in this workspace and must not already speak for `entity`,
// directly or through others.
async function checkSpeaksFor(tx: Tx, workspaceId: string, entity: { id: string; name: string }, speaksForId: string) {
  if (speaksForId === entity.id) {
    throw new AppError("validation", `${entity.name} cannot speak for itself`, { fields: { speaksForId: "An entity cannot speak for itself" } });
  }
  // Serialize affiliation edits per workspace, so two opposite edits at once cannot both pass the check.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`entity-speaks-for:${workspaceId}`}))`;
  const target = await tx.entity.findFirst({ where: { id: speaksForId, workspaceId }, select: { id: true, name: true } });
  if (!target)
    throw new AppError("validation", "The entity it speaks for is not in this workspace", { fields: { speaksForId: "Choose an entity from this workspace" } });
  const chain = await speaksForChain(tx, workspaceId, target.id);
  if (chain.some((row) => row.id === entity.id)) {
    throw new AppError(
      "validation",
      `${entity.name} cannot speak for ${target.name}: ${target.name} already speaks for ${entity.name} (${chain.map((c) => c.name).join(" → ")}), which would make a cycle`,
      { fields: { speaksForId: "This would make a cycle" } },
    );
  }
}

/** `startId` and every entity it speaks for, directly or through others (one query). */
function speaksForChain(tx: Tx, workspaceId: string, startId: string) {
  // UNION (not UNION ALL) stops on a loop already stored, so the walk always ends.
  return tx.$queryRaw<{ id: string; name: string }[]>`
    WITH RECURSIVE chain(id, name, "speaksForId") AS (
      SELECT id, name, "speaksForId" FROM "Entity" WHERE id = ${startId}::uuid AND "workspaceId" = ${workspaceId}::uuid
      UNION
      SELECT e.id, e.name, e."speaksForId" FROM "Entity" e JOIN chain c ON e.id = c."speaksForId" WHERE e."workspaceId" = ${workspaceId}::uuid
    )
    SELECT id::text AS id, name FROM chain`;
}

/**
 * Add an alias. An alias names one entity per workspace: the same alias on another entity is
 * refused with that entity in `details.existing`, so the editor can merge the two instead.
 */
export async function addAlias(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const data = addAliasSchema.parse(input);
  const normalizedAlias = foldForMatch(data.alias);
  try {
    return await getDb().$transaction(async (tx) => {
      const entity = await findEntity(tx, workspaceId, data.entityId);
      const same = entity.aliases.find((a) => a.normalizedAlias === normalizedAlias);
      if (same) throw duplicateAlias(data.alias, entity.name, same.alias);
      const owner = await tx.entityAlias.findFirst({
        where: { workspaceId, normalizedAlias },
        select: { alias: true, entity: { select: { id: true, name: true } } },
      });
      if (owner) throw aliasOfAnother(data.alias, owner);
      const alias = await tx.entityAlias.create({
        data: { workspaceId, entityId: entity.id, alias: data.alias, normalizedAlias, language: data.language ?? null },
        select: aliasSelect,
      });
      await audit(tx, actor, "entity.alias.add", "Entity", entity.id, undefined, { alias });
      await emit(tx, actor, { kind: "entity.changed", entityType: "Entity", entityId: entity.id });
      return { alias, alsoAliasOf: [] as { id: string; name: string }[], warning: null };
    });
  } catch (err) {
    // Two people adding the same alias at once: the unique index decides, with the same message.
    if ((err as { code?: string }).code === "P2002") {
      const owner = await getDb().entityAlias.findFirst({
        where: { workspaceId, normalizedAlias },
        select: { alias: true, entity: { select: { id: true, name: true } } },
      });
      if (owner?.entity.id === data.entityId) throw duplicateAlias(data.alias, owner.entity.name, owner.alias);
      if (owner) throw aliasOfAnother(data.alias, owner);
    }
    throw err;
  }
}

/**
 * Pairs of entities that probably name the same thing: an alias of one is trigram-similar to an
 * alias of the other (ignoring case and accents), best first. Uses the alias trigram index.
 */
export async function listLikelyDuplicates(actor: Actor, limit = 20) {
  assertCan(actor, "workspace.read");
  const rows = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL pg_trgm.similarity_threshold = 0.55`;
    return tx.$queryRaw<{ a: string; aName: string; aAlias: string; b: string; bName: string; bAlias: string; score: number }[]>`
      SELECT DISTINCT ON (LEAST(x."entityId", y."entityId"), GREATEST(x."entityId", y."entityId"))
        ea.id::text AS a, ea.name AS "aName", x.alias AS "aAlias", eb.id::text AS b, eb.name AS "bName", y.alias AS "bAlias",
        similarity(x."normalizedAlias", y."normalizedAlias")::float8 AS score
      FROM "EntityAlias" x
      JOIN "EntityAlias" y ON y."workspaceId" = x."workspaceId" AND y."normalizedAlias" % x."normalizedAlias" AND y."entityId" > x."entityId"
      JOIN "Entity" ea ON ea.id = x."entityId"
      JOIN "Entity" eb ON eb.id = y."entityId"
      WHERE x."workspaceId" = ${actor.workspaceId}::uuid
      ORDER BY LEAST(x."entityId", y."entityId"), GREATEST(x."entityId", y."entityId"), similarity(x."normalizedAlias", y."normalizedAlias") DESC
      LIMIT 500`;
  });
  return rows
    .sort((p, q) => q.score - p.score || p.aName.localeCompare(q.aName))
    .slice(0, limit)
    .map((r) => ({
      a: { id: r.a, name: r.aName },
      b: { id: r.b, name: r.bName },
      score: Math.round(r.score * 100) / 100,
      reason: `“${r.aAlias}” and “${r.bAlias}” are ${Math.round(r.score * 100)}% alike (ignoring case and accents)`,
    }));
}

function aliasOfAnother(alias: string, owner: { alias: string; entity: { id: string; name: string } }) {
  const as = owner.alias === owner.entity.name ? "" : ` (as “${owner.alias}”)`;
  return new AppError("conflict", `“${alias}” already names ${owner.entity.name}${as}; an alias names one entity. If they are the same, merge them instead`, {
    existing: owner.entity,
    fields: { alias: `Already a name of ${owner.entity.name}`, name: `Already a name of ${owner.entity.name}` },
  });
}

/** Remove an alias; an entity keeps at least one, and always its current name. */
export async function removeAlias(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const { aliasId } = removeAliasSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const found = await tx.entityAlias.findFirst({ where: { id: aliasId, workspaceId }, select: { entityId: true } });
    if (!found) throw new AppError("not_found", "Alias not found; it may already be removed", undefined, { key: "errors.aliasGone" });
    // Lock the entity so two removals at once cannot leave it with no alias.
    await tx.$queryRaw`SELECT id FROM "Entity" WHERE id = ${found.entityId}::uuid FOR UPDATE`;
    const alias = await tx.entityAlias.findFirst({
      where: { id: aliasId, workspaceId },
      select: { ...aliasSelect, normalizedAlias: true, entity: { select: { id: true, name: true, _count: { select: { aliases: true } } } } },
    });
    if (!alias) throw new AppError("not_found", "Alias not found; it may already be removed", undefined, { key: "errors.aliasGone" });
    if (alias.entity._count.aliases <= 1) {
      throw new AppError("bad_request", `“${alias.alias}” is the only alias of ${alias.entity.name}; an entity needs at least one`);
    }
    if (alias.normalizedAlias === foldForMatch(alias.entity.name)) {
      throw new AppError("bad_request", `“${alias.alias}” is the name of this entity; rename it before removing this alias`);
    }
    await tx.entityAlias.delete({ where: { id: alias.id } });
    await audit(
      tx,
      actor,
      "entity.alias.remove",
      "Entity",
      alias.entity.id,
      { alias: { id: alias.id, alias: alias.alias, language: alias.language } },
      undefined,
    );
    await emit(tx, actor, { kind: "entity.changed", entityType: "Entity", entityId: alias.entity.id });
    return { id: alias.id };
  });
}

/**
 * Merge `sourceId` into `targetId` in one transaction: aliases move (duplicates are dropped),
 * claims spoken by the source and sources linked to it point at the target, the source's name
 * becomes an alias of the target, and the source entity is deleted.
 */
export async function mergeEntities(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const { sourceId, targetId } = mergeEntitiesSchema.parse(input);
  if (sourceId === targetId) throw new AppError("bad_request", "An entity cannot be merged into itself");
  return getDb().$transaction(async (tx) => {
    // Lock both rows (in id order, so two opposite merges cannot deadlock) before reading them.
    await tx.$queryRaw`SELECT id FROM "Entity" WHERE id IN (${sourceId}::uuid, ${targetId}::uuid) AND "workspaceId" = ${workspaceId}::uuid ORDER BY id FOR UPDATE`;
    const source = await findEntity(tx, workspaceId, sourceId);
    const target = await findEntity(tx, workspaceId, targetId);
    const before = { source: await entityCounts(tx, workspaceId, source.id), target: await entityCounts(tx, workspaceId, target.id) };

    const targetKeys = new Set(target.aliases.map((a) => a.normalizedAlias));
    const moving = source.aliases.filter((a) => !targetKeys.has(a.normalizedAlias));
    if (moving.length) {
      await tx.entityAlias.updateMany({ where: { id: { in: moving.map((a) => a.id) }, workspaceId }, data: { entityId: target.id } });
    }
    for (const a of moving) targetKeys.add(a.normalizedAlias);
    const sourceNameKey = foldForMatch(source.name);
    if (!targetKeys.has(sourceNameKey)) {
      await tx.entityAlias.create({ data: { workspaceId, entityId: target.id, alias: source.name, normalizedAlias: sourceNameKey } });
    }
    // Deleted claims move too, so undoing a delete restores them with the merged speaker.
    // Bumping the version makes a claim form opened before the merge report a conflict.
    const touched = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT "annotationId"::text AS id FROM "AnnotationSpeaker" WHERE "workspaceId" = ${workspaceId}::uuid AND "entityId" = ${source.id}::uuid
      UNION SELECT DISTINCT "annotationId"::text FROM "AnnotationActor" WHERE "workspaceId" = ${workspaceId}::uuid AND "entityId" = ${source.id}::uuid`;
    // A claim naming both entities keeps one row for the merged entity.
    await tx.$executeRaw`
      DELETE FROM "AnnotationSpeaker" s USING "AnnotationSpeaker" t
      WHERE s."entityId" = ${source.id}::uuid AND t."entityId" = ${target.id}::uuid AND s."annotationId" = t."annotationId"`;
    await tx.$executeRaw`
      DELETE FROM "AnnotationActor" s USING "AnnotationActor" t
      WHERE s."entityId" = ${source.id}::uuid AND t."entityId" = ${target.id}::uuid AND s."annotationId" = t."annotationId"`;
    await tx.annotationSpeaker.updateMany({ where: { workspaceId, entityId: source.id }, data: { entityId: target.id } });
    await tx.annotationActor.updateMany({ where: { workspaceId, entityId: source.id }, data: { entityId: target.id } });
    if (touched.length) await tx.annotation.updateMany({ where: { workspaceId, id: { in: touched.map((t) => t.id) } }, data: { version: { increment: 1 } } });
    const sources = await tx.source.updateMany({ where: { workspaceId, entityId: source.id }, data: { entityId: target.id } });
    // Who spoke for the merged entity now speaks for the target; the target keeps its own affiliation,
    // or takes the merged one's when it had none (never itself).
    await tx.entity.updateMany({ where: { workspaceId, speaksForId: source.id, id: { not: target.id } }, data: { speaksForId: target.id } });
    await tx.entity.updateMany({ where: { workspaceId, id: target.id, speaksForId: source.id }, data: { speaksForId: null } });
    if (!target.speaksForId && source.speaksForId && source.speaksForId !== target.id) {
      await tx.entity.update({ where: { id: target.id }, data: { speaksForId: source.speaksForId } });
    }
    await tx.entity.delete({ where: { id: source.id } });
    // When the target spoke (through others) for the entity merged into it, taking its place closes
    // a loop; the target is then the root the others speak for, so it speaks for no one.
    const { speaksForId: upward } = await tx.entity.findUniqueOrThrow({ where: { id: target.id }, select: { speaksForId: true } });
    if (upward && (await speaksForChain(tx, workspaceId, upward)).some((e) => e.id === target.id)) {
      await tx.entity.update({ where: { id: target.id }, data: { speaksForId: null } });
    }
    const annotations = { count: touched.length };

    const after = await entityCounts(tx, workspaceId, target.id);
    await audit(
      tx,
      actor,
      "entity.merge",
      "Entity",
      target.id,
      { source: { id: source.id, name: source.name, kind: source.kind, ...before.source }, target: { id: target.id, name: target.name, ...before.target } },
      {
        target: { id: target.id, name: target.name, ...after },
        movedAliases: moving.map((a) => a.alias),
        droppedDuplicateAliases: source.aliases.length - moving.length,
        movedAnnotations: annotations.count,
        movedSources: sources.count,
      },
    );
    await emit(tx, actor, { kind: "entity.changed", entityType: "Entity", entityId: target.id });
    return { id: target.id, name: target.name, counts: after, movedAnnotations: annotations.count, movedSources: sources.count, movedAliases: moving.length };
  });
}

async function findEntity(tx: Tx, workspaceId: string, id: string) {
  const entity = await tx.entity.findFirst({
    where: { id, workspaceId },
    select: { id: true, name: true, kind: true, speaksForId: true, aliases: { select: { id: true, alias: true, normalizedAlias: true } } },
  });
  if (!entity) throw new AppError("not_found", "Entity not found; it may have been merged or deleted", undefined, { key: "errors.entityGone" });
  return entity;
}

// All annotations (deleted ones included), so the audit shows that none were lost.
async function entityCounts(tx: Tx, workspaceId: string, id: string) {
  const aliases = await tx.entityAlias.count({ where: { workspaceId, entityId: id } });
  const annotations = await tx.annotation.count({
    where: { workspaceId, OR: [{ speakers: { some: { entityId: id } } }, { actorEntities: { some: { entityId: id } } }] },
  });
  const sources = await tx.source.count({ where: { workspaceId, entityId: id } });
  return { aliases, annotations, sources };
}

function duplicateAlias(alias: string, entityName: string, existing: string) {
  const same = existing === alias ? "" : ` (as “${existing}”)`;
  return new AppError("conflict", `“${alias}” is already an alias of ${entityName}${same}`, { fields: { alias: "Already an alias of this entity" } });
}
