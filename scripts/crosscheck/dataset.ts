// The fixed synthetic dataset of the cross-check: seeded prices with holidays that differ by market, and events.

import { mulberry32 } from "@/lib/analytics";

export interface CrosscheckAsset {
  symbol: string;
  timeZone: string;
  sessionClose: string;
}

export const BENCHMARK = "BENCH";
export const ASSETS: CrosscheckAsset[] = [
  { symbol: "KOSPI", timeZone: "Asia/Seoul", sessionClose: "15:30" },
  { symbol: "KRW", timeZone: "Asia/Seoul", sessionClose: "15:30" },
  { symbol: "SPX", timeZone: "America/New_York", sessionClose: "16:00" },
  { symbol: "FTSE", timeZone: "Europe/London", sessionClose: "16:30" },
  { symbol: "NIKKEI", timeZone: "Asia/Tokyo", sessionClose: "15:00" },
  { symbol: "GOLD", timeZone: "America/New_York", sessionClose: "17:00" },
];

export const EVENTS: { id: string; occurredAt: string; precision: "EXACT" | "DAY" }[] = [
  { id: "E1", occurredAt: "2020-02-03T00:00:00Z", precision: "DAY" }, // too early: not enough estimation data
  { id: "E9", occurredAt: "2020-12-01T00:00:00Z", precision: "DAY" }, // estimation window cut at the data start
  { id: "E2", occurredAt: "2021-03-15T02:10:00Z", precision: "EXACT" }, // Seoul 11:10, same day
  { id: "E3", occurredAt: "2021-03-15T08:00:00Z", precision: "EXACT" }, // after Seoul close, before London close
  { id: "E4", occurredAt: "2021-09-18T00:00:00Z", precision: "DAY" }, // a Saturday
  { id: "E5", occurredAt: "2022-01-20T21:30:00Z", precision: "EXACT" }, // after every close
  { id: "E6", occurredAt: "2022-06-01T00:00:00Z", precision: "DAY" },
  { id: "E7", occurredAt: "2022-11-10T13:00:00Z", precision: "EXACT" },
  { id: "E8", occurredAt: "2023-05-22T00:00:00Z", precision: "DAY" },
];

/** Standard normal draws by Box–Muller from the seeded uniform generator. */
function normals(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** Weekday dates from 2020-01-01 to 2023-12-29. */
function weekdays(): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2020, 0, 1); t <= Date.UTC(2023, 11, 29); t += 86_400_000) {
    const d = new Date(t);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Prices per symbol (benchmark first), each market missing its own random holidays. */
export function generatePrices(seed = 20240619): Map<string, { dates: string[]; values: number[] }> {
  const random = mulberry32(seed);
  const z = normals(random);
  const days = weekdays();
  const market = days.map(() => 0.0003 + 0.011 * z());
  const out = new Map<string, { dates: string[]; values: number[] }>();
  const build = (holidayRate: number, ret: (i: number) => number) => {
    const dates: string[] = [];
    const values: number[] = [];
    let p = 100;
    days.forEach((d, i) => {
      p *= 1 + ret(i);
      if (random() >= holidayRate) {
        dates.push(d);
        values.push(p);
      }
    });
    return { dates, values };
  };
  out.set(BENCHMARK, build(0.01, (i) => market[i] as number));
  ASSETS.forEach((a, k) => {
    const beta = 0.4 + 0.25 * k;
    const sd = 0.006 + 0.002 * k;
    const shockDay = days.indexOf("2022-06-01");
    out.set(
      a.symbol,
      build(0.02, (i) => 0.0001 * k + beta * (market[i] as number) + sd * z() + (i === shockDay ? -0.03 * (k % 2 === 0 ? 1 : -1) : 0)),
    );
  });
  return out;
}
