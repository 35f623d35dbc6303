// Chooses the provider for refreshes. Pages never call this: they read PostgreSQL.
import path from "node:path";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { YahooProvider } from "@/lib/market-data/yahoo";
import { SEED_EVENT_DATES } from "@/lib/seed/seed";

export type ProviderName = "yahoo" | "demo";

export function demoProvider(): MarketDataProvider {
  return new DemoProvider({ eventDates: SEED_EVENT_DATES });
}

// One Yahoo client per process: its request queue is what enforces the concurrency limit and per-minute cap.
let yahoo: YahooProvider | undefined;

export function yahooProvider(): YahooProvider {
  yahoo ??= new YahooProvider({
    // The crumb cookie survives restarts, so a restart does not cost Yahoo another consent/crumb round trip.
    cookieJarPath: path.resolve(process.env.FAULTLINE_DATA_DIR || ".faultline", "yahoo-cookies.json"),
  });
  return yahoo;
}

export function createProvider(name: ProviderName): MarketDataProvider {
  return name === "demo" ? demoProvider() : yahooProvider();
}
