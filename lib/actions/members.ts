"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/define";
import { currentUserId } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/server/action";
import { acceptInvitation, createInvitation, revokeInvitation } from "@/lib/server/invitations";
import { leaveWorkspace } from "@/lib/server/workspaces";

export const createInvitationAction = workspaceAction("members.manage", createInvitation, { revalidate: true });
export const revokeInvitationAction = workspaceAction("members.manage", revokeInvitation, { revalidate: true });
export const leaveWorkspaceAction = workspaceAction("workspace.read", leaveWorkspace, { revalidate: true });

/** Join the invitation's workspace as the signed-in account; answers where to go next. */
export async function acceptInvitationAction(token: string): Promise<ActionResult<{ slug: string; outcome: string }>> {
  const res = await runAction(async () => acceptInvitation(await currentUserId(), token));
  if (!res.ok) return res;
  // The workspace switcher in every workspace's header lists the new one.
  revalidatePath("/w/[slug]", "layout");
  return { ok: true, data: { slug: res.data.workspace.slug, outcome: res.data.outcome } };
}
