// Synthetic daily bars so Faultline is fully usable offline. Deterministic: the same symbol always gets the same
// path (a seeded random walk from a fixed origin), so refreshing or re-seeding never rewrites history. Volatility
// rises for a few sessions after each known event, which gives the event-study screens something to find.
// Everything it produces is labelled "synthetic demo data" wherever it is shown or exported.
import type { AssetProfile, History, MarketDataProvider, SymbolCandidate } from "@/lib/market-data/provider";
import { MarketDataError } from "@/lib/market-data/provider";
import { DEMO_ASSETS, type DemoAssetSpec } from "./demo-assets";

const ORIGIN = Date.UTC(2000, 0, 3); // a Monday
const DAY_MS = 86_400_000;

/** mulberry32: small, fast, good enough for synthetic prices; seeded from the symbol. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface DemoProviderOptions {
  /** Event dates (YYYY-MM-DD) after which volatility bursts. */
  eventDates?: string[];
}

export class DemoProvider implements MarketDataProvider {
  readonly name = "demo" as const;
  private readonly bursts: Set<number>;

  constructor(options: DemoProviderOptions = {}) {
    this.bursts = new Set((options.eventDates ?? []).map((d) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS)));
  }

  private spec(symbol: string): DemoAssetSpec {
    return DEMO_ASSETS.find((a) => a.symbol === symbol) ?? defaultSpec(symbol);
  }

  async history(symbol: string, from: string, to: string): Promise<History> {
    const spec = this.spec(symbol);
    const next = rng(hash(symbol));
    const dailyVol = spec.annualVol / Math.sqrt(252);
    const drift = spec.annualDrift / 252;
    const end = Date.parse(`${to}T00:00:00Z`);
    const bars: History["bars"] = [];
    let close = spec.startPrice;
    let burst = 0;
    for (let t = ORIGIN; t <= end; t += DAY_MS) {
      const day = Math.floor(t / DAY_MS);
      if (this.bursts.has(day) || this.bursts.has(day - 1)) burst = 1.5; // react on the day and the one after
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const sigma = dailyVol * (1 + burst);
      burst *= 0.8;
      const ret = drift + sigma * gaussian(next);
      const open = close * (1 + sigma * 0.3 * gaussian(next));
      close = Math.max(close * Math.exp(ret), 1e-6);
      const high = Math.max(open, close) * (1 + Math.abs(sigma * 0.5 * gaussian(next)));
      const low = Math.min(open, close) * (1 - Math.abs(sigma * 0.5 * gaussian(next)));
      const volume = spec.assetClass === "FX" ? 0 : Math.round(spec.volume * (0.6 + next() * 0.8));
      const date = isoDate(t);
      if (date >= from) bars.push({ date, open, high, low, close, adjClose: close, volume });
    }
    return { symbol, timeZone: spec.timeZone, currency: spec.currency, bars, actions: [] };
  }

  async search(query: string): Promise<SymbolCandidate[]> {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return DEMO_ASSETS.filter((a) => a.symbol.toLowerCase().includes(q) || a.name.toLowerCase().includes(q)).map(
      ({ symbol, name, exchange, assetClass }) => ({ symbol, name, exchange, assetClass }),
    );
  }

  async profile(symbol: string): Promise<AssetProfile> {
    const spec = DEMO_ASSETS.find((a) => a.symbol === symbol);
    if (!spec) throw new MarketDataError("not_found", `No demo series is defined for "${symbol}".`);
    const { name, currency, exchange, timeZone, assetClass, country } = spec;
    return { symbol, name, currency, exchange, timeZone, assetClass, country };
  }
}

function defaultSpec(symbol: string): DemoAssetSpec {
  return {
    symbol,
    name: symbol,
    assetClass: "OTHER",
    currency: "USD",
    exchange: "DEMO",
    timeZone: "America/New_York",
    country: null,
    startPrice: 100,
    annualVol: 0.25,
    annualDrift: 0.04,
    volume: 1_000_000,
  };
}
