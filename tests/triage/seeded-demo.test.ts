// On the demo data and the seeded storyline, the queue lists large moves, none of them on a session a seeded event
// exposing the asset explains (day 0 ± 1 session of the asset's calendar).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import { refreshAsset } from "@/lib/market-data/refresh";
import { SEED_EVENT_DATES, seedStoryline } from "@/lib/seed/seed";
import { listMoveItems } from "@/lib/triage/queries";
import { moveFilterSchema } from "@/lib/triage/schemas";
import { updatePendingMoves } from "@/lib/triage/update-moves";

beforeAll(async () => {
  await seedStoryline("DEMO");
  // As a first start does: ten years of demo bars per seeded asset.
  const provider = new DemoProvider({ eventDates: SEED_EVENT_DATES });
  for (const asset of await db().asset.findMany()) await refreshAsset(asset, provider, { today: "2025-06-30", backfillYears: 10 });
});

describe("the seeded demo", () => {
  it("queues unexplained moves of at least 3σ, none next to an exposing event", async () => {
    const summary = await updatePendingMoves();
    expect(summary.assets).toBeGreaterThan(5);
    const { items, total } = await listMoveItems(moveFilterSchema.parse({}), 1000);
    expect(total).toBeGreaterThan(0);
    for (const i of items) for (const m of i.moves) expect(Math.abs(m.z)).toBeGreaterThanOrEqual(3);
    // The asset's first session on or after each exposing event's date, and the one after it: both within a session
    // of day 0 whatever the event's time and the benchmark's calendar, so no stored move may sit on either.
    const rows = await db().$queryRaw<{ asset_id: number; session: string }[]>`
      WITH d0 AS (
        SELECT x.asset_id, (SELECT min(p.date) FROM price_bar p WHERE p.asset_id = x.asset_id AND p.date >= (e.occurred_at AT TIME ZONE 'UTC')::date) AS d0
        FROM exposure x JOIN event e ON e.id = x.event_id AND e.deleted_at IS NULL
      ), near AS (
        SELECT asset_id, d0 AS session FROM d0
        UNION SELECT asset_id, (SELECT min(p.date) FROM price_bar p WHERE p.asset_id = d0.asset_id AND p.date > d0.d0) FROM d0
      )
      SELECT m.asset_id, to_char(m.session, 'YYYY-MM-DD') AS session FROM move_item_asset m JOIN near USING (asset_id, session)`;
    const exposedEvents = await db().exposure.count({ where: { event: { deletedAt: null } } });
    expect(exposedEvents).toBeGreaterThan(10);
    expect(rows).toEqual([]);
  });
});
