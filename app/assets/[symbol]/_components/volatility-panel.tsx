import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../../_components/data-table";
import { Badge } from "../../../_components/badge";
import { riskForAsset } from "@/lib/studies";
import { formatReturn, formatStat } from "../../../_components/stats-format";
import { VolatilityChart, type VolatilityMarker } from "./volatility-chart";
import { ChartFigure } from "../../../_components/chart-figure";
import { extremesSummary } from "@/lib/charts/summary";

const vol = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const loss = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(2)} %`);

/**
 * "Is risk rising?": 20-day and EWMA volatility over the chart's range (computed on the whole history, so the first
 * windows of the range are full), the regime z-score, VaR/ES, drawdown and beta.
 */
export async function VolatilityPanel({ assetId, from, markers }: { assetId: number; from?: string; markers: VolatilityMarker[] }) {
  const risk = await riskForAsset(assetId);
  if (!risk) return null;
  if (risk.status !== "ok") {
    return (
      <Card>
        <Title>Volatility and risk</Title>
        <Text className="mt-2">{risk.message}</Text>
      </Card>
    );
  }
  const { series, latest, parameters: p } = risk;
  const start = from ? series.dates.findIndex((d) => d >= from) : 0;
  const points = series.dates.slice(Math.max(0, start)).map((date, k) => {
    const i = Math.max(0, start) + k;
    return { date, vol20: series.vol20[i] ?? null, ewma: series.ewma[i] ?? null };
  });
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Title>Volatility</Title>
        <div className="flex flex-wrap items-center gap-2 text-tremor-default">
          <span>20d {vol(latest.vol20)}</span>
          <span>· EWMA next day {vol(latest.ewmaNext)}</span>
          <span>· z {formatStat(latest.zScore)}</span>
          {latest.elevated ? <Badge color="rose" size="xs">elevated</Badge> : <Badge color="gray" size="xs">normal regime</Badge>}
        </div>
      </div>
      <div className="mt-3">
        <ChartFigure
          label="20-day realised and EWMA volatility, annualised"
          summary={extremesSummary("20-day realised volatility", points.map((p) => ({ date: p.date, value: p.vol20 })), (v) => vol(v), markers.length)}
        >
          <VolatilityChart points={points} markers={markers} />
        </ChartFigure>
        <details className="mt-1">
          <summary className="cursor-pointer py-1 text-tremor-default">Data table ({points.length} sessions)</summary>
          <div className="mt-2 max-h-64 overflow-auto" tabIndex={0} role="region" aria-label="Volatility data table">
            <table className="w-full text-tremor-label tabular-nums">
              <thead>
                <tr className="text-left">
                  <th className="px-2">Date</th>
                  <th className="px-2 text-right">20-day realised</th>
                  <th className="px-2 text-right">EWMA</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.date}>
                    <td className="px-2">{p.date}</td>
                    <td className="px-2 text-right">{vol(p.vol20)}</td>
                    <td className="px-2 text-right">{vol(p.ewma)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
      <Text className="mt-2 text-tremor-label">
        Annualised (√{p.annualisationDays}) volatility of daily log returns of adjusted closes: 20-session realised (sample sd) and
        EWMA (λ = {p.ewmaLambda}, seeded with the first 20 returns). z = the 20-day volatility against its last {p.zScoreHistory}{" "}
        values; elevated above {p.zScoreThreshold}. {risk.returns} returns to {risk.asOf}. Orange dots: this asset&apos;s events.
      </Text>
      <div className="mt-4 grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <div>
          <DataTable label="Risk figures">
            <TableHead>
              <TableRow>
                <TableHeaderCell>1-day loss</TableHeaderCell>
                <TableHeaderCell className="text-right">Hist. VaR</TableHeaderCell>
                <TableHeaderCell className="text-right">Hist. ES</TableHeaderCell>
                <TableHeaderCell className="text-right">Normal VaR</TableHeaderCell>
                <TableHeaderCell className="text-right">Normal ES</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {risk.valueAtRisk.map((r) => (
                <TableRow key={r.confidence}>
                  <TableCell>{(r.confidence * 100).toFixed(1)} %</TableCell>
                  <TableCell className="text-right tabular-nums">{loss(r.historicalVaR)}</TableCell>
                  <TableCell className="text-right tabular-nums">{loss(r.historicalES)}</TableCell>
                  <TableCell className="text-right tabular-nums">{loss(r.parametricVaR)}</TableCell>
                  <TableCell className="text-right tabular-nums">{loss(r.parametricES)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
          <Text className="mt-1 text-tremor-label">On all {risk.returns} simple daily returns; losses as fractions of value.</Text>
        </div>
        <dl className="grid min-w-0 grid-cols-2 gap-x-4 gap-y-2 break-words text-tremor-default">
          <dt>Volatility 60d / 1y</dt>
          <dd className="tabular-nums">{vol(latest.vol60)} / {vol(latest.vol252)}</dd>
          <dt>Maximum drawdown</dt>
          <dd className="tabular-nums">
            {risk.maxDrawdown.maxDrawdown === null ? "—" : formatReturn(-risk.maxDrawdown.maxDrawdown)}
            {risk.maxDrawdown.peakDate && (
              <span className="block text-tremor-label">
                peak {risk.maxDrawdown.peakDate}, trough {risk.maxDrawdown.troughDate}, {risk.maxDrawdown.recoveryDate ? `recovered ${risk.maxDrawdown.recoveryDate}` : "not recovered"}
              </span>
            )}
          </dd>
          <dt>β / ρ vs {risk.benchmark?.symbol ?? "benchmark"}</dt>
          <dd className="tabular-nums">
            {risk.beta ? `${formatStat(risk.beta.beta)} / ${formatStat(risk.beta.correlation)}` : "no benchmark"}
            {risk.beta && <span className="block text-tremor-label">{risk.beta.window} aligned log returns to {risk.beta.date}</span>}
          </dd>
        </dl>
      </div>
    </Card>
  );
}
