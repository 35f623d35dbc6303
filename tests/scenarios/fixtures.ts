// A small Korean book in the test database: a KRX stock and its index, a US stock and the S&P stand-in, a US stock listed
// late (proxied by β), the won (KRW=X, KRW per USD) and the euro (EURUSD=X, USD per EUR), and four events.
import { mulberry32 } from "@/lib/analytics";
import { db } from "@/lib/db/client";
import { weekdays } from "../studies/fixtures";

export const DATES = weekdays("2023-01-02", 400);
export const E1 = 100;
export const E2 = 300;
export const E3 = 350;
/** So close to the end that a [0, +10] window cannot complete. */
export const E_LATE = 395;
/** First session of the late listing. */
export const NEW_FROM = 120;
export const NEW_BETA = 1.5;

export interface ScenarioMarket {
  prices: Record<string, number[]>;
  events: { e1: number; e2: number; e3: number; late: number };
}

function path(returns: number[], start: number): number[] {
  const p = [start];
  for (const r of returns) p.push(p[p.length - 1]! * (1 + r));
  return p;
}

async function asset(symbol: string, prices: number[], dates: string[], extra: { currency: string; exchange: string; timeZone: string; assetClass?: "EQUITY" | "EQUITY_INDEX" | "FX"; benchmarkId?: number }) {
  const a = await db().asset.create({
    data: { symbol, name: `${symbol} test`, assetClass: extra.assetClass ?? "EQUITY", currency: extra.currency, exchange: extra.exchange, timeZone: extra.timeZone, benchmarkId: extra.benchmarkId ?? null, source: "DEMO" },
  });
  await db().priceBar.createMany({ data: prices.map((p, i) => ({ assetId: a.id, date: new Date(`${dates[i]}T00:00:00Z`), close: p, adjClose: p })) });
  return a.id;
}

export async function buildScenarioMarket(): Promise<ScenarioMarket> {
  const rnd = mulberry32(17);
  const noise = (s: number) => (rnd() - 0.5) * s;
  const n = DATES.length - 1;
  const kidx = Array.from({ length: n }, (_, i) => noise(0.02) + (i + 1 === E2 ? -0.06 : 0));
  const ks = kidx.map((r) => 1.1 * r + noise(0.01));
  const spx = Array.from({ length: n }, (_, i) => noise(0.016) + (i + 1 === E1 ? -0.04 : 0));
  const useq = spx.map((r) => 0.9 * r + noise(0.01));
  const krw = Array.from({ length: n }, (_, i) => noise(0.008) + (i + 1 === E2 ? 0.03 : 0));
  const eur = Array.from({ length: n }, () => noise(0.006));
  const prices: Record<string, number[]> = {
    KIDX: path(kidx, 2500),
    KS: path(ks, 50_000),
    SPX: path(spx, 4000),
    USEQ: path(useq, 150),
    "KRW=X": path(krw, 1300),
    "EURUSD=X": path(eur, 1.08),
  };
  // The late listing moves exactly 1.5 × SPX every day it trades.
  prices.NEW = path(spx.slice(NEW_FROM).map((r) => NEW_BETA * r), 20);
  const kr = { currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul" };
  const us = { currency: "USD", exchange: "NYQ", timeZone: "America/New_York" };
  const fx = { exchange: "CCY", timeZone: "Europe/London", assetClass: "FX" as const };
  const kidxId = await asset("KIDX", prices.KIDX!, DATES, { ...kr, assetClass: "EQUITY_INDEX" });
  await asset("KS", prices.KS!, DATES, { ...kr, benchmarkId: kidxId });
  const spxId = await asset("SPX", prices.SPX!, DATES, { ...us, assetClass: "EQUITY_INDEX", exchange: "SNP" });
  await asset("USEQ", prices.USEQ!, DATES, { ...us, benchmarkId: spxId });
  await asset("NEW", prices.NEW, DATES.slice(NEW_FROM), { ...us, benchmarkId: spxId });
  await asset("KRW=X", prices["KRW=X"]!, DATES, { ...fx, currency: "KRW" });
  await asset("EURUSD=X", prices["EURUSD=X"]!, DATES, { ...fx, currency: "USD" });
  // A copy of the index under another symbol: shocking both is a singular Σ_ss.
  await asset("KIDX2", prices.KIDX!, DATES, { ...kr, assetClass: "EQUITY_INDEX" });
  const event = (title: string, i: number) =>
    db().event.create({
      data: { title, occurredAt: new Date(`${DATES[i]}T00:00:00Z`), timePrecision: "DAY", category: "MILITARY", severity: 4, countries: ["KP"], sourceUrls: [], tags: ["missile"] },
    });
  const e1 = await event("Analogue one", E1);
  const e2 = await event("Analogue two", E2);
  const e3 = await event("Analogue three", E3);
  const late = await event("Too recent", E_LATE);
  return { prices, events: { e1: e1.id, e2: e2.id, e3: e3.id, late: late.id } };
}
