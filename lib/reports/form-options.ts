// What the report forms offer to choose from: assets and themes, as two small queries.
import "server-only";
import { readDb } from "@/lib/db/read-routing";

export async function reportFormOptions() {
  const [assets, themes] = await Promise.all([
    readDb().asset.findMany({ where: { deletedAt: null }, select: { symbol: true, name: true, source: true }, orderBy: { symbol: "asc" } }),
    readDb().theme.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { assets, themes };
}
export type ReportFormOptions = Awaited<ReturnType<typeof reportFormOptions>>;
