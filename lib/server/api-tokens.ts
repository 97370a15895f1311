import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { type Actor, assertCan, can, MEMBERSHIP_COLUMNS, type MembershipColumns, type ReadMembership, readMembership } from "@/lib/auth/membership";
import { getDb } from "@/lib/db/client";
import { hasRole, type Role } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { API_TOKEN_PREFIX, createApiTokenSchema } from "@/lib/api/token-schema";
import { audit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";

// 32 random bytes, base64url: 43 characters after the prefix.
const TOKEN_PATTERN = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);
// lastUsedAt is advisory: writing it on every request would make each read a write.
const LAST_USED_RESOLUTION_MS = 60_000;
const LIST_LIMIT = 500;

/** What the list shows; never the hash. */
export const apiTokenSelect = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true } },
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenView = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

/** The identity a valid token carries: whose it is, for which workspace, with which role, and its creator's membership there (read with it). */
export type TokenIdentity = { id: string; userId: string; workspaceId: string; role: Role; membership: ReadMembership };

const hashToken = (plain: string) => crypto.createHash("sha256").update(plain, "utf8").digest("hex");

/**
 * Create a personal token for `userId` in one workspace. Its role can be at most the creator's
 * membership role. The plain token is returned here once and only its sha256 is stored.
 */
export async function createApiToken(actor: Actor, input: unknown) {
  assertCan(actor, "workspace.read");
  const { workspaceId } = actor;
  const data = createApiTokenSchema.parse(input);
  if (!hasRole(actor.role, data.role)) {
    // One sentence for each role and the higher one asked for, so each translates whole.
    throw new AppError(
      "forbidden",
      (
        {
          "VIEWER>REVIEWER": "Your role in this workspace is viewer, so a token can be viewer or lower, not reviewer",
          "VIEWER>EDITOR": "Your role in this workspace is viewer, so a token can be viewer or lower, not editor",
          "VIEWER>OWNER": "Your role in this workspace is viewer, so a token can be viewer or lower, not owner",
          "REVIEWER>EDITOR": "Your role in this workspace is reviewer, so a token can be reviewer or lower, not editor",
          "REVIEWER>OWNER": "Your role in this workspace is reviewer, so a token can be reviewer or lower, not owner",
          "EDITOR>OWNER": "Your role in this workspace is editor, so a token can be editor or lower, not owner",
        } as Partial<Record<string, string>>
      )[`${actor.role}>${data.role}`] ?? "A token cannot have a role above yours",
      { fields: { role: { VIEWER: "At most viewer", REVIEWER: "At most reviewer", EDITOR: "At most editor", OWNER: "At most owner" }[actor.role] } },
    );
  }
  const token = `${API_TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { workspaceId, userId: actor.userId, name: data.name, role: data.role, tokenHash: hashToken(token) },
      select: { id: true, name: true, role: true, createdAt: true },
    });
    await audit(tx, actor, "apiToken.create", "ApiToken", created.id, undefined, created);
    return { token, ...created };
  });
}

/** The actor's tokens in the workspace, newest first; owners see every member's tokens. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  assertCan(actor, "workspace.read");
  return getDb().apiToken.findMany({
    where: { workspaceId: actor.workspaceId, ...(can(actor, "tokens.manageAll") ? {} : { userId: actor.userId }) },
    select: apiTokenSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
  });
}

/** Revoke a token: its own creator or a workspace owner may. Revoking twice changes nothing. */
export async function revokeApiToken(actor: Actor, id: unknown): Promise<ApiTokenView> {
  assertCan(actor, "workspace.read");
  const { workspaceId } = actor;
  const tokenId = z.string().uuid().safeParse(id);
  if (!tokenId.success) throw new AppError("not_found", "API token not found", undefined, { key: "errors.tokenNotFound" });
  return getDb().$transaction(async (tx) => {
    const before = await tx.apiToken.findFirst({
      where: { id: tokenId.data, workspaceId, ...(can(actor, "tokens.manageAll") ? {} : { userId: actor.userId }) },
      select: apiTokenSelect,
    });
    if (!before) throw new AppError("not_found", "API token not found", undefined, { key: "errors.tokenNotFound" });
    if (before.revokedAt) return before;
    const after = await tx.apiToken.update({ where: { id: before.id }, data: { revokedAt: new Date() }, select: apiTokenSelect });
    await audit(
      tx,
      actor,
      "apiToken.revoke",
      "ApiToken",
      after.id,
      { name: before.name, role: before.role, userId: before.user.id },
      { revokedAt: after.revokedAt },
    );
    return after;
  });
}

/**
 * The identity behind a plain token; unknown and revoked tokens are "unauthorized". One statement
 * reads the token and its creator's membership of the token's workspace (`membership`, for
 * requireMember), so a token's request costs one query less.
 */
export async function authenticateApiToken(plain: string): Promise<TokenIdentity> {
  if (!TOKEN_PATTERN.test(plain))
    throw new AppError("unauthorized", "Unknown API token; check that it was copied whole", undefined, { key: "errors.unknownToken" });
  const db = getDb();
  const [row] = await db.$queryRaw<
    (MembershipColumns & { id: string; userId: string; workspaceId: string; tokenRole: Role; revokedAt: Date | null; lastUsedAt: Date | null })[]
  >`
    SELECT t.id::text AS id, t."userId"::text AS "userId", t."workspaceId"::text AS "workspaceId", t.role::text AS "tokenRole",
      t."revokedAt", t."lastUsedAt", ${MEMBERSHIP_COLUMNS}
    FROM "ApiToken" t LEFT JOIN "Membership" m ON m."userId" = t."userId" AND m."workspaceId" = t."workspaceId"
    WHERE t."tokenHash" = ${hashToken(plain)}`;
  if (!row) throw new AppError("unauthorized", "Unknown API token; check that it was copied whole", undefined, { key: "errors.unknownToken" });
  if (row.revokedAt) throw new AppError("unauthorized", "This API token was revoked; create a new one in the workspace settings");
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const cutoff = new Date(now - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests in the same minute write once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return {
    id: row.id,
    userId: row.userId,
    workspaceId: row.workspaceId,
    role: row.tokenRole,
    membership: readMembership(row.userId, row.workspaceId, row),
  };
}
