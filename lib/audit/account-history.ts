// Reading the accounts' history: who created, promoted, suspended, unbanned or deleted which account, and who issued
// or revoked which API token, newest first.
import { db } from "@/lib/db/client";
import type { AccountChange } from "@/lib/db/generated/enums";

export interface AccountHistoryEntry {
  id: string;
  action: AccountChange;
  subjectId: string;
  subjectEmail: string;
  actorName: string;
  at: Date;
  details: Record<string, unknown>;
}

export const ACCOUNT_HISTORY_PAGE_SIZE = 200;

/** The latest account changes, optionally of one account only. */
export async function accountHistory(options: { subjectId?: string; limit?: number } = {}): Promise<AccountHistoryEntry[]> {
  const rows = await db().accountAuditEntry.findMany({
    where: options.subjectId ? { subjectId: options.subjectId } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? ACCOUNT_HISTORY_PAGE_SIZE,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    subjectId: r.subjectId,
    subjectEmail: r.subjectEmail,
    actorName: r.actorName,
    at: r.at,
    details: r.details && typeof r.details === "object" && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {},
  }));
}

export const ACCOUNT_CHANGE_LABEL: Record<AccountChange, string> = {
  CREATE: "Account created",
  ROLE_CHANGE: "Role changed",
  SUSPEND: "Suspended",
  UNBAN: "Suspension lifted",
  DELETE: "Account deleted",
  TOKEN_ISSUE: "API token issued",
  TOKEN_REVOKE: "API token revoked",
};

const text = (v: unknown) => (typeof v === "string" ? v : "");
const role = (v: unknown) => text(v).toLowerCase();
const scope = (v: unknown) => (v === "READ_WRITE" ? "read-write" : v === "READ" ? "read" : text(v));

/** The change in a few words, for the history table: "analyst → admin", "token “ci” (read)". */
export function describeAccountChange(entry: Pick<AccountHistoryEntry, "action" | "details">): string {
  const d = entry.details;
  switch (entry.action) {
    case "CREATE":
      return d.role ? `as ${role(d.role)}` : "";
    case "ROLE_CHANGE":
      return `${role(d.from)} → ${role(d.to)}`;
    case "SUSPEND":
      return d.reason ? `reason: ${text(d.reason)}` : "";
    case "TOKEN_ISSUE":
    case "TOKEN_REVOKE":
      return `token “${text(d.name)}” (${scope(d.scope)})`;
    default:
      return "";
  }
}
