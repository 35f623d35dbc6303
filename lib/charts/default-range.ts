// Which range the asset chart opens on when the link names none: the shortest preset that shows the latest events.
import { RANGES, rangeStart, type RangeKey } from "@/lib/charts/ranges";

/** How many of the latest placed events the opening range must show. */
export const LATEST_EVENTS_IN_VIEW = 3;
export const DEFAULT_RANGE_RULE =
  `The chart opens on the shortest range preset (from 1M) that, counted back from the last session, shows the ${LATEST_EVENTS_IN_VIEW} latest events exposing the asset; 1Y when none can be placed on the series.`;

/**
 * The shortest preset whose window ending at `lastSession` contains the day-0 sessions of the latest
 * LATEST_EVENTS_IN_VIEW events (fewer when there are fewer). `eventSessions` need not be sorted; nulls (events the
 * series cannot place) and sessions after the last one are ignored. Falls back to 1Y with no event or no prices.
 */
export function defaultRange(eventSessions: readonly (string | null)[], lastSession: string | null): RangeKey {
  if (!lastSession) return "1Y";
  const placed = eventSessions.filter((s): s is string => s !== null && s <= lastSession).sort();
  if (placed.length === 0) return "1Y";
  const oldestNeeded = placed[Math.max(0, placed.length - LATEST_EVENTS_IN_VIEW)]!;
  for (const r of RANGES) {
    const start = rangeStart(r, lastSession);
    if (start === undefined || start <= oldestNeeded) return r;
  }
  return "MAX";
}
