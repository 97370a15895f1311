"use server";

import { workspaceAction } from "@/lib/actions/define";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { deleteClaimType, removeMember, saveClaimType, setMember } from "@/lib/server/workspaces";

export const saveClaimTypeAction = workspaceAction("claimTypes.manage", saveClaimType, { revalidate: true });
export const deleteClaimTypeAction = workspaceAction("claimTypes.manage", deleteClaimType, { revalidate: true });
export const setMemberAction = workspaceAction("members.manage", setMember, { revalidate: true });
export const removeMemberAction = workspaceAction("members.manage", removeMember, { revalidate: true });
export const createApiTokenAction = workspaceAction("workspace.read", createApiToken, { revalidate: true });
export const revokeApiTokenAction = workspaceAction("workspace.read", revokeApiToken, { revalidate: true });
