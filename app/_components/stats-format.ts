// Display of test statistics and verdicts, shared by the study views. Display only: the JSON API keeps full precision.
import { ordinal } from "@/lib/analytics/scoreboard";

export function formatStat(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toFixed(digits).replace("-", "−");
}

export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value < 0.001 ? "< 0.001" : value.toFixed(3);
}

/** Signed percent with a real minus sign, e.g. "+1.23 %", "−0.40 %". */
export function formatReturn(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const s = (Math.abs(value) * 100).toFixed(digits);
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${s} %`;
}

/** Unsigned percent for sizes (standard deviations, volatilities), e.g. "0.14 %". */
export function formatSize(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)} %`;
}

/** Percentile of the actual CAR among placebo CARs: "97th percentile of 1,000", "42nd", "1st" (ordinals by Intl.PluralRules). */
export function formatPercentile(value: number | null | undefined, draws: number): string {
  if (value === null || value === undefined || !Number.isFinite(value) || draws === 0) return "—";
  return `${ordinal(Math.round(value))} percentile of ${draws.toLocaleString("en-US")}`;
}

export const HYPOTHESIS_LABEL: Record<string, string> = {
  confirmed: "Confirmed",
  contradicted: "Contradicted",
  inconclusive: "Inconclusive",
};

export const HYPOTHESIS_COLOR: Record<string, "emerald" | "rose" | "gray"> = {
  confirmed: "emerald",
  contradicted: "rose",
  inconclusive: "gray",
};
