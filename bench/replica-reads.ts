// Read replica, measured in one run on one machine: two instances of the production build on the same primary, A
// without DATABASE_READ_URL and B with it (one streaming standby), all on loopback:
//   node --conditions=react-server --import tsx bench/replica-reads.ts [--seconds 10] [--docs]
// 1. Overview throughput at 50 connections, A and B alternately (A, B, A, B) so drift hits both alike.
// 2. Write latency of two analysts creating events, alone, then while CSV exports (prices-with-events, every asset)
//    stream from A (COPY on the primary) and from B (COPY on the standby).
// Every process shares the same CPUs: the figures are ratios against the peer in the same run, not capacities.
// Writes bench/results/replica-reads.md; with --docs also the "Read replica" section of docs/performance.md.
import { writeFile } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { argValue, percentile, signIn, startDatabase, startFaultline, startReplica, seedSetBased, ADMIN, type App } from "../scripts/reliability/harness";
import { replaceSection } from "../scripts/reliability/sections";

const SECONDS = Number(argValue("seconds", "10"));

async function overview(app: App, cookie: string) {
  const r = await autocannon({ url: `${app.baseUrl}/`, connections: 50, duration: SECONDS, headers: { cookie }, timeout: 60 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

async function standbyReads(client: pg.Client): Promise<number> {
  return Number((await client.query<{ n: string }>("SELECT sum(tup_returned)::text AS n FROM pg_stat_database")).rows[0]!.n);
}

/** Two writers creating events for SECONDS, optionally while two exports stream from `exportFrom`. */
async function writesDuring(writeTo: App, cookie: string, exportFrom: App | null, symbols: string[]) {
  const latencies: number[] = [];
  let failed = 0;
  let exportedBytes = 0;
  let exports = 0;
  const exportFailures: string[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  const writer = async (w: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      const t0 = performance.now();
      const res = await fetch(`${writeTo.baseUrl}/api/v1/events`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ title: `Bench writer ${w}-${n}`, occurredAt: "2024-10-01", category: "MILITARY", severity: 2, countries: ["KP"] }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 201) failed++;
    }
  };
  const exporter = async () => {
    while (exportFrom && Date.now() < deadline) {
      const res = await fetch(`${exportFrom.baseUrl}/api/reports/prices-with-events?assets=${encodeURIComponent(symbols.join(","))}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      // A refused or cut-short export would pass for a fast one: count only complete files.
      if (res.status !== 200) exportFailures.push(`${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
      else {
        exportedBytes += body.byteLength;
        exports++;
      }
    }
  };
  await Promise.all([writer(0), writer(1), exporter(), exporter()]);
  latencies.sort((a, b) => a - b);
  if (exportFailures.length > 0) throw new Error(`exports failed: ${exportFailures.slice(0, 3).join(" | ")}`);
  return { writes: latencies.length, failed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), exports, mb: exportedBytes / 1e6 };
}

async function main() {
  const db = await startDatabase();
  await seedSetBased(db.url);
  const replica = await startReplica(db);
  const apps: App[] = [];
  const standby = new pg.Client({ connectionString: replica.url });
  try {
    // One after the other: the first start migrates and seeds.
    const a = await startFaultline(db.url, { LOG_LEVEL: "warn" });
    apps.push(a);
    const b = await startFaultline(db.url, { DATABASE_READ_URL: replica.url, LOG_LEVEL: "warn" });
    apps.push(b);
    const cookieA = await signIn(a.baseUrl, ADMIN.email, ADMIN.password, "198.51.100.80", a.baseUrl);
    const cookieB = await signIn(b.baseUrl, ADMIN.email, ADMIN.password, "198.51.100.81", b.baseUrl);
    await standby.connect();
    // Warm both (compiled routes, caches, pools), and let B's router see a healthy standby.
    for (const [app, cookie] of [[a, cookieA], [b, cookieB]] as const) for (let i = 0; i < 3; i++) await (await fetch(`${app.baseUrl}/`, { headers: { cookie } })).text();
    const bPage = await (await fetch(`${b.baseUrl}/`, { headers: { cookie: cookieB } })).text();
    if (!bPage.includes("Read from a replica")) throw new Error("instance B does not read from the standby");

    const rounds: { a: Awaited<ReturnType<typeof overview>>; b: Awaited<ReturnType<typeof overview>>; standbyTuples: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const ra = await overview(a, cookieA);
      const before = await standbyReads(standby);
      const rb = await overview(b, cookieB);
      rounds.push({ a: ra, b: rb, standbyTuples: (await standbyReads(standby)) - before });
    }
    const mean = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((s, r) => s + f(r), 0) / rounds.length;
    const aRps = mean((r) => r.a.rps);
    const bRps = mean((r) => r.b.rps);

    const symbols = ((await (await fetch(`${a.baseUrl}/api/v1/assets`, { headers: { cookie: cookieA } })).json()) as { data: { symbol: string }[] }).data.map((x) => x.symbol);
    const alone = await writesDuring(a, cookieA, null, symbols);
    const exportPrimary = await writesDuring(a, cookieA, a, symbols);
    const exportReplica = await writesDuring(a, cookieA, b, symbols);

    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const report = [
      `Latest run (${new Date().toISOString().slice(0, 10)}; ${SECONDS} s per measurement; instances A (primary only) and B (DATABASE_READ_URL = one streaming standby) on the same primary; app, both PostgreSQL servers and the load generator share the machine's 2 CPUs):`,
      "",
      "| Overview at 50 connections | A: primary only | B: primary + replica |",
      "|---|---|---|",
      ...rounds.map((r, i) => `| round ${i + 1} | ${r.a.rps.toFixed(1)} pages/s, p50 ${ms(r.a.p50)}, p99 ${ms(r.a.p99)}, ${r.a.failed} failed | ${r.b.rps.toFixed(1)} pages/s, p50 ${ms(r.b.p50)}, p99 ${ms(r.b.p99)}, ${r.b.failed} failed (standby returned ${(r.standbyTuples / 1e6).toFixed(1)} M tuples) |`),
      `| **ratio B / A** | | **${(bRps / aRps).toFixed(2)}** |`,
      "",
      "| Two analysts writing events | writes | p50 | p95 | exports streamed meanwhile |",
      "|---|---|---|---|---|",
      `| alone | ${alone.writes} (${alone.failed} failed) | ${ms(alone.p50)} | ${ms(alone.p95)} | — |`,
      `| while exports stream from the primary (A) | ${exportPrimary.writes} (${exportPrimary.failed} failed) | ${ms(exportPrimary.p50)} | ${ms(exportPrimary.p95)} | ${exportPrimary.exports} (${exportPrimary.mb.toFixed(0)} MB) |`,
      `| while exports stream from the replica (B) | ${exportReplica.writes} (${exportReplica.failed} failed) | ${ms(exportReplica.p50)} | ${ms(exportReplica.p95)} | ${exportReplica.exports} (${exportReplica.mb.toFixed(0)} MB) |`,
      "",
    ].join("\n");
    await writeFile("bench/results/replica-reads.md", `# Read replica, measured\n\n${report}`);
    if (process.argv.includes("--docs")) await replaceSection("docs/performance.md", "bench:replica", report);
    console.log(report);
  } finally {
    await standby.end().catch(() => undefined);
    for (const app of apps) await app.stop();
    await replica.remove();
    await db.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
