// Which market-data provider serves an asset, by the source its prices come from. Pages never call this: they read
// PostgreSQL. The demo provider anchors its synthetic shocks on the seeded storyline's dates, which are handed to it
// here so market-data knows nothing of the seed.
import "server-only";
import path from "node:path";
import { config } from "@/lib/config/env";
import type { DataSource } from "@/lib/enums";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { YahooProvider } from "@/lib/market-data/yahoo";
import { SEED_EVENT_DATES } from "@/lib/seed/seed";

/** Where prices come from that a provider can refresh (CSV imports have no provider). */
export type ProviderSource = Exclude<DataSource, "CSV">;

// One Yahoo client per process: its request queue is what enforces the concurrency limit and per-minute cap.
let yahoo: YahooProvider | undefined;

function yahooProvider(): YahooProvider {
  yahoo ??= new YahooProvider({
    // The crumb cookie survives restarts, so a restart does not cost Yahoo another consent/crumb round trip.
    cookieJarPath: path.resolve(config().FAULTLINE_DATA_DIR, "yahoo-cookies.json"),
  });
  return yahoo;
}

export function providerFor(source: ProviderSource): MarketDataProvider {
  return source === "DEMO" ? new DemoProvider({ eventDates: SEED_EVENT_DATES }) : yahooProvider();
}

/** The provider new assets are added from in this installation (MARKET_DATA). */
export function configuredProvider(): MarketDataProvider {
  return providerFor(config().MARKET_DATA === "demo" ? "DEMO" : "YAHOO");
}
