"use server";

import { workspaceAction } from "@/lib/actions/define";
import type { Actor } from "@/lib/auth/membership";
import { addAlias, listEntities, mergeEntities, removeAlias, updateEntity } from "@/lib/server/entities";
import { updateSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";

export const createEntityAction = workspaceAction("entities.write", createEntity, { revalidate: true });
export const updateEntityAction = workspaceAction("entities.write", updateEntity, { revalidate: true });
export const addAliasAction = workspaceAction("entities.write", addAlias, { revalidate: true });
export const removeAliasAction = workspaceAction("entities.write", removeAlias, { revalidate: true });
export const mergeEntitiesAction = workspaceAction("entities.write", mergeEntities, { revalidate: true });
export const updateSourceAction = workspaceAction("entities.write", updateSource, { revalidate: true });

/** Entity search for pickers (merge target, a source's linked entity, actors, speaks for). */
export const searchEntitiesAction = workspaceAction("workspace.read", async (actor: Actor, q: string) => {
  const { items } = await listEntities(actor, { q });
  return items.slice(0, 20).map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.alias) }));
});
