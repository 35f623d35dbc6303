"use client";

import { useMemo, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { niceTicks, robustDomain } from "@/lib/charts/robust-domain";

const COLORS = ["#3b82f6", "#ef4444", "#10b981", "#f97316", "#8b5cf6", "#06b6d4", "#eab308", "#64748b", "#ec4899", "#84cc16", "#0f766e"];

/**
 * CAAR paths in event time, one line per asset. Each series can be switched off, and the value axis by default holds
 * every value inside the far-out fences only (lib/charts/robust-domain), so one outlying asset cannot flatten the rest.
 */
export function CaarPathsChart({ taus, series }: { taus: number[]; series: { symbol: string; caar: (number | null)[] }[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [robust, setRobust] = useState(true);
  const visible = series.filter((s) => !hidden.has(s.symbol));
  const data = useMemo(
    () =>
      taus.map((tau, k) => {
        const row: Record<string, number | null> = { tau };
        for (const s of series) row[s.symbol] = s.caar[k] ?? null;
        return row;
      }),
    [taus, series],
  );
  const { domain, outside } = robustDomain(visible.flatMap((s) => [0, ...s.caar]), robust);
  const ticks = domain ? niceTicks(domain) : null;
  const toggle = (symbol: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(symbol)) next.delete(symbol);
      else next.add(symbol);
      return next;
    });
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Series shown">
        {series.map((s, i) => {
          const on = !hidden.has(s.symbol);
          return (
            <button
              key={s.symbol}
              type="button"
              aria-pressed={on}
              onClick={() => toggle(s.symbol)}
              className={`inline-flex min-h-6 items-center gap-1.5 rounded-tremor-small border px-2 py-0.5 text-tremor-label ${
                on
                  ? "border-tremor-border text-tremor-content-strong dark:border-dark-tremor-border dark:text-dark-tremor-content-strong"
                  : "border-dashed border-tremor-border text-tremor-content line-through dark:border-dark-tremor-border dark:text-dark-tremor-content"
              }`}
            >
              <span className="inline-block h-0.5 w-3" style={{ background: on ? COLORS[i % COLORS.length] : "transparent", outline: on ? undefined : "1px solid currentColor" }} aria-hidden />
              {s.symbol}
            </button>
          );
        })}
        <label className="ml-auto inline-flex items-center gap-1.5 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          <input type="checkbox" checked={robust} onChange={(e) => setRobust(e.target.checked)} />
          Scale without outliers
        </label>
      </div>
      <div className="mt-2 h-72 w-full" data-testid="theme-caar-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="tau" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis
              tick={{ fontSize: 12 }}
              tickFormatter={(v: number) => `${(v * 100).toFixed(1)}`}
              width={44}
              domain={ticks ? [ticks[0]!, ticks[ticks.length - 1]!] : ["auto", "auto"]}
              ticks={ticks ?? undefined}
              allowDataOverflow
            />
            <Tooltip labelFormatter={(tau) => `τ = ${tau}`} formatter={(v, name) => [`${(Number(v) * 100).toFixed(2)} %`, String(name)]} />
            <ReferenceLine y={0} stroke="#64748b" />
            <ReferenceLine x={0} stroke="#f97316" strokeDasharray="4 2" />
            {series.map((s, i) =>
              hidden.has(s.symbol) ? null : (
                <Line key={s.symbol} type="linear" dataKey={s.symbol} stroke={COLORS[i % COLORS.length]} strokeWidth={1.5} dot={false} isAnimationActive={false} />
              ),
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content" data-testid="theme-caar-scale" aria-live="polite">
        CAAR in %.{" "}
        {outside > 0
          ? `${outside} value${outside === 1 ? " lies" : "s lie"} beyond the scale, which holds the values inside Q1 − 3·IQR … Q3 + 3·IQR; untick "Scale without outliers" to see ${outside === 1 ? "it" : "them"}.`
          : robust
            ? "Every value shown is inside the scale."
            : "The scale holds every value."}
      </p>
    </div>
  );
}
