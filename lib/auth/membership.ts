import "server-only";
import { getDb } from "@/lib/db/client";
import { hasRole, type Role } from "@/lib/domain/roles";
import { AppError } from "@/lib/server/errors";

export type Actor = { userId: string; workspaceId: string; role: Role };

/**
 * The one membership and role check. A workspace the user does not belong to is "not found",
 * so ids leak nothing; a member with too low a role gets "forbidden" with the role needed.
 */
export async function requireMember(userId: string | null | undefined, workspaceId: string, minRole: Role = "VIEWER"): Promise<Actor> {
  if (!userId) throw new AppError("unauthorized", "Sign in to continue");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(workspaceId)) throw new AppError("not_found", "Workspace not found");
  const membership = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("not_found", "Workspace not found");
  if (!hasRole(membership.role, minRole)) {
    throw new AppError("forbidden", `Your role (${membership.role.toLowerCase()}) cannot do this; it needs ${minRole.toLowerCase()} or higher`);
  }
  return { userId, workspaceId, role: membership.role };
}

/** Same check, by workspace slug (for pages, whose URLs carry the slug). */
export async function requireMemberBySlug(userId: string | null | undefined, slug: string, minRole: Role = "VIEWER"): Promise<Actor & { workspaceName: string; slug: string }> {
  if (!userId) throw new AppError("unauthorized", "Sign in to continue");
  const ws = await getDb().workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!ws) throw new AppError("not_found", "Workspace not found");
  const actor = await requireMember(userId, ws.id, minRole);
  return { ...actor, workspaceName: ws.name, slug };
}
