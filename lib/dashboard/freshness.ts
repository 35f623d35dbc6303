// Whether each stored series is up to date, judged against its own exchange's calendar: a Seoul index is due a bar
// for today once Seoul's session has closed, a New York one only after New York's close, and nobody is due a bar on a
// weekend. Exchange holidays are not known here, so a series counts as stale only after missing more sessions than a
// holiday and a late refresh explain. Pure: the caller passes `now`.
import { localDateTime } from "@/lib/analytics";
import { addDays } from "@/lib/dates";
import { sessionCloseFor, type SessionClose } from "@/lib/prices/exchange-hours";

/** More weekday sessions than this missing after the last bar, and the series is stale. */
export const MAX_MISSED_SESSIONS = 2;

export interface FreshnessAsset {
  symbol: string;
  exchange: string;
  timeZone: string;
  assetClass?: string;
  lastDate: string | null;
}

export interface StaleSeries {
  symbol: string;
  lastDate: string | null;
  /** Weekday sessions after the last bar up to the expected one (null without any bar). */
  missed: number | null;
}

export interface ExchangeFreshness {
  /** The venue as the session-close table names it ("KRX regular session"). */
  venue: string;
  timeZone: string;
  /** The latest session that has closed on this exchange by `now` (weekdays). */
  expected: string;
  /** The latest bar stored for any of its series. */
  latest: string | null;
  symbols: string[];
  stale: StaleSeries[];
}

const isWeekday = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/** The latest weekday session whose close has passed at `now`, in the exchange's own zone. */
export function lastClosedSession(now: Date, close: Pick<SessionClose, "close" | "timeZone">): string {
  const local = localDateTime(now, close.timeZone);
  let d = local.time >= `${close.close}:00` ? local.date : addDays(local.date, -1);
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

/** Weekday sessions strictly after `lastDate` up to and including `expected`. */
export function missedSessions(lastDate: string, expected: string): number {
  let n = 0;
  for (let d = addDays(lastDate, 1); d <= expected; d = addDays(d, 1)) if (isWeekday(d)) n++;
  return n;
}

/** One entry per exchange (by its session close), in the order of first appearance, naming the stale series. */
export function freshnessByExchange(assets: readonly FreshnessAsset[], now: Date): ExchangeFreshness[] {
  const out = new Map<string, ExchangeFreshness>();
  for (const a of assets) {
    const close = sessionCloseFor(a);
    const key = `${close.basis}|${close.timeZone}`;
    let entry = out.get(key);
    if (!entry) {
      entry = { venue: close.basis, timeZone: close.timeZone, expected: lastClosedSession(now, close), latest: null, symbols: [], stale: [] };
      out.set(key, entry);
    }
    entry.symbols.push(a.symbol);
    if (a.lastDate && (entry.latest === null || a.lastDate > entry.latest)) entry.latest = a.lastDate;
    const missed = a.lastDate ? missedSessions(a.lastDate, entry.expected) : null;
    if (missed === null || missed > MAX_MISSED_SESSIONS) entry.stale.push({ symbol: a.symbol, lastDate: a.lastDate, missed });
  }
  return [...out.values()];
}
