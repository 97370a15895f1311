import "server-only";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { addAliasSchema, entityListQuerySchema, mergeEntitiesSchema, removeAliasSchema, updateEntitySchema } from "@/lib/validation/entities";

export const ENTITY_PAGE_SIZE = 50;

const aliasSelect = { id: true, alias: true, language: true } satisfies Prisma.EntityAliasSelect;

export const entityListSelect = {
  id: true,
  name: true,
  kind: true,
  aliases: { select: aliasSelect, orderBy: [{ normalizedAlias: "asc" }, { id: "asc" }] },
  _count: { select: { spokenIn: { where: { deletedAt: null } }, sources: true } },
} satisfies Prisma.EntitySelect;

type EntityRow = Prisma.EntityGetPayload<{ select: typeof entityListSelect }>;
export type EntityListItem = Omit<EntityRow, "_count"> & { counts: { speakerUses: number; sources: number } };

/**
 * One page of entities by name; `q` matches the name or any alias ignoring case and diacritics
 * (the name is always kept as an alias). `cursor` is the last id of the previous page.
 */
export async function listEntities(actor: Actor, opts: unknown = {}): Promise<{ items: EntityListItem[]; nextCursor: string | null }> {
  await requireMember(actor.userId, actor.workspaceId);
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

/** Rename an entity or change its kind; a new name is also kept as an alias. */
export async function updateEntity(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = updateEntitySchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await findEntity(tx, workspaceId, data.id);
    const after = await tx.entity.update({
      where: { id: before.id },
      data: { name: data.name ?? before.name, kind: data.kind ?? before.kind },
      select: { id: true, name: true, kind: true },
    });
    let addedAlias: string | null = null;
    const normalizedAlias = foldForMatch(after.name);
    if (!before.aliases.some((a) => a.normalizedAlias === normalizedAlias)) {
      await tx.entityAlias.create({ data: { workspaceId, entityId: after.id, alias: after.name, normalizedAlias } });
      addedAlias = after.name;
    }
    await audit(tx, actor, "entity.update", "Entity", after.id, { name: before.name, kind: before.kind }, { ...after, addedAlias });
    return { ...after, addedAlias };
  });
}

/**
 * Add an alias. The same alias twice on one entity is a conflict; the same alias on another
 * entity is allowed (names are ambiguous) and reported in `alsoAliasOf` so the editor can check.
 */
export async function addAlias(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = addAliasSchema.parse(input);
  const normalizedAlias = foldForMatch(data.alias);
  try {
    return await getDb().$transaction(async (tx) => {
      const entity = await findEntity(tx, workspaceId, data.entityId);
      const same = entity.aliases.find((a) => a.normalizedAlias === normalizedAlias);
      if (same) throw duplicateAlias(data.alias, entity.name, same.alias);
      const alias = await tx.entityAlias.create({
        data: { workspaceId, entityId: entity.id, alias: data.alias, normalizedAlias, language: data.language ?? null },
        select: aliasSelect,
      });
      const others = await tx.entityAlias.findMany({
        where: { workspaceId, normalizedAlias, entityId: { not: entity.id } },
        select: { entity: { select: { id: true, name: true } } },
        orderBy: { entity: { name: "asc" } },
      });
      const alsoAliasOf = others.map((o) => o.entity);
      await audit(tx, actor, "entity.alias.add", "Entity", entity.id, undefined, { alias, alsoAliasOf });
      return {
        alias,
        alsoAliasOf,
        warning: alsoAliasOf.length ? `“${data.alias}” is also an alias of ${alsoAliasOf.map((e) => e.name).join(", ")}` : null,
      };
    });
  } catch (err) {
    // Two people adding the same alias at once: the unique index decides, with the same message.
    if ((err as { code?: string }).code === "P2002") {
      const entity = await getDb().entity.findFirst({ where: { id: data.entityId, workspaceId }, select: { name: true } });
      throw duplicateAlias(data.alias, entity?.name ?? "this entity", data.alias);
    }
    throw err;
  }
}

/** Remove an alias; an entity keeps at least one, and always its current name. */
export async function removeAlias(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const { aliasId } = removeAliasSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const found = await tx.entityAlias.findFirst({ where: { id: aliasId, workspaceId }, select: { entityId: true } });
    if (!found) throw new AppError("not_found", "Alias not found; it may already be removed");
    // Lock the entity so two removals at once cannot leave it with no alias.
    await tx.$queryRaw`SELECT id FROM "Entity" WHERE id = ${found.entityId}::uuid FOR UPDATE`;
    const alias = await tx.entityAlias.findFirst({
      where: { id: aliasId, workspaceId },
      select: { ...aliasSelect, normalizedAlias: true, entity: { select: { id: true, name: true, _count: { select: { aliases: true } } } } },
    });
    if (!alias) throw new AppError("not_found", "Alias not found; it may already be removed");
    if (alias.entity._count.aliases <= 1) {
      throw new AppError("bad_request", `“${alias.alias}” is the only alias of ${alias.entity.name}; an entity needs at least one`);
    }
    if (alias.normalizedAlias === foldForMatch(alias.entity.name)) {
      throw new AppError("bad_request", `“${alias.alias}” is the name of this entity; rename it before removing this alias`);
    }
    await tx.entityAlias.delete({ where: { id: alias.id } });
    await audit(tx, actor, "entity.alias.remove", "Entity", alias.entity.id, { alias: { id: alias.id, alias: alias.alias, language: alias.language } }, undefined);
    return { id: alias.id };
  });
}

/**
 * Merge `sourceId` into `targetId` in one transaction: aliases move (duplicates are dropped),
 * claims spoken by the source and sources linked to it point at the target, the source's name
 * becomes an alias of the target, and the source entity is deleted.
 */
export async function mergeEntities(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
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
    const annotations = await tx.annotation.updateMany({
      where: { workspaceId, speakerEntityId: source.id },
      data: { speakerEntityId: target.id, version: { increment: 1 } },
    });
    const sources = await tx.source.updateMany({ where: { workspaceId, entityId: source.id }, data: { entityId: target.id } });
    await tx.entity.delete({ where: { id: source.id } });

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
    return { id: target.id, name: target.name, counts: after, movedAnnotations: annotations.count, movedSources: sources.count, movedAliases: moving.length };
  });
}

async function findEntity(tx: Tx, workspaceId: string, id: string) {
  const entity = await tx.entity.findFirst({
    where: { id, workspaceId },
    select: { id: true, name: true, kind: true, aliases: { select: { id: true, alias: true, normalizedAlias: true } } },
  });
  if (!entity) throw new AppError("not_found", "Entity not found; it may have been merged or deleted");
  return entity;
}

// All annotations (deleted ones included), so the audit shows that none were lost.
async function entityCounts(tx: Tx, workspaceId: string, id: string) {
  const aliases = await tx.entityAlias.count({ where: { workspaceId, entityId: id } });
  const annotations = await tx.annotation.count({ where: { workspaceId, speakerEntityId: id } });
  const sources = await tx.source.count({ where: { workspaceId, entityId: id } });
  return { aliases, annotations, sources };
}

function duplicateAlias(alias: string, entityName: string, existing: string) {
  const same = existing === alias ? "" : ` (as “${existing}”)`;
  return new AppError("conflict", `“${alias}” is already an alias of ${entityName}${same}`, { fields: { alias: "Already an alias of this entity" } });
}
