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
