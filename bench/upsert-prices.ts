// Bulk price writes vs `psql \copy`, same rows, same table, same run (ratios, not absolute times).
//   node --import tsx bench/upsert-prices.ts [--rows 1000000]
// Needs `psql` (Debian: apt-get install postgresql-client). Uses BENCH_DATABASE_URL or a throwaway embedded server.
// Cases, each timed for Faultline's upsert (lib/prices/store.ts) and for \copy of the same CSV:
//   empty      — into an empty price_bar table
//   half-full  — into a table already holding as many bars for other assets
//   overlap    — Faultline only: half of the rows already stored with other values (half inserts, half updates);
//                \copy cannot upsert, so its reference is the same rows copied into the half-full table.
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { endPgPool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { upsertBarsWith } from "@/lib/prices/store";
import type { DailyBar } from "@/lib/market-data/provider";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, out: { type: "string" } } });
const ROWS = Number(values.rows);
const DAYS = 5000;
const ASSETS = Math.ceil(ROWS / DAYS);

function makeBars(seed: number): DailyBar[] {
  const bars: DailyBar[] = [];
  let price = 100 + seed;
  const start = Date.UTC(2000, 0, 3);
  for (let d = 0; d < DAYS; d++) {
    price *= 1 + Math.sin(seed * 7.1 + d * 0.37) * 0.01;
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    bars.push({ date, open: price * 0.999, high: price * 1.01, low: price * 0.99, close: price, adjClose: price, volume: 1000 + d });
  }
  return bars;
}

function toCsv(assetIds: number[], series: DailyBar[][]): string {
  const lines: string[] = [];
  assetIds.forEach((id, i) => {
    for (const b of series[i]!) lines.push(`${id},${b.date},${b.open},${b.high},${b.low},${b.close},${b.adjClose},${b.volume}`);
  });
  return lines.join("\n") + "\n";
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop = async () => undefined as void;
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-bench-"));
  await chmod(dir, 0o755);
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "bench" });
    url = server.url;
    stop = server.stop;
  }
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("TRUNCATE price_bar, asset RESTART IDENTITY CASCADE");
  const mk = async (prefix: string) => {
    const ids: number[] = [];
    for (let i = 0; i < ASSETS; i++) {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, updated_at) VALUES ($1, $1, 'EQUITY', 'USD', 'X', 'UTC', now()) RETURNING id",
        [`${prefix}${i}`],
      );
      ids.push(rows[0]!.id);
    }
    return ids;
  };
  const target = await mk("T");
  const other = await mk("O");
  const series = target.map((_, i) => makeBars(i));
  const otherSeries = other.map((_, i) => makeBars(i + 1000));
  const csvFile = path.join(dir, "bars.csv");
  const otherCsv = path.join(dir, "other.csv");
  await writeFile(csvFile, toCsv(target, series));
  await writeFile(otherCsv, toCsv(other, otherSeries));
  const rows = series.reduce((n, s) => n + s.length, 0);

  const psqlCopy = (file: string) =>
    execFileSync("psql", [url!, "-v", "ON_ERROR_STOP=1", "-q", "-c", `\\copy price_bar(asset_id, date, open, high, low, close, adj_close, volume) FROM '${file}' CSV`]);
  const upsertAll = (s: DailyBar[][] = series) =>
    withTransaction((c) => upsertBarsWith(c, target.map((assetId, i) => ({ assetId, bars: s[i]! }))));
  const reset = async (state: "empty" | "half-full" | "overlap") => {
    await client.query("TRUNCATE price_bar");
    if (state !== "empty") psqlCopy(otherCsv);
    if (state === "overlap") {
      // half of the target rows already stored, with different values
      await upsertAll(series.map((s) => s.filter((_, d) => d % 2 === 0).map((b) => ({ ...b, close: b.close * 1.01 }))));
    }
    await client.query("VACUUM ANALYZE price_bar");
  };

  const results: { case: string; faultline: number; copy: number }[] = [];
  for (const state of ["empty", "half-full"] as const) {
    const runs: [number, number][] = [];
    for (let rep = 0; rep < 2; rep++) {
      await reset(state);
      const copy = await timed(() => psqlCopy(csvFile));
      await reset(state);
      const ours = await timed(() => upsertAll());
      runs.push([ours, copy]);
    }
    const best = (k: 0 | 1) => Math.min(...runs.map((r) => r[k]));
    results.push({ case: state, faultline: best(0), copy: best(1) });
  }
  await reset("overlap");
  const overlap = await timed(() => upsertAll());
  await reset("half-full");
  const overlapCopy = await timed(() => psqlCopy(csvFile));
  results.push({ case: "overlap (½ insert, ½ update)", faultline: overlap, copy: overlapCopy });
  const check = await client.query<{ n: string }>("SELECT count(*) AS n FROM price_bar WHERE asset_id = ANY($1)", [target]);
  if (Number(check.rows[0]!.n) !== rows) throw new Error(`expected ${rows} target rows, found ${check.rows[0]!.n}`);

  const lines = [
    `## Bulk price upsert vs psql \\copy`,
    "",
    `Run ${new Date().toISOString().slice(0, 16)}Z, ${rows.toLocaleString("en-US")} bars (${ASSETS} assets × ${DAYS} days), PostgreSQL ${(await client.query("SHOW server_version")).rows[0].server_version}, ${os.cpus().length} CPUs. Best of 2 for empty/half-full.`,
    "",
    "| case | Faultline upsert (s) | psql \\copy (s) | ratio (≤ 2 is the goal) |",
    "|---|---:|---:|---:|",
    ...results.map((r) => `| ${r.case} | ${r.faultline.toFixed(2)} | ${r.copy.toFixed(2)} | ${(r.faultline / r.copy).toFixed(2)}× |`),
  ];
  console.log(lines.join("\n"));
  if (values.out) await writeFile(values.out, lines.join("\n") + "\n");
  await client.end();
  await disconnectDb();
  await endPgPool();
  await stop();
  await rm(dir, { recursive: true, force: true });
}

void db;
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
