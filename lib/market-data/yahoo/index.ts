export { YahooProvider, toHistory } from "./yahoo-provider";
export type { HistoryManyResult, ProviderLogger, YahooHistory, YahooProviderOptions } from "./yahoo-provider";
export { fileCookieJarStore, type CookieJarStore } from "./cookie-jar-store";
export { tradingDate } from "./trading-date";
