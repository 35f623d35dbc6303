import "server-only";
import { db } from "@/lib/db/client";

/** Soft-deleted events, most recently deleted first, for the admin's restore page. */
export async function deletedEvents() {
  return db().event.findMany({
    where: { deletedAt: { not: null } },
    orderBy: { deletedAt: "desc" },
    select: { id: true, title: true, occurredAt: true, deletedAt: true, version: true, updatedBy: { select: { name: true } } },
  });
}

/** Which of `ids` are soft-deleted events. */
export async function deletedAmong(ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db().event.findMany({ where: { id: { in: [...ids] }, deletedAt: { not: null } }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}
