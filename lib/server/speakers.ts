import "server-only";
import { z } from "zod";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { foldForMatch } from "@/lib/domain/claim-types";
import { audit } from "@/lib/server/audit";
import { createEntitySchema } from "@/lib/validation/schemas";

export type SpeakerOption = { kind: "entity" | "source"; id: string; name: string; matched?: string; detail: string };

/** Entities (by name or any alias) and sources whose names contain `q`, ignoring case and diacritics. */
export async function searchSpeakers(actor: Actor, rawQ: unknown): Promise<SpeakerOption[]> {
  await requireMember(actor.userId, actor.workspaceId);
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

/** Create an entity inline (from the speaker box); its name becomes its first alias. */
export async function createEntity(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = createEntitySchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const entity = await tx.entity.create({ data: { workspaceId, name: data.name, kind: data.kind }, select: { id: true, name: true, kind: true } });
    await tx.entityAlias.create({ data: { workspaceId, entityId: entity.id, alias: data.name, normalizedAlias: foldForMatch(data.name) } });
    await audit(tx, actor, "entity.create", "Entity", entity.id, undefined, entity);
    return entity;
  });
}
