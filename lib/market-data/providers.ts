// Chooses the provider for refreshes. Pages never call this: they read PostgreSQL.
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { SEED_EVENT_DATES } from "@/lib/seed/seed";

export type ProviderName = "yahoo" | "demo";

export function demoProvider(): MarketDataProvider {
  return new DemoProvider({ eventDates: SEED_EVENT_DATES });
}

export async function createProvider(name: ProviderName): Promise<MarketDataProvider> {
  if (name === "demo") return demoProvider();
  throw new Error("the Yahoo provider is not configured in this build");
}
