// The price around one event for each asset it exposes: a few weeks of sessions centred on the asset's day 0, with
// the event window's dates, for the event page's mini charts.
import "server-only";
import { resolveEventStudyConfig } from "@/lib/analytics";
import { apiBars } from "@/lib/prices/api-bars";
import { sessionWindow } from "@/lib/charts/event-overlay";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { reactingSessionIndex, type MarkerEvent } from "@/lib/prices/day-zero";
import type { Direction } from "@/lib/enums";

/** Sessions shown either side of day 0: the default event window [−10, +10] with a margin. */
const HALF_WIDTH = 15;

export interface EventWindowChart {
  symbol: string;
  name: string;
  direction: Direction;
  synthetic: boolean;
  day0: string | null;
  dates: string[];
  closes: number[];
  eventWindow: { from: string; to: string } | null;
}

export async function eventWindowCharts(event: MarkerEvent, exposures: { assetId: number; direction: Direction }[]): Promise<EventWindowChart[]> {
  const config = resolveEventStudyConfig();
  const assets = await db().asset.findMany({ where: { id: { in: exposures.map((x) => x.assetId) } }, select: { id: true, symbol: true, name: true, exchange: true, timeZone: true, assetClass: true, source: true } });
  const byId = new Map(assets.map((a) => [a.id, a]));
  const day = event.occurredAt.toISOString().slice(0, 10);
  return Promise.all(
    exposures.flatMap((x) => {
      const asset = byId.get(x.assetId);
      if (!asset) return [];
      return [
        (async (): Promise<EventWindowChart> => {
          // Calendar margin wide enough for HALF_WIDTH sessions plus holidays on either side.
          const bars = await apiBars(asset.id, addDays(day, -40), addDays(day, 40));
          const sessions = bars.map((b) => b.date);
          const i = reactingSessionIndex(event, sessions, asset);
          const slice = i < 0 ? [] : bars.slice(Math.max(0, i - HALF_WIDTH), i + HALF_WIDTH + 1);
          const day0 = i < 0 ? null : sessions[i]!;
          return {
            symbol: asset.symbol,
            name: asset.name,
            direction: x.direction,
            synthetic: asset.source === "DEMO",
            day0,
            dates: slice.map((b) => b.date),
            closes: slice.map((b) => b.close),
            eventWindow: day0 ? sessionWindow(slice.map((b) => b.date), day0, config.eventWindow) : null,
          };
        })(),
      ];
    }),
  );
}
