import type { AssetClassName } from "@/lib/market-data/provider";

export interface DemoAssetSpec {
  symbol: string;
  name: string;
  assetClass: AssetClassName;
  currency: string;
  exchange: string;
  timeZone: string;
  country: string | null;
  /** Level on 3 Jan 2000 and annualised volatility/drift of the synthetic walk (roughly the real asset's). */
  startPrice: number;
  annualVol: number;
  annualDrift: number;
  volume: number;
}

export const DEMO_ASSETS: DemoAssetSpec[] = [
  { symbol: "^KS11", name: "KOSPI Composite Index", assetClass: "EQUITY_INDEX", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", startPrice: 1000, annualVol: 0.2, annualDrift: 0.04, volume: 500_000 },
  { symbol: "KRW=X", name: "USD/KRW", assetClass: "FX", currency: "KRW", exchange: "CCY", timeZone: "Europe/London", country: "KR", startPrice: 1130, annualVol: 0.08, annualDrift: 0.009, volume: 0 },
  { symbol: "EWY", name: "iShares MSCI South Korea ETF", assetClass: "ETF", currency: "USD", exchange: "PCX", timeZone: "America/New_York", country: "KR", startPrice: 25, annualVol: 0.25, annualDrift: 0.04, volume: 4_000_000 },
  { symbol: "RUB=X", name: "USD/RUB", assetClass: "FX", currency: "RUB", exchange: "CCY", timeZone: "Europe/London", country: "RU", startPrice: 28, annualVol: 0.15, annualDrift: 0.04, volume: 0 },
  { symbol: "GC=F", name: "Gold futures", assetClass: "COMMODITY_FUTURE", currency: "USD", exchange: "CMX", timeZone: "America/New_York", country: null, startPrice: 280, annualVol: 0.16, annualDrift: 0.08, volume: 150_000 },
  { symbol: "BZ=F", name: "Brent crude oil futures", assetClass: "COMMODITY_FUTURE", currency: "USD", exchange: "NYM", timeZone: "America/New_York", country: null, startPrice: 24, annualVol: 0.33, annualDrift: 0.04, volume: 30_000 },
  { symbol: "ZW=F", name: "Wheat futures", assetClass: "COMMODITY_FUTURE", currency: "USX", exchange: "CBT", timeZone: "America/Chicago", country: null, startPrice: 250, annualVol: 0.3, annualDrift: 0.03, volume: 60_000 },
  { symbol: "LMT", name: "Lockheed Martin Corporation", assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", country: "US", startPrice: 20, annualVol: 0.24, annualDrift: 0.12, volume: 1_200_000 },
  { symbol: "012450.KS", name: "Hanwha Aerospace Co., Ltd.", assetClass: "EQUITY", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", startPrice: 8000, annualVol: 0.4, annualDrift: 0.16, volume: 400_000 },
  { symbol: "005930.KS", name: "Samsung Electronics Co., Ltd.", assetClass: "EQUITY", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", startPrice: 6000, annualVol: 0.3, annualDrift: 0.09, volume: 15_000_000 },
  // Not seeded: available to add from the Assets page in an offline (demo) install.
  { symbol: "CL=F", name: "Crude oil (WTI) futures", assetClass: "COMMODITY_FUTURE", currency: "USD", exchange: "NYM", timeZone: "America/New_York", country: null, startPrice: 25, annualVol: 0.35, annualDrift: 0.04, volume: 300_000 },
  { symbol: "USO", name: "United States Oil Fund", assetClass: "ETF", currency: "USD", exchange: "PCX", timeZone: "America/New_York", country: "US", startPrice: 80, annualVol: 0.35, annualDrift: 0.0, volume: 3_000_000 },
  { symbol: "GLD", name: "SPDR Gold Shares", assetClass: "ETF", currency: "USD", exchange: "PCX", timeZone: "America/New_York", country: "US", startPrice: 45, annualVol: 0.15, annualDrift: 0.08, volume: 8_000_000 },
  { symbol: "SPY", name: "SPDR S&P 500 ETF Trust", assetClass: "ETF", currency: "USD", exchange: "PCX", timeZone: "America/New_York", country: "US", startPrice: 145, annualVol: 0.18, annualDrift: 0.07, volume: 60_000_000 },
  { symbol: "^N225", name: "Nikkei 225", assetClass: "EQUITY_INDEX", currency: "JPY", exchange: "OSA", timeZone: "Asia/Tokyo", country: "JP", startPrice: 19000, annualVol: 0.22, annualDrift: 0.02, volume: 100_000_000 },
  { symbol: "JPY=X", name: "USD/JPY", assetClass: "FX", currency: "JPY", exchange: "CCY", timeZone: "Europe/London", country: "JP", startPrice: 102, annualVol: 0.1, annualDrift: 0.01, volume: 0 },
  { symbol: "^GSPC", name: "S&P 500", assetClass: "EQUITY_INDEX", currency: "USD", exchange: "SNP", timeZone: "America/New_York", country: "US", startPrice: 1450, annualVol: 0.18, annualDrift: 0.06, volume: 3_000_000_000 },
];
