"use server";

import { workspaceAction } from "@/lib/actions/define";
import { listInbox, markNotificationsRead, unreadCount } from "@/lib/server/inbox";

export const listInboxAction = workspaceAction("workspace.read", listInbox);
export const unreadCountAction = workspaceAction("workspace.read", unreadCount);
// The header's unread badge is rendered by the layout, so a change refreshes it.
export const markNotificationsReadAction = workspaceAction("workspace.read", markNotificationsRead, { revalidate: true });
