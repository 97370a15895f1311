"use server";

import { currentUserId } from "@/lib/auth/session";
import { runAction } from "@/lib/server/action";
import { importArticle, previewImport } from "@/lib/server/articles";

export async function previewImportAction(workspaceId: string, input: unknown) {
  return runAction(async () => previewImport(await currentUserId(), workspaceId, input));
}

export async function importArticleAction(workspaceId: string, input: unknown) {
  return runAction(async () => importArticle(await currentUserId(), workspaceId, input));
}
