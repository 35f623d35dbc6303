// Data for the overview page, read from PostgreSQL once per request and derived in memory: the watchlist, the KPI
// cards, the largest recent moves around events and the event-intensity series.
import "server-only";
import { addDays, dayNumber, isoDate } from "@/lib/dates";
import { reactingSessionIndex } from "@/lib/prices/day-zero";
import { freshnessByExchange, type ExchangeFreshness } from "./freshness";
import { loadAdjustedCloses, type PriceSeries } from "@/lib/prices/adjusted-closes";
import { logReturns, rollingVolatility } from "@/lib/analytics";
import { everyWeek, weeklyLast, type WeeklyIntensity } from "./intensity";
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

/** How many of the latest events the overview lists moves for. */
const LATEST_EVENTS = 25;

interface EventSummary {
  /** The latest live events, newest first, with their exposures. */
  latest: OverviewEvent[];
  /** Live events by category over the 90 and the 30 days up to `today` (by UTC date). */
  counts: { category: string; d30: number; d90: number }[];
  /** Weeks (Monday) with at least one live event, from the Monday 730 days before the latest event's date up to it. */
  weeks: WeeklyIntensity[];
}

/** The statement behind eventSummary: $1 today (YYYY-MM-DD), $2 how many latest events. The load suite's peer runs it too. */
export const EVENT_SUMMARY_SQL = `WITH live AS (
       SELECT e.id, e.severity, e.category, (e.occurred_at AT TIME ZONE 'UTC')::date AS day FROM event e WHERE e.deleted_at IS NULL
     ), newest AS (SELECT max(day) AS last_day FROM live)
     SELECT
       (SELECT COALESCE(json_agg(l ORDER BY l."occurredAt" DESC, l.id DESC), '[]'::json) FROM (
          SELECT e.id, e.title, e.occurred_at AS "occurredAt",
                 to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, e.time_precision AS "timePrecision", e.category, e.severity,
                 COALESCE((SELECT json_agg(json_build_object('assetId', x.asset_id, 'direction', x.direction) ORDER BY x.id) FROM exposure x WHERE x.event_id = e.id), '[]'::json) AS exposures
          FROM event e WHERE e.deleted_at IS NULL ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2::int) l) AS latest,
       (SELECT json_agg(c) FROM (
          SELECT category, (count(*) FILTER (WHERE day > $1::date - 30))::int AS d30, count(*)::int AS d90
          FROM live WHERE day > $1::date - 90 AND day <= $1::date GROUP BY category) c) AS counts,
       (SELECT json_agg(w ORDER BY w.week) FROM (
          SELECT to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') AS week, count(*)::int AS events, sum(severity)::int AS intensity
          FROM live, newest WHERE day >= date_trunc('week', (newest.last_day - 730)::timestamp)::date AND day <= newest.last_day GROUP BY 1) w) AS weeks`;

/**
 * What the overview needs from the event log, in one statement whatever the log's size: the latest events with their
 * exposures, the counts by category and the weekly severity sums, aggregated by PostgreSQL rather than read event by
 * event (a view read every event before: its cost grew with the log).
 */
async function eventSummary(today: string): Promise<EventSummary> {
  const { rows } = await readQuery<{ latest: (Omit<OverviewEvent, "occurredAt"> & { occurredAt: string })[]; counts: EventSummary["counts"] | null; weeks: WeeklyIntensity[] | null }>(
    EVENT_SUMMARY_SQL,
    [today, LATEST_EVENTS],
  );
  const row = rows[0]!;
  return {
    latest: row.latest.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })),
    counts: row.counts ?? [],
    weeks: row.weeks ?? [],
  };
}

function moveAround(series: PriceSeries, day0: number): number | null {
  if (day0 < 1 || day0 + 1 >= series.values.length) return null;
  return (series.values[day0 + 1] as number) / (series.values[day0 - 1] as number) - 1;
}

export async function overviewData(options: { now?: Date; intensitySymbol?: string } = {}): Promise<OverviewData> {
  const now = options.now ?? new Date();
  const today = isoDate(now);
  const [assets, { latest: events, counts, weeks: eventWeeks }] = await Promise.all([overviewAssets(), eventSummary(today)]);
  // Two years of sessions cover the watchlist (20d vol against its 252-session history) and the intensity chart;
  // the window also reaches back to the oldest of the 25 latest events, whose moves are listed.
  const recent = events.at(-1);
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
    const byCategory: Record<string, number> = {};
    for (const c of counts) {
      const n = days === 30 ? c.d30 : c.d90;
      if (n > 0) byCategory[c.category] = n;
    }
    return { days, total: Object.values(byCategory).reduce((a, b) => a + b, 0), byCategory };
  });

  const byId = new Map(assets.map((a) => [a.id, a]));
  const moves: EventMove[] = [];
  for (const e of events) {
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
    const weeks = everyWeek(eventWeeks, firstWeek, lastEventDate ?? today);
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
    lastEventDaysAgo: lastEventDate ? dayNumber(today) - dayNumber(lastEventDate) : null,
  };
}
