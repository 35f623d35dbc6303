// Daily bars of one asset between two dates, as the JSON API serves them.
import "server-only";
import { z } from "zod";
import { isoDate } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/validation/fields";
import { readDb } from "@/lib/db/read-routing";

export const priceQuerySchema = z
  .object({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must be on or after from" });

export async function apiBars(assetId: number, from?: string, to?: string) {
  const rows = await readDb().priceBar.findMany({
    where: {
      assetId,
      ...(from || to ? { date: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } } : {}),
    },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: isoDate(r.date), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose, volume: r.volume }));
}
