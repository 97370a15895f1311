import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { audit } from "@/lib/server/audit";
import { emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { createEntitySchema } from "@/lib/validation/schemas";

export type SpeakerOption = { kind: "entity" | "source"; id: string; name: string; matched?: string; detail: string };

/** Entities (by name or any alias) and sources whose names contain `q`, ignoring case and diacritics. */
export async function searchSpeakers(actor: Actor, rawQ: unknown): Promise<SpeakerOption[]> {
  assertCan(actor, "workspace.read");
  const q = foldForMatch(z.string().max(200).catch("").parse(rawQ));
  const db = getDb();
  const [aliases, sources] = await Promise.all([
    db.entityAlias.findMany({
      where: { workspaceId: actor.workspaceId, ...(q ? { normalizedAlias: { contains: q } } : {}) },
      select: { alias: true, entity: { select: { id: true, name: true, kind: true } } },
      orderBy: { normalizedAlias: "asc" },
      take: 30,
    }),
    db.source.findMany({
      where: { workspaceId: actor.workspaceId, ...(q ? { normalizedName: { contains: q } } : {}) },
      select: { id: true, name: true, kind: true },
      orderBy: { normalizedName: "asc" },
      take: 10,
    }),
  ]);
  const seen = new Set<string>();
  const out: SpeakerOption[] = [];
  for (const a of aliases) {
    if (seen.has(a.entity.id)) continue;
    seen.add(a.entity.id);
    out.push({ kind: "entity", id: a.entity.id, name: a.entity.name, matched: a.alias !== a.entity.name ? a.alias : undefined, detail: label(a.entity.kind) });
  }
  for (const s of sources) out.push({ kind: "source", id: s.id, name: s.name, detail: `source · ${label(s.kind)}` });
  return out.slice(0, 15);
}

const label = (kind: string) => kind.toLowerCase().replace(/_/g, " ");

/**
 * Create an entity (inline from the speaker box, the entities page or the API); its name becomes
 * its first alias. A name that already names an entity, ignoring case and diacritics, is refused
 * with that entity in `details.existing`, so the caller can offer it instead of a duplicate.
 */
export async function createEntity(actor: Actor, input: unknown) {
  assertCan(actor, "entities.write");
  const { workspaceId } = actor;
  const data = createEntitySchema.parse(input);
  const normalizedAlias = foldForMatch(data.name);
  try {
    return await getDb().$transaction(async (tx) => {
      const clash = await tx.entityAlias.findFirst({
        where: { workspaceId, normalizedAlias },
        select: { alias: true, entity: { select: { id: true, name: true, kind: true } } },
      });
      if (clash) throw existingName(data.name, clash);
      const entity = await tx.entity.create({ data: { workspaceId, name: data.name, kind: data.kind }, select: { id: true, name: true, kind: true } });
      await tx.entityAlias.create({ data: { workspaceId, entityId: entity.id, alias: data.name, normalizedAlias } });
      await audit(tx, actor, "entity.create", "Entity", entity.id, undefined, entity);
      await emit(tx, actor, { kind: "entity.changed", entityType: "Entity", entityId: entity.id });
      return entity;
    });
  } catch (err) {
    // Two people creating the same name at once: the unique alias index decides, with the same answer.
    if ((err as { code?: string }).code === "P2002") {
      const clash = await getDb().entityAlias.findFirst({
        where: { workspaceId, normalizedAlias },
        select: { alias: true, entity: { select: { id: true, name: true, kind: true } } },
      });
      if (clash) throw existingName(data.name, clash);
    }
    throw err;
  }
}

function existingName(name: string, clash: { alias: string; entity: { id: string; name: string; kind: string } }) {
  const as = clash.alias === clash.entity.name ? "" : ` (as “${clash.alias}”)`;
  return new AppError(
    "conflict",
    `“${name}” already names the entity ${clash.entity.name}${as} (names match ignoring case and accents); use it, or give the new entity another name`,
    {
      existing: clash.entity,
      fields: { name: `Already the name of ${clash.entity.name}` },
    },
  );
}
