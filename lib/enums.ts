// The closed vocabularies PostgreSQL stores as enums, as const arrays for zod schemas, form options and types. Each
// is checked at compile time against the analytics core's types here, and against the enum Prisma generates from the
// schema in lib/db/enums-match.ts (the database layer sits above this file), so a migration that changes one fails
// `tsc` instead of drifting silently.
import type { TimePrecision as AnalyticsTimePrecision } from "@/lib/analytics/event-time";
import type { ExpectedDirection } from "@/lib/analytics/hypothesis";

/** Where an asset's prices come from: Yahoo Finance, an imported CSV, or the synthetic demo series. */
export const DATA_SOURCES = ["YAHOO", "CSV", "DEMO"] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** EXACT: the event's instant carries a time. DAY: only its calendar date is known. */
export const TIME_PRECISIONS = ["EXACT", "DAY"] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const EVENT_CATEGORIES = ["SUMMIT", "DIPLOMACY", "TREATY", "MILITARY", "SANCTIONS", "INTELLIGENCE", "UN", "ECONOMIC", "OTHER"] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** How an analyst expects an exposed asset to move on the event. */
export const DIRECTIONS = ["UP", "DOWN", "UNCERTAIN"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** True only when A and B are the same union. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type AllTrue<T extends true[]> = T;
/** Fails to compile when a list above and the analytics core's types disagree. */
export type EnumsMatchTheAnalytics = AllTrue<[Same<TimePrecision, AnalyticsTimePrecision>, Same<Direction, ExpectedDirection>]>;
