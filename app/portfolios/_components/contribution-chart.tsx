"use client";
// Per-position mean P&L over the analogues, worst first, as a horizontal Tremor bar chart.
import { BarChart } from "@tremor/react";

export function ContributionChart({ rows, base }: { rows: { symbol: string; pnl: number }[]; base: string }) {
  const data = rows.map((r) => ({ position: r.symbol, [`Mean P&L (${base})`]: r.pnl }));
  return (
    <BarChart
      className="mt-3 h-56"
      data={data}
      index="position"
      categories={[`Mean P&L (${base})`]}
      colors={["blue"]}
      layout="vertical"
      yAxisWidth={88}
      valueFormatter={(v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0 })}
      showLegend={false}
    />
  );
}
