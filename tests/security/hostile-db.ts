// A fingerprint of every row of every table, to prove a rejected request wrote nothing: one md5 per table over its
// rows as text in a stable order. Sequences are left out on purpose — a rolled-back insert may consume an id, which
// changes no stored row.
import { db } from "@/lib/db/client";

export async function tableFingerprints(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`;
  if (tables.length === 0) throw new Error("no tables found: the fingerprint would prove nothing");
  const union = tables
    .map((t) => `SELECT '${t.name}' AS name, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS hash FROM ${t.name} x`)
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; hash: string }[]>(union);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/** Tables whose fingerprints differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}
