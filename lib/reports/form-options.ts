// What the report forms offer to choose from: assets and themes, as two small queries.
import "server-only";
import { db } from "@/lib/db/client";

export async function reportFormOptions() {
  const [assets, themes] = await Promise.all([
    db().asset.findMany({ where: { deletedAt: null }, select: { symbol: true, name: true, source: true }, orderBy: { symbol: "asc" } }),
    db().theme.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { assets, themes };
}
export type ReportFormOptions = Awaited<ReturnType<typeof reportFormOptions>>;
