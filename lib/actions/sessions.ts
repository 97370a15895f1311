"use server";

import { workspaceAction } from "@/lib/actions/define";
import {
  assignSession,
  closeSession,
  createSession,
  deleteSession,
  getSession,
  listSessions,
  reopenSession,
  revealSession,
  setAssignmentStatus,
  updateSession,
} from "@/lib/server/sessions";

// The reader's session bar reads mySessionsForArticle on the server, so it has no action here.
// Each service asserts the session-level right (its creator or the workspace owner manages it);
// the capability here is the workspace-level floor. Closing and reopening change what the
// comparison counts, so writes refresh every workspace page.
export const listSessionsAction = workspaceAction("workspace.read", listSessions);
export const getSessionAction = workspaceAction("workspace.read", getSession);
export const createSessionAction = workspaceAction("sessions.manage", createSession, { revalidate: true });
export const updateSessionAction = workspaceAction("sessions.manage", updateSession, { revalidate: true });
export const assignSessionAction = workspaceAction("sessions.manage", assignSession, { revalidate: true });
export const revealSessionAction = workspaceAction("sessions.manage", revealSession, { revalidate: true });
export const closeSessionAction = workspaceAction("sessions.manage", closeSession, { revalidate: true });
export const reopenSessionAction = workspaceAction("sessions.manage", reopenSession, { revalidate: true });
export const deleteSessionAction = workspaceAction("sessions.manage", deleteSession, { revalidate: true });
// Annotators mark their own progress (the service lets a session's managers set anyone's).
export const setAssignmentStatusAction = workspaceAction("claims.write", setAssignmentStatus, { revalidate: true });
