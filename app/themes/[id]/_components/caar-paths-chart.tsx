"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#3b82f6", "#ef4444", "#10b981", "#f97316", "#8b5cf6", "#06b6d4", "#eab308", "#64748b", "#ec4899", "#84cc16", "#0f766e"];

/** CAAR paths in event time, one line per asset. */
export function CaarPathsChart({ taus, series }: { taus: number[]; series: { symbol: string; caar: (number | null)[] }[] }) {
  const data = taus.map((tau, k) => {
    const row: Record<string, number | null> = { tau };
    for (const s of series) row[s.symbol] = s.caar[k] ?? null;
    return row;
  });
  return (
    <div className="h-72 w-full" data-testid="theme-caar-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="tau" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `${(v * 100).toFixed(1)}`} width={44} />
          <Tooltip labelFormatter={(tau) => `τ = ${tau}`} formatter={(v, name) => [`${(Number(v) * 100).toFixed(2)} %`, String(name)]} />
          <Legend verticalAlign="top" height={28} iconType="plainline" />
          <ReferenceLine y={0} stroke="#64748b" />
          <ReferenceLine x={0} stroke="#f97316" strokeDasharray="4 2" />
          {series.map((s, i) => (
            <Line key={s.symbol} type="linear" dataKey={s.symbol} stroke={COLORS[i % COLORS.length]} strokeWidth={1.5} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
