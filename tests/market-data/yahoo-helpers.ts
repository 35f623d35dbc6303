// Builds a YahooProvider for tests: Yahoo served by msw, retries without real waiting (delays are recorded), and a
// logger that keeps what it was told instead of printing it.
import { MarketDataError } from "@/lib/market-data/provider";
import type { ProviderLogger, YahooProviderOptions } from "@/lib/market-data/yahoo";
import { YahooProvider } from "@/lib/market-data/yahoo";
import { mswServer } from "../msw/server";
import { newTraffic, yahooHandlers, type YahooTraffic } from "../msw/yahoo";

export interface TestProvider {
  provider: YahooProvider;
  traffic: YahooTraffic;
  /** Delays the retry policy asked for, in order. */
  sleeps: number[];
  logs: Array<{ level: keyof ProviderLogger; message: string }>;
}

export function recordingLogger(logs: TestProvider["logs"]): ProviderLogger {
  const record = (level: keyof ProviderLogger) => (message: string) => void logs.push({ level, message });
  return { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
}

export function makeProvider(options: YahooProviderOptions = {}): TestProvider {
  const traffic = newTraffic();
  mswServer.use(...yahooHandlers(traffic));
  const sleeps: number[] = [];
  const logs: TestProvider["logs"] = [];
  const provider = new YahooProvider({
    logger: recordingLogger(logs),
    retryHooks: {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 1, // the top of each jitter range, so delays are predictable
    },
    ...options,
    policy: { timeoutMs: 2_000, ...options.policy },
  });
  return { provider, traffic, sleeps, logs };
}

/** The MarketDataError a promise rejects with (fails the test if it resolves or throws something else). */
export async function marketDataErrorOf(promise: Promise<unknown>): Promise<MarketDataError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MarketDataError) return error;
    throw new Error(`expected a MarketDataError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected a MarketDataError, but the call succeeded");
}
