import "server-only";
import crypto from "node:crypto";
import { assertCan, roleTooLow, type Actor } from "@/lib/auth/membership";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db/client";
import { defaultClaimTypes, slugify } from "@/lib/domain/claim-types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translateRef } from "@/lib/i18n/translate";
import { cappedRole, roleFor, type Capability } from "@/lib/domain/permissions";
import { hasRole, type Role } from "@/lib/domain/roles";
import { audit } from "@/lib/server/audit";
import { emit } from "@/lib/server/events";
import { AppError } from "@/lib/server/errors";
import { claimTypeSchema, memberSchema, workspaceSchema } from "@/lib/validation/schemas";

/** Create a workspace owned by `userId`, with the default claim types named in `locale` (English by default). */
export async function createWorkspace(userId: string, input: unknown, opts: { isDemo?: boolean; slug?: string; locale?: Locale } = {}) {
  const { name } = workspaceSchema.parse(input);
  const slug = opts.slug ?? `${slugify(name)}-${crypto.randomBytes(3).toString("hex")}`;
  return getDb().$transaction(async (tx) => {
    const ws = await tx.workspace.create({ data: { name, slug, isDemo: opts.isDemo ?? false }, select: { id: true, name: true, slug: true } });
    await tx.membership.create({ data: { workspaceId: ws.id, userId, role: "OWNER" } });
    await tx.claimType.createMany({
      data: defaultClaimTypes((key) => translateRef(opts.locale ?? DEFAULT_LOCALE, { key: `claimTypeDefaults.${key}` })).map((t, i) => ({
        ...t,
        workspaceId: ws.id,
        position: i,
      })),
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

const memberSelect = { role: true, user: { select: { id: true, name: true, email: true } } } as const;
const memberView = (r: { role: Role; user: { id: string; name: string; email: string } }) => ({ ...r.user, role: r.role });

export async function listMembers(actor: Actor) {
  assertCan(actor, "workspace.read");
  const rows = await getDb().membership.findMany({ where: { workspaceId: actor.workspaceId }, select: memberSelect, orderBy: { createdAt: "asc" } });
  return rows.map(memberView);
}

/** Add an existing account as a new member (owners only); one already a member is a 409 naming its role. */
export async function addMember(actor: Actor, input: unknown) {
  assertCan(actor, "members.manage");
  const { workspaceId } = actor;
  const data = memberSchema.parse(input);
  const user = await accountByEmail(data.email);
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, workspaceId, actor);
    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { role: true } });
    if (existing) {
      // One sentence per role, so each translates whole.
      throw new AppError(
        "conflict",
        {
          OWNER: `${data.email} is already a member (owner); change their role instead`,
          EDITOR: `${data.email} is already a member (editor); change their role instead`,
          REVIEWER: `${data.email} is already a member (reviewer); change their role instead`,
          VIEWER: `${data.email} is already a member (viewer); change their role instead`,
        }[existing.role],
        {
          fields: { email: "Already a member" },
          userId: user.id,
          role: existing.role,
        },
      );
    }
    const m = await tx.membership.create({ data: { workspaceId, userId: user.id, role: data.role }, select: memberSelect });
    await audit(tx, actor, "member.add", "Membership", user.id, undefined, { role: m.role, userId: user.id });
    await emit(tx, actor, { kind: "member.added", entityType: "Membership", entityId: user.id });
    return memberView(m);
  });
}

/** Change a member's role by user id (owners only); a workspace keeps an owner. */
export async function updateMemberRole(actor: Actor, memberUserId: unknown, input: unknown) {
  assertCan(actor, "members.manage");
  const { workspaceId } = actor;
  const id = z.string().uuid().safeParse(memberUserId);
  if (!id.success) throw new AppError("not_found", "Member not found", undefined, { key: "errors.memberNotFound" });
  const { role } = memberSchema.pick({ role: true }).parse(input);
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, workspaceId, actor);
    const before = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: id.data } }, select: { role: true, userId: true } });
    if (!before) throw new AppError("not_found", "Member not found", undefined, { key: "errors.memberNotFound" });
    if (before.role === "OWNER" && role !== "OWNER") await keepAnOwner(tx, workspaceId, id.data);
    const m = await tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId: id.data } }, data: { role }, select: memberSelect });
    await audit(tx, actor, "member.update", "Membership", id.data, before, { role: m.role, userId: id.data });
    await emit(tx, actor, { kind: "member.updated", entityType: "Membership", entityId: id.data });
    return memberView(m);
  });
}

/** Add an existing account to the workspace, or change its role (owners only); a workspace keeps an owner. */
export async function setMember(actor: Actor, input: unknown) {
  assertCan(actor, "members.manage");
  const { workspaceId } = actor;
  const data = memberSchema.parse(input);
  const user = await accountByEmail(data.email);
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, workspaceId, actor);
    const before = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { role: true } });
    if (before?.role === "OWNER" && data.role !== "OWNER") await keepAnOwner(tx, workspaceId, user.id);
    const m = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
      create: { workspaceId, userId: user.id, role: data.role },
      update: { role: data.role },
      select: { role: true, userId: true },
    });
    await audit(tx, actor, before ? "member.update" : "member.add", "Membership", user.id, before, m);
    await emit(tx, actor, { kind: before ? "member.updated" : "member.added", entityType: "Membership", entityId: user.id });
    return m;
  });
}

/** Remove a member (owners only; the last owner cannot be removed). Their claims stay, credited to them. */
export async function removeMember(actor: Actor, memberUserId: unknown) {
  assertCan(actor, "members.manage");
  const { workspaceId } = actor;
  const id = z.string().uuid().safeParse(memberUserId);
  if (!id.success) throw new AppError("not_found", "Member not found", undefined, { key: "errors.memberNotFound" });
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, workspaceId, actor);
    const before = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: id.data } }, select: { role: true, userId: true } });
    if (!before) throw new AppError("not_found", "Member not found", undefined, { key: "errors.memberNotFound" });
    if (before.role === "OWNER") await keepAnOwner(tx, workspaceId, id.data);
    await dropMembership(tx, workspaceId, id.data);
    await audit(tx, actor, "member.remove", "Membership", id.data, before, undefined);
    await emit(tx, actor, { kind: "member.removed", entityType: "Membership", entityId: id.data });
    return { userId: id.data };
  });
}

/** Leave the workspace (any member). The last owner cannot: they make someone else owner first. */
export async function leaveWorkspace(actor: Actor) {
  assertCan(actor, "workspace.read");
  const { workspaceId, userId } = actor;
  return getDb().$transaction(async (tx) => {
    const roles = await lockMembers(tx, workspaceId, actor, "workspace.read");
    const role = roles.get(userId);
    if (role === "OWNER") await keepAnOwner(tx, workspaceId, userId, "You are the last owner of this workspace: make someone else owner first, then leave");
    await dropMembership(tx, workspaceId, userId);
    await audit(tx, actor, "member.leave", "Membership", userId, { role, userId }, undefined);
    await emit(tx, actor, { kind: "member.removed", entityType: "Membership", entityId: userId });
    return { userId, workspaceId };
  });
}

async function accountByEmail(email: string) {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("validation", `No account uses ${email}; ask them to sign up first`, { fields: { email: "No such account" } });
  return user;
}

/**
 * Lock every membership row of the workspace until the transaction ends (in user-id order, so
 * concurrent changes queue instead of deadlocking) and return each member's current role. With
 * `member`, the acting member must still hold `need` under the lock: a request that began before
 * its own demotion or removal is refused. So two owners demoting or removing each other at once
 * run one after the other, and the second one's `keepAnOwner` sees the first one's change.
 */
export async function lockMembers(tx: Tx, workspaceId: string, member?: Actor, need: Capability = "members.manage"): Promise<Map<string, Role>> {
  const rows = await tx.$queryRaw<{ userId: string; role: Role }[]>`
    SELECT "userId"::text AS "userId", "role"::text AS "role" FROM "Membership"
    WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY "userId" FOR UPDATE`;
  const roles = new Map(rows.map((r) => [r.userId, r.role]));
  if (member) {
    const current = roles.get(member.userId);
    if (!current) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
    const effective = cappedRole(current, member.role);
    if (!hasRole(effective, roleFor(need))) {
      throw roleTooLow("session", effective, roleFor(need), { capability: need });
    }
  }
  return roles;
}

/** Refuse (409) when `leaving` is the workspace's only owner; call it after `lockMembers`. */
async function keepAnOwner(tx: Tx, workspaceId: string, leaving: string, message = "A workspace needs at least one owner: make someone else owner first") {
  const others = await tx.membership.count({ where: { workspaceId, role: "OWNER", userId: { not: leaving } } });
  if (others === 0) throw new AppError("conflict", message, { fields: { role: "The last owner" } });
}

// A membership ends: the member's API tokens for the workspace stop working with it, and their presence goes.
async function dropMembership(tx: Tx, workspaceId: string, userId: string) {
  await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
  await tx.apiToken.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.presence.deleteMany({ where: { workspaceId, userId } });
}

export const claimTypeSelect = { id: true, key: true, label: true, color: true, shortcut: true, position: true } as const;

export async function listClaimTypes(actor: Actor) {
  assertCan(actor, "workspace.read");
  return getDb().claimType.findMany({ where: { workspaceId: actor.workspaceId }, select: claimTypeSelect, orderBy: { position: "asc" } });
}

/** One claim type of the workspace (what a partial edit starts from). */
export async function getClaimType(actor: Actor, id: string) {
  assertCan(actor, "workspace.read");
  const row = z.string().uuid().safeParse(id).success
    ? await getDb().claimType.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: claimTypeSelect })
    : null;
  if (!row) throw new AppError("not_found", "Claim type not found", undefined, { key: "errors.claimTypeNotFound" });
  return row;
}

/** Create or edit a claim type (owners). */
export async function saveClaimType(actor: Actor, input: unknown) {
  assertCan(actor, "claimTypes.manage");
  const { workspaceId } = actor;
  const data = claimTypeSchema.parse(input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    if (data.shortcut != null) {
      const clash = await tx.claimType.findFirst({
        where: { workspaceId, shortcut: data.shortcut, NOT: data.id ? { id: data.id } : undefined },
        select: { label: true },
      });
      if (clash) throw new AppError("conflict", `Key ${data.shortcut} is already used by “${clash.label}”`, { fields: { shortcut: "Already used" } });
    }
    if (data.id) {
      const before = await tx.claimType.findFirst({ where: { id: data.id, workspaceId }, select: claimTypeSelect });
      if (!before) throw new AppError("not_found", "Claim type not found", undefined, { key: "errors.claimTypeNotFound" });
      const after = await tx.claimType.update({
        where: { id: data.id },
        data: { label: data.label, color: data.color, shortcut: data.shortcut },
        select: claimTypeSelect,
      });
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

/** Delete a claim type nobody uses; one in use is refused with the number of claims and propositions. */
export async function deleteClaimType(actor: Actor, id: unknown) {
  assertCan(actor, "claimTypes.manage");
  const { workspaceId } = actor;
  const typeId = z.string().uuid().safeParse(id);
  if (!typeId.success) throw new AppError("not_found", "Claim type not found", undefined, { key: "errors.claimTypeNotFound" });
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "ClaimType" WHERE id = ${typeId.data}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Claim type not found", undefined, { key: "errors.claimTypeNotFound" });
    const before = await tx.claimType.findUniqueOrThrow({
      where: { id: typeId.data },
      select: { ...claimTypeSelect, _count: { select: { annotations: true, propositions: true } } },
    });
    const { annotations, propositions } = before._count;
    if (annotations > 0) {
      throw new AppError(
        "conflict",
        `“${before.label}” is used by ${annotations} claim${annotations === 1 ? "" : "s"} (deleted ones included, for undo); change their type first`,
        {
          claims: annotations,
          propositions,
        },
      );
    }
    await tx.claimType.delete({ where: { id: before.id } });
    await audit(tx, actor, "claimType.delete", "ClaimType", before.id, { ...before, _count: undefined }, undefined);
    return { id: before.id, propositionsUntyped: propositions };
  });
}
