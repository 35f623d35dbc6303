"use client";
// The compared assets' adjusted closes, fetched from the JSON price API once per symbol. A symbol that cannot be
// fetched is dropped from the comparison (through `drop`) and named in `compareError`.
import { useEffect, useState } from "react";

export type CompareSeries = { dates: string[]; values: number[] };

export function useCompareData(symbols: readonly string[], drop: (symbol: string) => void) {
  const [compareData, setCompareData] = useState<Record<string, CompareSeries>>({});
  const [compareError, setCompareError] = useState<string | null>(null);
  useEffect(() => {
    for (const symbol of symbols) {
      if (compareData[symbol]) continue;
      void fetch(`/api/v1/assets/${encodeURIComponent(symbol)}/prices`, { headers: { accept: "application/json" } })
        .then(async (res) => {
          if (!res.ok) throw new Error(`${symbol}: ${res.status === 404 ? "not tracked" : `HTTP ${res.status}`}`);
          const body = (await res.json()) as { data: { date: string; close: number; adjClose: number | null }[] };
          setCompareData((d) => ({ ...d, [symbol]: { dates: body.data.map((p) => p.date), values: body.data.map((p) => p.adjClose ?? p.close) } }));
        })
        .catch((err: Error) => {
          setCompareError(err.message);
          drop(symbol);
        });
    }
  }, [symbols, compareData, drop]);
  return { compareData, compareError, clearCompareError: () => setCompareError(null) };
}
