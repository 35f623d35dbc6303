// Which live events each asset is exposed to: the study builders exclude them from placebo draws.
import "server-only";
import { db } from "@/lib/db/client";
import type { StudyEventRef } from "./asset-study";

/** Live events linked to each asset, for placebo exclusion: one query for all assets. */
export async function exposedEventsByAsset(assetIds: readonly number[]): Promise<Map<number, StudyEventRef[]>> {
  const rows = await db().exposure.findMany({
    where: { assetId: { in: [...assetIds] }, event: { deletedAt: null } },
    select: { assetId: true, event: { select: { id: true, occurredAt: true, timePrecision: true } } },
  });
  const out = new Map<number, StudyEventRef[]>(assetIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.assetId)?.push(r.event);
  return out;
}
