// One schema per input, shared by the event form, the server actions, the CSV/JSON import and the JSON API.
import { z } from "zod";
import { isCountryCode } from "@/lib/events/country-codes";
import type { WallDateTime } from "@/lib/dates";
import { DIRECTIONS, EVENT_CATEGORIES, type TimePrecision } from "@/lib/enums";
import { eventInstant, httpUrlSchema, idSchema, listOf, timePrecisionSchema, timeZoneSchema, versionSchema, wallDateTimeSchema } from "@/lib/validation/fields";


export const LIMITS = { title: 200, summary: 10_000, tags: 20, tag: 50, sources: 20, countries: 30, rationale: 2_000, exposures: 50 } as const;

export const categorySchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z.enum(EVENT_CATEGORIES, { error: `Category must be one of: ${EVENT_CATEGORIES.map((c) => c.toLowerCase()).join(", ")}` }),
);

/**
 * Severity from a form, a CSV or JSON: a number, or plain decimal digits in a string. Anything else a lax coercion
 * would turn into a number ("0x3", "0b11", "1e0", true, [4]) is refused rather than guessed.
 */
export const severitySchema = z.preprocess(
  (v) => (typeof v === "string" && /^\s*[+-]?\d{1,6}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: "Severity must be a whole number from 1 to 5, written in plain digits" })
    .int("Severity must be between 1 and 5")
    .min(1, "Severity must be between 1 and 5")
    .max(5, "Severity must be between 1 and 5"),
);

export const countryCodeSchema = z
  .string()
  .transform((c) => c.trim().toUpperCase())
  .refine(isCountryCode, { error: (i) => `${String(i.input)} is not an ISO 3166-1 alpha-2 country code (or EU)` });

/** Lists may be left out: an absent list is an empty one. */
function optionalList<T extends z.ZodType<string[]>>(list: T) {
  return list.optional().transform((v): string[] => v ?? []);
}

/** One exposed asset and the direction the analyst expects it to move. */
export const exposureFieldsSchema = z.object({
  assetSymbol: z.string({ error: "Choose an asset" }).trim().min(1, "Choose an asset").max(40, "Unknown asset"),
  direction: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(DIRECTIONS, { error: "Direction must be up, down or uncertain" }),
  ),
  rationale: z
    .string()
    .max(LIMITS.rationale, `Rationale must be at most ${LIMITS.rationale.toLocaleString("en-US")} characters`)
    .optional()
    .transform((s) => s?.trim() ?? ""),
});

/** Exposures stated with a new event: a JSON array (the API) or its JSON text (the form's hidden field). */
const initialExposuresSchema = z
  .preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      if (v.trim() === "") return [];
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    },
    z
      .array(exposureFieldsSchema, { error: "Exposures must be a list of { assetSymbol, direction, rationale }" })
      .max(LIMITS.exposures, `At most ${LIMITS.exposures} exposures`)
      .refine((xs) => new Set(xs.map((x) => x.assetSymbol.toUpperCase())).size === xs.length, "Each asset can be linked once"),
  )
  .optional()
  .transform((v) => v ?? [])
  .meta({ description: "Assets exposed to the event, each with the direction expected; linked in the same transaction as the event." });

const themeIdSchema = z.preprocess((v) => (v === "" || v === undefined ? null : v), idSchema("Theme").nullable());

const eventFields = z.object({
  title: z
    .string({ error: "Enter a title" })
    .trim()
    .min(1, "Enter a title")
    .max(LIMITS.title, `Title must be at most ${LIMITS.title} characters`),
  occurredAt: wallDateTimeSchema,
  timePrecision: timePrecisionSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  category: categorySchema,
  severity: severitySchema,
  countries: optionalList(listOf(countryCodeSchema).pipe(z.array(z.string()).max(LIMITS.countries, `At most ${LIMITS.countries} countries`))),
  summary: z
    .string()
    .max(LIMITS.summary, `Summary must be at most ${LIMITS.summary.toLocaleString("en-US")} characters`)
    .optional()
    .transform((s) => s?.trim() ?? ""),
  sourceUrls: optionalList(listOf(httpUrlSchema, /[\s]+/).pipe(z.array(z.string()).max(LIMITS.sources, `At most ${LIMITS.sources} source URLs`))),
  tags: optionalList(
    listOf(z.string().max(LIMITS.tag, `A tag must be at most ${LIMITS.tag} characters`)).pipe(
      z.array(z.string()).max(LIMITS.tags, `At most ${LIMITS.tags} tags`),
    ),
  ),
  themeId: themeIdSchema.optional().transform((v) => v ?? null),
});

/** The three date fields become one instant with its precision; the zone only served to read the time. */
function withInstant<E extends { occurredAt: WallDateTime; timePrecision?: TimePrecision | undefined; timeZone?: string | undefined }>(e: E, ctx: z.RefinementCtx) {
  const { timePrecision: _precision, timeZone: _zone, ...rest } = e;
  return { ...rest, occurredAt: eventInstant(e, ctx) };
}

export const eventInputSchema = eventFields.extend({ exposures: initialExposuresSchema }).transform(withInstant);
export type EventInput = z.input<typeof eventInputSchema>;
export type ValidEvent = z.output<typeof eventInputSchema>;

/** The fields an edit sends (exposures are edited on their own); exported unpiped for the OpenAPI document. */
export const eventUpdateFields = eventFields.extend({ version: versionSchema });
export const eventUpdateSchema = eventUpdateFields.transform(withInstant);
export type EventUpdateInput = z.input<typeof eventUpdateSchema>;

/** Delete and restore name the version too: deleting what someone just changed is a conflict like any edit. */
export const eventVersionSchema = z.object({ id: idSchema("Event"), version: versionSchema });

export const exposureInputSchema = exposureFieldsSchema.extend({ eventId: idSchema("Event") });
export type ExposureInput = z.input<typeof exposureInputSchema>;

export const exposureRemoveSchema = z.object({ eventId: idSchema("Event"), assetSymbol: z.string().trim().min(1, "Choose an asset") });

/** Body of `POST /events/{id}/exposures`: the event comes from the path. */
export const exposureBodySchema = exposureInputSchema.omit({ eventId: true });
/** Body of `PATCH /events/{id}/exposures/{symbol}`: the new hypothesis; event and asset come from the path. */
export const exposureChangeSchema = exposureInputSchema.omit({ eventId: true, assetSymbol: true });
