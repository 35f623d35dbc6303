// A stored trading day and a corporate action, as every source hands them over and the price store keeps them.

/** One daily bar. `date` is the trading date in the exchange's time zone (YYYY-MM-DD), never a UTC instant. */
export interface DailyBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  /** Close adjusted for splits and dividends; null when the source has none (returns then use close). */
  adjClose: number | null;
  volume: number | null;
}

export interface CorporateAction {
  date: string;
  kind: "split" | "dividend";
  /** Split ratio numerator/denominator (e.g. 4 for 4:1), or the dividend amount per share. */
  value: number;
}
