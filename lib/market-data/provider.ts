// The narrow interface every source of market data implements. Pages never call a provider: refresh jobs do, and
// store what they get in PostgreSQL, which is all that pages and reports read.

export type AssetClassName = "EQUITY_INDEX" | "ETF" | "EQUITY" | "FX" | "COMMODITY_FUTURE" | "BOND" | "CRYPTO" | "OTHER";

import type { CorporateAction, DailyBar } from "@/lib/prices/types";

export type { CorporateAction, DailyBar };

export interface History {
  symbol: string;
  /** IANA zone the trading dates are expressed in. */
  timeZone: string;
  currency: string | null;
  bars: DailyBar[];
  actions: CorporateAction[];
}

export interface SymbolCandidate {
  symbol: string;
  name: string;
  exchange: string;
  assetClass: AssetClassName;
}

export interface AssetProfile {
  symbol: string;
  name: string;
  currency: string;
  exchange: string;
  timeZone: string;
  assetClass: AssetClassName;
  country: string | null;
}

export interface MarketDataProvider {
  readonly name: "yahoo" | "demo";
  /** Daily bars with trading dates in [from, to], both inclusive (YYYY-MM-DD). */
  history(symbol: string, from: string, to: string): Promise<History>;
  search(query: string): Promise<SymbolCandidate[]>;
  profile(symbol: string): Promise<AssetProfile>;
}

export type MarketDataErrorKind = "not_found" | "rate_limited" | "unavailable" | "invalid_response";

/** A provider failure in domain terms; `message` is written for an analyst, not a developer. */
export class MarketDataError extends Error {
  constructor(
    readonly kind: MarketDataErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "MarketDataError";
  }

  /** Worth trying again later (as opposed to a symbol that does not exist). */
  get transient(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable";
  }
}
