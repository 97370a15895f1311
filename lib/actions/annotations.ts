"use server";

import { workspaceAction } from "@/lib/actions/define";
import { confirmAnchor, createAnnotation, deleteAnnotation, remarkAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { searchSpeakers } from "@/lib/server/speakers";

export const createAnnotationAction = workspaceAction("claims.write", createAnnotation);
export const updateAnnotationAction = workspaceAction("claims.write", updateAnnotation);
export const deleteAnnotationAction = workspaceAction("claims.write", deleteAnnotation);
export const restoreAnnotationAction = workspaceAction("claims.write", restoreAnnotation);
export const confirmAnchorAction = workspaceAction("claims.write", confirmAnchor);
export const remarkAnnotationAction = workspaceAction("claims.write", remarkAnnotation);
export const searchSpeakersAction = workspaceAction("workspace.read", searchSpeakers);
