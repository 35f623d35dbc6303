// Loads what the asset chart draws for a view: the asset's closes (or every series rebased to 100 on adjusted closes
// when comparing), downsampled for drawing with the event and note sessions kept.
import "server-only";
import { findAssetBySymbol } from "@/lib/assets/queries";
import { loadCloses, type ClosePoint } from "@/lib/prices/bars";
import { rebaseOnSessions, viewStart, type ChartView } from "@/lib/assets/chart-view";
import { downsampleForChart } from "@/lib/charts/downsample";

export interface ChartData {
  /** Full-resolution closes of the window (statistics, captions and exports use these). */
  closes: ClosePoint[];
  /** Rows to draw: `close` is the price, or the rebased index when comparing; comparison symbols as extra keys. */
  rows: ({ date: string; close: number } & Record<string, number | string | null>)[];
  comparisons: { key: string; label: string }[];
  /** Symbols asked for that are not tracked. */
  unknown: string[];
  rebased: boolean;
  /** y-value of the drawn main series on a session (for markers). */
  yOn(date: string): number | undefined;
}

const MAX_DRAWN_BUCKETS = 600; // ≤ ~1,200 points per series: every spike kept, smooth to pan

export async function loadChartData(assetId: number, view: ChartView, lastDate: string | null, keepDates: (closes: ClosePoint[]) => string[]): Promise<ChartData> {
  const from = viewStart(view, lastDate);
  const closes = await loadCloses(assetId, from, view.to);
  const others = await Promise.all(view.compare.map(async (s) => ({ symbol: s, asset: await findAssetBySymbol(s) })));
  const tracked = others.filter((o) => o.asset && o.asset.id !== assetId);
  const unknown = others.filter((o) => !o.asset).map((o) => o.symbol);
  const keep = new Set(keepDates(closes));
  const rebased = tracked.length > 0;
  let full: ChartData["rows"];
  if (rebased) {
    const series = await Promise.all(tracked.map(async (o) => [o.symbol, (await loadCloses(o.asset!.id, closes[0]?.date, view.to)).map((p) => ({ date: p.date, value: p.adjClose }))] as const));
    full = rebaseOnSessions(closes.map((p) => ({ date: p.date, value: p.adjClose })), Object.fromEntries(series)) as ChartData["rows"];
  } else {
    full = closes.map((p) => ({ date: p.date, close: p.close }));
  }
  const rows = downsampleForChart(full, MAX_DRAWN_BUCKETS, (p) => keep.has(p.date));
  const byDate = new Map(full.map((r) => [r.date, r.close]));
  return {
    closes,
    rows,
    comparisons: tracked.map((o) => ({ key: o.symbol, label: o.symbol })),
    unknown,
    rebased,
    yOn: (date) => byDate.get(date),
  };
}
