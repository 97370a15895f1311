import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { getDb, type Tx } from "@/lib/db/client";
import { hasRole, type Role } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { emit } from "@/lib/server/events";
import { lockMembers } from "@/lib/server/workspaces";
import { createInvitationSchema, INVITATION_PREFIX, INVITATION_TOKEN_PATTERN } from "@/lib/validation/members";

const DAY_MS = 86_400_000;
const LIST_LIMIT = 100;

export type InvitationStatus = "pending" | "used" | "revoked" | "expired";

/** What lists and answers show; never the token or its hash. */
const invitationSelect = {
  id: true,
  role: true,
  expiresAt: true,
  usedAt: true,
  usedById: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.InvitationSelect;
type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

const hashToken = (plain: string) => crypto.createHash("sha256").update(plain, "utf8").digest("hex");

function statusOf(inv: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (inv.revokedAt) return "revoked";
  if (inv.usedAt) return "used";
  return inv.expiresAt <= now ? "expired" : "pending";
}

function view(inv: InvitationRow, usedBy: { id: string; name: string } | null) {
  const { usedById: _, ...rest } = inv;
  return { ...rest, status: statusOf(inv), usedBy };
}

export type InvitationView = ReturnType<typeof view>;

/**
 * Create an invitation link (owners): a role (owner at most, which is the creator's own) and an
 * expiry of 1–30 days. The token is in this answer only; only its sha256 is stored.
 */
export async function createInvitation(actor: Actor, input: unknown) {
  assertCan(actor, "members.manage");
  const { role, expiresInDays } = createInvitationSchema.parse(input);
  const token = `${INVITATION_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
  return getDb().$transaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: { workspaceId: actor.workspaceId, role, tokenHash: hashToken(token), expiresAt, createdById: actor.userId },
      select: invitationSelect,
    });
    await audit(tx, actor, "invitation.create", "Invitation", inv.id, undefined, { role, expiresAt });
    await emit(tx, actor, { kind: "invitation.created", entityType: "Invitation", entityId: inv.id });
    return { ...view(inv, null), token, path: `/invite/${token}` };
  });
}

/** The workspace's invitations, newest first, with their status and who used them (owners). */
export async function listInvitations(actor: Actor): Promise<InvitationView[]> {
  assertCan(actor, "members.manage");
  const db = getDb();
  const rows = await db.invitation.findMany({
    where: { workspaceId: actor.workspaceId },
    select: invitationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
  const usedIds = [...new Set(rows.flatMap((r) => (r.usedById ? [r.usedById] : [])))];
  const users = usedIds.length ? await db.user.findMany({ where: { id: { in: usedIds } }, select: { id: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => view(r, r.usedById ? (byId.get(r.usedById) ?? null) : null));
}

/** Revoke a link nobody has used (owners); revoking twice changes nothing, a used one is a 409. */
export async function revokeInvitation(actor: Actor, id: unknown): Promise<InvitationView> {
  assertCan(actor, "members.manage");
  const { workspaceId } = actor;
  const invId = z.string().uuid().safeParse(id);
  if (!invId.success) throw new AppError("not_found", "Invitation not found", undefined, { key: "errors.invitationNotFound" });
  return getDb().$transaction(async (tx) => {
    if (!(await lockInvitation(tx, { id: invId.data, workspaceId })))
      throw new AppError("not_found", "Invitation not found", undefined, { key: "errors.invitationNotFound" });
    const before = await tx.invitation.findUniqueOrThrow({ where: { id: invId.data }, select: invitationSelect });
    if (before.revokedAt) return view(before, null);
    if (before.usedAt) throw new AppError("conflict", "This link has already been used; remove the member instead if they should not be here");
    const after = await tx.invitation.update({ where: { id: before.id }, data: { revokedAt: new Date() }, select: invitationSelect });
    await audit(tx, actor, "invitation.revoke", "Invitation", after.id, { status: statusOf(before) }, { status: "revoked" });
    await emit(tx, actor, { kind: "invitation.revoked", entityType: "Invitation", entityId: after.id });
    return view(after, null);
  });
}

/** What a link offers, for its page: the workspace, the role, whether it still works, and the visitor's own membership. */
export async function describeInvitation(token: string, userId: string | null) {
  const inv = INVITATION_TOKEN_PATTERN.test(token)
    ? await getDb().invitation.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { ...invitationSelect, workspace: { select: { id: true, name: true, slug: true } } },
      })
    : null;
  if (!inv) return { status: "unknown" as const };
  const membership = userId
    ? await getDb().membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspace.id, userId } }, select: { role: true } })
    : null;
  return {
    status: statusOf(inv),
    role: inv.role,
    expiresAt: inv.expiresAt,
    invitedBy: inv.createdBy.name,
    usedByYou: userId !== null && inv.usedById === userId,
    workspace: { name: inv.workspace.name, slug: membership ? inv.workspace.slug : null },
    yourRole: membership?.role ?? null,
  };
}

export type AcceptOutcome = "joined" | "promoted" | "already_member";

/**
 * Join a workspace with an invitation link (any signed-in account). Single use: the first
 * acceptance marks it used, a second one is refused; revoked and expired links are refused. A
 * member who already has the role or a higher one keeps theirs and leaves the link unused (it
 * was meant for someone else); one with a lower role is raised to the invited role. An
 * invitation never lowers anyone, so it can never take a workspace's last owner away.
 */
export async function acceptInvitation(userId: string | null, token: unknown) {
  if (!userId) throw new AppError("unauthorized", "Sign in or create an account to accept the invitation");
  const plain = typeof token === "string" && INVITATION_TOKEN_PATTERN.test(token) ? token : null;
  if (!plain) throw unknownLink();
  return getDb().$transaction(async (tx) => {
    const locked = await lockInvitation(tx, { tokenHash: hashToken(plain) });
    if (!locked) throw unknownLink();
    const inv = await tx.invitation.findUniqueOrThrow({
      where: { id: locked },
      select: { ...invitationSelect, workspace: { select: { id: true, name: true, slug: true } } },
    });
    refuseUnusable(inv, userId);
    const workspace = inv.workspace;
    const roles = await lockMembers(tx, workspace.id);
    const current = roles.get(userId);
    if (current && hasRole(current, inv.role)) return { workspace, role: current, outcome: "already_member" as AcceptOutcome };
    const member = { userId, workspaceId: workspace.id };
    const where = { workspaceId_userId: member };
    if (current) await tx.membership.update({ where, data: { role: inv.role } });
    else await tx.membership.create({ data: { ...member, role: inv.role } });
    await tx.invitation.update({ where: { id: inv.id }, data: { usedAt: new Date(), usedById: userId } });
    const after = { role: inv.role, userId, invitationId: inv.id };
    await audit(tx, member, current ? "member.update" : "member.add", "Membership", userId, current ? { role: current, userId } : undefined, after);
    await audit(tx, member, "invitation.accept", "Invitation", inv.id, undefined, { role: inv.role, userId });
    await emit(tx, member, { kind: current ? "member.updated" : "member.added", entityType: "Membership", entityId: userId });
    return { workspace, role: inv.role as Role, outcome: (current ? "promoted" : "joined") as AcceptOutcome };
  });
}

function refuseUnusable(inv: { usedAt: Date | null; usedById: string | null; revokedAt: Date | null; expiresAt: Date }, userId: string) {
  const status = statusOf(inv);
  if (status === "revoked") throw new AppError("conflict", "This invitation was revoked. Ask an owner of the workspace for a new link.", { status });
  if (status === "used") {
    const message =
      inv.usedById === userId
        ? "You have already joined with this invitation; each link works once."
        : "This invitation link has already been used; each link works once. Ask an owner of the workspace for a new one.";
    throw new AppError("conflict", message, { status });
  }
  if (status === "expired") {
    throw new AppError("conflict", `This invitation expired on ${inv.expiresAt.toISOString().slice(0, 10)}. Ask an owner of the workspace for a new link.`, {
      status,
    });
  }
}

const unknownLink = () => new AppError("not_found", "This invitation link is not valid: check that you copied all of it, or ask for a new one");

// Row lock on the invitation, so an acceptance and a revocation (or two acceptances) run one after the other.
async function lockInvitation(tx: Tx, by: { id: string; workspaceId: string } | { tokenHash: string }): Promise<string | null> {
  const rows =
    "tokenHash" in by
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Invitation" WHERE "tokenHash" = ${by.tokenHash} FOR UPDATE`
      : await tx.$queryRaw<
          { id: string }[]
        >`SELECT id::text AS id FROM "Invitation" WHERE id = ${by.id}::uuid AND "workspaceId" = ${by.workspaceId}::uuid FOR UPDATE`;
  return rows[0]?.id ?? null;
}
