// Everything the asset page's price chart draws, prepared on the server: the whole stored history in columns (so
// range presets and zoom never go back to the server), the events with their tooltip content and study verdict, the
// notes pinned to the asset, and the stored assets the compare picker offers.
import "server-only";
import { localDateTime, resolveEventStudyConfig } from "@/lib/analytics";
import { annotationsForAsset } from "@/lib/annotations/queries";
import { apiBars } from "@/lib/prices/api-bars";
import { sessionCloseFor } from "@/lib/prices/exchange-hours";
import { toColumns, type ChartEventInfo, type ChartPayload } from "@/lib/charts/chart-payload";
import { DEFAULT_RANGE_RULE } from "@/lib/charts/default-range";
import { eventLabel, sessionWindow } from "@/lib/charts/event-overlay";
import { db } from "@/lib/db/client";
import { day0Reason, firstSessionOnOrAfter, reactingSessionIndex } from "@/lib/prices/day-zero";
import { eventStudiesForAsset } from "@/lib/studies";
import type { DataSource } from "@/lib/enums";

export interface ChartAsset {
  id: number;
  symbol: string;
  name: string;
  currency: string;
  timeZone: string;
  exchange: string;
  assetClass: string;
  source: DataSource;
}

const CATEGORY: Record<string, string> = {
  SUMMIT: "Summit", DIPLOMACY: "Diplomacy", TREATY: "Treaty", MILITARY: "Military", SANCTIONS: "Sanctions",
  INTELLIGENCE: "Intelligence", UN: "UN", ECONOMIC: "Economic", OTHER: "Other",
};
const HYPOTHESIS = { UP: "Expected up", DOWN: "Expected down", UNCERTAIN: "Uncertain direction" } as const;

function clock(instant: Date, timeZone: string): string {
  const l = localDateTime(instant, timeZone);
  return `${l.date} ${l.time.slice(0, 5)}`;
}

export async function assetChartPayload(asset: ChartAsset): Promise<ChartPayload> {
  const [bars, studies, notes, assets] = await Promise.all([
    apiBars(asset.id),
    eventStudiesForAsset(asset.id),
    annotationsForAsset(asset.id),
    db().asset.findMany({ select: { symbol: true, name: true }, orderBy: { symbol: "asc" } }),
  ]);
  const sessions = bars.map((b) => b.date);
  const close = sessionCloseFor(asset);
  const config = resolveEventStudyConfig();
  const events = (studies?.rows ?? []).map((r, i): ChartEventInfo => {
    const occurredAt = new Date(r.event.occurredAt);
    const marker = { id: r.event.id, occurredAt, timePrecision: r.event.timePrecision };
    const own = reactingSessionIndex(marker, sessions, asset);
    const session = r.day0Session ?? (own >= 0 ? sessions[own]! : null);
    const car = r.cars.find((c) => c.window[0] === -1 && c.window[1] === 1);
    return {
      id: r.event.id,
      label: eventLabel(i),
      title: r.event.title,
      category: r.event.category,
      categoryLabel: CATEGORY[r.event.category] ?? r.event.category,
      severity: r.event.severity,
      direction: r.direction,
      hypothesis: HYPOTHESIS[r.direction],
      localTime: r.event.timePrecision === "DAY" ? `${r.eventDate} (${asset.timeZone})` : `${clock(occurredAt, asset.timeZone)} ${asset.timeZone}`,
      utcTime: r.event.timePrecision === "DAY" ? `${r.event.occurredAt.slice(0, 10)} UTC` : `${clock(occurredAt, "UTC")} UTC`,
      precision: r.event.timePrecision === "DAY" ? "known to the day" : "exact time",
      session,
      day0Reason: day0Reason(marker, session, close),
      car: car?.car ?? null,
      carP: car?.p ?? null,
      verdict: r.hypothesis,
      studyNote: r.status === "ok" ? null : r.summary,
      estimation: session ? sessionWindow(sessions, session, config.estimationWindow) : null,
      eventWindow: session ? sessionWindow(sessions, session, config.eventWindow) : null,
    };
  });
  return {
    symbol: asset.symbol,
    name: asset.name,
    currency: asset.currency,
    timeZone: asset.timeZone,
    synthetic: asset.source === "DEMO",
    bars: toColumns(bars),
    events,
    notes: notes.map((n) => {
      const i = firstSessionOnOrAfter(sessions, n.date);
      return { id: n.id, date: n.date, session: i >= 0 ? sessions[i]! : null, text: `${n.authorName ?? "note"}: ${n.body.split("\n")[0]!.slice(0, 140)}` };
    }),
    assets: assets.filter((a) => a.symbol !== asset.symbol),
    windows: { estimation: config.estimationWindow, event: config.eventWindow },
    defaultRangeRule: DEFAULT_RANGE_RULE,
  };
}
