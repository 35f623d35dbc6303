"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  date: string;
  close: number;
}

export interface ChartMarker {
  id: number;
  date: string;
  close: number;
  title: string;
  label: string;
}

const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Close series with one clickable marker per event on the session that could first react to it. */
/** A note pinned to the asset at a date: drawn as a violet diamond on that session. */
export interface ChartNote {
  id: number;
  date: string;
  close: number;
  text: string;
}

export function PriceChart({ points, markers, currency, notes = [] }: { points: ChartPoint[]; markers: ChartMarker[]; currency: string; notes?: ChartNote[] }) {
  const router = useRouter();
  return (
    <div className="h-80 w-full" data-testid="price-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="date" minTickGap={48} tick={{ fontSize: 12 }} />
          <YAxis domain={["auto", "auto"]} tick={{ fontSize: 12 }} tickFormatter={fmt} width={72} />
          <Tooltip formatter={(v) => [`${fmt(Number(v))} ${currency}`, "Close"]} labelFormatter={(l) => String(l)} />
          <Line type="linear" dataKey="close" stroke="#3b82f6" strokeWidth={1.5} dot={false} isAnimationActive={false} className="price-line" />
          {markers.map((m) => (
            <ReferenceDot
              key={m.id}
              x={m.date}
              y={m.close}
              ifOverflow="extendDomain"
              shape={(props: { cx?: number; cy?: number }) => (
                <g
                  className="event-marker cursor-pointer"
                  role="link"
                  tabIndex={0}
                  aria-label={`${m.label}: ${m.title}`}
                  data-event-id={m.id}
                  onClick={() => router.push(`/events/${m.id}`)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") router.push(`/events/${m.id}`);
                  }}
                >
                  <title>{`${m.label} — ${m.title}`}</title>
                  <circle cx={props.cx} cy={props.cy} r={6} fill="#f97316" stroke="#fff" strokeWidth={2} />
                </g>
              )}
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
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
