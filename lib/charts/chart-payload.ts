// What the server hands the client price chart: the series once, in columns (small to send, quick to turn into
// chart rows), and every event and note with what its tooltip says. Client-safe types only.
import type { Direction } from "@/lib/enums";

export type ChartStyle = "line" | "candles" | "area";

/** Daily bars in columns; `open`/`high`/`low`/`volume` are null where the source has no value. */
export interface BarColumns {
  dates: string[];
  open: (number | null)[];
  high: (number | null)[];
  low: (number | null)[];
  close: number[];
  adjClose: number[];
  volume: (number | null)[];
}

export interface ChartEventInfo {
  id: number;
  label: string;
  title: string;
  category: string;
  categoryLabel: string;
  severity: number;
  direction: Direction;
  /** "Expected up" … */
  hypothesis: string;
  /** Event time on the exchange clock and in UTC, ready to print. */
  localTime: string;
  utcTime: string;
  precision: string;
  session: string | null;
  day0Reason: string;
  /** CAR[−1, +1] as a fraction, its p-value and the hypothesis verdict (confirmed / contradicted / inconclusive). */
  car: number | null;
  carP: number | null;
  verdict: "confirmed" | "contradicted" | "inconclusive" | null;
  /** When the study could not run: why. */
  studyNote: string | null;
  estimation: { from: string; to: string } | null;
  eventWindow: { from: string; to: string } | null;
}

export interface ChartNoteInfo {
  id: number;
  session: string | null;
  date: string;
  text: string;
}

export interface ChartPayload {
  symbol: string;
  name: string;
  currency: string;
  timeZone: string;
  synthetic: boolean;
  bars: BarColumns;
  events: ChartEventInfo[];
  notes: ChartNoteInfo[];
  /** Stored assets the compare picker offers. */
  assets: { symbol: string; name: string }[];
  windows: { estimation: readonly [number, number]; event: readonly [number, number] };
  defaultRangeRule: string;
}

/** Turns row-shaped bars into columns. */
export function toColumns(rows: readonly { date: string; open: number | null; high: number | null; low: number | null; close: number; adjClose: number | null; volume: number | null }[]): BarColumns {
  const c: BarColumns = { dates: [], open: [], high: [], low: [], close: [], adjClose: [], volume: [] };
  for (const r of rows) {
    c.dates.push(r.date);
    c.open.push(r.open);
    c.high.push(r.high);
    c.low.push(r.low);
    c.close.push(r.close);
    c.adjClose.push(r.adjClose ?? r.close);
    c.volume.push(r.volume);
  }
  return c;
}
