// Benchmark of the stress scenarios: Faultline's analytics against the same computation in numpy/pandas
// (bench/scenarios.py) on the same generated data in the same run, then the JSON API end to end (token check, body
// parsing, reading 200 assets' closes and the FX series from PostgreSQL, the maths, the JSON answer) on an embedded
// PostgreSQL seeded with the same shape of book.
//   npm run build && node --conditions=react-server --import tsx bench/scenarios.ts [--runs 15] [--pg-port 3521] [--port 3522] [--docs]
// The API is measured over HTTP against the production build (scripts/start.ts), with a READ token, and the service
// alone in this process, so the table shows what the HTTP layer adds.
// Writes bench/results/scenarios.md; with --docs also the "Stress scenarios" section of docs/performance.md.
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import {
  analogueScenario,
  mulberry32,
  propagateShocks,
  unconditionalWindowReturns,
  type AnalogueReturns,
  type CovarianceMethod,
} from "@/lib/analytics";
import { argValue } from "../scripts/reliability/harness";
import { replaceSection } from "../scripts/reliability/sections";

const P = 200;
const YEARS = 5;
const T = 252 * YEARS;
const K = 50;
const SHOCKS = 5;
const RUNS = Number(argValue("runs", "15"));
const python = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(path.join(tmpdir(), "faultline-bench-scenarios-"));
const loadAtStart = os.loadavg()[0]!;

function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

// A market factor and 200 positions with betas 0.5–1.5, as base-currency closes over five years.
const z = gaussian(mulberry32(3));
const market = Float64Array.from({ length: T }, () => 0.0002 + 0.011 * z());
const prices = Array.from({ length: P }, (_, k) => {
  const p = new Float64Array(T);
  let x = 100;
  for (let t = 0; t < T; t++) p[t] = x *= Math.exp((0.5 + k / P) * (market[t] as number) + 0.012 * z());
  return p;
});
const rv = mulberry32(4);
const values = Float64Array.from({ length: P }, (_, k) => (k % 20 === 19 ? -1 : 1) * (1000 + 9000 * rv()));
const net = values.reduce((a, b) => a + b, 0);
const weights = Float64Array.from(values, (v) => v / net);
const day0 = Int32Array.from({ length: K }, (_, k) => 20 + Math.floor((k * (T - 40)) / K));
const flat = new Float64Array(P * T);
prices.forEach((p, k) => flat.set(p, k * T));
writeFileSync(path.join(dir, "prices.f64"), flat);
writeFileSync(path.join(dir, "values.f64"), values);
writeFileSync(path.join(dir, "day0.i32"), day0);

// Scenario 2: the positions' last 252 daily returns plus five shocked indices (two of the market, three sector-like).
const N = P + SHOCKS;
const columns = [
  ...prices.map((p) => Float64Array.from({ length: 252 }, (_, t) => (p[T - 252 + t] as number) / (p[T - 253 + t] as number) - 1)),
  ...Array.from({ length: SHOCKS }, (_, s) => Float64Array.from({ length: 252 }, (_, t) => (0.6 + 0.2 * s) * (market[T - 252 + t] as number) + 0.006 * z())),
];
const shockValues = Float64Array.from({ length: N }, (_, i) => (i < P ? (values[i] as number) : 0));
const flatReturns = new Float64Array(N * 252);
columns.forEach((c, i) => flatReturns.set(c, i * 252));
writeFileSync(path.join(dir, "returns.f64"), flatReturns);
writeFileSync(path.join(dir, "shock-values.f64"), shockValues);
const shocked = Array.from({ length: SHOCKS }, (_, s) => P + s);
const shockMoves = [-0.05, -0.03, 0.02, -0.04, 0.03];

function runAnalogues(): number {
  const noProxy = new Array<boolean>(P).fill(false);
  const analogues: AnalogueReturns[] = Array.from(day0, (d, k) => ({ key: String(k), returns: Float64Array.from(prices, (p) => (p[d + 5] as number) / (p[d - 1] as number) - 1), proxied: noProxy }));
  const uncond = unconditionalWindowReturns(prices, weights, [0, 5]);
  const r = analogueScenario({ positionValues: values, analogues, window: [0, 5], unconditional: { returns: uncond, analogueStarts: Array.from(day0) } });
  return r.distribution.mean + r.distribution.expectedShortfall + r.unconditional!.expectedShortfall + (r.tailRatio as number);
}

function runShocks(): number {
  let sum = 0;
  for (const method of ["ewma", "sample"] as CovarianceMethod[]) {
    const r = propagateShocks({ columns, names: columns.map((_, i) => `A${i}`), shocked, shocks: shockMoves, values: shockValues, method });
    let sd = 0;
    for (let i = 0; i < P; i++) sd += r.conditionalSd[i] as number;
    sum += r.portfolioExpected + r.portfolioConditionalSd + sd;
  }
  return sum;
}

function timed(f: () => number): { seconds: number; best: number; checksum: number } {
  // Warm-up: a server answers many requests, so the steady state after V8 has optimised the hot loops is what counts;
  // on a loaded machine the optimising compiler needs a while, so warm up for a second rather than a fixed count.
  let checksum = f();
  for (const until = performance.now() + 1000; performance.now() < until; ) checksum = f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    checksum = f();
    times.push((performance.now() - t) / 1000);
  }
  return { seconds: median(times), best: Math.min(...times), checksum };
}

function runPython(mode: string): { seconds: number; best: number; checksum: number } {
  const r = spawnSync(python, [path.join(import.meta.dirname, "scenarios.py"), mode, dir, String(P), String(T), String(K), String(RUNS)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as { seconds: number; best: number; checksum: number };
}

const agree = (a: number, b: number) => (Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(a)) ? "yes" : `NO (${a} vs ${b})`);
const ms = (s: number) => (1000 * s).toFixed(1);
const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  console.log(s);
};

/** The API end to end on an embedded PostgreSQL holding the same shape of book (200 assets, 5 years, 50 events). */
async function endToEnd(): Promise<{ analogues: number[]; shocks: number[]; serviceAnalogues: number[]; serviceShocks: number[]; analoguesCount: number; bars: number }> {
  const a: number[] = [];
  const s: number[] = [];
  const { startEmbeddedPostgres, freePort } = await import("@/lib/db/embedded-postgres");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const { overrideConfig } = await import("@/lib/config/env");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "faultline-bench-pg-"));
  await chmod(dataDir, 0o755);
  const port = Number(argValue("pg-port", "0")) || (await freePort());
  const running = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pgdata"), port, database: "faultline" });
  try {
    await applyMigrations(running.url);
    overrideConfig({ DATABASE_URL: running.url });
    const c = new pg.Client({ connectionString: running.url });
    await c.connect();
    // 150 KRX stocks quoted in KRW against a KRX index, 50 US stocks against a US index, and the won (KRW=X).
    await c.query(`
      INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at) VALUES
        ('^KIDX', 'Korea index', 'EQUITY_INDEX', 'KRW', 'KSC', 'Asia/Seoul', 'DEMO', now()),
        ('^UIDX', 'US index', 'EQUITY_INDEX', 'USD', 'SNP', 'America/New_York', 'DEMO', now()),
        ('KRW=X', 'USD/KRW', 'FX', 'KRW', 'CCY', 'Europe/London', 'DEMO', now());
      INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, benchmark_id, updated_at)
      SELECT 'S' || n, 'Stock ' || n, 'EQUITY', CASE WHEN n <= 150 THEN 'KRW' ELSE 'USD' END, CASE WHEN n <= 150 THEN 'KSC' ELSE 'NYQ' END,
             CASE WHEN n <= 150 THEN 'Asia/Seoul' ELSE 'America/New_York' END, 'DEMO',
             (SELECT id FROM asset WHERE symbol = CASE WHEN n <= 150 THEN '^KIDX' ELSE '^UIDX' END), now()
      FROM generate_series(1, ${P}) AS n;
      SELECT setseed(0.42);
      INSERT INTO price_bar (asset_id, date, close, adj_close)
      SELECT id, date, p, p FROM (
        SELECT a.id, d::date AS date,
               (CASE WHEN a.symbol = 'KRW=X' THEN 1300 ELSE 100 END) * exp(sum((random() - 0.5) * 0.03) OVER (PARTITION BY a.id ORDER BY d)) AS p
        FROM asset a, generate_series(date '2020-06-01', date '2025-11-28', interval '1 day') AS d
        WHERE extract(isodow FROM d) < 6
      ) x;
      INSERT INTO event (title, occurred_at, time_precision, category, severity, countries, source_urls, tags, updated_at)
      SELECT 'Bench event ' || n, timestamp '2020-10-01' + (n * 35) * interval '1 day', 'DAY', 'MILITARY', 3, '{KP}', '{}', '{bench}', now()
      FROM generate_series(1, ${K}) AS n;
      ANALYZE;`);
    const bars = Number((await c.query<{ n: string }>("SELECT count(*)::text AS n FROM price_bar")).rows[0]!.n);
    await c.end();
    const { createAccounts } = await import("../scripts/reliability/harness");
    const { db } = await import("@/lib/db/client");
    const { issueApiToken } = await import("@/lib/auth/api-tokens");
    const [account] = await createAccounts("ADMIN", 1, "bench");
    const user = (await db().user.findFirst({ where: { email: account!.email } }))!;
    const { token } = await issueApiToken({ id: user.id, name: user.name, email: user.email, role: "ADMIN", via: "session" } as never, { name: "bench", userId: user.id, scope: "READ" });
    const { runAnalogueScenario, runShockScenario } = await import("@/lib/scenarios");
    const { startFaultline } = await import("../scripts/reliability/harness");
    const book = { baseCurrency: "USD", positions: Array.from({ length: P }, (_, i) => ({ symbol: `S${i + 1}`, quantity: 100 + i })) };
    const aBody = { book, analogues: { tags: ["bench"] }, horizon: [0, 5], lookbackYears: YEARS, asOf: "2025-11-28" };
    const sBody = { book, shocks: [{ symbol: "^KIDX", shock: -0.05 }, { symbol: "^UIDX", shock: -0.03 }, { symbol: "KRW=X", shock: 0.03 }, { symbol: "S1", shock: -0.08 }, { symbol: "S160", shock: -0.04 }], asOf: "2025-11-28" };
    const service = async (f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    const first = (await runAnalogueScenario(aBody)) as { analogues: unknown[] };
    await runShockScenario(sBody);
    for (const until = performance.now() + 2000; performance.now() < until; ) await runAnalogueScenario(aBody);
    const sa: number[] = [];
    const ss: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      sa.push(await service(() => runAnalogueScenario(aBody)));
      ss.push(await service(() => runShockScenario(sBody)));
    }
    const app = await startFaultline(running.url, { PORT: argValue("port", "0") === "0" ? String(await freePort()) : argValue("port", "0") });
    try {
      const call = async (url: string, body: unknown) => {
        const t = performance.now();
        const res = await fetch(`${app.baseUrl}${url}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
        const text = await res.text();
        const ms = performance.now() - t;
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 500)}`);
        return ms;
      };
      // Warm-up: the first requests load the route modules and let V8 optimise the hot loops.
      for (const until = performance.now() + 5000; performance.now() < until; ) {
        await call("/api/v1/scenarios/analogues", aBody);
        await call("/api/v1/scenarios/shocks", sBody);
      }
      for (let i = 0; i < RUNS; i++) {
        a.push(await call("/api/v1/scenarios/analogues", aBody));
        s.push(await call("/api/v1/scenarios/shocks", sBody));
      }
    } finally {
      await app.stop();
    }
    return { analogues: a, shocks: s, serviceAnalogues: sa, serviceShocks: ss, analoguesCount: first.analogues.length, bars };
  } finally {
    await running.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

try {
  const fa = timed(runAnalogues);
  const pa = runPython("analogues");
  const fs = timed(runShocks);
  const ps = runPython("shocks");
  const row = (label: string, f: { seconds: number; best: number; checksum: number }, p: { seconds: number; best: number; checksum: number }) =>
    say(`| ${label} | ${ms(f.best)} / ${ms(f.seconds)} | ${ms(p.best)} / ${ms(p.seconds)} | ${(p.best / f.best).toFixed(2)}× / ${(p.seconds / f.seconds).toFixed(2)}× | ${agree(f.checksum, p.checksum)} |`);
  say(`| computation (best / median of ${RUNS} runs) | Faultline (ms) | numpy/pandas (ms) | numpy ÷ Faultline | checksum agree |`);
  say(`|---|---:|---:|---:|:---:|`);
  row(`Scenario 1: ${P} positions × ${K} analogues, [0, +5], ${YEARS} years of unconditional windows (${T} sessions), bootstrap 2,000, placebo 1,000`, fa, pa);
  row(`Scenario 2: ${P} positions, ${SHOCKS} shocks, 252 returns, EWMA and sample`, fs, ps);
  if (!process.argv.includes("--no-api")) {
    const e = await endToEnd();
    say("");
    say(`| API end to end over HTTP, READ token (${RUNS} requests after warm-up) | median (ms) | max (ms) | service alone, median (ms) | budget (ms) |`);
    say(`|---|---:|---:|---:|---:|`);
    say(`| POST /api/v1/scenarios/analogues: ${P} positions, ${e.analoguesCount} analogues, [0, +5], 5 years of ordinary days, ${e.bars.toLocaleString("en-US")} bars stored | ${median(e.analogues).toFixed(0)} | ${Math.max(...e.analogues).toFixed(0)} | ${median(e.serviceAnalogues).toFixed(0)} | 300 |`);
    say(`| POST /api/v1/scenarios/shocks: ${P} positions, 5 shocks, EWMA over 252 sessions | ${median(e.shocks).toFixed(0)} | ${Math.max(...e.shocks).toFixed(0)} | ${median(e.serviceShocks).toFixed(0)} | 300 |`);
  }
  const loadAtEnd = os.loadavg()[0]!.toFixed(1);
  const header = `Run ${new Date().toISOString().slice(0, 16)}Z on ${os.arch()}, Node ${process.version}, ${spawnSync(python, ["-c", "import numpy, pandas, sys; print(f'Python {sys.version.split()[0]}, numpy {numpy.__version__}, pandas {pandas.__version__}')"], { encoding: "utf8" }).stdout.trim()}, ${os.cpus().length} CPUs shared with other work (load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd} at the end).`;
  const text = [header, "", ...lines].join("\n");
  await writeFile("bench/results/scenarios.md", `## Stress scenarios\n\n${text}\n`);
  if (process.argv.includes("--docs")) await replaceSection("docs/performance.md", "scenarios", text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
