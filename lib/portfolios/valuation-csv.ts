// The valuation of a portfolio as a CSV download, written by the report CSV writer: columns typed, numbers at full
// precision, text cells neutralised against spreadsheet formulas (a symbol or name starting with "=" stays text).
import "server-only";
import { col, UNIT, type Column } from "@/lib/reports/columns";
import type { Cell } from "@/lib/reports/csv-cells";
import { csvHeader, csvLines } from "@/lib/reports/csv-stream";
import type { PortfolioValuation } from "./valuation";

export const VALUATION_COLUMNS: Column[] = [
  col("portfolio", "text", UNIT.text, "Portfolio name"),
  col("base_currency", "text", "ISO 4217 code", "Currency every value is stated in"),
  col("symbol", "text", UNIT.text, "Asset symbol"),
  col("name", "text", UNIT.text, "Asset name"),
  col("asset_currency", "text", "ISO 4217 code (USX = US cents)", "Currency of the asset's prices"),
  col("quantity", "number", "units", "Units held, or implied by weight × notional"),
  col("weight_input", "number", UNIT.fraction, "Weight stated for a weight portfolio; empty for quantities"),
  col("close", "number", "price in the asset's currency", "Last stored close"),
  col("price_date", "date", UNIT.date, "Trading date of that close: the position's data-as-of"),
  col("fx_rate", "number", "base currency per unit of the asset's currency", "Conversion used (1 for the base currency)"),
  col("fx_series", "text", UNIT.list, "FX series used, with ^-1 when divided by"),
  col("value", "number", "base currency", "Market value: quantity × close × fx_rate (weight × notional for weights)"),
  col("share", "number", UNIT.fraction, "Value ÷ total of the valued positions"),
  col("status", "text", "ok / missing-price / missing-fx", "Why a position has no value"),
  col("missing_fx", "text", UNIT.list, "FX series to add before the position can be valued"),
];

export function valuationCsv(v: PortfolioValuation, options: { bom?: boolean } = {}): string {
  const rows: Cell[][] = v.positions.map((p) => [
    v.portfolio.name, v.portfolio.baseCurrency, p.symbol, p.name, p.currency, p.units, p.weight, p.price, p.priceDate, p.fxRate,
    p.fxLegs.map((l) => `${l.symbol}${l.invert ? "^-1" : ""}`).join(";"), p.value, p.share, p.status, p.missingFx.join(";"),
  ]);
  return `${options.bom ? "\ufeff" : ""}${csvHeader(VALUATION_COLUMNS)}${csvLines(VALUATION_COLUMNS, rows)}`;
}
