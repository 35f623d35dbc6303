"use client";

import { useRouter } from "next/navigation";
import { eventMarkerShape } from "../../../_components/event-marker";
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface VolatilityPoint {
  date: string;
  vol20: number | null;
  ewma: number | null;
}

export interface VolatilityMarker {
  id: number;
  date: string;
  title: string;
  label: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** 20-day realised and EWMA volatility (annualised) with the asset's events marked on the 20-day line. */
export function VolatilityChart({ points, markers }: { points: VolatilityPoint[]; markers: VolatilityMarker[] }) {
  const router = useRouter();
  const byDate = new Map(points.map((p) => [p.date, p]));
  return (
    <div className="h-64 w-full" data-testid="volatility-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="date" minTickGap={48} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `${(v * 100).toFixed(0)} %`} width={56} domain={[0, "auto"]} />
          <Tooltip formatter={(v, name) => [pct(Number(v)), String(name)]} />
          <Legend verticalAlign="top" height={24} iconType="plainline" />
          <Line type="linear" dataKey="vol20" name="20-day realised" stroke="#3b82f6" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="ewma" name="EWMA (λ 0.94)" stroke="#a855f7" strokeWidth={1.25} dot={false} isAnimationActive={false} />
          {markers.flatMap((m) => {
            const y = byDate.get(m.date)?.vol20;
            if (y === null || y === undefined) return [];
            return [
              <ReferenceDot
                key={m.id}
                x={m.date}
                y={y}
                ifOverflow="extendDomain"
                shape={eventMarkerShape(m, (href) => router.push(href), 5)}
              />,
            ];
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
