export { YahooProvider, toHistory } from "./yahoo-provider";
export type { ProviderLogger, YahooHistory, YahooProviderOptions } from "./yahoo-provider";
export { fileCookieJarStore, type CookieJarStore } from "./cookie-jar-store";
