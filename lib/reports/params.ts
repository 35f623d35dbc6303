// Parameter building blocks shared by the report schemas. Values arrive as strings from a query string or a form and
// as arrays or numbers from JSON; each field accepts all three.
import { z } from "zod";
import { calendarDateSchema, listOf } from "@/lib/validation/fields";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : Array.isArray(v) && v.length === 1 ? v[0] : v);

export const optionalDate = z.preprocess(blankToUndefined, calendarDateSchema.optional());

export const MAX_ASSETS = 100;

export const symbolListSchema = listOf(z.string().max(40, "A symbol is at most 40 characters")).pipe(
  z.array(z.string()).max(MAX_ASSETS, `At most ${MAX_ASSETS} assets per report`),
);

/** "1", "true", "on", "yes" (forms and query strings) or a JSON boolean. */
export const flagSchema = z.preprocess((v) => {
  const x = Array.isArray(v) ? v[v.length - 1] : v;
  if (x === undefined || x === null || x === "") return false;
  if (typeof x === "boolean") return x;
  return ["1", "true", "on", "yes"].includes(String(x).trim().toLowerCase()) ? true : ["0", "false", "off", "no"].includes(String(x).trim().toLowerCase()) ? false : x;
}, z.boolean({ error: "Use true or false" }));

/** How the file is delivered, common to every report. */
export const deliverySchema = z.object({ bom: flagSchema, bundle: flagSchema });
export type Delivery = z.output<typeof deliverySchema>;

export function dateRangeRefinement(p: { from?: string; to?: string }): boolean {
  return !p.from || !p.to || p.from <= p.to;
}
export const DATE_RANGE_ISSUE = { path: ["to"], message: "The end date must be on or after the start date" };
