import { Badge, Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { loadChartData } from "@/lib/assets/chart-data";
import { assetChartPayload } from "@/lib/event-overlay/asset-chart-payload";
import { parseChartView, viewStart } from "@/lib/assets/chart-view";
import { findAssetBySymbol } from "@/lib/assets/queries";
import { lastBarDate } from "@/lib/prices/bars";
import { hasRole } from "@/lib/auth/roles";
import { currentUser, requireUser } from "@/lib/auth/session";
import { SubscribeButton } from "../../_components/subscribe-button";
import { defaultRange } from "@/lib/charts/default-range";
import { CardSkeleton } from "../../_components/card-skeleton";
import { AssetChart } from "../../_components/chart/asset-chart";
import { formatPrice } from "../../_components/format";
import { PinnedNotes } from "./_components/pinned-notes";
import { SyntheticBadge } from "../../_components/synthetic-badge";
import { ReportDownloads, assetReportLinks } from "../../_components/report-downloads";
import { BenchmarkCard } from "./_components/benchmark-card";
import { DataStatusCard } from "./_components/data-status-card";
import { EventStudiesTable } from "./_components/event-studies-table";
import { VolatilityPanel } from "./_components/volatility-panel";
import { ChartDataTable } from "./_components/chart-data-table";
import { priceChartSummary } from "@/lib/charts/summary";

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
  const viewer = await currentUser();
  const canWrite = viewer !== null && hasRole(viewer.role, "ANALYST");
  const last = await lastBarDate(asset.id);
  const payload = await assetChartPayload(asset);
  // No preset and no zoom in the link: open on the shortest preset that shows the latest events (rule in the caption).
  const range = parsedView.view.range ?? defaultRange(payload.events.map((e) => e.session), last);
  const view = { ...parsedView.view, range };
  const chart = await loadChartData(asset.id, view, last, () => payload.events.flatMap((e) => (e.session ? [e.session] : [])));
  const points = chart.closes;
  const first = points[0]?.date;
  const markers = payload.events.flatMap((e) => (e.session && first && e.session >= first ? [{ id: e.id, date: e.session, title: e.title, label: `${e.label} · ${e.categoryLabel}` }] : []));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">{asset.symbol}</h1>
        <Text>{asset.name}</Text>
        <Badge size="xs">{asset.assetClass.replace("_", " ").toLowerCase()}</Badge>
        <Text>{[asset.exchange, asset.currency, asset.timeZone].filter(Boolean).join(" · ")}</Text>
        {asset.source === "DEMO" && <SyntheticBadge />}
        <SubscribeButton target="asset" id={asset.id} path={`/assets/${encodeURIComponent(asset.symbol)}`} label={asset.symbol} />
        <Text>
          Data as of {last ?? "—"}
          {asset.refreshError ? ` · last refresh failed: ${asset.refreshError}` : ""}
        </Text>
        {/* The price chart in one sentence, for screen readers; the chart's container points at it with aria-describedby. */}
        <p id="price-chart-summary" className="sr-only">
          Price chart: {priceChartSummary(`${asset.symbol} (${asset.name})`, points.map((p) => ({ date: p.date, value: p.close })), markers.length)}
        </p>
      </div>

      <Card className="p-3 sm:p-6">
        {!parsedView.ok && (
          <div role="alert"><ul className="mb-2 text-tremor-default text-red-600 dark:text-red-300">
            {parsedView.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul></div>
        )}
        {chart.unknown.length > 0 && (
          <p className="mb-2 text-tremor-default text-red-600 dark:text-red-300" role="alert">Not tracked, so not compared: {chart.unknown.join(", ")}. Add them on the Assets page.</p>
        )}
        {payload.bars.dates.length === 0 || !last ? (
          <Text className="mt-2">
            {asset.source === "CSV"
              ? `No prices stored for ${asset.symbol} yet. Its prices come from CSV imports: import a file with “Import prices from a CSV file” in the data status below.`
              : `No prices stored for ${asset.symbol} yet. Run a refresh to fetch its history.`}
          </Text>
        ) : (
          <>
            <AssetChart data={payload} initialView={{ ...view, compare: view.compare.filter((s) => !chart.unknown.includes(s)) }} lastSession={last} />
            <ChartDataTable rows={chart.rows} comparisons={chart.comparisons} rebased={chart.rebased} currency={asset.currency} />
          </>
        )}
      </Card>

      <Suspense fallback={<CardSkeleton label="data status" height="h-32" />}>
        <DataStatusCard assetId={asset.id} symbol={asset.symbol} canWrite={canWrite} />
      </Suspense>

      <BenchmarkCard symbol={asset.symbol} benchmark={asset.benchmark} canWrite={canWrite} />

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
