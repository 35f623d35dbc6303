// Roles in increasing order of rights: viewer (read, download) < analyst (also write events, exposures, themes,
// annotations) < admin (also users, roles, restore, API tokens).
import type { Role } from "@/lib/db/generated/enums";

export type { Role };

export const ROLES: readonly Role[] = ["VIEWER", "ANALYST", "ADMIN"] as const;

const RANK: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

export function hasRole(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}

export const ROLE_LABEL: Record<Role, string> = { VIEWER: "Viewer", ANALYST: "Analyst", ADMIN: "Admin" };
