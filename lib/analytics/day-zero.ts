// Day 0 of an event for an asset: ONE rule for the asset page, the event page, the theme page, the reports and the API.
//
// The asset's first session that can react (its exchange's calendar, `firstReactingSession`) is where the event hits the
// asset. An abnormal return, though, needs the benchmark's return on the same date, so day 0 is the first date on or
// after that session on which the asset AND its benchmark traded. When the benchmark did not trade on the asset's
// session (19 June 2024 was a US holiday, Juneteenth, while Seoul traded), day 0 moves to the next common session and
// its return spans every asset session since the previous common one. Views say so in words (`describeDayZero`).
import { firstReactingSession } from "./event-time";
import { hasDate, lowerBound } from "./sorted-dates";

export interface DayZeroEvent {
  /** ISO instant. */
  occurredAt: string;
  timePrecision: "EXACT" | "DAY";
}

export interface DayZero {
  /** The asset's first reacting session on its own calendar. */
  assetSession: string;
  /** Day 0 everywhere: the first session on or after `assetSession` that the benchmark traded too. */
  date: string;
  benchmarkSymbol: string | null;
  /** Asset sessions the day-0 return spans: those after the previous common session, up to `date`. */
  spannedAssetSessions: string[];
  /** True when the benchmark's calendar moved day 0 off the asset's session. */
  movedByBenchmark: boolean;
}

/**
 * Day 0 of `event` for an asset with ascending `assetSessions`, its exchange's close (`HH:MM` in `timeZone`), and its
 * benchmark's ascending sessions (null for a study without a benchmark). Null when no session reacts yet (event after
 * the data). Binary searches only: an asset page places every exposed event's day 0 for every other event's placebo,
 * hundreds of thousands of calls with a few hundred events.
 */
export function dayZero(
  event: DayZeroEvent,
  assetSessions: readonly string[],
  exchange: { timeZone: string; close: string },
  benchmark: { symbol: string; sessions: readonly string[] } | null,
): DayZero | null {
  const i = firstReactingSession(event.occurredAt, event.timePrecision, assetSessions, exchange.timeZone, exchange.close);
  if (i === null) return null;
  const assetSession = assetSessions[i] as string;
  if (!benchmark) return { assetSession, date: assetSession, benchmarkSymbol: null, spannedAssetSessions: [assetSession], movedByBenchmark: false };
  const traded = (d: string) => hasDate(benchmark.sessions, d);
  let k = i;
  while (k < assetSessions.length && !traded(assetSessions[k] as string)) k++;
  if (k >= assetSessions.length) return null;
  const date = assetSessions[k] as string;
  // The previous common session: the day-0 return runs from its close to day 0's close.
  let prev = i - 1;
  while (prev >= 0 && !traded(assetSessions[prev] as string)) prev--;
  const from = prev >= 0 ? prev + 1 : lowerBound(assetSessions, assetSession);
  const spanned = assetSessions.slice(Math.min(from, i), k + 1) as string[];
  return { assetSession, date, benchmarkSymbol: benchmark.symbol, spannedAssetSessions: spanned, movedByBenchmark: k !== i };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "19 June" (with the year when the two dates differ in year). */
function dayMonth(date: string, withYear = false): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ""}`;
}

/**
 * The disclosure every view shows when the benchmark moved day 0, e.g. "19 June is not a ^GSPC session: day 0 is 20
 * June and its abnormal return spans 2 sessions of ^KS11". Null when day 0 is the asset's own session.
 */
export function describeDayZero(dz: DayZero, assetSymbol: string): string | null {
  if (!dz.movedByBenchmark || !dz.benchmarkSymbol) return null;
  const years = dz.assetSession.slice(0, 4) !== dz.date.slice(0, 4);
  const n = dz.spannedAssetSessions.length;
  return `${dayMonth(dz.assetSession, years)} is not a ${dz.benchmarkSymbol} session: day 0 is ${dayMonth(dz.date, years)} and its abnormal return spans ${n} session${n === 1 ? "" : "s"} of ${assetSymbol}.`;
}

/** Dates in [from, to] (inclusive, YYYY-MM-DD) of an ascending list: the dropped sessions inside a window. */
export function datesWithin(dates: readonly string[], from: string, to: string): string[] {
  return dates.filter((d) => d >= from && d <= to);
}
