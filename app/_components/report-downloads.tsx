// Download buttons for the reports that belong to a page, carrying the page's current filters (an asset's chart range,
// an event's study settings). Plain links to the report route: no client code, and the browser saves the attachment.
import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";

type Params = Record<string, string | string[] | undefined>;

export interface ReportLink {
  report: string;
  label: string;
  params: Params;
}

function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && x !== "") q.append(k, x);
  return q.toString();
}

export function ReportDownloads({ links }: { links: readonly ReportLink[] }) {
  return (
    <Card>
      <Title>Downloads</Title>
      <Text>CSV as shown on this page. For a UTF-8 BOM, a reproducible bundle or a preview, use “more options”.</Text>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-tremor-default">
        {links.map((l) => (
          <li key={l.report} className="flex gap-2">
            <a href={`/api/reports/${l.report}?${query(l.params)}`} download className="rounded-tremor-small border border-tremor-border px-2 py-1 text-tremor-brand hover:bg-tremor-background-subtle dark:text-dark-tremor-brand">
              ⤓ {l.label}
            </a>
            <Link href={`/reports?${query({ ...l.params, report: l.report, preview: "1" })}`} className="self-center text-tremor-label text-tremor-content hover:underline dark:text-dark-tremor-content">
              more options
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The asset page: its bars and events over the chart's range, the events exposing it, its risk snapshot. */
export function assetReportLinks(symbol: string, from: string | undefined): ReportLink[] {
  return [
    { report: "prices-with-events", label: "Prices with events", params: { assets: symbol, from } },
    { report: "exposures", label: "Events exposing it", params: { asset: symbol } },
    { report: "risk-snapshot", label: "Risk snapshot", params: { assets: symbol } },
    { report: "annotations", label: "Notes", params: { asset: symbol } },
  ];
}

/** The event page: its study with the settings in the URL, day by day, its exposures and notes. */
export function eventReportLinks(eventId: number, settings: Params): ReportLink[] {
  const study = { eventId: String(eventId), model: settings.model, est: settings.est, win: settings.win, car: settings.car };
  return [
    { report: "event-study", label: "Event study", params: study },
    { report: "event-study-days", label: "Event study by day", params: study },
    { report: "exposures", label: "Exposures", params: { eventId: String(eventId) } },
    { report: "annotations", label: "Notes", params: { eventId: String(eventId) } },
  ];
}

/** The theme page: its events, their exposures and studies, and the notes on them. */
export function themeReportLinks(themeId: number): ReportLink[] {
  const p = { themeId: String(themeId) };
  return [
    { report: "events", label: "Events", params: p },
    { report: "exposures", label: "Exposures", params: p },
    { report: "event-study", label: "Event studies", params: p },
    { report: "annotations", label: "Notes", params: p },
  ];
}
