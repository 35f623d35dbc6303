import { Badge, Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { loadChartData } from "@/lib/assets/chart-data";
import { parseChartView, viewQuery, viewStart } from "@/lib/assets/chart-view";
import { findAssetBySymbol } from "@/lib/assets/queries";
import { lastBarDate } from "@/lib/prices/bars";
import { RANGES } from "@/lib/assets/ranges";
import { eventDateOnExchange, reactingSessionIndex } from "@/lib/prices/day-zero";
import { hasRole } from "@/lib/auth/roles";
import { currentUser, requireUser } from "@/lib/auth/session";
import { eventsExposing } from "@/lib/events/queries";
import { CardSkeleton } from "../../_components/card-skeleton";
import { CATEGORY_LABEL, assetHref, formatPrice } from "../../_components/format";
import { PriceChart, type ChartMarker } from "../../_components/price-chart";
import { pinnedNoteMarkers } from "@/lib/annotations/chart-markers";
import { PinnedNotes } from "./_components/pinned-notes";
import { SyntheticBadge } from "../../_components/synthetic-badge";
import { ReportDownloads, assetReportLinks } from "../../_components/report-downloads";
import { DataStatusCard } from "./_components/data-status-card";
import { EventStudiesTable } from "./_components/event-studies-table";
import { VolatilityPanel } from "./_components/volatility-panel";
import { ChartDataTable } from "./_components/chart-data-table";
import { ChartViewForm } from "./_components/chart-view-form";

interface Props {
  params: Promise<{ symbol: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function decodeSymbol(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSymbol((await params).symbol) };
}

export default async function AssetPage({ params, searchParams }: Props) {
  await requireUser();
  const symbol = decodeSymbol((await params).symbol);
  const asset = await findAssetBySymbol(symbol);
  if (!asset) notFound();
  const parsedView = parseChartView(await searchParams);
  const view = parsedView.view;
  const range = view.range;
  const viewer = await currentUser();
  const canWrite = viewer !== null && hasRole(viewer.role, "ANALYST");
  const last = await lastBarDate(asset.id);
  const events = await eventsExposing(asset.id);
  // Event sessions (day 0) on the asset's own calendar; the chart keeps them when it downsamples.
  const day0 = (closes: { date: string }[]) => {
    const sessions = closes.map((p) => p.date);
    return events.map((e) => ({ e, i: reactingSessionIndex(e, sessions, asset) })).filter((x) => x.i >= 0).map((x) => ({ ...x, date: sessions[x.i]! }));
  };
  const chart = await loadChartData(asset.id, view, last, (closes) => day0(closes).map((x) => x.date));
  const points = chart.closes;
  const markers: ChartMarker[] = day0(points).map(({ e, date }) => ({
    id: e.id, date, close: chart.yOn(date) ?? 0, title: e.title, label: `${eventDateOnExchange(e, asset.timeZone)} · ${CATEGORY_LABEL[e.category]}`,
  }));
  const notes = (await pinnedNoteMarkers(asset.id, points)).map((n) => ({ ...n, close: chart.yOn(n.date) ?? n.close }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">{asset.symbol}</h1>
        <Text>{asset.name}</Text>
        <Badge size="xs">{asset.assetClass.replace("_", " ").toLowerCase()}</Badge>
        <Text>{asset.exchange} · {asset.currency} · {asset.timeZone}</Text>
        {asset.source === "DEMO" && <SyntheticBadge />}
      </div>

      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <Title>Close</Title>
            <Text>
              Data as of {last ?? "—"}
              {asset.refreshError ? ` · last refresh failed: ${asset.refreshError}` : ""}
            </Text>
          </div>
          <nav aria-label="Range" className="flex gap-1">
            {RANGES.map((r) => {
              const current = r === range && !view.from && !view.to;
              return (
                <Link
                  key={r}
                  href={`${assetHref(asset.symbol)}?${viewQuery(view, { range: r, from: undefined, to: undefined })}`}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-tremor-small px-2 py-1 text-tremor-label ${current ? "bg-tremor-brand text-white" : "hover:bg-tremor-background-subtle dark:hover:bg-dark-tremor-background-subtle"}`}
                >
                  {r}
                </Link>
              );
            })}
            <Link
              href={`${assetHref(asset.symbol)}?${viewQuery(view, { log: !view.log })}`}
              aria-pressed={view.log}
              className={`rounded-tremor-small px-2 py-1 text-tremor-label ${view.log ? "bg-tremor-brand text-white" : "hover:bg-tremor-background-subtle dark:hover:bg-dark-tremor-background-subtle"}`}
            >
              log
            </Link>
          </nav>
        </div>
        <ChartViewForm view={view} errors={parsedView.ok ? [] : parsedView.errors} unknown={chart.unknown} />
        {points.length === 0 ? (
          <Text className="mt-6">No prices stored for {asset.symbol} yet. Run a refresh to fetch its history.</Text>
        ) : (
          <div className="mt-4">
            <PriceChart points={chart.rows} markers={markers} currency={asset.currency} notes={notes} rebased={chart.rebased} comparisons={chart.comparisons} log={view.log} symbol={asset.symbol} />
            {chart.rebased && (
              <Text className="mt-1 text-tremor-label">Rebased to 100 on {points[0]?.date} from adjusted closes; a comparison without a session on a date has no point there.</Text>
            )}
            <ChartDataTable rows={chart.rows} comparisons={chart.comparisons} rebased={chart.rebased} currency={asset.currency} />
          </div>
        )}
      </Card>

      <Suspense fallback={<CardSkeleton label="data status" height="h-32" />}>
        <DataStatusCard assetId={asset.id} symbol={asset.symbol} canWrite={canWrite} />
      </Suspense>

      <Suspense fallback={<CardSkeleton label="volatility" />}>
        <VolatilityPanel assetId={asset.id} from={points[0]?.date} markers={markers} />
      </Suspense>

      <Suspense fallback={<CardSkeleton label="event studies" height="h-40" />}>
        <EventStudiesTable assetId={asset.id} symbol={asset.symbol} />
      </Suspense>
      {points.length > 0 && (
        <Text className="text-tremor-label">
          {points.length} sessions from {points[0]!.date} to {points[points.length - 1]!.date}; last close {formatPrice(points[points.length - 1]!.close)} {asset.currency}.
        </Text>
      )}
      <ReportDownloads links={assetReportLinks(asset.symbol, viewStart(view, last))} />
      <PinnedNotes assetId={asset.id} symbol={asset.symbol} defaultDate={last ?? undefined} />
    </div>
  );
}
