"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface IntensityPoint {
  week: string;
  intensity: number;
  events: number;
  vol20: number | null;
}

/** Weekly severity-weighted event intensity (bars) against the chosen asset's 20-session volatility (line). */
export function IntensityChart({ data, symbol, describedBy }: { data: IntensityPoint[]; symbol: string; describedBy?: string }) {
  const rows = data.map((d) => ({ ...d, vol: d.vol20 === null ? null : d.vol20 * 100 }));
  return (
    <div className="h-64 w-full" data-testid="intensity-chart" role="figure" aria-label={`Event intensity and ${symbol} volatility by week`} aria-describedby={describedBy}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="week" minTickGap={40} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="i" allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
          <YAxis yAxisId="v" orientation="right" tick={{ fontSize: 11 }} width={40} tickFormatter={(v: number) => `${v.toFixed(0)}%`} />
          <Tooltip
            formatter={(value, name) =>
              name === "vol" ? [`${Number(value).toFixed(1)} %`, `${symbol} 20d volatility (annualised)`] : [String(value), "Σ severity"]
            }
            labelFormatter={(l) => `Week of ${String(l)}`}
          />
          <Legend formatter={(v) => (v === "vol" ? `${symbol} 20d volatility` : "event intensity (Σ severity)")} />
          <Bar yAxisId="i" dataKey="intensity" fill="#f97316" isAnimationActive={false} />
          <Line yAxisId="v" dataKey="vol" stroke="#3b82f6" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
