// SQL text for reports that PostgreSQL writes itself with COPY (which takes no bind parameters): the callers splice
// these subqueries into their SELECT. `assetIdExpr` is a column reference of the caller's query, never user input;
// `upTo` is a validated date literal clause or "".

/** Usable price for returns: positive and finite (NaN sorts above Infinity), the rule of adjusted-closes.ts. */
const PRICE = "COALESCE(adj_close, close)";
const USABLE = `${PRICE} > 0 AND ${PRICE} < 'Infinity'::float8`;

/** Every stored bar of the asset with the previous bar's date, close and adjusted close. */
export function barsWithPreviousSql(assetIdExpr: string, upTo: string): string {
  return `SELECT date, open, high, low, close, adj_close, volume,
           lag(date) OVER w AS prev_date, lag(close) OVER w AS prev_close, lag(adj_close) OVER w AS prev_adj
    FROM price_bar WHERE asset_id = ${assetIdExpr}${upTo}
    WINDOW w AS (ORDER BY date)`;
}

/** The asset's usable adjusted closes as (date, p). */
export function usablePricesSql(assetIdExpr: string, upTo: string): string {
  return `SELECT date, ${PRICE} AS p FROM price_bar WHERE asset_id = ${assetIdExpr}${upTo} AND ${USABLE}`;
}
