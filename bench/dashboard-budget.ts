// Dashboard budgets, measured on the production build:
//  1. first-load JavaScript of each route, gzipped, from the build's own stats (goal for the overview: ≤ 350 kB);
//  2. server render of the overview with 50 assets × 20 years of bars and 1,000 events, against the time of the same
//     page's data queries alone, in the same run (goal: render ≤ 2× queries, i.e. rendering is not the bottleneck).
//   npm run build && node --conditions=react-server --import tsx bench/dashboard-budget.ts [--out bench/results/dashboard.md]
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { createFirstAdmin } from "@/lib/auth/users";
import { overviewData } from "@/lib/dashboard/overview";
import { db, disconnectDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { endPgPool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { eventQuerySchema, searchEvents } from "@/lib/events/search";
import { upsertBarsWith } from "@/lib/prices/store";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import { nextServerArgs } from "@/lib/runtime/build";
import { listThemes } from "@/lib/themes/queries";

const { values: args } = parseArgs({ options: { out: { type: "string" }, assets: { type: "string", default: "50" }, events: { type: "string", default: "1000" } } });
const ASSETS = Number(args.assets);
const EVENTS = Number(args.events);
const BUDGET_KB = 350;

async function bundleSizes() {
  const stats = JSON.parse(await readFile(".next/diagnostics/route-bundle-stats.json", "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const rows = [];
  for (const r of stats) {
    let raw = 0;
    let gz = 0;
    for (const p of r.firstLoadChunkPaths) {
      const buf = await readFile(p);
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    rows.push({ route: r.route, rawKb: raw / 1024, gzKb: gz / 1024 });
  }
  return rows.sort((a, b) => b.gzKb - a.gzKb);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(fn: () => Promise<unknown>, runs = 9): Promise<number> {
  await fn(); // warm-up: connections, JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function seed() {
  const demo = new DemoProvider();
  const ids: number[] = [];
  for (let i = 0; i < ASSETS; i++) {
    const a = await db().asset.create({
      data: { symbol: `B${String(i).padStart(2, "0")}`, name: `Bench asset ${i}`, assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "DEMO" },
    });
    ids.push(a.id);
  }
  const history = await demo.history("BENCH", "2006-01-01", "2025-12-31"); // ~5,200 sessions ≈ 20 years
  await withTransaction((c) => upsertBarsWith(c, ids.map((assetId, k) => ({ assetId, bars: history.bars.map((b) => ({ ...b, close: b.close * (1 + k / 100), adjClose: (b.adjClose ?? b.close) * (1 + k / 100) })) }))));
  const theme = await db().theme.create({ data: { name: "Bench theme" } });
  for (let e = 0; e < EVENTS; e++) {
    const day = new Date(Date.UTC(2016, 0, 4) + Math.floor((e * 3650) / EVENTS) * 86_400_000);
    await db().event.create({
      data: {
        title: `Bench event ${e}`, occurredAt: day, category: "MILITARY", severity: 1 + (e % 5), countries: ["KP", "RU"], themeId: theme.id,
        exposures: { create: [0, 1, 2].map((j) => ({ assetId: ids[(e + j * 7) % ids.length]!, direction: "UP" as const })) },
      },
    });
  }
  return history.bars.length;
}

async function main() {
  const bundles = await bundleSizes();
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-dash-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "bench" });
  process.env.DATABASE_URL = pg.url;
  await applyMigrations(pg.url);
  const sessions = await seed();
  const email = "bench@example.com";
  const password = "bench-password-long-enough";
  await createFirstAdmin({ name: "Bench", email, password });

  const port = await freePort();
  const server = spawn(process.execPath, nextServerArgs("start", port, "127.0.0.1"), {
    env: { ...process.env, DATABASE_URL: pg.url, FAULTLINE_DATA_DIR: dir, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "silent", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 120) throw new Error("the app did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email, password }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

    const query = eventQuerySchema.parse({ pageSize: 200 });
    const dataMs = await timeIt(() => Promise.all([overviewData(), searchEvents(query), listThemes()]));
    const renderMs = await timeIt(async () => {
      const res = await fetch(`${base}/`, { headers: { cookie } });
      const html = await res.text();
      if (!res.ok || !html.includes("Watchlist")) throw new Error(`overview answered ${res.status}`);
    });
    const overview = bundles.find((b) => b.route === "/");
    const lines = [
      "## Dashboard budgets",
      "",
      `Run ${new Date().toISOString().slice(0, 16)}Z, production build, ${os.cpus().length} CPUs. Data: ${ASSETS} assets × ${sessions} sessions, ${EVENTS} events (3 exposures each).`,
      "",
      "| measure | Faultline | peer / budget | ratio |",
      "|---|---:|---:|---:|",
      `| overview first-load JS, gzipped | ${overview?.gzKb.toFixed(0)} kB | budget ${BUDGET_KB} kB | ${((overview?.gzKb ?? 0) / BUDGET_KB).toFixed(2)} of budget |`,
      `| overview server render (HTTP, signed in, median of 9) vs its data queries alone (median of 9) | ${renderMs.toFixed(0)} ms | ${dataMs.toFixed(0)} ms | **${(renderMs / dataMs).toFixed(2)}×** (goal ≤ 2×) |`,
      "",
      "First-load JavaScript per route (gzip -9 of the chunks the build lists for it):",
      "",
      "| route | raw | gzipped |",
      "|---|---:|---:|",
      ...bundles.map((b) => `| ${b.route} | ${b.rawKb.toFixed(0)} kB | ${b.gzKb.toFixed(0)} kB |`),
    ];
    console.log(lines.join("\n"));
    if (args.out) await writeFile(args.out, lines.join("\n") + "\n");
  } finally {
    server.kill("SIGTERM");
    await disconnectDb();
    await endPgPool();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
