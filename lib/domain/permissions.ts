// The one permission table: each capability → the lowest role that has it. Services assert a
// capability on the Actor; endpoints, server actions and pages ask the same table.
import { hasRole, ROLES, type Role } from "./roles";

export const CAPABILITIES = {
  /** Read everything in the workspace (pages, API reads, exports, search). */
  "workspace.read": "VIEWER",
  /** Review claims: approve or reject (issue: review workflow). */
  "claims.review": "REVIEWER",
  /** Create annotation sessions and manage the ones they own (the workspace owner manages all). */
  "sessions.manage": "EDITOR",
  /** Comment on claims and propositions, reply, edit and delete one's own comments, resolve threads (viewers only read them). */
  "comments.write": "REVIEWER",
  /** Mark, edit, delete and re-anchor claims; link them to propositions. */
  "claims.write": "EDITOR",
  /** Create, edit, merge and delete propositions; rate them; mark detail values the same. */
  "propositions.write": "EDITOR",
  /** Import, correct and delete articles and their paragraphs; bulk imports. */
  "articles.write": "EDITOR",
  /** Create and edit entities, aliases and sources. */
  "entities.write": "EDITOR",
  /** Create, edit and delete claim types. */
  "claimTypes.manage": "OWNER",
  /** Add members, change their roles, remove them. */
  "members.manage": "OWNER",
  /** See and revoke every member's API tokens. */
  "tokens.manageAll": "OWNER",
  /** Workspace settings. */
  "workspace.manage": "OWNER",
} as const satisfies Record<string, Role>;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

/** Every capability `role` has. */
export function capabilitiesOf(role: Role): ReadonlySet<Capability> {
  return new Set(CAPABILITY_NAMES.filter((c) => hasRole(role, CAPABILITIES[c])));
}

/** The lower of two roles: what a token grants when its owner holds `member` and it was made for `token`. */
export function cappedRole(member: Role, token: Role | undefined): Role {
  return token === undefined || hasRole(token, member) ? member : token;
}

/** The lowest role that has `capability`, for messages ("it needs editor or higher"). */
export function roleFor(capability: Capability): Role {
  return CAPABILITIES[capability];
}

/** What a role may do, as booleans for the UI (derived from the same table). */
export function permissions(role: Role) {
  const caps = capabilitiesOf(role);
  return {
    read: caps.has("workspace.read"),
    annotate: caps.has("claims.write"),
    importArticles: caps.has("articles.write"),
    review: caps.has("claims.review"),
    manageWorkspace: caps.has("workspace.manage"),
  };
}

export { ROLES };
