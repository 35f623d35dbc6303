// Synthetic series with a known market model (see the analytics tests): benchmark returns repeat (a, a, −a, −a),
// residuals (+s, −s), so a planted jump of c·σ̂ has z = c.
import { db } from "@/lib/db/client";

export const A = 0.01;
export const S = 0.004;
export const SIGMA = S * Math.sqrt(240 / 238);

export function weekdays(n: number, from = Date.UTC(2022, 0, 2)): string[] {
  const out: string[] = [];
  const d = new Date(from);
  while (out.length < n) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Prices whose simple returns are the model's plus `jumps[t]` (benchmark when `benchmark`). */
export function prices(n: number, jumps: Record<number, number>, benchmark = false): number[] {
  const out = [100];
  for (let t = 0; t < n - 1; t++) {
    const x = t % 4 < 2 ? A : -A;
    const r = benchmark ? x : 0.0005 + 1.5 * x + (jumps[t] ?? (t % 2 === 0 ? S : -S));
    out.push((out.at(-1) as number) * (1 + r));
  }
  return out;
}

export async function insertBars(assetId: number, ds: string[], closes: number[]) {
  await db().$executeRawUnsafe(
    `INSERT INTO price_bar (asset_id, date, close, adj_close) SELECT $1, d, c, c FROM unnest($2::date[], $3::float8[]) AS u(d, c)
     ON CONFLICT (asset_id, date) DO UPDATE SET close = EXCLUDED.close, adj_close = EXCLUDED.adj_close`,
    assetId, ds, closes,
  );
}

export async function testAsset(symbol: string, benchmarkId: number | null = null) {
  return (await db().asset.create({ data: { symbol, name: `${symbol} test series`, assetClass: "EQUITY_INDEX", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "CSV", benchmarkId } })).id;
}
