"use server";

import { workspaceAction } from "@/lib/actions/define";
import { annotationHistory, listDeletedClaims, propositionHistory, revertAnnotation } from "@/lib/server/history";

export const annotationHistoryAction = workspaceAction("workspace.read", annotationHistory);
export const propositionHistoryAction = workspaceAction("workspace.read", propositionHistory);
export const revertAnnotationAction = workspaceAction("claims.write", revertAnnotation);
export const listDeletedClaimsAction = workspaceAction("workspace.read", listDeletedClaims);
