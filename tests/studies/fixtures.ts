// A small, hand-checkable market in the test database: a benchmark, a copy of it, an asset with a planted day-0 jump,
// an FX pair without a benchmark and an asset with too little history, plus events and a theme linking them.
import { mulberry32 } from "@/lib/analytics";
import { db } from "@/lib/db/client";

/** `count` weekdays from `start` (YYYY-MM-DD), as trading dates. */
export function weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export const SESSIONS = weekdays("2023-01-02", 400);
/** Indices of the two event sessions; far enough apart for both to have estimation and event windows. */
export const EVENT_A = 300;
export const EVENT_B = 360;
export const JUMP = 0.08;

function pricesFrom(returns: number[], start = 100): number[] {
  const p = [start];
  for (const r of returns) p.push(p[p.length - 1]! * (1 + r));
  return p;
}

export interface Market {
  benchmarkId: number;
  sameId: number;
  jumpId: number;
  fxId: number;
  shortId: number;
  themeId: number;
  eventA: number;
  eventB: number;
  eventLate: number;
}

async function insertAsset(
  symbol: string,
  prices: number[],
  dates: string[],
  extra: { benchmarkId?: number; exchange?: string; timeZone?: string; assetClass?: "EQUITY" | "FX" | "EQUITY_INDEX" } = {},
): Promise<number> {
  const asset = await db().asset.create({
    data: {
      symbol,
      name: `${symbol} test asset`,
      assetClass: extra.assetClass ?? "EQUITY",
      currency: "USD",
      exchange: extra.exchange ?? "NYQ",
      timeZone: extra.timeZone ?? "America/New_York",
      benchmarkId: extra.benchmarkId ?? null,
      source: "DEMO",
    },
  });
  await db().priceBar.createMany({
    data: prices.map((p, i) => ({ assetId: asset.id, date: new Date(`${dates[i]}T00:00:00Z`), close: p * 1.01, adjClose: p })),
  });
  return asset.id;
}

/** Benchmark returns are seeded noise; JUMP = 1.2 × benchmark + noise + 8 % on each event's day 0. */
export async function buildMarket(): Promise<Market> {
  const rnd = mulberry32(42);
  const noise = () => (rnd() - 0.5) * 0.02;
  const n = SESSIONS.length - 1;
  const bench = Array.from({ length: n }, () => 0.0003 + noise());
  const jump = bench.map((r, i) => 1.2 * r + noise() / 2 + (i + 1 === EVENT_A || i + 1 === EVENT_B ? JUMP : 0));
  const fx = Array.from({ length: n }, (_, i) => noise() / 4 + (i + 1 === EVENT_A ? 0.05 : 0));

  const benchmarkId = await insertAsset("BENCH", pricesFrom(bench), SESSIONS, { assetClass: "EQUITY_INDEX", exchange: "SNP" });
  const sameId = await insertAsset("SAME", pricesFrom(bench), SESSIONS, { benchmarkId });
  const jumpId = await insertAsset("JUMP", pricesFrom(jump), SESSIONS, { benchmarkId });
  const fxId = await insertAsset("FXX", pricesFrom(fx, 1300), SESSIONS, { assetClass: "FX", exchange: "CCY", timeZone: "Europe/London" });
  const shortId = await insertAsset("SHORT", pricesFrom(bench.slice(-60)), SESSIONS.slice(-61), { benchmarkId });

  const theme = await db().theme.create({ data: { name: "Test storyline" } });
  const event = (title: string, day: string, exposures: { assetId: number; direction: "UP" | "DOWN" | "UNCERTAIN" }[], at = `${day}T00:00:00Z`, precision: "DAY" | "EXACT" = "DAY") =>
    db().event.create({
      data: {
        title,
        occurredAt: new Date(at),
        timePrecision: precision,
        category: "MILITARY",
        severity: 3,
        countries: ["KP"],
        sourceUrls: [],
        tags: [],
        themeId: theme.id,
        exposures: { create: exposures },
      },
    });
  const a = await event("Event A", SESSIONS[EVENT_A]!, [
    { assetId: sameId, direction: "UP" },
    { assetId: jumpId, direction: "UP" },
    { assetId: fxId, direction: "UNCERTAIN" },
    { assetId: shortId, direction: "DOWN" },
  ]);
  // Announced at 16:30 New York (after the 16:00 close) the evening before EVENT_B's session: day 0 must move to EVENT_B.
  const prev = SESSIONS[EVENT_B - 1]!;
  const b = await event("Event B", prev, [{ assetId: jumpId, direction: "DOWN" }], `${prev}T21:30:00Z`, "EXACT");
  const late = await event("After the data", "2030-01-01", [{ assetId: jumpId, direction: "UP" }]);
  return { benchmarkId, sameId, jumpId, fxId, shortId, themeId: theme.id, eventA: a.id, eventB: b.id, eventLate: late.id };
}
