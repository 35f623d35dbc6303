// Data-quality flags: what a reviewer should look at before trusting a series. Computed from the stored bars on
// read (and on CSV import), shown and exported, and never used to change a bar.
import { dayNumber } from "@/lib/dates";
import type { DailyBar } from "@/lib/market-data/provider";

export type QualityFlagCode =
  | "close_outside_range"
  | "open_outside_range"
  | "large_move"
  | "gap"
  | "non_positive"
  | "stale"
  /** A Yahoo download's "null" row (a holiday or a day without a print): skipped on import, listed here. */
  | "skipped_null_row";

/** What each kind of flag means, in the words a reviewer scans a list by (the message gives the figures). */
export const QUALITY_FLAG_KIND: Record<QualityFlagCode, string> = {
  close_outside_range: "close outside the day's range",
  open_outside_range: "open outside the day's range",
  large_move: "one-day move over 25 %",
  gap: "gap in the series",
  non_positive: "zero or negative price",
  stale: "series out of date",
  skipped_null_row: "empty (\"null\") row skipped",
};

export interface QualityFlag {
  date: string;
  code: QualityFlagCode;
  message: string;
}

export interface QualityOptions {
  /** A close-to-close move beyond this fraction is flagged (default 0.25). */
  largeMoveThreshold?: number;
  /** A gap of more than this many calendar days between bars is flagged (default 10: longer than any holiday). */
  maxGapDays?: number;
}

function percent(fraction: number): string {
  return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)}%`;
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// Checked field by field: an array per bar made the flags the slowest part of scanning 20 years of 50 assets.
const nonPositive = (v: number | null) => v !== null && v <= 0;

/** Flags per bar, in date order. `bars` must be sorted ascending by date. */
export function qualityFlags(bars: readonly DailyBar[], options: QualityOptions = {}): QualityFlag[] {
  const threshold = options.largeMoveThreshold ?? 0.25;
  const maxGapDays = options.maxGapDays ?? 10;
  const flags: QualityFlag[] = [];
  let previous: DailyBar | undefined;
  let previousDay = 0;
  for (const bar of bars) {
    const { date, open, high, low, close } = bar;
    const day = dayNumber(date);
    if (nonPositive(open) || nonPositive(high) || nonPositive(low) || close <= 0 || nonPositive(bar.adjClose)) {
      flags.push({ date, code: "non_positive", message: "A price on this day is zero or negative." });
    }
    if (high !== null && low !== null) {
      if (close < low || close > high) {
        flags.push({ date, code: "close_outside_range", message: `The close (${close}) is outside the day's low–high range (${low}–${high}).` });
      }
      if (open !== null && (open < low || open > high)) {
        flags.push({ date, code: "open_outside_range", message: `The open (${open}) is outside the day's low–high range (${low}–${high}).` });
      }
    }
    if (previous) {
      const gapDays = day - previousDay;
      if (gapDays > maxGapDays) {
        flags.push({ date, code: "gap", message: `No prices for ${gapDays} days before this date (since ${previous.date}).` });
      }
      // Adjusted closes when both bars have one, so a split or dividend in a raw series is not taken for a move.
      const useAdjusted = previous.adjClose !== null && bar.adjClose !== null;
      const from = useAdjusted ? (previous.adjClose as number) : previous.close;
      const to = useAdjusted ? (bar.adjClose as number) : close;
      const move = to / from - 1;
      if (from > 0 && Math.abs(move) > threshold) {
        flags.push({ date, code: "large_move", message: `The ${useAdjusted ? "adjusted close" : "close"} moved ${percent(move)} from ${previous.date}.` });
      }
    }
    previous = bar;
    previousDay = day;
  }
  return flags;
}

/** A series whose last bar is more than `maxDays` calendar days before `today` (default 7: a long weekend plus). */
export function staleFlag(lastDate: string | null, today: string, maxDays = 7): QualityFlag | null {
  if (!lastDate) return null;
  const age = daysBetween(lastDate, today);
  return age > maxDays ? { date: lastDate, code: "stale", message: `The last price is ${age} days old (${lastDate}).` } : null;
}
