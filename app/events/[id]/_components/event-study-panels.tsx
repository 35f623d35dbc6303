import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../../_components/data-table";
import { MIN_CROSS_SECTIONAL_ASSETS, TOO_FEW_ASSETS } from "@/lib/analytics/scoreboard";
import { MODEL_LABEL, windowLabel, type StudyQuery } from "@/lib/studies";
import { formatP, formatReturn, formatStat } from "../../../_components/stats-format";
import { StudyChart } from "../../../_components/study-chart";
import { ChartFigure } from "../../../_components/chart-figure";
import { eventPathSummary } from "@/lib/charts/summary";
import { HIDE_NARROW, StatDetails } from "../../../_components/stat-details";
import { AssetStudyCard } from "./asset-study-card";
import { loadEventStudy, studyQueryKey } from "./load-event-study";

/** Across the exposed assets: CAAR path and the cross-sectional tests, with what they assume. */
export async function EventAggregatePanel({ eventId, query }: { eventId: number; query: StudyQuery }) {
  const report = await loadEventStudy(eventId, studyQueryKey(query));
  if (!report) return null;
  const agg = report.aggregate;
  const s = report.settings;
  if (!agg) {
    return (
      <Card>
        <Title>Event study across assets</Title>
        <Text className="mt-2">
          No exposed asset has a complete study for this event yet ({report.assets.length === 0 ? "no asset is linked" : "see the reasons per asset below"}).
        </Text>
      </Card>
    );
  }
  const verdict = agg.windows.find((w) => w.window[0] === s.verdictWindow[0] && w.window[1] === s.verdictWindow[1]);
  return (
    <Card data-testid="event-aggregate">
      <Title>Event study across {agg.n} asset{agg.n === 1 ? "" : "s"}</Title>
      {verdict && (
        <p className="mt-2 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {!verdict.crossSectionalTest
            ? `CAAR ${verdict.label} ${formatReturn(verdict.caar)} over ${agg.n} asset${agg.n === 1 ? "" : "s"}: ${TOO_FEW_ASSETS} (the minimum is ${MIN_CROSS_SECTIONAL_ASSETS}).`
            : verdict.significant
              ? `Abnormal average move: CAAR ${verdict.label} ${formatReturn(verdict.caar)} (Kolari–Pynnönen p ${formatP(verdict.kpP)}).`
              : `No detectable effect on average — CAAR ${verdict.label} ${formatReturn(verdict.caar)} is within normal variation (Kolari–Pynnönen p ${formatP(verdict.kpP)}).`}
        </p>
      )}
      <div className="mt-4 max-w-3xl">
        <ChartFigure label={`CAAR across ${agg.n} assets in event time`} summary={eventPathSummary(`CAAR across ${agg.n} assets`, agg.taus.map((tau, k) => ({ tau, value: agg.caar[k] ?? null })))}>
          <StudyChart testId="caar-chart" label="CAAR" color="#0f766e" points={agg.taus.map((tau, k) => ({ tau, value: agg.caar[k] ?? null, low: null, high: null }))} />
        </ChartFigure>
      </div>
      <DataTable label="Cross-sectional tests by window" className="mt-4">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Window</TableHeaderCell>
            <TableHeaderCell className="text-right">CAAR</TableHeaderCell>
            <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Cross-sect. t (p)</TableHeaderCell>
            <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Patell Z (p)</TableHeaderCell>
            <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>BMP t (p)</TableHeaderCell>
            <TableHeaderCell className="text-right">Kolari–Pynnönen t (p)</TableHeaderCell>
            <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Rank Z (p)</TableHeaderCell>
            <TableHeaderCell className={`text-right ${HIDE_NARROW}`}>Sign Z (p)</TableHeaderCell>
            <TableHeaderCell className="text-right">CAR &gt; 0</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {agg.windows.map((w) =>
            w.crossSectionalTest ? (
              <TableRow key={w.label}>
                <TableCell className="tabular-nums">
                  {w.label}
                  <StatDetails
                    items={[
                      ["Cross-sect. t (p)", `${formatStat(w.crossSectionalT)} (${formatP(w.crossSectionalP)})`],
                      ["Patell Z (p)", `${formatStat(w.patellZ)} (${formatP(w.patellP)})`],
                      ["BMP t (p)", `${formatStat(w.bmpT)} (${formatP(w.bmpP)})`],
                      ["Rank Z (p)", `${formatStat(w.rankZ)} (${formatP(w.rankP)})`],
                      ["Sign Z (p)", `${formatStat(w.signZ)} (${formatP(w.signP)})`],
                    ]}
                  />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatReturn(w.caar)}</TableCell>
                <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.crossSectionalT)} ({formatP(w.crossSectionalP)})</TableCell>
                <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.patellZ)} ({formatP(w.patellP)})</TableCell>
                <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.bmpT)} ({formatP(w.bmpP)})</TableCell>
                <TableCell className="text-right tabular-nums">{formatStat(w.kpT)} ({formatP(w.kpP)})</TableCell>
                <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.rankZ)} ({formatP(w.rankP)})</TableCell>
                <TableCell className={`text-right tabular-nums ${HIDE_NARROW}`}>{formatStat(w.signZ)} ({formatP(w.signP)})</TableCell>
                <TableCell className="text-right tabular-nums">{w.positiveCount} of {w.n}</TableCell>
              </TableRow>
            ) : (
              <TableRow key={w.label}>
                <TableCell className="tabular-nums">{w.label}</TableCell>
                <TableCell className="text-right tabular-nums">{formatReturn(w.caar)}</TableCell>
                <TableCell colSpan={6} className="text-center italic" data-testid="too-few-assets">{TOO_FEW_ASSETS}</TableCell>
                <TableCell className="text-right tabular-nums">{w.positiveCount} of {w.n}</TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </DataTable>
      <Text className="mt-2 text-tremor-label">
        {agg.members.join(", ")} · {MODEL_LABEL[s.model]} requested; estimation {windowLabel(s.estimationWindow)}, event window {windowLabel(s.eventWindow)}; N = {agg.n};
        mean residual correlation r̄ = {formatStat(agg.averageResidualCorrelation, 3)} over {agg.clusteredPairs} pair{agg.clusteredPairs === 1 ? "" : "s"} sharing a
        day 0. t tests against t(N − 1), Z against N(0, 1); significance on Kolari–Pynnönen at α = {s.alpha}; no cross-sectional statistic below {MIN_CROSS_SECTIONAL_ASSETS} assets. {agg.notes.join(" ")}
      </Text>
    </Card>
  );
}

/** One card per exposed asset, in symbol order. */
export async function EventAssetStudies({ eventId, query }: { eventId: number; query: StudyQuery }) {
  const report = await loadEventStudy(eventId, studyQueryKey(query));
  if (!report || report.assets.length === 0) return null;
  return (
    <section className="space-y-4" aria-label="Event study per asset">
      {report.assets.map((entry) => (
        <AssetStudyCard key={entry.asset.id} entry={entry} settings={report.settings} />
      ))}
    </section>
  );
}
