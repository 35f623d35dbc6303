"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BandPoint {
  tau: number;
  date?: string;
  value: number | null;
  /** Band under "no effect" (both null to draw none). */
  low: number | null;
  high: number | null;
}

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

/** An abnormal-return path in event time with its 95 % band under "no effect" shaded around zero. */
export function StudyChart({ points, label, color = "#3b82f6", testId }: { points: BandPoint[]; label: string; color?: string; testId?: string }) {
  const data = points.map((p) => ({
    tau: p.tau,
    date: p.date,
    value: p.value,
    band: p.low !== null && p.high !== null ? [p.low, p.high] : null,
  }));
  const hasBand = data.some((d) => d.band !== null);
  return (
    <div className="h-56 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="tau" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `${(v * 100).toFixed(1)}`} width={44} unit="" />
          <Tooltip
            labelFormatter={(tau, payload) => {
              const date = (payload?.[0]?.payload as { date?: string } | undefined)?.date;
              return `τ = ${tau}${date ? ` · ${date}` : ""}`;
            }}
            formatter={(v, name) => {
              if (Array.isArray(v)) return [`${pct(Number(v[0]))} … ${pct(Number(v[1]))}`, "95 % band"];
              return [pct(Number(v)), String(name)];
            }}
          />
          {hasBand && <Area type="linear" dataKey="band" stroke="none" fill="#94a3b8" fillOpacity={0.3} isAnimationActive={false} name="95 % band" />}
          <ReferenceLine y={0} stroke="#64748b" />
          <ReferenceLine x={0} stroke="#f97316" strokeDasharray="4 2" />
          <Line type="linear" dataKey="value" name={label} stroke={color} strokeWidth={1.75} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
