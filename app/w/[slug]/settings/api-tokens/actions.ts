"use server";

import { revalidatePath } from "next/cache";
import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";

export async function createApiTokenAction(workspaceId: string, slug: string, input: unknown) {
  const res = await runAction(async () => createApiToken(await currentUserId(), workspaceId, input));
  if (res.ok) revalidatePath(`/w/${slug}/settings/api-tokens`);
  return res;
}

export async function revokeApiTokenAction(workspaceId: string, slug: string, id: string) {
  const res = await runAction(async () => {
    const { id: revoked } = await revokeApiToken(await currentUserId(), workspaceId, id);
    return { id: revoked };
  });
  if (res.ok) revalidatePath(`/w/${slug}/settings/api-tokens`);
  return res;
}
