// The inputs of the stress scenarios, one schema each, shared by the JSON API and the portfolio page: a book (a base
// currency and positions held as units, or as weights of a notional), the analogues, the horizon and the shocks.
import { z } from "zod";
import { categorySchema, countryCodeSchema, severitySchema } from "@/lib/events/schemas";
import { calendarDateSchema, idSchema } from "@/lib/validation/fields";

/** Weights must sum to 1 within this tolerance (a CSV of percentages rounded to 0.0001 %). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;
export const MAX_POSITIONS = 500;
export const MAX_SHOCKS = 10;
/** Most analogue events picked one by one: more than an analyst reads through, fewer than a filter may match. */
export const MAX_PICKED_EVENTS = 200;

const symbolSchema = z
  .string({ error: "Give the position's symbol" })
  .trim()
  .min(1, "Give the position's symbol")
  .max(40, "A symbol has at most 40 characters")
  .transform((s) => s.toUpperCase());

const positionSchema = z
  .object({
    symbol: symbolSchema,
    quantity: z.number({ error: "A quantity is a number of units" }).finite().optional(),
    weight: z.number({ error: "A weight is a fraction of the notional, e.g. 0.25" }).finite().optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.quantity === undefined) === (p.weight === undefined)) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Give either a quantity or a weight for each position" });
    }
    if (p.quantity === 0) ctx.addIssue({ code: "custom", path: ["quantity"], message: "A quantity of zero is not a position" });
  });

/** The plain book a scenario runs on; a stored portfolio maps onto it. */
export const scenarioBookSchema = z
  .object({
    baseCurrency: z
      .string({ error: "Give the base currency, e.g. USD" })
      .trim()
      .regex(/^[A-Za-z]{3}$/, "A base currency is a three-letter ISO code, e.g. USD")
      .transform((s) => s.toUpperCase()),
    positions: z.array(positionSchema).min(1, "The book is empty: add at least one position").max(MAX_POSITIONS, `At most ${MAX_POSITIONS} positions`),
    notional: z.number({ error: "The notional is an amount in the base currency" }).finite().optional(),
  })
  .superRefine((b, ctx) => {
    const seen = new Map<string, number>();
    b.positions.forEach((p, i) => {
      const first = seen.get(p.symbol);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["positions", i, "symbol"], message: `${p.symbol} is already position ${first + 1}: hold it once` });
      else seen.set(p.symbol, i);
    });
    const weighted = b.positions.filter((p) => p.weight !== undefined);
    if (weighted.length > 0 && weighted.length < b.positions.length) {
      ctx.addIssue({ code: "custom", path: ["positions"], message: "Use quantities for every position or weights for every position, not both" });
    }
    if (b.notional !== undefined && !(b.notional > 0)) ctx.addIssue({ code: "custom", path: ["notional"], message: "The notional must be positive" });
    if (weighted.length > 0 && weighted.length === b.positions.length) {
      if (b.notional === undefined) ctx.addIssue({ code: "custom", path: ["notional"], message: "Weights need a notional to value the book" });
      const sum = weighted.reduce((s, p) => s + (p.weight as number), 0);
      if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
        ctx.addIssue({ code: "custom", path: ["positions"], message: `Weights must sum to 1; they sum to ${Number(sum.toFixed(6))}` });
      }
    }
  });
export type ScenarioBook = z.input<typeof scenarioBookSchema>;
export type ParsedBook = z.output<typeof scenarioBookSchema>;

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).optional();

const FILTER_KEYS = ["themeId", "category", "countries", "severityMin", "tags", "from", "to"] as const;
const given = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * Analogue events: picked one by one (`eventIds`: exactly these, each live) or by filters that must all hold — one or
 * the other, so a pick is never silently narrowed by a filter. A repeated id counts once.
 */
export const analogueSelectionSchema = z
  .object({
    eventIds: z
      .array(idSchema("eventIds"), { error: "eventIds is a list of event ids" })
      .max(MAX_PICKED_EVENTS, `Pick at most ${MAX_PICKED_EVENTS} events`)
      .transform((ids) => [...new Set(ids)])
      .optional(),
    themeId: idSchema("themeId").optional(),
    category: categorySchema.optional(),
    countries: list(countryCodeSchema, 30),
    severityMin: severitySchema.optional(),
    tags: list(z.string().trim().min(1).max(50), 20),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ["to"], message: "to must be on or after from" })
  .refine((s) => Object.values(s).some(given), { message: "Pick analogue events or give at least one filter" })
  .refine((s) => !given(s.eventIds) || !FILTER_KEYS.some((k) => given(s[k])), {
    path: ["eventIds"],
    message: "Picked events are the analogues as they are: leave the filters out, or pick no events",
  });
export type AnalogueSelection = z.output<typeof analogueSelectionSchema>;

/** Sessions relative to day 0, both included; [0, 5] by default, [−1, 1] and [0, 10] are the other usual ones. */
export const horizonSchema = z
  .tuple([z.number().int().min(-10).max(0), z.number().int().min(0).max(20)], { error: "A horizon is two session offsets, e.g. [0, 5]" })
  .default([0, 5]);

const asOfSchema = calendarDateSchema.optional();

export const analogueScenarioSchema = z.object({
  book: scenarioBookSchema,
  analogues: analogueSelectionSchema,
  horizon: horizonSchema,
  /** Years of ordinary start sessions the tail ratio and placebo compare with. */
  lookbackYears: z.number().int().min(1).max(20).default(5),
  asOf: asOfSchema,
  seed: z.number().int().min(1).max(2 ** 31 - 1).default(1),
});
export type AnalogueScenarioRequest = z.input<typeof analogueScenarioSchema>;
export type AnalogueScenarioParams = z.output<typeof analogueScenarioSchema>;

export const shockScenarioSchema = z.object({
  book: scenarioBookSchema,
  shocks: z
    .array(
      z.object({
        symbol: symbolSchema,
        shock: z.number({ error: "A shock is a return, e.g. -0.05 for −5 %" }).finite().gt(-1, "A price cannot fall by 100 % or more"),
      }),
    )
    .min(1, "State at least one shock")
    .max(MAX_SHOCKS, `At most ${MAX_SHOCKS} shocks`)
    .superRefine((shocks, ctx) => {
      const seen = new Set<string>();
      shocks.forEach((s, i) => {
        if (seen.has(s.symbol)) ctx.addIssue({ code: "custom", path: [i, "symbol"], message: `${s.symbol} is shocked twice` });
        seen.add(s.symbol);
      });
    }),
  method: z.enum(["ewma", "sample"]).default("ewma"),
  /** Sessions of daily returns the covariance is estimated on (252 ≈ one year). */
  windowSessions: z.number().int().min(60).max(2520).default(252),
  /** Sessions the shocks play out over: scales the conditional variance. */
  horizonSessions: z.number().int().min(1).max(21).default(1),
  asOf: asOfSchema,
});
export type ShockScenarioRequest = z.input<typeof shockScenarioSchema>;
export type ShockScenarioParams = z.output<typeof shockScenarioSchema>;

const nameSchema = z.string({ error: "Give the scenario a name" }).trim().min(1, "Give the scenario a name").max(120, "A name has at most 120 characters");
export const savedAnalogueParametersSchema = analogueScenarioSchema.omit({ book: true });
export const savedShockParametersSchema = shockScenarioSchema.omit({ book: true });

/** What a save names: the kind, a name, and the scenario's parameters without the book (the portfolio is the book). */
export const saveScenarioSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("analogues"), name: nameSchema, parameters: savedAnalogueParametersSchema }),
  z.object({ kind: z.literal("shocks"), name: nameSchema, parameters: savedShockParametersSchema }),
], { error: "kind is analogues or shocks" });
export type SaveScenarioInput = z.input<typeof saveScenarioSchema>;
export type SavedAnalogueParameters = z.output<typeof savedAnalogueParametersSchema>;
export type SavedShockParameters = z.output<typeof savedShockParametersSchema>;
