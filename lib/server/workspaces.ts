import "server-only";
import crypto from "node:crypto";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { DEFAULT_CLAIM_TYPES, slugify } from "@/lib/domain/claim-types";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { claimTypeSchema, memberSchema, workspaceSchema } from "@/lib/validation/schemas";

/** Create a workspace owned by `userId`, with the default claim types. */
export async function createWorkspace(userId: string, input: unknown, opts: { isDemo?: boolean; slug?: string } = {}) {
  const { name } = workspaceSchema.parse(input);
  const slug = opts.slug ?? `${slugify(name)}-${crypto.randomBytes(3).toString("hex")}`;
  return getDb().$transaction(async (tx) => {
    const ws = await tx.workspace.create({ data: { name, slug, isDemo: opts.isDemo ?? false }, select: { id: true, name: true, slug: true } });
    await tx.membership.create({ data: { workspaceId: ws.id, userId, role: "OWNER" } });
    await tx.claimType.createMany({
      data: DEFAULT_CLAIM_TYPES.map((t, i) => ({ ...t, workspaceId: ws.id, position: i })),
    });
    await audit(tx, { userId, workspaceId: ws.id }, "workspace.create", "Workspace", ws.id, undefined, ws);
    return ws;
  });
}

/** Workspaces the user belongs to, with their role. */
export async function listWorkspaces(userId: string) {
  const rows = await getDb().membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true, isDemo: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

export async function listMembers(actor: Actor) {
  await requireMember(actor.userId, actor.workspaceId, "VIEWER");
  const rows = await getDb().membership.findMany({
    where: { workspaceId: actor.workspaceId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r.user, role: r.role }));
}

/** Add an existing account to the workspace, or change its role (owners only). */
export async function setMember(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "OWNER");
  const data = memberSchema.parse(input);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No account uses ${data.email}; ask them to sign up first`, { fields: { email: "No such account" } });
  if (user.id === actor.userId && data.role !== "OWNER") throw new AppError("bad_request", "You cannot lower your own role");
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { role: true } });
    const m = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
      create: { workspaceId, userId: user.id, role: data.role },
      update: { role: data.role },
      select: { role: true, userId: true },
    });
    await audit(tx, actor, before ? "member.update" : "member.add", "Membership", user.id, before, m);
    return m;
  });
}

export const claimTypeSelect = { id: true, key: true, label: true, color: true, shortcut: true, position: true } as const;

export async function listClaimTypes(actor: Actor) {
  return getDb().claimType.findMany({ where: { workspaceId: actor.workspaceId }, select: claimTypeSelect, orderBy: { position: "asc" } });
}

/** Create or edit a claim type (owners and editors). */
export async function saveClaimType(userId: string | null, workspaceId: string, input: unknown) {
  const actor = await requireMember(userId, workspaceId, "EDITOR");
  const data = claimTypeSchema.parse(input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    if (data.shortcut != null) {
      const clash = await tx.claimType.findFirst({ where: { workspaceId, shortcut: data.shortcut, NOT: data.id ? { id: data.id } : undefined }, select: { label: true } });
      if (clash) throw new AppError("conflict", `Key ${data.shortcut} is already used by “${clash.label}”`, { fields: { shortcut: "Already used" } });
    }
    if (data.id) {
      const before = await tx.claimType.findFirst({ where: { id: data.id, workspaceId }, select: claimTypeSelect });
      if (!before) throw new AppError("not_found", "Claim type not found");
      const after = await tx.claimType.update({ where: { id: data.id }, data: { label: data.label, color: data.color, shortcut: data.shortcut }, select: claimTypeSelect });
      await audit(tx, actor, "claimType.update", "ClaimType", after.id, before, after);
      return after;
    }
    const count = await tx.claimType.count({ where: { workspaceId } });
    const key = `${slugify(data.label).replace(/-/g, "_")}_${crypto.randomBytes(2).toString("hex")}`;
    const created = await tx.claimType.create({
      data: { workspaceId, key, label: data.label, color: data.color, shortcut: data.shortcut, position: count },
      select: claimTypeSelect,
    });
    await audit(tx, actor, "claimType.create", "ClaimType", created.id, undefined, created);
    return created;
  });
}
