// Data for the overview page, read from PostgreSQL once per request and derived in memory: the watchlist, the KPI
// cards, the largest recent moves around events and the event-intensity series.
import "server-only";
import { addDays, isoDate } from "@/lib/dates";
import { reactingSessionIndex } from "@/lib/prices/day-zero";
import { freshnessByExchange, type ExchangeFreshness } from "./freshness";
import { loadAdjustedCloses, type PriceSeries } from "@/lib/prices/adjusted-closes";
import { logReturns, rollingVolatility } from "@/lib/analytics";
import { weeklyIntensity, weeklyLast, type WeeklyIntensity } from "./intensity";
import { watchlistRow, type WatchlistRow } from "./watchlist";
import { readQuery } from "@/lib/db/read-routing";
import type { DataSource, Direction, TimePrecision } from "@/lib/enums";

export interface WatchlistEntry extends WatchlistRow {
  id: number;
  symbol: string;
  name: string;
  currency: string;
  source: DataSource;
  exposed: boolean;
  refreshError: string | null;
}

export interface EventMove {
  eventId: number;
  title: string;
  date: string;
  symbol: string;
  direction: Direction;
  /** Simple return from the close before day 0 to the close of day +1 (two sessions), adjusted closes. */
  move: number;
  /** Whether the move went the way the exposure's hypothesis said (an uncertain direction or a flat move: neither). */
  agreement: "agrees" | "disagrees" | "neither";
}

/** The most frequent last-bar date of the watchlist (the later one on a tie): the date its returns are read at. */
export function commonLastDate(dates: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const d of dates) if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: string | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && d > best)) best = d;
  return best;
}

function agreementOf(direction: EventMove["direction"], move: number): EventMove["agreement"] {
  if (direction === "UNCERTAIN" || move === 0) return "neither";
  return (direction === "UP") === move > 0 ? "agrees" : "disagrees";
}

export interface OverviewData {
  today: string;
  watchlist: WatchlistEntry[];
  eventCounts: { days: 30 | 90; total: number; byCategory: Record<string, number> }[];
  elevated: WatchlistEntry[];
  moves: EventMove[];
  freshness: { latest: string | null; stale: string[]; failing: string[]; synthetic: boolean; exchanges: ExchangeFreshness[] };
  /** The last-bar date most watchlist rows share; rows ending elsewhere have returns over other dates. */
  watchlistDate: string | null;
  intensity: (WeeklyIntensity & { vol20: number | null })[];
  intensitySymbol: string | null;
  lastEventDate: string | null;
  /** Calendar days from the latest event to today. */
  lastEventDaysAgo: number | null;
}

interface OverviewAsset {
  id: number;
  symbol: string;
  name: string;
  currency: string;
  source: DataSource;
  exchange: string;
  timeZone: string;
  assetClass: string;
  refreshError: string | null;
  /** Linked to at least one event (deleted ones included, as the exposure rows are). */
  exposed: boolean;
}

interface OverviewEvent {
  id: number;
  title: string;
  occurredAt: Date;
  /** occurredAt's UTC calendar date, YYYY-MM-DD (what the counts, the intensity and the lists go by). */
  date: string;
  timePrecision: TimePrecision;
  category: string;
  severity: number;
  exposures: { assetId: number; direction: Direction }[];
}

function overviewAssets(): Promise<OverviewAsset[]> {
  return readQuery<OverviewAsset>(
    `SELECT a.id, a.symbol, a.name, a.currency, a.source::text AS source, a.exchange, a.time_zone AS "timeZone",
       a.asset_class::text AS "assetClass", a.refresh_error AS "refreshError",
       EXISTS (SELECT 1 FROM exposure x WHERE x.asset_id = a.id) AS exposed
     FROM asset a WHERE a.deleted_at IS NULL ORDER BY a.symbol`,
  ).then((r) => r.rows);
}

/** Every live event, newest first, with its exposures aggregated in the same query. */
function overviewEvents(): Promise<OverviewEvent[]> {
  return readQuery<OverviewEvent>(
    `SELECT e.id, e.title, e.occurred_at AS "occurredAt", to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, e.time_precision::text AS "timePrecision", e.category::text AS category, e.severity,
       COALESCE(json_agg(json_build_object('assetId', x.asset_id, 'direction', x.direction) ORDER BY x.id) FILTER (WHERE x.id IS NOT NULL), '[]') AS exposures
     FROM event e LEFT JOIN exposure x ON x.event_id = e.id
     WHERE e.deleted_at IS NULL
     GROUP BY e.id
     ORDER BY e.occurred_at DESC, e.id DESC`,
  ).then((r) => r.rows);
}

function moveAround(series: PriceSeries, day0: number): number | null {
  if (day0 < 1 || day0 + 1 >= series.values.length) return null;
  return (series.values[day0 + 1] as number) / (series.values[day0 - 1] as number) - 1;
}

export async function overviewData(options: { now?: Date; intensitySymbol?: string } = {}): Promise<OverviewData> {
  const now = options.now ?? new Date();
  const today = isoDate(now);
  const [assets, events] = await Promise.all([overviewAssets(), overviewEvents()]);
  // Two years of sessions cover the watchlist (20d vol against its 252-session history) and the intensity chart;
  // the window also reaches back to the oldest of the 25 latest events, whose moves are listed.
  const recent = events.slice(0, 25).at(-1);
  const from = [addDays(today, -800), recent ? addDays(recent.date, -14) : today].sort()[0];
  const series = await loadAdjustedCloses(assets.map((a) => a.id), undefined, from);
  const watchlist: WatchlistEntry[] = assets.map((a) => ({
    id: a.id,
    symbol: a.symbol,
    name: a.name,
    currency: a.currency,
    source: a.source,
    exposed: a.exposed,
    refreshError: a.refreshError,
    ...watchlistRow(series.get(a.id)!),
  }));

  const eventCounts = ([30, 90] as const).map((days) => {
    const since = addDays(today, -days);
    const inWindow = events.filter((e) => e.date > since && e.date <= today);
    const byCategory: Record<string, number> = {};
    for (const e of inWindow) byCategory[e.category] = (byCategory[e.category] ?? 0) + 1;
    return { days, total: inWindow.length, byCategory };
  });

  const byId = new Map(assets.map((a) => [a.id, a]));
  const moves: EventMove[] = [];
  for (const e of events.slice(0, 25)) {
    for (const x of e.exposures) {
      const asset = byId.get(x.assetId);
      const s = series.get(x.assetId);
      if (!asset || !s) continue;
      const day0 = reactingSessionIndex(e, s.dates, asset);
      const move = day0 >= 0 ? moveAround(s, day0) : null;
      if (move !== null) {
        moves.push({ eventId: e.id, title: e.title, date: e.date, symbol: asset.symbol, direction: x.direction, move, agreement: agreementOf(x.direction, move) });
      }
    }
  }
  moves.sort((a, b) => Math.abs(b.move) - Math.abs(a.move));

  // Weekly severity-weighted event counts against the chosen asset's 20-session volatility.
  function intensityAgainstVolatility() {
    const weeks = weeklyIntensity(events, firstWeek, lastEventDate ?? today);
    const chosen = assets.find((a) => a.symbol === options.intensitySymbol) ?? assets.find((a) => a.symbol === "^KS11") ?? assets[0];
    const s = chosen ? series.get(chosen.id) : undefined;
    const vol = s && s.values.length > 21 ? rollingVolatility(logReturns(s.values), 20) : new Float64Array(0);
    const sampled = s ? weeklyLast(s.dates.slice(1), vol, weeks.map((w) => w.week)) : weeks.map(() => null);
    return { intensity: weeks.map((w, i) => ({ ...w, vol20: sampled[i] ?? null })), intensitySymbol: chosen?.symbol ?? null };
  }

  const lastDates = watchlist.map((w) => w.lastDate).filter((d): d is string => d !== null).sort();
  const lastEventDate = events[0]?.date ?? null;
  const firstWeek = addDays(lastEventDate ?? today, -730);
  const exchanges = freshnessByExchange(
    assets.map((a) => ({ symbol: a.symbol, exchange: a.exchange, timeZone: a.timeZone, assetClass: a.assetClass, lastDate: watchlist.find((w) => w.id === a.id)?.lastDate ?? null })),
    now,
  );
  return {
    today,
    watchlist,
    eventCounts,
    elevated: watchlist.filter((w) => w.exposed && w.volZ !== null && w.volZ > 2),
    moves: moves.slice(0, 6),
    freshness: {
      latest: lastDates.at(-1) ?? null,
      stale: exchanges.flatMap((x) => x.stale.map((s) => s.symbol)),
      failing: watchlist.filter((w) => w.refreshError).map((w) => w.symbol),
      synthetic: watchlist.some((w) => w.source === "DEMO"),
      exchanges,
    },
    watchlistDate: commonLastDate(watchlist.map((w) => w.lastDate)),
    ...intensityAgainstVolatility(),
    lastEventDate,
    lastEventDaysAgo: lastEventDate ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastEventDate}T00:00:00Z`)) / 86_400_000) : null,
  };
}
