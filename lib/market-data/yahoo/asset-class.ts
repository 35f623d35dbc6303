// Yahoo's quoteType vocabulary mapped onto Faultline's asset classes, and the listing country where Yahoo implies it.
import type { AssetClassName } from "@/lib/market-data/provider";

const BY_QUOTE_TYPE: Record<string, AssetClassName> = {
  EQUITY: "EQUITY",
  ETF: "ETF",
  INDEX: "EQUITY_INDEX",
  CURRENCY: "FX",
  FUTURE: "COMMODITY_FUTURE",
  CRYPTOCURRENCY: "CRYPTO",
  BOND: "BOND",
};

export function assetClassOf(quoteType: string | undefined): AssetClassName {
  return (quoteType && BY_QUOTE_TYPE[quoteType.toUpperCase()]) || "OTHER";
}

/** Yahoo's `market` is e.g. "us_market", "us24_market" (futures), "kr_market", "gb_market"; "ccy_market" has no country. */
export function countryOf(market: string | undefined): string | null {
  const match = market?.match(/^([a-z]{2})\d*_market$/);
  return match?.[1] ? match[1].toUpperCase() : null;
}
