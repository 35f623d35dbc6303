// Every report by its URL slug: the route, the Reports page and docs/reports.md iterate this list.
import "server-only";
import { annotationsReport } from "./annotations";
import { eventStudyDaysReport, eventStudyReport } from "./event-study-csv";
import { eventsReport, exposuresReport } from "./events";
import { pricesWithEventsReport } from "./prices-with-events";
import type { ReportDefinition } from "./report";
import { riskSnapshotReport } from "./risk-snapshot";

export const REPORTS = [
  eventsReport,
  exposuresReport,
  pricesWithEventsReport,
  eventStudyReport,
  eventStudyDaysReport,
  riskSnapshotReport,
  annotationsReport,
] as const satisfies readonly ReportDefinition[];

export type ReportSlug = (typeof REPORTS)[number]["slug"];

export function findReport(slug: string): ReportDefinition | undefined {
  return (REPORTS as readonly ReportDefinition[]).find((r) => r.slug === slug);
}
