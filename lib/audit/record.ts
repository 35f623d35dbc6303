// Writes one audit entry inside the caller's transaction, so a change and its record commit or roll back together:
// audit_entry for events, exposures, themes and notes (integer ids), account_audit_entry for accounts and their API
// tokens (text ids).
import type { Principal } from "@/lib/auth/principal";
import type { AccountChange, AuditAction, AuditEntity } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";

export type Tx = Prisma.TransactionClient;

export interface AuditRecord {
  entity: AuditEntity;
  entityId: number;
  eventId?: number | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** Dates become ISO strings, undefined disappears: what is stored is exactly what JSON can say. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, actor: Principal, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      entity: record.entity,
      entityId: record.entityId,
      eventId: record.eventId ?? null,
      action: record.action,
      actorId: actor.id,
      actorName: actor.name,
      before: auditJson(record.before),
      after: auditJson(record.after),
    },
  });
}

export interface AccountChangeRecord {
  action: AccountChange;
  /** The account changed; for a token, the account it acts as. */
  subject: { id: string; email: string };
  details?: Record<string, unknown>;
}

export async function recordAccountChange(tx: Tx, actor: Principal, record: AccountChangeRecord): Promise<void> {
  await tx.accountAuditEntry.create({
    data: {
      action: record.action,
      subjectId: record.subject.id,
      subjectEmail: record.subject.email,
      actorId: actor.id,
      actorName: actor.name,
      details: auditJson(record.details),
    },
  });
}
