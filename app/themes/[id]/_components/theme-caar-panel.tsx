import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../../_components/data-table";
import { TOO_FEW_ASSETS } from "@/lib/analytics/scoreboard";
import Link from "next/link";
import { listAssetOverview } from "@/lib/assets/queries";
import { MODEL_LABEL, themeCaar, windowLabel, type ThemeHitRate } from "@/lib/studies";
import { assetHref } from "../../../_components/format";
import { formatP, formatReturn, formatStat } from "../../../_components/stats-format";
import { SyntheticBadge } from "../../../_components/synthetic-badge";
import { CaarPathsChart } from "./caar-paths-chart";
import { ChartFigure } from "../../../_components/chart-figure";
import { eventPathSummary } from "@/lib/charts/summary";

const SHOWN = ["[−1, +1]", "[−5, +5]", "[−10, +10]"];

function hitRateText(h: ThemeHitRate): string {
  return h.hitRate === null ? "—" : `${Math.round(h.hitRate * 100)} %`;
}

function hitRateDetail(h: ThemeHitRate): string {
  const scored = h.confirmed + h.contradicted + h.inconclusive;
  return `${h.confirmed} confirmed, ${h.contradicted} contradicted, ${h.inconclusive} inconclusive of ${scored} scored${h.pending ? `; ${h.pending} pending` : ""}`;
}

/** Per asset: the average abnormal move across the theme's events, and whether it is beyond noise. */
export async function ThemeCaarPanel({ themeId, benchmark }: { themeId: number; benchmark?: string }) {
  const asked = benchmark?.trim().toUpperCase() || null;
  const symbols = (await listAssetOverview()).map((a) => a.symbol);
  // A link naming an untracked benchmark still shows the study, on each asset's own benchmark, and says so.
  const unknownBenchmark = asked !== null && !symbols.includes(asked);
  const report = await themeCaar(themeId, { benchmark: unknownBenchmark ? null : asked });
  if (!report) return null;
  const s = report.settings;
  const studied = report.assets.filter((a) => a.aggregate);
  return (
    <Card>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Title>CAAR per asset across the theme&apos;s events</Title>
        <form method="get" className="flex items-end gap-2" aria-label="Benchmark of the theme study">
          <label className="text-tremor-default">
            Benchmark for all assets
            <select
              name="benchmark"
              defaultValue={report.settings.benchmarkOverride ?? ""}
              className="mt-1 block w-40 rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background"
            >
              <option value="">each asset&apos;s own</option>
              {symbols.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-tremor-small bg-tremor-brand px-3 py-1.5 text-tremor-default text-white hover:bg-tremor-brand-emphasis">Apply</button>
        </form>
      </div>
      {unknownBenchmark && (
        <Text role="alert" className="mt-2 text-rose-600 dark:text-rose-300">{asked} is not a tracked asset: each asset is studied against its own benchmark.</Text>
      )}
      {report.assets.length === 0 ? (
        <Text className="mt-2">No asset is linked to this theme&apos;s events yet.</Text>
      ) : (
        <>
          <p className="mt-3 text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="theme-hit-rate">
            <span className="font-semibold">Hit rate of hypotheses: {hitRateText(report.hypotheses)}</span>{" "}
            <span className="text-tremor-content dark:text-dark-tremor-content">({hitRateDetail(report.hypotheses)}, every asset × event, verdict on CAR[−1, +1] as on the event pages)</span>
          </p>
          {studied.length > 0 && (
            <div className="mt-4">
              <ChartFigure
                label="CAAR paths in event time, one line per asset"
                summary={studied.map((a) => eventPathSummary(`${a.asset.symbol} CAAR`, a.aggregate!.taus.map((tau, k) => ({ tau, value: a.aggregate!.caar[k] ?? null })))).join(" ")}
              >
                <CaarPathsChart taus={studied[0]!.aggregate!.taus} series={studied.map((a) => ({ symbol: a.asset.symbol, caar: a.aggregate!.caar }))} />
              </ChartFigure>
            </div>
          )}
          <DataTable label="CAAR by asset" className="mt-4" data-testid="theme-caar-table">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Asset</TableHeaderCell>
                <TableHeaderCell className="text-right">Events studied</TableHeaderCell>
                <TableHeaderCell className="text-right">Hit rate</TableHeaderCell>
                {SHOWN.map((l) => (
                  <TableHeaderCell key={l} className="text-right">CAAR {l}</TableHeaderCell>
                ))}
                <TableHeaderCell>Model</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.assets.map((a) => (
                <TableRow key={a.asset.id}>
                  <TableCell>
                    <Link href={assetHref(a.asset.symbol)} className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{a.asset.symbol}</Link>
                    <div className="text-tremor-label">{a.asset.name}</div>
                    {a.asset.source === "DEMO" && <SyntheticBadge />}
                  </TableCell>
                  <TableCell className="text-right tabular-nums" title={a.skipped.map((x) => `${x.title}: ${x.reason}`).join("\n")}>
                    {a.aggregate?.n ?? 0} of {a.events}
                  </TableCell>
                  <TableCell className="text-right tabular-nums" data-testid={`hit-rate-${a.asset.symbol}`}>
                    {hitRateText(a.hypotheses)}
                    <span className="block whitespace-normal text-tremor-label text-tremor-content dark:text-dark-tremor-content">
                      {a.hypotheses.confirmed} of {a.hypotheses.confirmed + a.hypotheses.contradicted + a.hypotheses.inconclusive} confirmed{a.hypotheses.pending ? `, ${a.hypotheses.pending} pending` : ""}
                    </span>
                  </TableCell>
                  {SHOWN.map((l) => {
                    const w = a.aggregate?.windows.find((x) => x.label === l);
                    if (!w) return <TableCell key={l} className="text-right">—</TableCell>;
                    return (
                      <TableCell key={l} className="text-right tabular-nums" title={`BMP t ${formatStat(w.bmpT)} (p ${formatP(w.bmpP)}), cross-sectional t ${formatStat(w.crossSectionalT)}`}>
                        <span className={w.significant ? "font-semibold" : "text-tremor-content dark:text-dark-tremor-content"}>{formatReturn(w.caar)}</span>
                        <span className="block text-tremor-label">
                          {!w.crossSectionalTest ? TOO_FEW_ASSETS.replace("assets", "events") : `KP t ${formatStat(w.kpT)}, p ${formatP(w.kpP)}${w.significant ? "" : " · no detectable effect"}`}
                        </span>
                      </TableCell>
                    );
                  })}
                  <TableCell className="whitespace-normal text-tremor-label">
                    {MODEL_LABEL[a.model]}
                    {a.benchmark ? ` vs ${a.benchmark.symbol}` : ""}
                    {a.modelNote ? " (no benchmark)" : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
          <Text className="mt-2 text-tremor-label">
            CAAR = mean over the theme&apos;s events of each event&apos;s CAR on the asset; {MODEL_LABEL[s.model]}
            {s.benchmarkOverride ? ` against ${s.benchmarkOverride} for every asset` : " against each asset's own benchmark"} (constant-mean where the asset has no
            benchmark), estimation {windowLabel(s.estimationWindow)}, event window {windowLabel(s.eventWindow)}; simple returns of adjusted closes.
            Kolari–Pynnönen t against t(N − 1), N = events studied; significance at α = {s.alpha}. Events too early for an estimation window or after the data
            are left out (hover the count for the reasons). Hit rate = confirmed ÷ scored hypotheses (confirmed, contradicted or inconclusive);
            pending ones (no prices after the event yet) are not counted.
          </Text>
        </>
      )}
    </Card>
  );
}
