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
