import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { capabilitiesOf, cappedRole, roleFor, type Capability } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { AppError } from "@/lib/server/errors";

/**
 * What blind annotation sessions hide from this user, until revealed: other people's claims made in
 * `sessionIds`, and other people's claims on `articleIds` (the articles of the blind sessions they
 * annotate). Empty in a workspace without running blind sessions.
 */
export type BlindScope = Readonly<{ sessionIds: readonly string[]; articleIds: readonly string[] }>;

/** Who acts in a workspace, with the capabilities their (token-capped) role gives. Only `requireMember` makes one. */
export type Actor = Readonly<{
  userId: string;
  workspaceId: string;
  role: Role;
  capabilities: ReadonlySet<Capability>;
  via: "session" | "token";
  blind: BlindScope;
}>;

// Actors issued by requireMember: a hand-made object with the same fields is refused, so a
// caller cannot skip the membership check by building its own Actor. Kept on globalThis because
// the bundler may load this module more than once in one server process.
const registry = globalThis as typeof globalThis & { __claimboardActors?: WeakSet<object>; __claimboardMemberships?: WeakSet<object> };
registry.__claimboardActors ??= new WeakSet<object>();
const issued = registry.__claimboardActors;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one membership query. A workspace the user does not belong to is "not found", so ids leak
 * nothing. With `tokenRole` (an API token) the effective role is the lower of the two. `need`
 * asserts a capability right away. `preloaded` (read with the API token, see readMembership)
 * saves the query when it is for this user and workspace.
 */
export async function requireMember(
  userId: string | null | undefined,
  workspaceId: string,
  opts: { tokenRole?: Role; need?: Capability; preloaded?: ReadMembership } = {},
): Promise<Actor> {
  if (!userId) throw new AppError("unauthorized", "Sign in to continue", undefined, { key: "errors.signIn" });
  if (!UUID.test(workspaceId)) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  const { preloaded } = opts;
  const usable = preloaded !== undefined && read.has(preloaded) && preloaded.userId === userId && preloaded.workspaceId === workspaceId;
  const membership = usable ? preloaded.membership : await loadMembership(userId, workspaceId);
  if (!membership) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  const role = cappedRole(membership.role, opts.tokenRole);
  const via = opts.tokenRole ? ("token" as const) : ("session" as const);
  const actor = issue({ userId, workspaceId, role, capabilities: capabilitiesOf(role), via, blind: membership.blind });
  if (opts.need) assertCan(actor, opts.need);
  return actor;
}

/**
 * The columns `role` and `blind` of the membership row `m`: its role, and the blind sessions still
 * hiding claims from the member (not revealed, not closed). The one place where a blind session
 * narrows what a member may read; selected here and, with the token, in an API token's lookup.
 */
export const MEMBERSHIP_COLUMNS = Prisma.sql`m.role::text AS role,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'articleIds', s."articleIds",
          'annotator', EXISTS (SELECT 1 FROM "SessionMember" sm WHERE sm."sessionId" = s.id AND sm."userId" = m."userId" AND sm.role = 'ANNOTATOR')))
        FROM "AnnotationSession" s
        WHERE s."workspaceId" = m."workspaceId" AND s.mode = 'BLIND' AND s."revealedAt" IS NULL AND s."closedAt" IS NULL), '[]') AS blind`;

/** What `MEMBERSHIP_COLUMNS` reads; `role` null when there is no membership row (a LEFT JOIN). */
export type MembershipColumns = { role: Role | null; blind: { id: string; articleIds: string[]; annotator: boolean }[] };

type Membership = { role: Role; blind: BlindScope };

/**
 * A membership read in the same statement as something else (an API token's row): requireMember
 * uses it instead of its own query. Only `readMembership` makes one, for the user and workspace
 * the row was read for.
 */
export type ReadMembership = Readonly<{ userId: string; workspaceId: string; membership: Membership | null }>;
registry.__claimboardMemberships ??= new WeakSet<object>();
const read = registry.__claimboardMemberships;

export function readMembership(userId: string, workspaceId: string, row: MembershipColumns): ReadMembership {
  const frozen = Object.freeze({ userId, workspaceId, membership: membershipOf(row) });
  read.add(frozen);
  return frozen;
}

/** The member's role and blind scope in one statement (see MEMBERSHIP_COLUMNS). */
async function loadMembership(userId: string, workspaceId: string): Promise<Membership | null> {
  const [row] = await getDb().$queryRaw<MembershipColumns[]>`
    SELECT ${MEMBERSHIP_COLUMNS}
    FROM "Membership" m
    WHERE m."workspaceId" = ${workspaceId}::uuid AND m."userId" = ${userId}::uuid`;
  return row ? membershipOf(row) : null;
}

function membershipOf(row: MembershipColumns): Membership | null {
  if (row.role === null) return null;
  if (row.blind.length === 0) return { role: row.role, blind: EMPTY_SCOPE };
  const blind = Object.freeze({
    sessionIds: row.blind.map((s) => s.id),
    articleIds: [...new Set(row.blind.filter((s) => s.annotator).flatMap((s) => s.articleIds))],
  });
  return { role: row.role, blind };
}
const EMPTY_SCOPE: BlindScope = Object.freeze({ sessionIds: [], articleIds: [] });

function issue<T extends Actor>(actor: T): T {
  const frozen = Object.freeze(actor);
  issued.add(frozen);
  return frozen;
}

/** Same check, by workspace slug (for pages, whose URLs carry the slug). */
export async function requireMemberBySlug(
  userId: string | null | undefined,
  slug: string,
  need?: Capability,
): Promise<Actor & { workspaceName: string; slug: string }> {
  if (!userId) throw new AppError("unauthorized", "Sign in to continue", undefined, { key: "errors.signIn" });
  const ws = await getDb().workspace.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!ws) throw new AppError("not_found", "Workspace not found", undefined, { key: "errors.workspaceNotFound" });
  const actor = await requireMember(userId, ws.id, { need });
  return issue({ ...actor, workspaceName: ws.name, slug });
}

/** Whether the actor may do it (for pages and components deciding what to show). */
export function can(actor: Actor, capability: Capability): boolean {
  return actor.capabilities.has(capability);
}

/**
 * The check every service starts with: the Actor came from requireMember and has the capability.
 * Too low a role is "forbidden" with the role needed; no database query.
 */
export function assertCan(actor: Actor, capability: Capability): void {
  if (!issued.has(actor)) throw new AppError("unauthorized", "Sign in to continue", undefined, { key: "errors.signIn" });
  if (actor.capabilities.has(capability)) return;
  throw roleTooLow(actor.via, actor.role, roleFor(capability), { capability });
}

/**
 * "Your role (viewer) cannot do this; it needs editor or higher": one whole sentence for each role
 * and the role it needs, so each has its own translation (roles glued into one sentence would not).
 */
export function roleTooLow(via: Actor["via"], role: Role, needed: Role, details: Record<string, unknown>): AppError {
  const pair = `${role}<${needed}`;
  return new AppError(
    "forbidden",
    (via === "token"
      ? ({
          "VIEWER<REVIEWER": "This token's role (viewer) cannot do this; it needs reviewer or higher",
          "VIEWER<EDITOR": "This token's role (viewer) cannot do this; it needs editor or higher",
          "VIEWER<OWNER": "This token's role (viewer) cannot do this; it needs owner or higher",
          "REVIEWER<EDITOR": "This token's role (reviewer) cannot do this; it needs editor or higher",
          "REVIEWER<OWNER": "This token's role (reviewer) cannot do this; it needs owner or higher",
          "EDITOR<OWNER": "This token's role (editor) cannot do this; it needs owner or higher",
        } as Partial<Record<string, string>>)
      : ({
          "VIEWER<REVIEWER": "Your role (viewer) cannot do this; it needs reviewer or higher",
          "VIEWER<EDITOR": "Your role (viewer) cannot do this; it needs editor or higher",
          "VIEWER<OWNER": "Your role (viewer) cannot do this; it needs owner or higher",
          "REVIEWER<EDITOR": "Your role (reviewer) cannot do this; it needs editor or higher",
          "REVIEWER<OWNER": "Your role (reviewer) cannot do this; it needs owner or higher",
          "EDITOR<OWNER": "Your role (editor) cannot do this; it needs owner or higher",
        } as Partial<Record<string, string>>))[pair] ?? "Your role cannot do this",
    details,
  );
}
