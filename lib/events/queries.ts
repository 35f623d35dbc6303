// Read side of the event log for pages and the API. Soft-deleted events are never shown here.
import "server-only";
import { db } from "@/lib/db/client";

const LIVE = { deletedAt: null };

export async function findEvent(id: number) {
  return db().event.findFirst({
    where: { id, ...LIVE },
    include: {
      theme: { select: { id: true, name: true } },
      exposures: {
        include: { asset: { select: { symbol: true, name: true, source: true } } },
        orderBy: { asset: { symbol: "asc" } },
      },
    },
  });
}

/** Events with an exposure on this asset, oldest first, with the analyst's expected direction. */
export async function eventsExposing(assetId: number) {
  const rows = await db().exposure.findMany({
    where: { assetId, event: LIVE },
    include: { event: { select: { id: true, title: true, occurredAt: true, timePrecision: true, category: true, severity: true } } },
    orderBy: { event: { occurredAt: "asc" } },
  });
  return rows.map((r) => ({ ...r.event, direction: r.direction }));
}
