// Roles in increasing order of rights: viewer (read, download) < analyst (also write events, exposures, themes,
// annotations) < admin (also users, roles, restore, API tokens).
import type { Role } from "@/lib/db/generated/enums";
import { ForbiddenError } from "@/lib/errors";

export type { Role };

export const ROLES: readonly Role[] = ["VIEWER", "ANALYST", "ADMIN"] as const;

const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

export function hasRole(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}

export const ROLE_LABEL: Record<Role, string> = { VIEWER: "Viewer", ANALYST: "Analyst", ADMIN: "Admin" };

/** Defence in depth inside lib/: commands re-check the role they need even though every caller already did. */
export function assertRole(actor: { role: Role }, minRole: Role): void {
  if (!hasRole(actor.role, minRole)) {
    throw new ForbiddenError(`Your role (${actor.role.toLowerCase()}) does not allow this; it needs ${minRole.toLowerCase()}.`);
  }
}
