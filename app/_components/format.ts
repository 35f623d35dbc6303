// Number and date formatting shared by pages. Display only: exports keep full precision.

export function formatPrice(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const digits = Math.abs(value) >= 1000 ? 2 : Math.abs(value) >= 1 ? 2 : 4;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const sign = value > 0 ? "+" : "";
  return `${sign}${(value * 100).toFixed(digits)} %`;
}

export function formatDate(value: Date | string): string {
  const iso = typeof value === "string" ? value : value.toISOString().slice(0, 10);
  return iso;
}

/** Closes for a sparkline sent to the browser: five significant digits draw the same line in ~120 px and weigh half as much as full doubles. */
export function sparklineValues(values: readonly number[]): number[] {
  return values.map((v) => Number(v.toPrecision(5)));
}

export function assetHref(symbol: string): string {
  return `/assets/${encodeURIComponent(symbol)}`;
}

export const CATEGORY_LABEL: Record<string, string> = {
  SUMMIT: "Summit",
  DIPLOMACY: "Diplomacy",
  TREATY: "Treaty",
  MILITARY: "Military",
  SANCTIONS: "Sanctions",
  INTELLIGENCE: "Intelligence",
  UN: "UN",
  ECONOMIC: "Economic",
  OTHER: "Other",
};

export const DIRECTION_LABEL: Record<string, string> = { UP: "Expected up", DOWN: "Expected down", UNCERTAIN: "Uncertain" };
