// Prices with events: one row per asset × stored trading date with the bar, the return, the 20-session volatility, the
// data-quality flags and the events whose day 0 is that session. Written by PostgreSQL (COPY) and streamed, because it
// is the one report that reaches millions of rows; everything it computes is checked against lib/ in the tests
// (returns and volatility against lib/studies' risk panel, flags against lib/market-data/quality, day 0 against
// lib/studies' day-0 rule).
import "server-only";
import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";
import { ValidationError } from "@/lib/errors";
import { barCount } from "@/lib/prices/bars";
import { dayZeroOnChart } from "@/lib/prices/day-zero";
import { sessionsAfterExposedEvents } from "@/lib/prices/event-sessions";
import { barsWithPreviousSql, usablePricesSql } from "@/lib/prices/export-sql";
import { col, UNIT } from "./columns";
import { neutraliseSql } from "./csv-cells";
import { DATE_RANGE_ISSUE, dateRangeRefinement, optionalDate, symbolListSchema } from "./params";
import { copyCsvStream } from "./pg-copy-stream";
import { defineReport } from "./report";
import { slugPart } from "./filename";
import { readDb } from "@/lib/db/read-routing";

export const LARGE_MOVE = 0.25;
export const GAP_DAYS = 10;
export const VOLATILITY_WINDOW = 20;
export const ANNUALISATION_DAYS = 252;

export const pricesWithEventsSchema = z
  .object({
    assets: symbolListSchema.pipe(z.array(z.string()).min(1, "Choose at least one asset")),
    from: optionalDate,
    to: optionalDate,
  })
  .refine(dateRangeRefinement, DATE_RANGE_ISSUE);
export type PricesWithEventsParams = z.output<typeof pricesWithEventsSchema>;

export const PRICES_WITH_EVENTS_COLUMNS = [
  col("symbol", "text", UNIT.text, "The asset's symbol (Yahoo Finance symbol for Yahoo data)."),
  col("date", "date", UNIT.date, "Trading date in the asset's exchange time zone."),
  col("open", "number", "price in the asset's currency", "Opening price as stored; empty when the source gives none."),
  col("high", "number", "price in the asset's currency", "Session high as stored."),
  col("low", "number", "price in the asset's currency", "Session low as stored."),
  col("close", "number", "price in the asset's currency", "Closing price as stored (not adjusted)."),
  col("adj_close", "number", "price in the asset's currency", "Close adjusted for splits and dividends; empty when the source gives none."),
  col("volume", "number", "units traded", "Volume as stored; empty for FX and indices without volume."),
  col(
    "return",
    "number",
    UNIT.fraction,
    "Simple return of the adjusted close (the close when there is no adjusted close) since the asset's previous session with a usable price: P_t / P_{t−1} − 1. Empty on the first session and on sessions whose price is not positive.",
  ),
  col(
    "volatility_20d",
    "number",
    "annualised fraction (0.2 = 20 %)",
    `Realised volatility over the last ${VOLATILITY_WINDOW} log returns up to and including this session: √${ANNUALISATION_DAYS} × sample standard deviation (n − 1). Empty until ${VOLATILITY_WINDOW} returns exist. Same as the asset page's 20-day volatility.`,
  ),
  col(
    "quality_flags",
    "text",
    UNIT.list,
    `Data-quality flags of this bar, in this order: non_positive (a price ≤ 0), close_outside_range, open_outside_range (outside low–high), gap (more than ${GAP_DAYS} calendar days since the previous bar), large_move (adjusted close, or close, moved more than ${LARGE_MOVE * 100} % since the previous bar). Empty when none.`,
  ),
  col("event_count", "integer", "count", "Number of live events exposing this asset whose day 0 is this session."),
  col(
    "event_ids",
    "text",
    UNIT.list,
    "Ids of those events, oldest first. Day 0 is the first session whose close could reflect the event: for a date-only event the first session on or after its date; for a timed event the first session closing after it, in the exchange's time zone. When the asset's benchmark did not trade that session, day 0 is the next session both traded, as in the event studies (docs/methodology.md).",
  ),
  col("event_titles", "text", "titles separated by \" | \"", "Titles of those events, in the order of event_ids."),
  col("data_source", "text", "YAHOO | CSV | DEMO", "Where the asset's prices come from."),
  col("synthetic", "boolean", UNIT.bool, "true when the prices are synthetic demo data, not market prices."),
] as const;

interface ReportAsset {
  id: number;
  symbol: string;
  exchange: string;
  timeZone: string;
  assetClass: string;
}

export interface Day0 {
  eventId: number;
  assetId: number;
  date: string;
}

function intList(ids: readonly number[]): string {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${id}`);
  return ids.join(", ");
}

function dateLiteral(d: string): string {
  // Values reach here validated; checked again because COPY cannot take bind parameters.
  if (!isCalendarDate(d)) throw new Error(`not a date: ${d}`);
  return `'${d}'::date`;
}

/**
 * The SELECT the report streams. Assets are visited in the order given (by symbol) through a LATERAL subquery, so
 * PostgreSQL sorts one asset's sessions at a time (an incremental sort in memory) instead of the whole result on disk,
 * and the first rows leave before the last asset is read. Every window runs over the asset's history up to `to`;
 * rows before `from` are dropped afterwards, so the first rows of a range still get their return and volatility.
 */
export function pricesWithEventsSql(assetIds: readonly number[], range: { from?: string; to?: string }, day0: readonly Day0[]): string {
  const upTo = range.to ? ` AND date <= ${dateLiteral(range.to)}` : "";
  const day0Rows =
    day0.length > 0
      ? `VALUES ${day0.map((d) => `(${intList([d.eventId])}, ${intList([d.assetId])}, ${dateLiteral(d.date)})`).join(", ")}`
      : "SELECT NULL::int, NULL::int, NULL::date WHERE false";
  return `WITH day0 (event_id, asset_id, date) AS (${day0Rows}
), events AS (
  SELECT d.asset_id, d.date, count(*) AS n,
         string_agg(e.id::text, ';' ORDER BY e.occurred_at, e.id) AS ids,
         string_agg(e.title, ' | ' ORDER BY e.occurred_at, e.id) AS titles
  FROM day0 d JOIN event e ON e.id = d.event_id
  GROUP BY d.asset_id, d.date
)
SELECT ${neutraliseSql("a.symbol")} AS symbol, b.date, b.open, b.high, b.low, b.close, b.adj_close, b.volume,
       b.ret AS "return", b.vol AS volatility_20d, b.quality_flags,
       COALESCE(b.event_count, 0) AS event_count, b.event_ids, ${neutraliseSql("b.event_titles")} AS event_titles,
       a.source::text AS data_source, CASE WHEN a.source = 'DEMO' THEN 'true' ELSE 'false' END AS synthetic
FROM unnest(ARRAY[${intList(assetIds)}]::int[]) WITH ORDINALITY AS s(asset_id, ord)
CROSS JOIN LATERAL (SELECT symbol, source FROM asset WHERE id = s.asset_id) a
CROSS JOIN LATERAL (
  SELECT bw.date, bw.open, bw.high, bw.low, bw.close, bw.adj_close, bw.volume, v.ret, v.vol,
         concat_ws(';',
           CASE WHEN bw.open <= 0 OR bw.high <= 0 OR bw.low <= 0 OR bw.close <= 0 OR bw.adj_close <= 0 THEN 'non_positive' END,
           CASE WHEN bw.high IS NOT NULL AND bw.low IS NOT NULL AND (bw.close < bw.low OR bw.close > bw.high) THEN 'close_outside_range' END,
           CASE WHEN bw.high IS NOT NULL AND bw.low IS NOT NULL AND (bw.open < bw.low OR bw.open > bw.high) THEN 'open_outside_range' END,
           CASE WHEN bw.date - bw.prev_date > ${GAP_DAYS} THEN 'gap' END,
           CASE WHEN CASE WHEN bw.prev_adj IS NOT NULL AND bw.adj_close IS NOT NULL
                          THEN bw.prev_adj > 0 AND abs(bw.adj_close / NULLIF(bw.prev_adj, 0) - 1) > ${LARGE_MOVE}
                          ELSE bw.prev_close > 0 AND abs(bw.close / NULLIF(bw.prev_close, 0) - 1) > ${LARGE_MOVE} END
                THEN 'large_move' END) AS quality_flags,
         ev.n AS event_count, ev.ids AS event_ids, ev.titles AS event_titles
  FROM (
    ${barsWithPreviousSql("s.asset_id", upTo)}
  ) bw
  LEFT JOIN (
    SELECT date, ret,
           CASE WHEN count(lr) OVER v = ${VOLATILITY_WINDOW} THEN sqrt(${ANNUALISATION_DAYS}::float8) * stddev_samp(lr) OVER v END AS vol
    FROM (
      SELECT date, p / lag(p) OVER w - 1 AS ret, ln(p / lag(p) OVER w) AS lr
      FROM (${usablePricesSql("s.asset_id", upTo)}) u
      WINDOW w AS (ORDER BY date)
    ) r
    WINDOW v AS (ORDER BY date ROWS BETWEEN ${VOLATILITY_WINDOW - 1} PRECEDING AND CURRENT ROW)
  ) v ON v.date = bw.date
  LEFT JOIN events ev ON ev.asset_id = s.asset_id AND ev.date = bw.date${range.from ? `
  WHERE bw.date >= ${dateLiteral(range.from)}` : ""}
) b
ORDER BY s.ord, b.date`;
}

async function resolveAssets(symbols: readonly string[]): Promise<ReportAsset[]> {
  const found = await readDb().asset.findMany({
    where: { symbol: { in: [...symbols] } },
    select: { id: true, symbol: true, exchange: true, timeZone: true, assetClass: true },
    orderBy: { symbol: "asc" },
  });
  const missing = symbols.filter((s) => !found.some((a) => a.symbol === s));
  if (missing.length > 0) throw new ValidationError({ assets: [`Unknown asset${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`] });
  return found;
}

/**
 * Day 0 of every live event exposing these assets, by the one rule of the event studies, event page and API
 * (`dayZero` in lib/analytics): the first session whose close could reflect the event, moved to the next session the
 * asset's benchmark traded too. Applied to the first usable sessions from the day before the event's UTC date
 * (lib/prices/event-sessions.ts).
 */
export async function day0Sessions(assets: readonly ReportAsset[], to?: string): Promise<Day0[]> {
  if (assets.length === 0) return [];
  const rows = await sessionsAfterExposedEvents(assets.map((a) => a.id));
  const byId = new Map(assets.map((a) => [a.id, a]));
  const out: Day0[] = [];
  for (const r of rows) {
    const asset = byId.get(r.assetId)!;
    const date = dayZeroOnChart({ id: r.eventId, occurredAt: r.occurredAt, timePrecision: r.timePrecision }, r.sessions, asset, r.benchmark)?.date;
    if (date && (!to || date <= to)) out.push({ eventId: r.eventId, assetId: r.assetId, date });
  }
  return out;
}

export const pricesWithEventsReport = defineReport({
  slug: "prices-with-events",
  title: "Prices with events",
  description: "Daily bars of the chosen assets with returns, 20-day volatility, data-quality flags and the events whose day 0 falls on each session.",
  grain: "asset × trading date",
  columns: PRICES_WITH_EVENTS_COLUMNS,
  schema: pricesWithEventsSchema,
  async run(params) {
    const assets = await resolveAssets(params.assets);
    const day0 = await day0Sessions(assets, params.to);
    const sql = pricesWithEventsSql(
      assets.map((a) => a.id),
      params,
      day0,
    );
    return {
      subject: [slugPart(assets.map((a) => a.symbol).join("-"), 60), params.from, params.to].filter(Boolean).join("-"),
      assetIds: assets.map((a) => a.id),
      body: ({ bom }) => copyCsvStream(sql, { bom }),
      async rowCount() {
        return barCount(assets.map((a) => a.id), params.from, params.to);
      },
      settings: {
        returns: "simple returns of adjusted closes",
        volatility: `${VOLATILITY_WINDOW} log returns, sample sd, × √${ANNUALISATION_DAYS}`,
        qualityFlags: { largeMove: LARGE_MOVE, gapDays: GAP_DAYS },
        day0: "first session whose close could reflect the event, on a session the asset's benchmark traded too (dayZero)",
      },
    };
  },
});
