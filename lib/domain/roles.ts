import { ROLES, type Role } from "./vocabulary";

export { ROLES, type Role };

const RANK: Record<Role, number> = { VIEWER: 0, REVIEWER: 1, EDITOR: 2, OWNER: 3 };

/** True when `role` grants at least what `min` grants. */
export function hasRole(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
