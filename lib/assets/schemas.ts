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

export const addAssetSchema = z.object({
  symbol: symbolSchema,
  benchmark: z
    .string()
    .trim()
    .max(24)
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
});
export type AddAssetInput = z.input<typeof addAssetSchema>;

export const searchQuerySchema = z.string().trim().min(1, "Type part of a name or symbol").max(60, "Keep the search under 60 characters");

/** Upload limit for a price CSV: 20 MB is decades of daily bars. */
export const MAX_PRICE_CSV_BYTES = 20_000_000;

export const ASSET_CLASSES = ["EQUITY_INDEX", "ETF", "EQUITY", "FX", "COMMODITY_FUTURE", "BOND", "CRYPTO", "OTHER"] as const;

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
