"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/membership";
import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { addAlias, listEntities, mergeEntities, removeAlias, updateEntity } from "@/lib/server/entities";
import { updateSource } from "@/lib/server/sources";
import { createEntity } from "@/lib/server/speakers";

// Names of entities and sources show on every workspace page (speakers, publishers), so all refresh.
async function write<T>(slug: string, fn: (userId: string | null) => Promise<T>) {
  const res = await runAction(async () => fn(await currentUserId()));
  if (res.ok) revalidatePath(`/w/${slug}`, "layout");
  return res;
}

export async function createEntityAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => createEntity(userId, workspaceId, input));
}

export async function updateEntityAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => updateEntity(userId, workspaceId, input));
}

export async function addAliasAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => addAlias(userId, workspaceId, input));
}

export async function removeAliasAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => removeAlias(userId, workspaceId, input));
}

export async function mergeEntitiesAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => mergeEntities(userId, workspaceId, input));
}

export async function updateSourceAction(workspaceId: string, slug: string, input: unknown) {
  return write(slug, (userId) => updateSource(userId, workspaceId, input));
}

/** Entity search for pickers (merge target, a source's linked entity). */
export async function searchEntitiesAction(workspaceId: string, q: string) {
  return runAction(async () => {
    const { items } = await listEntities(await requireMember(await currentUserId(), workspaceId), { q });
    return items.slice(0, 20).map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((a) => a.alias) }));
  });
}
