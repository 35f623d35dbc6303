// The top of the event page: how the hypotheses fared and one directional headline, before any table.
import { Card } from "@tremor/react";
import { MIN_CROSS_SECTIONAL_ASSETS, TOO_FEW_ASSETS } from "@/lib/analytics/scoreboard";
import { windowLabel, type AssetStudyEntry, type StudyQuery } from "@/lib/studies";
import { formatP, formatReturn, formatSize, formatStat } from "../../../_components/stats-format";
import { loadEventStudy, studyQueryKey } from "./load-event-study";

const TILES = [
  { key: "confirmed", label: "confirmed", tone: "text-emerald-700 dark:text-emerald-400" },
  { key: "contradicted", label: "contradicted", tone: "text-rose-700 dark:text-rose-400" },
  { key: "inconclusive", label: "inconclusive", tone: "text-tremor-content-strong dark:text-dark-tremor-content-strong" },
  { key: "pending", label: "pending", tone: "text-tremor-content dark:text-dark-tremor-content" },
] as const;

/** Day 0 per asset, in words wherever a benchmark's calendar moved it off the asset's own session. */
function DayZeroNotes({ entries }: { entries: AssetStudyEntry[] }) {
  const moved = entries.filter((e) => e.dayZero?.disclosure);
  if (moved.length === 0) return null;
  return (
    <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-tremor-default text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200" data-testid="day0-notes">
      <p className="font-medium">Day 0 moved by a benchmark&apos;s calendar</p>
      <ul className="mt-1 list-disc pl-5">
        {moved.map((e) => (
          <li key={e.asset.symbol}>
            {e.dayZero!.disclosure}
            {e.suggestedBenchmark && ` A same-market benchmark is stored: ${e.suggestedBenchmark}.`}
          </li>
        ))}
      </ul>
    </div>
  );
}

export async function EventScoreboard({ eventId, query }: { eventId: number; query: StudyQuery }) {
  const report = await loadEventStudy(eventId, studyQueryKey(query));
  if (!report || report.assets.length === 0) return null;
  const b = report.scoreboard;
  const w = windowLabel(report.settings.verdictWindow);
  const scored = b.confirmed + b.contradicted + b.inconclusive;
  const d = b.directional;
  return (
    <Card data-testid="event-scoreboard">
      <h2 className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Scoreboard</h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {TILES.map((t) => (
          <div key={t.key} className="rounded border border-tremor-border p-2 dark:border-dark-tremor-border">
            <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{t.label}</dt>
            <dd className={`text-2xl font-semibold tabular-nums ${t.tone}`} data-testid={`score-${t.key}`}>{b[t.key]}</dd>
          </div>
        ))}
        <div className="rounded border border-tremor-border p-2 dark:border-dark-tremor-border">
          <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">hit rate</dt>
          <dd className="text-2xl font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="score-hit-rate">
            {b.hitRate === null ? "—" : `${Math.round(b.hitRate * 100)} %`}
          </dd>
          <dd className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{b.confirmed} of {scored} scored</dd>
        </div>
      </dl>
      <p className="mt-4 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="directional-headline">
        {d
          ? <>Sign-adjusted CAAR {w}: {formatReturn(d.signAdjustedCaar)} across {d.n} asset{d.n === 1 ? "" : "s"} with a stated direction ({d.movedAsExpected} of {d.n} moved the expected way).{" "}
              {d.t === null ? `Cross-sectional t: ${TOO_FEW_ASSETS} (fewer than ${MIN_CROSS_SECTIONAL_ASSETS}).` : `Cross-sectional t ${formatStat(d.t)} (p ${formatP(d.p)}).`}</>
          : "No asset with an up or down hypothesis has a complete study yet: no directional headline."}
      </p>
      {b.uncertain && (
        <p className="mt-1 text-tremor-default text-tremor-content dark:text-dark-tremor-content" data-testid="uncertain-apart">
          Apart, {b.uncertain.n} asset{b.uncertain.n === 1 ? "" : "s"} with an uncertain direction: mean CAR {w} {formatReturn(b.uncertain.meanCar)}, mean size {formatSize(b.uncertain.meanAbsCar)}.
        </p>
      )}
      <DayZeroNotes entries={report.assets} />
      <p className="mt-2 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
        Positive means the assets moved the way the analysts said: expected-down assets are flipped, uncertain ones kept apart. Verdicts and the headline
        read the {w} window at α = {report.settings.alpha}; extra CAR windows add rows below and never change it. Hit rate = confirmed ÷ scored (pending
        ones are not scored yet).
      </p>
    </Card>
  );
}
