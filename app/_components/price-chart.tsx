"use client";

import { useRouter } from "next/navigation";
import { eventMarkerShape } from "./event-marker";
import { Brush, CartesianGrid, Legend, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One row per session: the main series under `close`, comparison series (rebased) under their symbols. */
export type ChartPoint = { date: string; close: number } & Record<string, number | string | null>;

export interface ChartMarker {
  id: number;
  date: string;
  close: number;
  title: string;
  label: string;
}

/** A note pinned to the asset at a date: drawn as a violet diamond on that session. */
export interface ChartNote {
  id: number;
  date: string;
  close: number;
  text: string;
}

export interface ComparisonSeries {
  key: string;
  label: string;
}

const COLORS = ["#10b981", "#a855f7", "#ef4444", "#eab308", "#06b6d4"];
const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

interface Props {
  points: ChartPoint[];
  markers: ChartMarker[];
  currency: string;
  notes?: ChartNote[];
  /** Rebased to 100 at the window's first session (set when comparing). */
  rebased?: boolean;
  comparisons?: ComparisonSeries[];
  log?: boolean;
  symbol?: string;
}

/**
 * The asset's close (or all series rebased to 100) with one clickable marker per event on the session that could
 * first react to it, and the notes pinned to the asset. The brush under the chart zooms within the loaded window.
 */
export function PriceChart({ points, markers, currency, notes = [], rebased = false, comparisons = [], log = false, symbol = "Close" }: Props) {
  const router = useRouter();
  const unit = rebased ? "(index, first session = 100)" : currency;
  return (
    <div className="h-96 w-full" data-testid="price-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="date" minTickGap={48} tick={{ fontSize: 12 }} />
          <YAxis scale={log ? "log" : "auto"} domain={["auto", "auto"]} allowDataOverflow={log} tick={{ fontSize: 12 }} tickFormatter={fmt} width={72} />
          <Tooltip formatter={(v, name) => [`${fmt(Number(v))} ${unit}`, name === "close" ? symbol : String(name)]} labelFormatter={(l) => String(l)} />
          {comparisons.length > 0 && <Legend formatter={(v) => (v === "close" ? symbol : String(v))} />}
          <Line type="linear" dataKey="close" stroke="#3b82f6" strokeWidth={1.5} dot={false} isAnimationActive={false} className="price-line" />
          {comparisons.map((c, i) => (
            <Line key={c.key} type="linear" dataKey={c.key} name={c.label} stroke={COLORS[i % COLORS.length]} strokeWidth={1.25} dot={false} connectNulls isAnimationActive={false} />
          ))}
          {markers.map((m) => (
            <ReferenceDot
              key={m.id}
              x={m.date}
              y={m.close}
              ifOverflow="extendDomain"
              shape={eventMarkerShape(m, (href) => router.push(href))}
            />
          ))}
          {notes.map((n) => (
            <ReferenceDot
              key={`note-${n.id}`}
              x={n.date}
              y={n.close}
              ifOverflow="extendDomain"
              shape={(props: { cx?: number; cy?: number }) => (
                <g className="note-marker cursor-pointer" role="link" tabIndex={0} aria-label={n.text} data-note-id={n.id} onClick={() => router.push(`#note-${n.id}`)}>
                  <title>{n.text}</title>
                  <rect x={(props.cx ?? 0) - 5} y={(props.cy ?? 0) - 5} width={10} height={10} transform={`rotate(45 ${props.cx ?? 0} ${props.cy ?? 0})`} fill="#8b5cf6" stroke="#fff" strokeWidth={1.5} />
                </g>
              )}
            />
          ))}
          {points.length > 60 && <Brush dataKey="date" height={22} travellerWidth={8} stroke="#94a3b8" />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
