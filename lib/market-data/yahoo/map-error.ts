// The one place Yahoo and transport failures become MarketDataErrors, with messages an analyst can act on.
// yahoo-finance2 does not export all its error classes, so they are recognised by `name` (and, for the JSON parse
// failure that has no class of its own, by message).
import { HttpFailure } from "@/lib/market-data/fetch-policy";
import { MarketDataError } from "@/lib/market-data/provider";
import { YahooSessionRejected, YahooSymbolNotFound } from "./yahoo-fetch";

export interface YahooCallContext {
  /** What we were doing, in words: "fetching prices for AAPL". */
  action: string;
  symbol?: string;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export function toMarketDataError(error: unknown, context: YahooCallContext, timeoutMs: number): MarketDataError {
  if (error instanceof MarketDataError) return error;
  const where = ` while ${context.action}`;

  if (error instanceof YahooSymbolNotFound) {
    return new MarketDataError("not_found", `Yahoo has no symbol "${context.symbol ?? "?"}".`);
  }
  if (error instanceof YahooSessionRejected) {
    return new MarketDataError("unavailable", `Yahoo refused our session${where}; it will be renewed on the next try.`);
  }
  if (error instanceof HttpFailure) {
    const tries = error.attempts > 1 ? ` (tried ${error.attempts} times)` : "";
    switch (error.reason) {
      case "rate_limited":
        return new MarketDataError("rate_limited", `Yahoo is rate-limiting requests${tries}.`, error.retryAfterMs);
      case "server_error":
        return new MarketDataError("unavailable", `Yahoo Finance is having problems (HTTP ${error.status})${where}${tries}.`);
      case "timeout":
        return new MarketDataError("unavailable", `Yahoo Finance did not answer within ${seconds(timeoutMs)}${where}${tries}.`);
      case "network":
        return new MarketDataError("unavailable", `Could not reach Yahoo Finance${where}${tries}; check the network connection.`);
    }
  }

  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "FailedYahooValidationError") {
    return new MarketDataError("invalid_response", `Yahoo sent data in an unexpected format${where}; Yahoo may have changed its API.`);
  }
  if (/where we expect JSON/.test(message)) {
    return new MarketDataError("invalid_response", `Yahoo sent a response that is not valid JSON${where}.`);
  }
  if (/crumb|set-cookie/i.test(message)) {
    return new MarketDataError("unavailable", `Could not start a session with Yahoo Finance${where}.`);
  }
  if (name === "HTTPError") {
    const status = (error as { code?: unknown }).code;
    return new MarketDataError("unavailable", `Yahoo Finance refused the request (HTTP ${String(status)})${where}.`);
  }
  if (name === "BadRequestError") {
    return new MarketDataError("invalid_response", `Yahoo rejected the request${where}: ${message}`);
  }
  // TypeErrors from reading an unexpected shape, "Unexpected result: …", RangeError for an unknown time zone.
  return new MarketDataError("invalid_response", `Yahoo sent data Faultline could not read${where}.`);
}
