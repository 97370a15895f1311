"use server";

import { workspaceAction } from "@/lib/actions/define";
import { commentPanel, createComment, deleteComment, listComments, replyToComment, resolveThread, updateComment } from "@/lib/server/comments";
import { listMembers } from "@/lib/server/workspaces";

export const listCommentsAction = workspaceAction("workspace.read", listComments);
export const commentPanelAction = workspaceAction("workspace.read", commentPanel);
export const createCommentAction = workspaceAction("comments.write", createComment);
export const replyCommentAction = workspaceAction("comments.write", replyToComment);
export const updateCommentAction = workspaceAction("comments.write", updateComment);
export const deleteCommentAction = workspaceAction("comments.write", deleteComment);
export const resolveThreadAction = workspaceAction("comments.write", resolveThread);
/** Members to @mention (autocomplete and highlighting). */
export const listMentionableAction = workspaceAction("workspace.read", listMembers);
