// Risk snapshot: per asset, where it stood after the close of a date — last close, returns over the usual horizons,
// realised and EWMA volatility, VaR and ES, drawdown, beta and correlation. The figures are lib/studies' risk panel
// (the asset page's), cut at the date; only the trailing returns are computed here, from the same adjusted closes.
import "server-only";
import { z } from "zod";
import { DEFAULT_CONFIDENCE_LEVELS } from "@/lib/analytics";
import { ValidationError } from "@/lib/errors";
import { riskForAsset, RISK_PARAMETERS } from "@/lib/studies";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { lastCloses } from "@/lib/prices/bars";
import { col, UNIT, type Column } from "./columns";
import type { Cell } from "./csv-cells";
import { csvStream } from "./csv-stream";
import { slugPart } from "./filename";
import { optionalDate, symbolListSchema } from "./params";
import { defineReport } from "./report";
import { readDb } from "@/lib/db/read-routing";

export const riskSnapshotSchema = z.object({ asOf: optionalDate, assets: symbolListSchema });
export type RiskSnapshotParams = z.output<typeof riskSnapshotSchema>;

/** Trailing return horizons in sessions: a day, a week, a month, a quarter, a year. */
export const RETURN_HORIZONS = [1, 5, 20, 60, 252] as const;

const pct = (c: number) => String(Math.round(c * 1000) / 10).replace(".", "_");
const VOL = "annualised fraction (0.2 = 20 %)";
const LOSS = "loss as a fraction of value (0.02 = 2 %), one session";

export const RISK_SNAPSHOT_COLUMNS: readonly Column[] = [
  col("as_of_requested", "date", UNIT.date, "The date asked for; empty for the latest stored session."),
  col("symbol", "text", UNIT.text, "The asset's symbol."),
  col("name", "text", UNIT.text, "The asset's name."),
  col("data_source", "text", "YAHOO | CSV | DEMO", "Where the prices come from."),
  col("synthetic", "boolean", UNIT.bool, "true when the prices are synthetic demo data."),
  col("benchmark", "text", UNIT.text, "Symbol of the benchmark used for beta and correlation."),
  col("status", "text", "ok | no-prices | insufficient-data | invalid-data", "Whether the risk figures could be computed."),
  col("message", "text", UNIT.text, "Why not, when status is not ok."),
  col("as_of", "date", UNIT.date, "The last session used: the latest stored session on or before as_of_requested."),
  col("last_close", "number", "price in the asset's currency", "Close of that session as stored (not adjusted)."),
  col("last_adj_close", "number", "price in the asset's currency", "Adjusted close of that session (the close when none is stored)."),
  ...RETURN_HORIZONS.map((n) =>
    col(`return_${n}d`, "number", UNIT.fraction, `Simple return of the adjusted close over the last ${n} session${n > 1 ? "s" : ""}: P_t / P_{t−${n}} − 1.`),
  ),
  col("vol_20d", "number", VOL, "Realised volatility of the last 20 log returns (sample sd × √252)."),
  col("vol_60d", "number", VOL, "Realised volatility of the last 60 log returns."),
  col("vol_252d", "number", VOL, "Realised volatility of the last 252 log returns."),
  col("ewma_vol", "number", VOL, `RiskMetrics EWMA volatility (λ = ${RISK_PARAMETERS.ewmaLambda}) for the last session.`),
  col("ewma_vol_next", "number", VOL, "EWMA forecast for the next session."),
  col("vol_zscore", "number", "standard deviations", "20-day volatility against its trailing 252-value distribution."),
  col("vol_elevated", "boolean", UNIT.bool, `true when vol_zscore > ${RISK_PARAMETERS.zScoreThreshold}: an elevated-volatility regime.`),
  ...DEFAULT_CONFIDENCE_LEVELS.flatMap((c) => [
    col(`var_hist_${pct(c)}`, "number", LOSS, `Historical VaR at ${c * 100} %: minus the ${((1 - c) * 100).toFixed(1)} % quantile of all simple returns (linear interpolation).`),
    col(`es_hist_${pct(c)}`, "number", LOSS, `Historical expected shortfall at ${c * 100} %: minus the mean return at or below −VaR.`),
    col(`var_normal_${pct(c)}`, "number", LOSS, `Parametric (normal) VaR at ${c * 100} %: −(μ + z σ).`),
    col(`es_normal_${pct(c)}`, "number", LOSS, `Parametric (normal) expected shortfall at ${c * 100} %.`),
  ]),
  col(
    "max_drawdown",
    "number",
    "negative fraction (−0.3 = a 30 % fall)",
    "Largest peak-to-trough fall of the adjusted close over the whole history up to as_of, as a return: trough / peak − 1, so 0 or negative, as the asset page and overview show it.",
  ),
  col("drawdown_peak", "date", UNIT.date, "Session of the peak before that fall."),
  col("drawdown_trough", "date", UNIT.date, "Session of the trough."),
  col("drawdown_recovery", "date", UNIT.date, "First session back at the peak; empty when not recovered."),
  col("beta_60d", "number", "ratio", `β of the asset's log returns on the benchmark's over the last ${RISK_PARAMETERS.betaWindow} common sessions.`),
  col("correlation_60d", "number", "−1 … 1", `Correlation of the same returns over the same ${RISK_PARAMETERS.betaWindow} sessions.`),
];

export const riskSnapshotReport = defineReport({
  slug: "risk-snapshot",
  title: "Risk snapshot",
  description: "Per asset, as of a date: last close, trailing returns, realised and EWMA volatility, VaR and ES, drawdown, beta and correlation.",
  grain: "asset",
  columns: RISK_SNAPSHOT_COLUMNS,
  schema: riskSnapshotSchema,
  async run(params) {
    const assets = await readDb().asset.findMany({
      where: params.assets.length > 0 ? { symbol: { in: params.assets } } : {},
      select: { id: true, symbol: true },
      orderBy: { symbol: "asc" },
    });
    const missing = params.assets.filter((s) => !assets.some((a) => a.symbol === s));
    if (missing.length > 0) throw new ValidationError({ assets: [`Unknown asset${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`] });
    const ids = assets.map((a) => a.id);
    const [prices, lastBar] = await Promise.all([
      loadAdjustedCloses(ids, params.asOf),
      lastCloses(ids, params.asOf),
    ]);
    const rows: Cell[][] = [];
    for (const a of assets) {
      const risk = (await riskForAsset(a.id, params.asOf))!;
      const series = prices.get(a.id)!;
      const n = series.values.length;
      const last = series.values[n - 1];
      const bar = lastBar.get(a.id);
      const byConfidence = (c: number) => risk.valueAtRisk.find((v) => v.confidence === c);
      rows.push([
        params.asOf,
        risk.asset.symbol,
        risk.asset.name,
        risk.asset.source,
        risk.asset.source === "DEMO",
        risk.benchmark?.symbol,
        risk.status,
        risk.message,
        risk.asOf,
        bar?.close,
        last,
        ...RETURN_HORIZONS.map((h) => (n > h && last !== undefined ? last / series.values[n - 1 - h]! - 1 : null)),
        risk.latest.vol20,
        risk.latest.vol60,
        risk.latest.vol252,
        risk.latest.ewma,
        risk.latest.ewmaNext,
        risk.latest.zScore,
        risk.status === "ok" ? risk.latest.elevated : null,
        ...DEFAULT_CONFIDENCE_LEVELS.flatMap((c) => {
          const v = byConfidence(c);
          return [v?.historicalVaR, v?.historicalES, v?.parametricVaR, v?.parametricES];
        }),
        // The analytics give the size of the fall (positive); reports and pages show it as the return it was.
        risk.maxDrawdown.maxDrawdown === null ? null : -risk.maxDrawdown.maxDrawdown || 0,
        risk.maxDrawdown.peakDate,
        risk.maxDrawdown.troughDate,
        risk.maxDrawdown.recoveryDate,
        risk.beta?.beta,
        risk.beta?.correlation,
      ]);
    }
    const who = params.assets.length > 0 ? slugPart(params.assets.join("-"), 50) : "all-assets";
    return {
      subject: `${who}-as-of-${params.asOf ?? "latest"}`,
      assetIds: ids,
      body: async ({ bom }) => csvStream(RISK_SNAPSHOT_COLUMNS, rows, { bom }),
      rowCount: async () => rows.length,
      settings: { ...RISK_PARAMETERS, confidences: DEFAULT_CONFIDENCE_LEVELS, returnHorizons: RETURN_HORIZONS, asOf: params.asOf ?? null },
    };
  },
});
