// Reading the audit trail: an event's history includes its exposures and the notes on it.
import "server-only";
import { db } from "@/lib/db/client";
import type { AuditEntity } from "@/lib/db/generated/enums";

export interface HistoryEntry {
  id: string;
  entity: AuditEntity;
  entityId: number;
  action: string;
  actorName: string;
  at: Date;
  before: unknown;
  after: unknown;
  /** Field names whose value differs between before and after. */
  changed: string[];
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !["version", "updatedAt", "updatedById"].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
}

export async function historyOfEvent(eventId: number, limit = 200): Promise<HistoryEntry[]> {
  const rows = await db().auditEntry.findMany({
    where: { OR: [{ entity: "EVENT", entityId: eventId }, { eventId }] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    actorName: r.actorName,
    at: r.at,
    before: r.before,
    after: r.after,
    changed: changedFields(r.before, r.after),
  }));
}

export async function historyOf(entity: AuditEntity, entityId: number) {
  return db().auditEntry.findMany({ where: { entity, entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}
