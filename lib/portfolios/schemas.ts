// One schema per portfolio input, shared by the portfolio form, the CSV import, the server actions and the JSON API.
// Positions arrive as a JSON array ({ symbol, quantity } or { symbol, weight }) or as CSV text with a header
// `symbol,quantity` or `symbol,weight` (the form's text box and an imported file): both end in the same checks.
import { z } from "zod";
import { idSchema, versionSchema } from "@/lib/validation/fields";
import { readPositionsCsv } from "./positions-csv";

export const PORTFOLIO_LIMITS = { name: 120, description: 2_000, positions: 500 } as const;

/** Weights must sum to 1 within this absolute tolerance. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/** A number from JSON, or plain decimal text (optionally with an exponent) from a form or CSV; "" is absent. */
const PLAIN_NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
function numberField(what: string) {
  return z.preprocess(
    (v) => (v === "" || v === null ? undefined : typeof v === "string" && PLAIN_NUMBER.test(v) ? Number(v) : v),
    z
      .number({ error: `${what} must be a number written in plain digits (e.g. 1500 or 0.25)` })
      .refine(Number.isFinite, `${what} must be a finite number`)
      .refine((n) => n > 0, `${what} must be greater than zero`)
      .optional(),
  );
}

export const positionInputSchema = z.object({
  symbol: z
    .string({ error: "Enter the asset's symbol" })
    .trim()
    .min(1, "Enter the asset's symbol")
    .max(40, "A symbol is at most 40 characters")
    .transform((s) => s.toUpperCase()),
  quantity: numberField("Quantity").meta({ description: "Units held (shares, contracts, units of the index or currency pair); > 0." }),
  weight: numberField("Weight").meta({ description: "Fraction of the portfolio's notional (0.25 = 25 %); weights sum to 1." }),
});
export type PositionInput = z.input<typeof positionInputSchema>;

const positionsSchema = z.preprocess(
  (v, ctx) => {
    if (typeof v !== "string") return v;
    const read = readPositionsCsv(v);
    if ("error" in read) {
      ctx.addIssue({ code: "custom", message: read.error });
      return z.NEVER;
    }
    return read.rows.map(({ line: _line, ...position }) => position);
  },
  z
    .array(positionInputSchema, { error: "Positions must be a list of { symbol, quantity } or { symbol, weight }" })
    .min(1, "Add at least one position")
    .max(PORTFOLIO_LIMITS.positions, `At most ${PORTFOLIO_LIMITS.positions} positions`),
).meta({
  description:
    "Positions: a JSON array of { symbol, quantity } or { symbol, weight } (one kind for all), or CSV text with the header " +
    "symbol,quantity or symbol,weight. Each asset once; weights sum to 1 (±1e-6).",
});

const baseCurrencySchema = z
  .string({ error: "Enter the base currency as a 3-letter code (e.g. USD)" })
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter the base currency as a 3-letter ISO 4217 code (e.g. USD, KRW, EUR)"));

const notionalSchema = numberField("Notional").meta({ description: "Total value in the base currency the weights apply to; only for weight portfolios." });

const portfolioFields = z.object({
  name: z
    .string({ error: "Enter a name" })
    .trim()
    .min(1, "Enter a name")
    .max(PORTFOLIO_LIMITS.name, `Name must be at most ${PORTFOLIO_LIMITS.name} characters`),
  description: z
    .string()
    .max(PORTFOLIO_LIMITS.description, `Description must be at most ${PORTFOLIO_LIMITS.description.toLocaleString("en-US")} characters`)
    .optional()
    .transform((s) => s?.trim() ?? ""),
  baseCurrency: baseCurrencySchema,
  notional: notionalSchema,
  positions: positionsSchema,
});

export type PositionKind = "quantity" | "weight";

/** The checks across positions: one kind for all, each asset once, weights summing to 1, a notional exactly for weights. */
function checkPositions<P extends z.output<typeof portfolioFields>>(p: P, ctx: z.RefinementCtx) {
  let kind: PositionKind | null = null;
  p.positions.forEach((pos, i) => {
    const has = { quantity: pos.quantity !== undefined, weight: pos.weight !== undefined };
    if (has.quantity && has.weight) {
      ctx.addIssue({ code: "custom", path: ["positions", i, "weight"], message: `${pos.symbol}: give a quantity or a weight, not both` });
    } else if (!has.quantity && !has.weight) {
      ctx.addIssue({ code: "custom", path: ["positions", i, "quantity"], message: `${pos.symbol}: enter a quantity (or a weight)` });
    } else {
      const mine: PositionKind = has.quantity ? "quantity" : "weight";
      if (kind === null) kind = mine;
      else if (kind !== mine) {
        ctx.addIssue({ code: "custom", path: ["positions", i, mine], message: `${pos.symbol}: every position must use ${kind === "quantity" ? "quantities" : "weights"} like the first; do not mix quantities and weights` });
      }
    }
  });
  const firstRow = new Map<string, number>();
  p.positions.forEach((pos, i) => {
    const first = firstRow.get(pos.symbol);
    if (first === undefined) firstRow.set(pos.symbol, i);
    else ctx.addIssue({ code: "custom", path: ["positions", i, "symbol"], message: `${pos.symbol} is listed twice (positions ${first + 1} and ${i + 1}): one row per asset` });
  });
  if (kind === "weight") {
    const sum = p.positions.reduce((s, pos) => s + (pos.weight ?? 0), 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({ code: "custom", path: ["positions"], message: `Weights sum to ${Number(sum.toPrecision(10))}; they must sum to 1 (within ${WEIGHT_SUM_TOLERANCE})` });
    }
    if (p.notional === undefined) ctx.addIssue({ code: "custom", path: ["notional"], message: "Enter the notional the weights apply to (a value in the base currency, greater than zero)" });
  } else if (kind === "quantity" && p.notional !== undefined) {
    ctx.addIssue({ code: "custom", path: ["notional"], message: "A notional applies to weights only: leave it empty when positions are quantities" });
  }
}

function normalise<P extends z.output<typeof portfolioFields>>(p: P) {
  const kind: PositionKind = p.positions[0]?.weight !== undefined ? "weight" : "quantity";
  return {
    ...p,
    kind,
    notional: kind === "weight" ? (p.notional ?? null) : null,
    positions: p.positions.map((pos) => ({ symbol: pos.symbol, quantity: kind === "quantity" ? (pos.quantity ?? null) : null, weight: kind === "weight" ? (pos.weight ?? null) : null })),
  };
}

export const portfolioInputSchema = portfolioFields.superRefine(checkPositions).transform(normalise);
export type PortfolioInput = z.input<typeof portfolioInputSchema>;
export type ValidPortfolio = z.output<typeof portfolioInputSchema>;

/** An edit sends the whole portfolio again with the version it started from; exported unpiped for the OpenAPI document. */
export const portfolioUpdateFields = portfolioFields.extend({ version: versionSchema });
export const portfolioUpdateSchema = portfolioUpdateFields.superRefine(checkPositions).transform(normalise);
export type PortfolioUpdateInput = z.input<typeof portfolioUpdateSchema>;

/** Delete names the version too: deleting what someone just changed is a conflict like any edit. */
export const portfolioVersionSchema = z.object({ id: idSchema("Portfolio"), version: versionSchema });
