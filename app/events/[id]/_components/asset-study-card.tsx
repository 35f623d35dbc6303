import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text } from "@tremor/react";
import { DataTable } from "../../../_components/data-table";
import { Badge } from "../../../_components/badge";
import Link from "next/link";
import { describePlacebo } from "@/lib/analytics/scoreboard";
import { MODEL_LABEL, windowLabel, type AssetStudyEntry, type StudySettingsJson } from "@/lib/studies";
import { DIRECTION_LABEL, assetHref } from "../../../_components/format";
import { HYPOTHESIS_COLOR, HYPOTHESIS_LABEL, formatP, formatPercentile, formatReturn, formatSize, formatStat } from "../../../_components/stats-format";
import { StudyChart } from "../../../_components/study-chart";
import { HIDE_NARROW, StatDetails } from "../../../_components/stat-details";
import { eventPathSummary } from "@/lib/charts/summary";
import { SyntheticBadge } from "../../../_components/synthetic-badge";

function DroppedInWindows({ dropped, symbol, benchmark }: { dropped: NonNullable<AssetStudyEntry["droppedInWindows"]>; symbol: string; benchmark: string }) {
  const parts = (["estimation", "event"] as const).flatMap((w) => {
    const d = dropped[w];
    const bits = [
      d.asset.length ? `${d.asset.join(", ")} (${symbol} traded, ${benchmark} did not)` : "",
      d.benchmark.length ? `${d.benchmark.join(", ")} (${benchmark} traded, ${symbol} did not)` : "",
    ].filter(Boolean);
    return bits.length ? [`${w} window: ${bits.join("; ")}`] : [];
  });
  if (!parts.length) return null;
  return <Text className="mt-1" data-testid={`dropped-${symbol}`}>Sessions left out (not filled): {parts.join(" · ")}.</Text>;
}

/** One exposed asset: verdict, AR and CAR paths with their bands, the statistics table and every parameter used. */
export function AssetStudyCard({ entry, settings }: { entry: AssetStudyEntry; settings: StudySettingsJson }) {
  const { asset, study, hypothesis } = entry;
  const placebo = entry.placebo[0];
  const bench = entry.benchmark ? `benchmark ${entry.benchmark.symbol}` : "no benchmark";
  return (
    <Card data-testid={`study-${asset.symbol}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={assetHref(asset.symbol)} className="text-tremor-title font-semibold text-tremor-brand hover:underline dark:text-dark-tremor-brand">{asset.symbol}</Link>
        <Text>{asset.name}</Text>
        {asset.source === "DEMO" && <SyntheticBadge />}
        <Badge size="xs" color="gray">{DIRECTION_LABEL[entry.direction]}</Badge>
        {hypothesis && (
          <Badge size="xs" color={HYPOTHESIS_COLOR[hypothesis.score]} tooltip={`Scored on CAR ${windowLabel(hypothesis.window)} at α = ${settings.alpha}`}>
            Hypothesis {HYPOTHESIS_LABEL[hypothesis.score]?.toLowerCase()}
          </Badge>
        )}
      </div>
      <p className="mt-2 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">{entry.summary}</p>
      {entry.modelNote && <Text className="mt-1">{entry.modelNote}</Text>}
      {entry.dayZero?.disclosure && (
        <p className="mt-1 text-tremor-default text-amber-800 dark:text-amber-300" data-testid={`day0-disclosure-${asset.symbol}`}>
          {entry.dayZero.disclosure} {entry.suggestedBenchmark && `A same-market benchmark is stored: ${entry.suggestedBenchmark}.`}
        </p>
      )}
      {entry.droppedInWindows && <DroppedInWindows dropped={entry.droppedInWindows} symbol={asset.symbol} benchmark={entry.benchmark?.symbol ?? "the benchmark"} />}
      {study && (
        <>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <figure aria-describedby={`ar-summary-${asset.id}`}>
              <figcaption className="text-tremor-default font-medium">Abnormal return AR<sub>τ</sub> (%)</figcaption>
              <p id={`ar-summary-${asset.id}`} className="sr-only">{eventPathSummary(`${asset.symbol} abnormal return`, study.path.map((p) => ({ tau: p.tau, value: p.ar })))}</p>
              <StudyChart
                testId={`ar-chart-${asset.symbol}`}
                label="AR"
                points={study.path.map((p) => ({ tau: p.tau, date: p.date, value: p.ar, low: p.arLow, high: p.arHigh }))}
              />
            </figure>
            <figure aria-describedby={`car-summary-${asset.id}`}>
              <p id={`car-summary-${asset.id}`} className="sr-only">{eventPathSummary(`${asset.symbol} cumulative abnormal return`, study.path.map((p) => ({ tau: p.tau, value: p.car })))}</p>
              <figcaption className="text-tremor-default font-medium">Cumulative abnormal return CAR({formatStat(study.eventWindow[0], 0)}, τ) (%)</figcaption>
              <StudyChart
                testId={`car-chart-${asset.symbol}`}
                label="CAR"
                color="#0f766e"
                points={study.path.map((p) => ({ tau: p.tau, date: p.date, value: p.car, low: p.carLow, high: p.carHigh }))}
              />
            </figure>
          </div>
          <Text className="mt-1 text-tremor-label">
            {MODEL_LABEL[study.model]}, {bench}; estimation {windowLabel(study.estimationWindow)} (n = {study.estimationN}, df {study.df}; α̂ ={" "}
            {formatStat(study.alpha, 5)}, β̂ = {formatStat(study.beta, 3)}, σ̂<sub>ε</sub> = {formatSize(study.sigma)}); event window{" "}
            {windowLabel(study.eventWindow)}; day 0 = {study.day0Date} (first session closing after the event: {entry.sessionClose.close}{" "}
            {entry.sessionClose.timeZone}, {entry.sessionClose.basis}). Shaded: 95 % band under &ldquo;no effect&rdquo; (±t = {study.criticalT.toFixed(3)} × sd,
            CAR with its exact variance).
            {entry.droppedBenchmarkDates + entry.droppedAssetDates > 0 &&
              ` Aligned on common sessions: ${entry.droppedAssetDates} asset and ${entry.droppedBenchmarkDates} benchmark dates dropped, none filled.`}
          </Text>
          <DataTable label={`${asset.symbol}: statistics by window`} className="mt-4">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Window</TableHeaderCell>
                <TableHeaderCell className="text-right">CAR</TableHeaderCell>
                <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>sd</TableHeaderCell>
                <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>t</TableHeaderCell>
                <TableHeaderCell className="text-right">p</TableHeaderCell>
                <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Patell Z (p)</TableHeaderCell>
                <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Corrado Z (p)</TableHeaderCell>
                <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Sign Z (p)</TableHeaderCell>
                <TableHeaderCell>Reading</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {study.windows.map((w) => (
                <TableRow key={w.label}>
                  <TableCell className="tabular-nums">
                    {w.label}
                    <StatDetails
                      items={[
                        ["sd", formatSize(w.sd)],
                        ["t", formatStat(w.t)],
                        ["Patell Z (p)", `${formatStat(w.patellZ)} (${formatP(w.patellP)})`],
                        ["Corrado Z (p)", `${formatStat(w.rankZ)} (${formatP(w.rankP)})`],
                        ["Sign Z (p)", `${formatStat(w.signZ)} (${formatP(w.signP)})`],
                      ]}
                    />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatReturn(w.car)}</TableCell>
                  <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatSize(w.sd)}</TableCell>
                  <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.t)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatP(w.p)}</TableCell>
                  <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.patellZ)} ({formatP(w.patellP)})</TableCell>
                  <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.rankZ)} ({formatP(w.rankP)})</TableCell>
                  <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.signZ)} ({formatP(w.signP)})</TableCell>
                  <TableCell className="whitespace-normal">{w.significant ? "significant" : "no detectable effect"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
          <Text className="mt-2 text-tremor-label">
            t test against Student t({study.df}); Patell, Corrado rank and generalised sign tests against N(0, 1); significance at α = {settings.alpha} on t.
            BMP and Kolari–Pynnönen are cross-sectional: see the aggregate.
            {placebo &&
              ` Placebo: ${describePlacebo({ shareAsLarge: placebo.shareAsLarge ?? NaN, draws: placebo.draws, window: placebo.label })} Among them the event's CAR sits at the ${formatPercentile(placebo.percentile, placebo.draws)} (empirical two-sided p ${formatP(placebo.pValue)}; seed ${placebo.seed}; dates of ${asset.symbol}, other events' windows excluded).`}
          </Text>
          <details className="mt-2 text-tremor-default">
            <summary className="cursor-pointer py-1 text-tremor-brand dark:text-dark-tremor-brand">Data behind the charts</summary>
            <DataTable label={`${asset.symbol}: data behind the charts`} className="mt-2">
              <TableHead>
                <TableRow>
                  <TableHeaderCell>τ</TableHeaderCell>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell className="text-right">AR</TableHeaderCell>
                  <TableHeaderCell className="text-right">AR band</TableHeaderCell>
                  <TableHeaderCell className="text-right">CAR</TableHeaderCell>
                  <TableHeaderCell className="text-right">CAR band</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {study.path.map((p) => (
                  <TableRow key={p.tau}>
                    <TableCell className="tabular-nums">{formatStat(p.tau, 0)}</TableCell>
                    <TableCell className="tabular-nums">{p.date}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatReturn(p.ar, 3)}</TableCell>
                    <TableCell className="text-right tabular-nums">±{formatSize(p.arHigh, 3)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatReturn(p.car, 3)}</TableCell>
                    <TableCell className="text-right tabular-nums">±{formatSize(p.carHigh, 3)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </DataTable>
          </details>
        </>
      )}
    </Card>
  );
}
