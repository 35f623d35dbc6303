import { Badge, Card, Text, Title } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { downsampleForChart } from "@/lib/charts/downsample";
import { findAssetBySymbol, lastBarDateOf, loadCloses } from "@/lib/assets/queries";
import { RANGES, parseRange, rangeStart } from "@/lib/assets/ranges";
import { eventDateOnExchange, reactingSessionIndex } from "@/lib/events/markers";
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

interface Props {
  params: Promise<{ symbol: string }>;
  searchParams: Promise<{ range?: string | string[] }>;
}

/** At most ~1,200 points drawn (min/max per bucket keeps spikes); event sessions are always among them. */
function drawnPoints(points: { date: string; close: number }[], markers: { date: string }[]) {
  const sessions = new Set(markers.map((m) => m.date));
  return downsampleForChart(points, 600, (p) => sessions.has(p.date)).map(({ date, close }) => ({ date, close }));
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
  const range = parseRange((await searchParams).range);
  const viewer = await currentUser();
  const canWrite = viewer !== null && hasRole(viewer.role, "ANALYST");
  const last = await lastBarDateOf(asset.id);
  const [points, events] = await Promise.all([loadCloses(asset.id, rangeStart(range, last)), eventsExposing(asset.id)]);
  const sessions = points.map((p) => p.date);
  const markers: ChartMarker[] = [];
  for (const e of events) {
    const eventDate = eventDateOnExchange(e, asset.timeZone);
    const i = reactingSessionIndex(e, sessions, asset);
    const session = i >= 0 ? points[i] : undefined;
    if (session) markers.push({ id: e.id, date: session.date, close: session.close, title: e.title, label: `${eventDate} · ${CATEGORY_LABEL[e.category]}` });
  }
  const notes = await pinnedNoteMarkers(asset.id, points);

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
            {RANGES.map((r) => (
              <Link
                key={r}
                href={`${assetHref(asset.symbol)}?range=${r}`}
                aria-current={r === range ? "page" : undefined}
                className={`rounded-tremor-small px-2 py-1 text-tremor-label ${r === range ? "bg-tremor-brand text-white" : "hover:bg-tremor-background-subtle dark:hover:bg-dark-tremor-background-subtle"}`}
              >
                {r}
              </Link>
            ))}
          </nav>
        </div>
        {points.length === 0 ? (
          <Text className="mt-6">No prices stored for {asset.symbol} yet. Run a refresh to fetch its history.</Text>
        ) : (
          <div className="mt-4">
            <PriceChart points={drawnPoints(points, [...markers, ...notes])} markers={markers} currency={asset.currency} notes={notes} />
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
      <ReportDownloads links={assetReportLinks(asset.symbol, rangeStart(range, last))} />
      <PinnedNotes assetId={asset.id} symbol={asset.symbol} defaultDate={last ?? undefined} />
    </div>
  );
}
