// A fingerprint of every row of every table, to prove a rejected request wrote nothing: one md5 per table over its
// rows as text in a stable order. Sequences are left out on purpose — a rolled-back insert may consume an id, which
// changes no stored row — and so are temporary tables: they belong to one connection (a price import's staging
// table lives on in its pooled connection) and are never stored data.
import { db } from "@/lib/db/client";

export interface FingerprintOptions {
  /** Tables ("schema.table") or whole schemas ("schema.*") that legitimately change while requests are refused. */
  skip?: string[];
  /** Columns left out of a table's rows, e.g. a "last used" stamp written by allowed requests running alongside. */
  skipColumns?: Record<string, string[]>;
  /**
   * "md5" (default) hashes each table's rows in a stable order; "sum" adds up a 64-bit hash per row — no sort, so it
   * is cheap enough to take after every request of a long battery, and still changes when any row does.
   */
  digest?: "md5" | "sum";
}

export async function tableFingerprints(options: FingerprintOptions = {}): Promise<Record<string, string>> {
  const skip = new Set(options.skip ?? []);
  const all = await db().$queryRaw<{ schema: string; name: string }[]>`
    SELECT schemaname AS schema, format('%I.%I', schemaname, tablename) AS name FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname !~ '^pg_temp_' ORDER BY 2`;
  const tables = all.filter((t) => !skip.has(t.name) && !skip.has(`${t.schema}.*`)).map((t) => t.name);
  if (tables.length === 0) throw new Error("no tables found: the fingerprint would prove nothing");
  const rowText = (table: string) => {
    const columns = options.skipColumns?.[table];
    // Column names come from the caller's constant list, never from a request.
    return columns?.length ? `(to_jsonb(x) - ARRAY[${columns.map((c) => `'${c.replace(/'/g, "''")}'`).join(", ")}]::text[])::text` : "x::text";
  };
  const digest = (t: string) =>
    options.digest === "sum"
      ? `count(*)::text || ':' || coalesce(sum(hashtextextended(${rowText(t)}, 0)::numeric), 0)::text`
      : `md5(coalesce(string_agg(${rowText(t)}, E'\\n' ORDER BY ${rowText(t)}), ''))`;
  const union = tables.map((t) => `SELECT '${t}' AS name, ${digest(t)} AS hash FROM ${t} x`).join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; hash: string }[]>(union);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/** Tables whose fingerprints differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}

/**
 * PostgreSQL's current snapshot as text (`xmin:xmax:in-progress ids`). Every change to a row runs in a transaction
 * that is given an id; transactions that only read never are. So while this text stays the same, no table can have
 * changed, and a battery can skip the full fingerprint after a refused write that touched nothing.
 */
export async function writeSnapshot(): Promise<string> {
  const [row] = await db().$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return row!.snapshot;
}
