"use server";

import { requireMember } from "@/lib/auth/membership";
import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { findPropositions, suggestPropositions } from "@/lib/server/comparison";
import {
  createPropositionFromClaim,
  deleteProposition,
  linkMention,
  markSameValues,
  mergePropositions,
  moveMention,
  unlinkMention,
  updateProposition,
} from "@/lib/server/propositions";

export async function createPropositionAction(workspaceId: string, input: unknown) {
  return runAction(async () => createPropositionFromClaim(await currentUserId(), workspaceId, input));
}
export async function linkMentionAction(workspaceId: string, input: unknown) {
  return runAction(async () => linkMention(await currentUserId(), workspaceId, input));
}
export async function unlinkMentionAction(workspaceId: string, input: unknown) {
  return runAction(async () => unlinkMention(await currentUserId(), workspaceId, input));
}
export async function moveMentionAction(workspaceId: string, input: unknown) {
  return runAction(async () => moveMention(await currentUserId(), workspaceId, input));
}
export async function mergePropositionsAction(workspaceId: string, input: unknown) {
  return runAction(async () => mergePropositions(await currentUserId(), workspaceId, input));
}
export async function updatePropositionAction(workspaceId: string, input: unknown) {
  return runAction(async () => updateProposition(await currentUserId(), workspaceId, input));
}
export async function deletePropositionAction(workspaceId: string, id: string) {
  return runAction(async () => deleteProposition(await currentUserId(), workspaceId, id));
}
export async function suggestPropositionsAction(workspaceId: string, annotationId: string) {
  return runAction(async () => suggestPropositions(await requireMember(await currentUserId(), workspaceId), annotationId));
}
export async function findPropositionsAction(workspaceId: string, q: string) {
  return runAction(async () => findPropositions(await requireMember(await currentUserId(), workspaceId), q));
}
export async function markSameValuesAction(workspaceId: string, input: unknown) {
  return runAction(async () => markSameValues(await currentUserId(), workspaceId, input));
}
