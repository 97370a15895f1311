"use server";

import { workspaceAction } from "@/lib/actions/define";
import { updateArticle } from "@/lib/server/article-metadata";
import { deleteArticle, importArticle, previewImport } from "@/lib/server/articles";
import { updatePassageText } from "@/lib/server/passages";

export const previewImportAction = workspaceAction("articles.write", previewImport);
export const importArticleAction = workspaceAction("articles.write", importArticle, { revalidate: true });
export const updateArticleAction = workspaceAction("articles.write", updateArticle, { revalidate: true });
export const deleteArticleAction = workspaceAction("articles.write", deleteArticle, { revalidate: true });
export const updatePassageTextAction = workspaceAction("articles.write", updatePassageText);
