"use server";

import { revalidatePath } from "next/cache";
import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { saveClaimType, setMember } from "@/lib/server/workspaces";

export async function saveClaimTypeAction(workspaceId: string, slug: string, input: unknown) {
  const res = await runAction(async () => saveClaimType(await currentUserId(), workspaceId, input));
  if (res.ok) revalidatePath(`/w/${slug}`, "layout");
  return res;
}

export async function setMemberAction(workspaceId: string, slug: string, input: unknown) {
  const res = await runAction(async () => setMember(await currentUserId(), workspaceId, input));
  if (res.ok) revalidatePath(`/w/${slug}/settings`);
  return res;
}
