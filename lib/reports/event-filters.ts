// Which events a report covers: the filters of the events list (date range, theme, category, country, severity,
// asset) plus a single event, shared by the events, exposures, event-study and annotations reports.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { categorySchema, countryCodeSchema, severitySchema } from "@/lib/events/schemas";
import { idSchema } from "@/lib/validation/fields";
import { optionalDate } from "./params";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const eventFilterFields = {
  eventId: z.preprocess(blank, idSchema("Event").optional()),
  from: optionalDate,
  to: optionalDate,
  themeId: z.preprocess(blank, idSchema("Theme").optional()),
  category: z.preprocess(blank, categorySchema.optional()),
  country: z.preprocess(blank, countryCodeSchema.optional()),
  severityMin: z.preprocess(blank, severitySchema.optional()),
  severityMax: z.preprocess(blank, severitySchema.optional()),
  asset: z.preprocess(blank, z.string().trim().min(1).max(40).optional()),
};

export interface EventFilters {
  eventId?: number;
  from?: string;
  to?: string;
  themeId?: number;
  category?: string;
  country?: string;
  severityMin?: number;
  severityMax?: number;
  asset?: string;
}

const DAY_MS = 86_400_000;

/** Live events matching the filters; `to` is inclusive (the whole UTC day). */
export function eventWhere(f: EventFilters): Prisma.EventWhereInput {
  return {
    deletedAt: null,
    ...(f.eventId ? { id: f.eventId } : {}),
    ...(f.from || f.to
      ? {
          occurredAt: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
    ...(f.themeId ? { themeId: f.themeId } : {}),
    ...(f.category ? { category: f.category as Prisma.EventWhereInput["category"] } : {}),
    ...(f.country ? { countries: { has: f.country } } : {}),
    ...(f.severityMin || f.severityMax
      ? { severity: { ...(f.severityMin ? { gte: f.severityMin } : {}), ...(f.severityMax ? { lte: f.severityMax } : {}) } }
      : {}),
    ...(f.asset ? { exposures: { some: { asset: { symbol: f.asset } } } } : {}),
  };
}

/** "russia-dprk-2024-01-01-2024-12-31": the filters that narrow the file, for its name. */
export function eventFilterSubject(f: EventFilters, names: { event?: string; eventDate?: string; theme?: string } = {}): string {
  const parts: string[] = [];
  // An event reads as "2024-06-19-treaty…": its date and title, as analysts name such files themselves.
  if (f.eventId) parts.push(names.event ? `${names.eventDate ?? ""}-${names.event}` : `event-${f.eventId}`);
  if (f.themeId) parts.push(names.theme ?? `theme-${f.themeId}`);
  if (f.category) parts.push(f.category);
  if (f.country) parts.push(f.country);
  if (f.asset) parts.push(f.asset);
  if (f.severityMin || f.severityMax) parts.push(`severity-${f.severityMin ?? 1}-${f.severityMax ?? 5}`);
  if (f.from || f.to) parts.push(f.from ?? "start", f.to ?? "latest");
  return parts.filter(Boolean).join("-") || "all";
}
