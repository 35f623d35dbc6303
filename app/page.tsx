import { Card, Metric, Text, Title } from "@tremor/react";
import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { overviewData } from "@/lib/dashboard/overview";
import { MAX_MISSED_SESSIONS } from "@/lib/dashboard/freshness";
import { WATCHLIST_SORTS, sortWatchlist, type WatchlistSort } from "@/lib/dashboard/watchlist";
import { CardSkeleton } from "./_components/card-skeleton";
import { CATEGORY_LABEL, formatPercent, sparklineValues } from "./_components/format";
import { IntensityChart } from "./_components/overview/intensity-chart";
import { STICKY } from "./_components/overview/sticky-column";
import { WatchlistRows } from "./_components/overview/watchlist-rows";
import { EventTimeline } from "./_components/overview/event-timeline";
import { TriageCard } from "./_components/overview/triage-card";
import { ReadSourceNote } from "./_components/read-source-note";
import { SyntheticBadge } from "./_components/synthetic-badge";
import { ScrollRegion } from "./_components/scroll-region";
import { extremesSummary } from "@/lib/charts/summary";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Plain table cells styled by `.data-table` (globals.css): fifty rows of Tremor table components, or of long class
// lists, cost more to render than the page's queries.
const SORT_LINK = "inline-block py-1 hover:underline";
const CONTROL = "min-h-[32px] rounded-tremor-small border border-tremor-border bg-tremor-background px-2 dark:border-dark-tremor-border dark:bg-dark-tremor-background";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const COLUMNS: { key: WatchlistSort; label: string; hint: string }[] = [
  { key: "return1d", label: "1d", hint: "simple return over 1 session" },
  { key: "return1w", label: "1w", hint: "simple return over 5 sessions" },
  { key: "return1m", label: "1m", hint: "simple return over 21 sessions" },
  { key: "vol20", label: "Vol 20d", hint: "annualised realised volatility, last 20 log returns" },
  { key: "volZ", label: "z", hint: "20d volatility z-score vs its trailing 252 sessions; above 2 is an elevated regime" },
  { key: "drawdown", label: "Drawdown", hint: "below the highest close of the last two years" },
  { key: "ewmaVar99", label: "VaR 99%", hint: "1-day parametric VaR with EWMA σ (λ = 0.94)" },
];

// Up/down colours (.text-up / .text-down) keep 4.5:1 on the card in both themes; the sign is always printed too (colour is not the only cue).
const UP = "text-up";
const DOWN = "text-down";

const AGREEMENT = {
  agrees: { className: UP, label: "as expected" },
  disagrees: { className: DOWN, label: "against the hypothesis" },
  neither: { className: "text-tremor-content-strong dark:text-dark-tremor-content-strong", label: "no direction stated" },
} as const;

async function Overview({ sort, dir, intensitySymbol }: { sort: WatchlistSort; dir: "asc" | "desc"; intensitySymbol?: string }) {
  const data = await overviewData({ intensitySymbol });
  const rows = sortWatchlist(data.watchlist, sort, dir);
  const sortHref = (key: WatchlistSort) => `/?sort=${key}&dir=${key === sort && dir === "desc" ? "asc" : "desc"}${intensitySymbol ? `&intensity=${encodeURIComponent(intensitySymbol)}` : ""}`;
  const sortable = (c: { key: WatchlistSort; label: string; hint: string }) => (
    <th key={c.key} className="num" aria-sort={c.key === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(c.key)} title={c.hint} className={SORT_LINK}>
        {c.label}
        {c.key === sort ? (dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
  const [returns, risk] = [COLUMNS.slice(0, 3), COLUMNS.slice(3)];
  // Reading order is the phone's first screen: what moved (watchlist), why (moves around recent events), then the
  // counts. The same order on every width, so focus order always follows what is on screen.
  return (
    <>
      <Card className="px-2 py-4 sm:px-6 sm:py-6">
        <Title>Watchlist</Title>
        <div className="mt-3">
          <ScrollRegion label="Watchlist table" testId="watchlist-scroll">
            <table className="data-table w-full text-tremor-default" data-testid="watchlist">
              <thead>
                <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                  <th className={STICKY} aria-sort={sort === "symbol" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link href={sortHref("symbol")} className={SORT_LINK}>Asset</Link>
                  </th>
                  {returns.map(sortable)}
                  <th className="num">Last close</th>
                  <th>Last 60 sessions</th>
                  {risk.map(sortable)}
                </tr>
              </thead>
              <WatchlistRows
                rows={rows.map((r) => ({
                  id: r.id, symbol: r.symbol, name: r.name, currency: r.currency, lastDate: r.lastDate, lastClose: r.lastClose,
                  return1d: r.return1d, return1w: r.return1w, return1m: r.return1m, vol20: r.vol20, volZ: r.volZ, drawdown: r.drawdown, ewmaVar99: r.ewmaVar99,
                  spark: sparklineValues(r.spark),
                }))}
                watchlistDate={data.watchlistDate}
              />
            </table>
          </ScrollRegion>
        </div>
        <Text className="mt-2 text-tremor-label">
          Returns from adjusted closes, up to each row&apos;s last bar (the date under the close)
          {data.watchlistDate ? <>; † marks rows whose last bar is not {data.watchlistDate}, the date most rows end on, so their returns cover other dates</> : null}.
          Vol: √252 × sample sd of the last 20 log returns. z above 2 = elevated regime. VaR: one-day, 99 %, normal with RiskMetrics EWMA σ, μ = 0.
        </Text>
      </Card>

      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="min-w-0 lg:col-span-2">
          <Title>Largest moves around recent events</Title>
          <Text className="text-tremor-label">
            Close before day 0 to close of day +1, exposed assets of the 25 latest events; green when the asset moved the way its hypothesis said, red when
            against it.
          </Text>
          {data.moves.length === 0 ? (
            <Text className="mt-3">No event has prices around it yet.</Text>
          ) : (
            <ul className="mt-3 divide-y divide-tremor-border dark:divide-dark-tremor-border" data-testid="recent-moves">
              {data.moves.map((m) => (
                <li key={`${m.eventId}-${m.symbol}`} className="flex items-center justify-between gap-3 py-2" data-agreement={m.agreement}>
                  <div className="min-w-0">
                    <Link href={`/events/${m.eventId}`} className="block truncate py-0.5 text-tremor-default hover:text-tremor-brand dark:hover:text-dark-tremor-brand">{m.title}</Link>
                    <span className="text-tremor-label">{m.date} · {m.symbol} · expected {m.direction.toLowerCase()}</span>
                  </div>
                  <span className={`whitespace-nowrap text-right tabular-nums ${AGREEMENT[m.agreement].className}`}>
                    {formatPercent(m.move)}
                    <span className="block text-tremor-label">{AGREEMENT[m.agreement].label}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="grid content-start gap-4 sm:grid-cols-2 lg:col-span-3" data-testid="kpi-cards">
          {data.eventCounts.map((c) => (
            <Card key={c.days} decoration="top" decorationColor="orange">
              <Text>Events, last {c.days} days</Text>
              <Metric>{c.total}</Metric>
              <Text className="mt-1 text-tremor-label">
                {c.total === 0
                  ? `None in the last ${c.days} days${data.lastEventDate ? `; the latest was ${data.lastEventDaysAgo} day${data.lastEventDaysAgo === 1 ? "" : "s"} ago (${data.lastEventDate})` : ""}.`
                  : Object.entries(c.byCategory).map(([k, n]) => `${CATEGORY_LABEL[k]} ${n}`).join(" · ")}
              </Text>
            </Card>
          ))}
          <Card decoration="top" decorationColor={data.elevated.length ? "rose" : "emerald"}>
            <Text>Exposed assets in an elevated-volatility regime</Text>
            <Metric>{data.elevated.length}</Metric>
            <Text className="mt-1 text-tremor-label">
              {data.elevated.length ? data.elevated.map((e) => `${e.symbol} (z ${e.volZ!.toFixed(1)})`).join(", ") : "20d vol z-score ≤ 2 for every exposed asset"}
            </Text>
          </Card>
          <Suspense fallback={<CardSkeleton label="Unexplained moves" height="h-40" />}>
            <TriageCard />
          </Suspense>
          <Card decoration="top" decorationColor={data.freshness.stale.length || data.freshness.failing.length ? "amber" : "emerald"} className="sm:col-span-2" data-testid="data-freshness">
            <Text>Data freshness, per exchange</Text>
            <Metric>{data.freshness.stale.length ? `${data.freshness.stale.length} stale series` : "Up to date"}</Metric>
            <ul className="mt-2 space-y-1 text-tremor-label">
              {data.freshness.exchanges.map((x) => (
                <li key={`${x.venue}|${x.timeZone}`} data-testid="exchange-freshness">
                  <span className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">{x.venue}</span>: latest bar {x.latest ?? "none"}, last closed session {x.expected}
                  {x.stale.length > 0 ? (
                    <span className="block text-amber-800 dark:text-amber-300">
                      Stale: {x.stale.map((st) => (st.lastDate ? `${st.symbol} (last ${st.lastDate}, ${st.missed} sessions behind)` : `${st.symbol} (no prices)`)).join(", ")}
                    </span>
                  ) : (
                    <span className="block">{x.symbols.join(", ")} up to date</span>
                  )}
                </li>
              ))}
            </ul>
            <Text className="mt-1 text-tremor-label">
              Stale = more than {MAX_MISSED_SESSIONS} weekday sessions of its own exchange missing since the last bar.{" "}
              {data.freshness.failing.length ? `Last refresh failed: ${data.freshness.failing.join(", ")}.` : ""}
            </Text>
            {data.freshness.synthetic && <div className="mt-1"><SyntheticBadge /></div>}
            <ReadSourceNote className="mt-1" />
          </Card>
        </div>
      </div>

      <Card className="min-w-0">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Title id="intensity-title">Event intensity vs {data.intensitySymbol} volatility</Title>
          <form className="flex items-center gap-2 text-tremor-default">
            <input type="hidden" name="sort" value={sort} />
            <input type="hidden" name="dir" value={dir} />
            <label className="flex items-center gap-2">
              Asset
              <select name="intensity" defaultValue={data.intensitySymbol ?? ""} className={CONTROL}>
                {data.watchlist.map((w) => (
                  <option key={w.symbol} value={w.symbol}>{w.symbol}</option>
                ))}
              </select>
            </label>
            <button type="submit" className={CONTROL}>Show</button>
          </form>
        </div>
        <p id="intensity-summary" className="sr-only">{intensitySummary(data.intensity, data.intensitySymbol ?? "")}</p>
        <IntensityChart data={data.intensity} symbol={data.intensitySymbol ?? ""} describedBy="intensity-summary" />
        <Text className="text-tremor-label">Events per week weighted by severity (1–5), two years up to the latest event.</Text>
        <details className="mt-2">
          <summary className="cursor-pointer py-1 text-tremor-default">Data table (weeks with events)</summary>
          <ScrollRegion label="Event intensity data table">
            <table className="mt-2 w-full text-tremor-label tabular-nums">
              <thead>
                <tr className="text-left">
                  <th className="px-2">Week of</th>
                  <th className="px-2 text-right">Events</th>
                  <th className="px-2 text-right">Σ severity</th>
                  <th className="px-2 text-right">{data.intensitySymbol} 20d vol</th>
                </tr>
              </thead>
              <tbody>
                {data.intensity.filter((w) => w.events > 0).map((w) => (
                  <tr key={w.week}>
                    <td className="px-2">{w.week}</td>
                    <td className="px-2 text-right">{w.events}</td>
                    <td className="px-2 text-right">{w.intensity}</td>
                    <td className="px-2 text-right">{w.vol20 === null ? "—" : formatPercent(w.vol20, 1).replace("+", "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      </Card>
    </>
  );
}

/** "Event intensity, 2023-… to 2025-…: 30 events in 21 weeks; busiest week … ; KOSPI 20d volatility highest …". */
function intensitySummary(weeks: { week: string; events: number; intensity: number; vol20: number | null }[], symbol: string): string {
  const withEvents = weeks.filter((w) => w.events > 0);
  const busiest = withEvents.reduce<(typeof weeks)[number] | null>((b, w) => (b === null || w.intensity > b.intensity ? w : b), null);
  const total = withEvents.reduce((n, w) => n + w.events, 0);
  const head = weeks.length
    ? `Event intensity by week, ${weeks[0]!.week} to ${weeks[weeks.length - 1]!.week}: ${total} events in ${withEvents.length} weeks${busiest ? `; busiest the week of ${busiest.week} (Σ severity ${busiest.intensity})` : ""}.`
    : "No weeks to show.";
  return `${head} ${extremesSummary(`${symbol} 20-session volatility`, weeks.map((w) => ({ date: w.week, value: w.vol20 })), (v) => `${(v * 100).toFixed(1)} %`)}`;
}

export default async function OverviewPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const sortParam = one(params.sort);
  const sort = (WATCHLIST_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as WatchlistSort) : "symbol";
  const dir = one(params.dir) === "desc" ? "desc" : "asc";
  return (
    <div className="space-y-4 sm:space-y-6">
      <h1 className="text-xl font-semibold text-tremor-content-strong sm:text-2xl dark:text-dark-tremor-content-strong">Overview</h1>
      <Suspense fallback={<CardSkeleton label="overview" height="h-96" />}>
        <Overview sort={sort} dir={dir} intensitySymbol={one(params.intensity)} />
      </Suspense>
      <Suspense fallback={<CardSkeleton label="event timeline" height="h-64" />}>
        <EventTimeline params={params} />
      </Suspense>
    </div>
  );
}
