// Streaming export of prices with events vs `psql \copy (same query) TO STDOUT CSV`, same rows, same run, and the
// exporting process's peak memory at 100k vs 1M rows.
//   node --conditions=react-server --import tsx bench/export-prices.ts [--rows 1000000] [--out bench/results/export-prices.md]
// Needs `psql` (Debian: apt-get install postgresql-client). Uses BENCH_DATABASE_URL or a throwaway embedded server.
// Each export runs in a child process of its own (with the react-server condition, as under Next) so its RSS is
// measured from a clean baseline: growth = peak RSS during the export − RSS just before it.
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    out: { type: "string" },
    child: { type: "string" },
    url: { type: "string" },
    assets: { type: "string" },
    file: { type: "string" },
  },
});
const DAYS = 10_000;

interface ChildResult {
  seconds: number;
  baselineRss: number;
  peakRss: number;
  bytes: number;
}

/** Child: export through Faultline's streaming path (report → web stream → file), sampling RSS. */
async function child(mode: string): Promise<void> {
  process.env.DATABASE_URL = values.url!;
  process.env.LOG_LEVEL = "silent";
  const { pricesWithEventsReport } = await import("@/lib/reports/prices-with-events");
  const { pgPool } = await import("@/lib/db/pool");
  await pgPool().query("SELECT 1");
  // A running server has its Prisma client and pool warm: start from there, so the figures are the export's own.
  const { db: prisma } = await import("@/lib/db/client");
  await prisma().asset.count();
  const params = pricesWithEventsReport.schema.parse({ assets: values.assets });
  if (mode === "sql") {
    const { day0Sessions, pricesWithEventsSql } = await import("@/lib/reports/prices-with-events");
    const { db } = await import("@/lib/db/client");
    const assets = await db().asset.findMany({ where: { symbol: { in: params.assets } }, orderBy: { symbol: "asc" } });
    const sql = pricesWithEventsSql(assets.map((a) => a.id), params, await day0Sessions(assets));
    await writeFile(values.file!, sql);
    process.exit(0);
  }
  global.gc?.();
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const t = performance.now();
  const run = await pricesWithEventsReport.run(params);
  const body = await run.body({ bom: false });
  await body.pipeTo(Writable.toWeb(createWriteStream(values.file!)) as WritableStream<Uint8Array>);
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const result: ChildResult = { seconds, baselineRss, peakRss, bytes: (await stat(values.file!)).size };
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

function runChild(mode: string, url: string, assets: string, file: string): Promise<ChildResult | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ["--conditions=react-server", "--expose-gc", "--import", "tsx", import.meta.filename, "--child", mode, "--url", url, "--assets", assets, "--file", file],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    p.stdout.on("data", (d: Buffer) => (out += d.toString()));
    p.on("exit", (code) => (code === 0 ? resolve(mode === "sql" ? null : (JSON.parse(out) as ChildResult)) : reject(new Error(`child ${mode} exited ${code}`))));
  });
}

function bars(seed: number, assetId: number): string {
  const lines: string[] = [];
  let price = 100 + seed;
  const start = Date.UTC(1990, 0, 1);
  for (let d = 0; d < DAYS; d++) {
    price *= 1 + Math.sin(seed * 7.1 + d * 0.37) * 0.01 + (d % 997 === 0 ? 0.3 : 0);
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${assetId}\t${date}\t${price * 0.999}\t${price * 1.01}\t${price * 0.99}\t${price}\t${price}\t${1000 + d}`);
  }
  return lines.join("\n") + "\n";
}

async function main() {
  if (values.child) return child(values.child);
  const rows = Number(values.rows);
  const assetCount = Math.ceil(rows / DAYS);
  let url = process.env.BENCH_DATABASE_URL;
  let stop = async () => undefined as void;
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-bench-"));
  await chmod(dir, 0o755);
  const { freePort, startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const { applyMigrations } = await import("@/lib/db/migrations");
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "bench" });
    url = server.url;
    stop = server.stop;
  }
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("TRUNCATE price_bar, exposure, event, asset RESTART IDENTITY CASCADE");
  const symbols: string[] = [];
  for (let i = 0; i < assetCount; i++) {
    const symbol = `T${String(i).padStart(3, "0")}`;
    symbols.push(symbol);
    await client.query(
      "INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at) VALUES ($1, $1, 'EQUITY', 'USD', 'NYQ', 'America/New_York', 'DEMO', now())",
      [symbol],
    );
  }
  // Bars loaded with COPY (the price store's own path is benchmarked in bench/upsert-prices.ts).
  const { from: copyFrom } = await import("pg-copy-streams");
  const { pipeline } = await import("node:stream/promises");
  const { Readable } = await import("node:stream");
  await pipeline(
    Readable.from((function* () { for (let i = 0; i < assetCount; i++) yield bars(i, i + 1); })()),
    client.query(copyFrom("COPY price_bar (asset_id, date, open, high, low, close, adj_close, volume) FROM STDIN")),
  );
  // 400 events (some timed, some with titles a spreadsheet would evaluate), each exposing three assets.
  for (let e = 0; e < 400; e++) {
    const at = new Date(Date.UTC(1990, 0, 1) + ((e * 9973) % (DAYS - 30)) * 86_400_000 + (e % 2 ? 15.5 * 3_600_000 : 0));
    const { rows: r } = await client.query<{ id: number }>(
      "INSERT INTO event (title, occurred_at, time_precision, category, severity, countries, source_urls, tags, updated_at) VALUES ($1, $2, $3, 'OTHER', 3, '{}', '{}', '{}', now()) RETURNING id",
      [e % 10 === 0 ? `=HYPERLINK("x") event ${e}` : `Event ${e}, "quoted"`, at, e % 2 ? "EXACT" : "DAY"],
    );
    for (let k = 0; k < 3; k++) {
      await client.query("INSERT INTO exposure (event_id, asset_id, direction) VALUES ($1, $2, 'UP') ON CONFLICT DO NOTHING", [
        r[0]!.id,
        ((e * 7 + k * 13) % assetCount) + 1,
      ]);
    }
  }
  await client.query("VACUUM ANALYZE");
  const version = (await client.query("SHOW server_version")).rows[0].server_version as string;

  const sizes = [
    { label: "100k", assets: symbols.slice(0, Math.max(1, Math.round(assetCount / 10))) },
    { label: "1M", assets: symbols },
  ];
  const results: { label: string; rows: number; ours: ChildResult; copy: number; same: boolean }[] = [];
  for (const size of sizes) {
    const list = size.assets.join(",");
    const sqlFile = path.join(dir, `${size.label}.sql`);
    await runChild("sql", url, list, sqlFile);
    const sql = (await readFile(sqlFile, "utf8")).replace(/\s+/g, " ");
    const psqlFile = path.join(dir, `${size.label}-psql.csv`);
    const oursFile = path.join(dir, `${size.label}-ours.csv`);
    const psql = () =>
      execFileSync("psql", [url!, "-v", "ON_ERROR_STOP=1", "-q", "-c", `\\copy (${sql}) TO '${psqlFile}' CSV HEADER`], {
        env: { ...process.env, PGOPTIONS: "-c DateStyle=ISO,YMD -c extra_float_digits=1 -c TimeZone=UTC" },
      });
    const runs: { ours: ChildResult; copy: number }[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const t = performance.now();
      psql();
      const copy = (performance.now() - t) / 1000;
      const ours = (await runChild("export", url, list, oursFile))!;
      runs.push({ ours, copy });
    }
    const ours = runs.reduce((a, b) => (b.ours.seconds < a.ours.seconds ? b : a)).ours;
    const copy = Math.min(...runs.map((r) => r.copy));
    const oursText = (await readFile(oursFile, "utf8")).replace(/\r\n/g, "\n");
    const psqlText = await readFile(psqlFile, "utf8");
    const lines = oursText.split("\n").length - 2;
    // Faultline ends records with CRLF; with those turned back into LF both files must be byte-identical.
    results.push({ label: size.label, rows: lines, ours: { ...ours, peakRss: Math.max(...runs.map((r) => r.ours.peakRss - r.ours.baselineRss)) + ours.baselineRss }, copy, same: oursText === psqlText });
  }
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const growth = (r: (typeof results)[number]) => r.ours.peakRss - r.ours.baselineRss;
  const [small, big] = results as [(typeof results)[number], (typeof results)[number]];
  const lines = [
    "## Prices-with-events export vs psql \\copy",
    "",
    `Run ${new Date().toISOString().slice(0, 16)}Z, PostgreSQL ${version}, ${os.cpus().length} CPUs, Node ${process.version}. ${assetCount} assets × ${DAYS.toLocaleString("en-US")} days, 400 events × 3 exposures. Best of 3 runs, alternating; Faultline's export runs in its own process (report → web ReadableStream → file), psql writes to a file too.`,
    "",
    "| rows | Faultline stream (s) | psql \\copy (s) | ratio (goal ≤ 1.5×) | same bytes (CRLF→LF) | RSS before (MB) | peak RSS growth (MB) |",
    "|---:|---:|---:|---:|:-:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en-US")} | ${r.ours.seconds.toFixed(2)} | ${r.copy.toFixed(2)} | ${(r.ours.seconds / r.copy).toFixed(2)}× | ${r.same ? "yes" : "NO"} | ${mb(r.ours.baselineRss)} | ${mb(growth(r))} |`,
    ),
    "",
    `Peak-memory growth, 1M vs 100k rows: ${mb(growth(big) - growth(small))} MB (goal < 50 MB).`,
    "",
    "The peak growth during an export is about the same at both sizes: 64 KB chunks and socket buffers the garbage",
    "collector reclaims lazily, bounded by backpressure (the query waits while the file is not being read). Both",
    "outputs are compared byte for byte after turning Faultline's CRLF record ends back into PostgreSQL's LF.",
  ];
  console.log(lines.join("\n"));
  if (values.out) await writeFile(values.out, lines.join("\n") + "\n");
  await client.end();
  await stop();
  await rm(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
