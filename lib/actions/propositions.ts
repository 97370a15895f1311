"use server";

import { workspaceAction } from "@/lib/actions/define";
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

/** Takes `{ idempotencyKey }` from the form (made when it opens), so a retry or a double submit creates one proposition. */
export const createPropositionAction = workspaceAction("propositions.write", createPropositionFromClaim);
export const linkMentionAction = workspaceAction("propositions.write", linkMention);
export const unlinkMentionAction = workspaceAction("propositions.write", unlinkMention);
export const moveMentionAction = workspaceAction("propositions.write", moveMention);
export const mergePropositionsAction = workspaceAction("propositions.write", mergePropositions);
export const updatePropositionAction = workspaceAction("propositions.write", updateProposition);
export const deletePropositionAction = workspaceAction("propositions.write", deleteProposition);
export const markSameValuesAction = workspaceAction("propositions.write", markSameValues);
export const suggestPropositionsAction = workspaceAction("workspace.read", suggestPropositions);
export const findPropositionsAction = workspaceAction("workspace.read", findPropositions);
