// Chart range presets, counted back from the last stored session (not from today, so a stale series still shows).
import { addDays } from "@/lib/dates";

export const RANGES = ["1M", "3M", "6M", "1Y", "5Y", "MAX"] as const;
export type RangeKey = (typeof RANGES)[number];

const DAYS: Record<Exclude<RangeKey, "MAX">, number> = { "1M": 31, "3M": 92, "6M": 183, "1Y": 366, "5Y": 1827 };

/** First date (inclusive) of the range ending at `lastDate`, or undefined for the whole history. */
export function rangeStart(range: RangeKey, lastDate: string | null): string | undefined {
  if (range === "MAX" || !lastDate) return undefined;
  return addDays(lastDate, -DAYS[range]);
}
