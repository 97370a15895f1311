import "server-only";
import type { Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/server/errors";

const field = (message: string) => new AppError("validation", message, { fields: { sessionId: message } });

/**
 * The session a new claim belongs to. `requested` null: none; an id: that session, which must be
 * running, hold the article and count the author among its annotators; omitted: the one running
 * session that assigns the article to the author, if exactly one does. Starting work moves the
 * author's assignment from "to do" to "in progress".
 */
export async function resolveClaimSession(tx: Tx, actor: Actor, articleId: string, requested: string | null | undefined): Promise<string | null> {
  if (requested === null) return null;
  const sessions = await tx.annotationSession.findMany({
    where: {
      workspaceId: actor.workspaceId,
      closedAt: null,
      ...(requested ? { id: requested } : { assignments: { some: { articleId, userId: actor.userId } } }),
    },
    select: { id: true, name: true, articleIds: true, members: { where: { userId: actor.userId, role: "ANNOTATOR" }, select: { userId: true } } },
    take: 3,
  });
  if (requested) {
    const s = sessions[0];
    if (!s) throw field("Session not found, or it is closed");
    if (!s.articleIds.includes(articleId)) throw field(`This article is not part of the session “${s.name}”`);
    if (s.members.length === 0) throw field(`You are not an annotator of the session “${s.name}”`);
  } else if (sessions.length > 1) {
    throw field(
      `This article is in ${sessions.length} of your sessions (${sessions.map((s) => `“${s.name}”`).join(", ")}): say which with sessionId, or null for none`,
    );
  }
  const chosen = requested ?? sessions.find((s) => s.members.length > 0)?.id;
  if (!chosen) return null;
  await tx.sessionAssignment.updateMany({
    where: { sessionId: chosen, articleId, userId: actor.userId, status: "TODO" },
    data: { status: "IN_PROGRESS" },
  });
  return chosen;
}
