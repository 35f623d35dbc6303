"use client";

import { SparkAreaChart } from "@tremor/react";

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return null;
  const up = values[values.length - 1]! >= values[0]!;
  return (
    <SparkAreaChart
      data={values.map((v, i) => ({ i, v }))}
      index="i"
      categories={["v"]}
      colors={[up ? "emerald" : "rose"]}
      className="h-8 w-28"
      aria-label={label}
    />
  );
}
