// One-sentence text summaries of charts, for `aria-describedby`: what a sighted reader takes in at a glance (the
// series, its span, how many events it marks and its largest move), computed from the data the chart draws.
// Pure: no I/O, no clock.

export interface SeriesPoint {
  date: string;
  value: number | null;
}

/** "−8.8 %" with a real minus sign, as a screen reader says "minus". */
export function signedPercent(fraction: number, digits = 1): string {
  const text = `${Math.abs(fraction * 100).toFixed(digits)} %`;
  if (Number(Math.abs(fraction * 100).toFixed(digits)) === 0) return text;
  return fraction < 0 ? `−${text}` : `+${text}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The largest one-step move of a price series (simple return between consecutive defined points), by absolute size;
 * null with fewer than two usable points.
 */
export function largestMove(points: readonly SeriesPoint[]): { date: string; change: number } | null {
  let best: { date: string; change: number } | null = null;
  let prev: number | null = null;
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    if (prev !== null && prev !== 0) {
      const change = p.value / prev - 1;
      if (best === null || Math.abs(change) > Math.abs(best.change)) best = { date: p.date, change };
    }
    prev = p.value;
  }
  return best;
}

/**
 * "KOSPI, 2023-06-01 to 2025-06-30, 9 events; largest move −8.8 % on 2024-08-05": a price chart with event markers.
 * `events` is how many markers the chart shows.
 */
export function priceChartSummary(name: string, points: readonly SeriesPoint[], events: number): string {
  const defined = points.filter((p) => p.value !== null && Number.isFinite(p.value));
  if (defined.length === 0) return `${name}: no prices in this window.`;
  const span = `${defined[0]!.date} to ${defined[defined.length - 1]!.date}`;
  const move = largestMove(defined);
  const moveText = move ? `; largest move ${signedPercent(move.change)} on ${move.date}` : "";
  return `${name}, ${span}, ${plural(events, "event")}${moveText}.`;
}

/** Extremes of a series other than prices (volatility, cumulative abnormal return…): "highest 31.2 % on …". */
export function extremesSummary(
  name: string,
  points: readonly SeriesPoint[],
  format: (v: number) => string,
  events?: number,
): string {
  const defined = points.filter((p): p is { date: string; value: number } => p.value !== null && Number.isFinite(p.value));
  if (defined.length === 0) return `${name}: no data in this window.`;
  let hi = defined[0]!;
  let lo = defined[0]!;
  for (const p of defined) {
    if (p.value > hi.value) hi = p;
    if (p.value < lo.value) lo = p;
  }
  const eventText = events === undefined ? "" : `, ${plural(events, "event")}`;
  return `${name}, ${defined[0]!.date} to ${defined[defined.length - 1]!.date}${eventText}; highest ${format(hi.value)} on ${hi.date}, lowest ${format(lo.value)} on ${lo.date}.`;
}

/**
 * An abnormal-return path in event time: "KOSPI CAR, τ −10 to +10: +1.2 % at the end; lowest −0.8 % at τ +2,
 * highest +1.5 % at τ +9."
 */
export function eventPathSummary(name: string, points: readonly { tau: number; value: number | null }[]): string {
  const defined = points.filter((p): p is { tau: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (defined.length === 0) return `${name}: no data in the event window.`;
  const tau = (t: number) => (t > 0 ? `+${t}` : t < 0 ? `−${-t}` : "0");
  let hi = defined[0]!;
  let lo = defined[0]!;
  for (const p of defined) {
    if (p.value > hi.value) hi = p;
    if (p.value < lo.value) lo = p;
  }
  const last = defined[defined.length - 1]!;
  return `${name}, τ ${tau(defined[0]!.tau)} to ${tau(last.tau)}: ${signedPercent(last.value, 2)} at the end; lowest ${signedPercent(lo.value, 2)} at τ ${tau(lo.tau)}, highest ${signedPercent(hi.value, 2)} at τ ${tau(hi.tau)}.`;
}

/** The event timeline: "21 events from 2023-09-13 to 2025-06-17; the most severe (5): …". */
export function timelineSummary(events: readonly { date: string; severity: number; title: string }[]): string {
  if (events.length === 0) return "No events.";
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const top = Math.max(...events.map((e) => e.severity));
  const severest = sorted.filter((e) => e.severity === top);
  const named = severest.slice(0, 3).map((e) => `${e.title} (${e.date})`).join("; ");
  const more = severest.length > 3 ? ` and ${severest.length - 3} more` : "";
  return `${plural(events.length, "event")} from ${sorted[0]!.date} to ${sorted[sorted.length - 1]!.date}; severity ${top}, the highest: ${named}${more}.`;
}
