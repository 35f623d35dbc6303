import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../../_components/data-table";
import { Badge } from "../../_components/badge";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { SubscribeButton } from "../../_components/subscribe-button";
import { findEvent } from "@/lib/events/queries";
import { CATEGORY_LABEL, DIRECTION_LABEL, assetHref, formatDate } from "../../_components/format";
import { CardSkeleton } from "../../_components/card-skeleton";
import { Markdown } from "../../_components/markdown";
import { SyntheticBadge } from "../../_components/synthetic-badge";
import { ReportDownloads, eventReportLinks } from "../../_components/report-downloads";
import { EventAggregatePanel, EventAssetStudies } from "./_components/event-study-panels";
import { EventScoreboard } from "./_components/event-scoreboard";
import { EventVerdicts } from "./_components/event-verdicts";
import { StudySettingsForm } from "./_components/study-settings-form";
import { EventWorkspace } from "./_components/event-workspace";
import { EventWindowCharts } from "./_components/event-window-charts";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function parseId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

async function load(raw: string) {
  const id = parseId(raw);
  return id === null ? null : findEvent(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await load((await params).id);
  return { title: event?.title ?? "Event not found" };
}

export default async function EventPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const event = await load((await params).id);
  if (!event) notFound();
  const study = await searchParams;
  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center gap-2 text-tremor-default">
          <time dateTime={event.occurredAt.toISOString()}>
            {event.timePrecision === "DAY" ? formatDate(event.occurredAt) : `${event.occurredAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
          </time>
          <Badge size="xs">{CATEGORY_LABEL[event.category]}</Badge>
          <Badge size="xs" color="rose">severity {event.severity}</Badge>
          {event.countries.map((c) => (
            <Badge key={c} size="xs" color="gray">{c}</Badge>
          ))}
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">{event.title}</h1>
          <SubscribeButton target="event" id={event.id} path={`/events/${event.id}`} label={event.title} />
        </div>
        {event.theme && (
          <Text className="mt-1">
            Theme: <Link href={`/themes/${event.theme.id}`} className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">{event.theme.name}</Link>
          </Text>
        )}
      </div>
      <Suspense fallback={<CardSkeleton label="scoreboard" />}>
        <EventScoreboard eventId={event.id} query={study} />
      </Suspense>
      <Suspense fallback={null}>
        <EventVerdicts eventId={event.id} />
      </Suspense>
      <Card>
        <Title>Summary</Title>
        <div className="mt-2 text-tremor-default text-tremor-content dark:text-dark-tremor-content" data-testid="event-summary">
          {event.summary ? <Markdown source={event.summary} /> : <Text>No summary yet.</Text>}
        </div>
        {event.sourceUrls.length > 0 && (
          <>
            <Title className="mt-4">Sources</Title>
            <ul className="mt-2 list-disc pl-5">
              {event.sourceUrls.map((u) => (
                <li key={u}>
                  <a href={u} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-tremor-brand hover:underline dark:text-dark-tremor-brand">{u}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {event.tags.length > 0 && <Text className="mt-4">Tags: {event.tags.join(", ")}</Text>}
      </Card>
      <Card>
        <Title>Exposed assets</Title>
        {event.exposures.length === 0 ? (
          <Text className="mt-4">
            No asset is linked to this event yet: <a href="#hypotheses" className="text-tremor-brand underline dark:text-dark-tremor-brand">link one under Hypotheses</a>.
          </Text>
        ) : (
          <DataTable label="Exposed assets" className="mt-4">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Asset</TableHeaderCell>
                <TableHeaderCell>Hypothesis</TableHeaderCell>
                <TableHeaderCell>Rationale</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {event.exposures.map((x) => (
                <TableRow key={x.id}>
                  <TableCell>
                    <Link href={assetHref(x.asset.symbol)} className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{x.asset.symbol}</Link>
                    <div className="text-tremor-label">{x.asset.name}</div>
                    {x.asset.source === "DEMO" && <SyntheticBadge />}
                  </TableCell>
                  <TableCell>{DIRECTION_LABEL[x.direction]}</TableCell>
                  <TableCell className="whitespace-normal">{x.rationale}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </DataTable>
        )}
        {event.exposures.length > 0 && (
          <Suspense fallback={<CardSkeleton label="price around the event" height="h-32" />}>
            <EventWindowCharts event={event} />
          </Suspense>
        )}
      </Card>
      <Suspense fallback={<CardSkeleton label="event study across assets" />}>
        <EventAggregatePanel eventId={event.id} query={study} />
      </Suspense>
      {/* After the chart it changes, folded on a phone. */}
      <StudySettingsForm eventId={event.id} query={study} />
      <Suspense fallback={<CardSkeleton label="event study per asset" height="h-96" />}>
        <EventAssetStudies eventId={event.id} query={study} />
      </Suspense>
      <ReportDownloads links={eventReportLinks(event.id, study)} />
      <EventWorkspace event={event} user={user} />
    </div>
  );
}
