// One schema per input about assets, shared by the forms, the server actions and the JSON API.
import { z } from "zod";

/** Yahoo symbols: letters, digits and . ^ = - (e.g. ^KS11, KRW=X, 012450.KS, BZ=F). */
export const symbolSchema = z
  .string({ error: "Enter a symbol" })
  .trim()
  .min(1, "Enter a symbol")
  .max(24, "A symbol has at most 24 characters")
  .regex(/^[A-Za-z0-9.^=-]+$/, "A symbol uses letters, digits and . ^ = - only (e.g. ^KS11, KRW=X, 012450.KS)")
  .transform((s) => s.toUpperCase());

export const ASSET_CLASSES = ["EQUITY_INDEX", "ETF", "EQUITY", "FX", "COMMODITY_FUTURE", "BOND", "CRYPTO", "OTHER"] as const;

/** An IANA zone as the runtime knows it (Asia/Seoul, America/New_York); Intl rejects anything else. */
export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** The zone as Intl spells it ("asia/seoul" → "Asia/Seoul"); null for an abbreviation, an offset or no zone at all. */
export function canonicalTimeZone(zone: string): string | null {
  // Intl maps abbreviations to some city (EST → America/Panama): only Area/Location names and UTC are taken.
  if (!zone.includes("/") && zone.toUpperCase() !== "UTC") return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    return resolved;
  } catch {
    return null;
  }
}

/** The profile fields an analyst must give when the provider is not asked, in the order the form shows them. */
export const MANUAL_PROFILE_REQUIRED = ["name", "assetClass", "currency", "timeZone"] as const;
const PROFILE_FIELDS = [...MANUAL_PROFILE_REQUIRED, "exchange", "country"] as const;
const REQUIRED_MESSAGE: Record<(typeof MANUAL_PROFILE_REQUIRED)[number], string> = {
  name: "Enter a name: a profile given by hand needs a name, class, currency and time zone",
  assetClass: "Choose a class: a profile given by hand needs a name, class, currency and time zone",
  currency: "Enter a currency: a profile given by hand needs a name, class, currency and time zone",
  timeZone: "Enter a time zone: a profile given by hand needs a name, class, currency and time zone",
};

/**
 * Adding an asset by symbol. Without profile fields the provider is asked for the profile; with them (name, class,
 * currency and time zone together, exchange and country optional) the provider is not asked and the asset's prices
 * come from CSV imports, for series the provider does not carry or while it cannot be reached.
 */
export const addAssetSchema = z
  .object({
    symbol: symbolSchema,
    benchmark: z
      .string()
      .trim()
      .max(24)
      .optional()
      .transform((v) => (v ? v.toUpperCase() : undefined)),
    name: z.string().trim().min(1, "Enter a name").max(200, "A name has at most 200 characters").optional(),
    assetClass: z.enum(ASSET_CLASSES, { error: `The class is one of ${ASSET_CLASSES.join(", ")}` }).optional(),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "A currency is three letters (USD, KRW, EUR)")
      .transform((s) => s.toUpperCase())
      .optional(),
    exchange: z.string().trim().max(40, "An exchange has at most 40 characters").optional(),
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, "Enter an IANA time zone such as Asia/Seoul or America/New_York")
      .transform((s) => canonicalTimeZone(s) ?? s)
      .optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "A country is its two-letter ISO code (KR, US), or left out for global instruments")
      .transform((s) => s.toUpperCase())
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!PROFILE_FIELDS.some((f) => v[f] !== undefined)) return;
    for (const f of MANUAL_PROFILE_REQUIRED) {
      if (v[f] === undefined) ctx.addIssue({ code: "custom", path: [f], message: REQUIRED_MESSAGE[f] });
    }
  });
export type AddAssetInput = z.input<typeof addAssetSchema>;

export const searchQuerySchema = z.string().trim().min(1, "Type part of a name or symbol").max(60, "Keep the search under 60 characters");

/** Upload limit for a price CSV: 20 MB is decades of daily bars. */
export const MAX_PRICE_CSV_BYTES = 20_000_000;

/**
 * A benchmark as typed in a form or sent to the API: a tracked symbol, or empty/null for none (the asset is then
 * studied with the constant-mean model, and its page says so).
 */
export const benchmarkFieldSchema = z
  .union([z.string().trim().max(24, "A symbol has at most 24 characters"), z.null()])
  .transform((v) => (v ? v.toUpperCase() : null));

/** PATCH of an asset (and the asset page's settings form): fields left out keep their value. */
export const assetUpdateSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(200, "A name has at most 200 characters").optional(),
    assetClass: z.enum(ASSET_CLASSES, { error: `The class is one of ${ASSET_CLASSES.join(", ")}` }).optional(),
    benchmark: benchmarkFieldSchema.optional(),
  })
  .strict();
export type AssetUpdateInput = z.input<typeof assetUpdateSchema>;

/** Query of `POST /assets/{symbol}/prices`: how the file meets the stored series, and whether to write at all. */
export const priceImportQuerySchema = z.object({
  mode: z.enum(["merge", "replace"], { error: "mode is merge (add and update bars) or replace (the file becomes the whole series)" }).optional(),
  dryRun: z
    .enum(["true", "false", "1", "0"], { error: "dryRun is true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
});
export type PriceImportMode = "merge" | "replace";

/** Query of `POST /assets/{symbol}/refresh`: `switchToProvider=true` moves a CSV asset back to its provider first. */
export const refreshQuerySchema = z.object({
  switchToProvider: z.enum(["true", "false"], { error: "switchToProvider is true or false" }).optional().transform((v) => v === "true"),
});
