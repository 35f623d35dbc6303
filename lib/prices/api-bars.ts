// Daily bars of one asset between two dates, as the JSON API serves them.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isoDate } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/validation/fields";

export const priceQuerySchema = z
  .object({ from: calendarDateSchema.optional(), to: calendarDateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must be on or after from" });

export async function apiBars(assetId: number, from?: string, to?: string) {
  const rows = await db().priceBar.findMany({
    where: {
      assetId,
      ...(from || to ? { date: { ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}), ...(to ? { lte: new Date(`${to}T00:00:00Z`) } : {}) } } : {}),
    },
    orderBy: { date: "asc" },
  });
  return rows.map((r) => ({ date: isoDate(r.date), open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adjClose, volume: r.volume }));
}
