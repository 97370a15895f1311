"use server";

import { requireMember } from "@/lib/auth/membership";
import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { confirmAnchor, createAnnotation, deleteAnnotation, remarkAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { createEntity, searchSpeakers } from "@/lib/server/speakers";
import { updateArticle } from "@/lib/server/article-metadata";
import { deleteArticle } from "@/lib/server/articles";
import { updatePassageText } from "@/lib/server/passages";

export async function createAnnotationAction(workspaceId: string, input: unknown) {
  return runAction(async () => createAnnotation(await currentUserId(), workspaceId, input));
}

export async function updateAnnotationAction(workspaceId: string, input: unknown) {
  return runAction(async () => updateAnnotation(await currentUserId(), workspaceId, input));
}

export async function deleteAnnotationAction(workspaceId: string, id: string, version: number) {
  return runAction(async () => deleteAnnotation(await currentUserId(), workspaceId, id, version));
}

export async function restoreAnnotationAction(workspaceId: string, id: string) {
  return runAction(async () => restoreAnnotation(await currentUserId(), workspaceId, id));
}

export async function searchSpeakersAction(workspaceId: string, q: string) {
  return runAction(async () => searchSpeakers(await requireMember(await currentUserId(), workspaceId), q));
}

export async function createEntityAction(workspaceId: string, input: unknown) {
  return runAction(async () => createEntity(await currentUserId(), workspaceId, input));
}

export async function deleteArticleAction(workspaceId: string, articleId: string) {
  return runAction(async () => deleteArticle(await currentUserId(), workspaceId, articleId));
}

export async function updatePassageTextAction(workspaceId: string, input: unknown) {
  return runAction(async () => updatePassageText(await currentUserId(), workspaceId, input));
}

export async function updateArticleAction(workspaceId: string, input: unknown) {
  return runAction(async () => updateArticle(await currentUserId(), workspaceId, input));
}

export async function confirmAnchorAction(workspaceId: string, input: unknown) {
  return runAction(async () => confirmAnchor(await currentUserId(), workspaceId, input));
}

export async function remarkAnnotationAction(workspaceId: string, input: unknown) {
  return runAction(async () => remarkAnnotation(await currentUserId(), workspaceId, input));
}
