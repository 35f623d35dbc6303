// Triage budgets, each against its goal or its peer in the same run:
//  1. full recompute of the moves to explain, 50 assets × 20 years and 1,000 events (goal ≤ 2 s), split into the
//     detection alone (pure, lib/analytics) and the reads and writes around it;
//  2. the incremental update after a daily refresh of the 50 assets: one new bar each (goal ≤ 200 ms);
//  3. the triage page (production build, HTTP, signed in) with 10,000 stored items, against the same page's queries
//     alone (goal ≤ 2×).
//   npm run build && node --conditions=react-server --import tsx bench/triage.ts [--out bench/results/triage.md]
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { detectMoves, MOVE_DETECTION_DEFAULTS } from "@/lib/analytics";
import { createFirstAdmin } from "@/lib/auth/users";
import { db, disconnectDb } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { endPgPool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { DemoProvider } from "@/lib/market-data/demo/demo-provider";
import { upsertBarsWith } from "@/lib/prices/store";
import { nextServerArgs } from "@/lib/runtime/build";
import { eventsNear, listMoveItems, moveThresholds, openMoveCounts, sparklines } from "@/lib/triage/queries";
import { sessionPrincipal } from "@/lib/auth/session-lookup";
import { unreadCount } from "@/lib/notifications/inbox";
import { moveFilterSchema } from "@/lib/triage/schemas";
import { readScanBars } from "@/lib/prices/scan-bars";
import { HISTORY_DAYS, readScanInputs } from "@/lib/triage/scan-inputs";
import { queueFullMoveScan, updatePendingMoves, updatePendingMovesIfAny } from "@/lib/triage/update-moves";

const { values: args } = parseArgs({ options: { out: { type: "string" }, assets: { type: "string", default: "50" }, events: { type: "string", default: "1000" }, items: { type: "string", default: "10000" } } });
const ASSETS = Number(args.assets);
const EVENTS = Number(args.events);
const ITEMS = Number(args.items);
const BENCHMARKS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(fn: () => Promise<unknown>, runs = 5, warm = true): Promise<number> {
  if (warm) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** 50 assets (5 of them the others' benchmarks), ~5,200 sessions each, 1,000 events with 3 exposures each. */
async function seed(): Promise<{ ids: number[]; sessions: number; lastDate: string }> {
  const demo = new DemoProvider();
  const ids: number[] = [];
  for (let i = 0; i < ASSETS; i++) {
    const a = await db().asset.create({
      data: {
        symbol: `B${String(i).padStart(2, "0")}`, name: `Bench asset ${i}`, assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "DEMO",
        benchmarkId: i >= BENCHMARKS ? ids[i % BENCHMARKS]! : null,
      },
    });
    ids.push(a.id);
  }
  let sessions = 0;
  let lastDate = "";
  for (let i = 0; i < ASSETS; i++) {
    const history = await demo.history(`BENCH${i}`, "2005-12-01", "2025-11-28"); // ~5,200 sessions ≈ 20 years
    sessions = history.bars.length;
    lastDate = history.bars.at(-1)!.date;
    await withTransaction((c) => upsertBarsWith(c, [{ assetId: ids[i]!, bars: history.bars }]));
  }
  for (let e = 0; e < EVENTS; e++) {
    const day = new Date(Date.UTC(2006, 6, 3) + Math.floor((e * 7000) / EVENTS) * 86_400_000);
    await db().event.create({
      data: {
        title: `Bench event ${e}`, occurredAt: day, category: "MILITARY", severity: 1 + (e % 5), countries: ["KP"],
        exposures: { create: [0, 1, 2].map((j) => ({ assetId: ids[(e + j * 7) % ids.length]!, direction: "UP" as const })) },
      },
    });
  }
  return { ids, sessions, lastDate };
}

function nextWeekday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-triage-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "bench" });
  process.env.DATABASE_URL = pg.url;
  // The app server and this process sign and check session cookies with the same secret.
  process.env.FAULTLINE_DATA_DIR = dir;
  process.env.BETTER_AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789";
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(pg.url);
    const { ids, sessions, lastDate } = await seed();
    await updatePendingMoves(); // the seed's own first scan

    // 1. Full recompute, and its parts.
    const fullRuns: number[] = [];
    let stored = 0;
    for (let r = 0; r < 3; r++) {
      await queueFullMoveScan();
      const t = performance.now();
      stored = (await updatePendingMoves()).moves;
      fullRuns.push(performance.now() - t);
    }
    const full = median(fullRuns);
    const inputs = await withTransaction((c) => readScanInputs(c, ids.map((id) => ({ id, from: null }))));
    const phases: Record<string, number> = {};
    const readMs = await timeIt(() => withTransaction((c) => readScanInputs(c, ids.map((id) => ({ id, from: null })), phases)), 3, false);
    console.log("full read phases (sum of 3 runs, ms):", JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]))));
    const barsMs = await timeIt(() => withTransaction((c) => readScanBars(c, ids.map((id) => ({ id, from: null })), HISTORY_DAYS)), 3);
    const detectMs = await timeIt(async () => {
      let n = 0;
      for (const input of inputs.inputs) n += detectMoves(input, MOVE_DETECTION_DEFAULTS).length;
      return n;
    }, 5);

    // 2. Incremental: one new bar per asset, as a daily refresh of the 50 assets writes them, then the update.
    const incRuns: number[] = [];
    let date = lastDate;
    for (let r = 0; r < 5; r++) {
      date = nextWeekday(date);
      const bars = await Promise.all(ids.map(async (assetId) => {
        const last = await db().priceBar.findFirst({ where: { assetId }, orderBy: { date: "desc" } });
        const close = last!.close * (1 + ((assetId * 7 + r) % 11 - 5) / 1000);
        return { assetId, bars: [{ date, open: close, high: close * 1.01, low: close * 0.99, close, adjClose: close, volume: 1 }] };
      }));
      await withTransaction((c) => upsertBarsWith(c, bars));
      const incPhases: Record<string, number> = {};
      const pending = await db().moveScanPending.findMany();
      await withTransaction((c) => readScanInputs(c, pending.map((p) => ({ id: p.assetId, from: p.fromDate.toISOString().slice(0, 10) })), incPhases));
      console.log("incremental read phases (ms):", JSON.stringify(Object.fromEntries(Object.entries(incPhases).map(([k, v]) => [k, Math.round(v)]))));
      const t = performance.now();
      await updatePendingMoves();
      incRuns.push(performance.now() - t);
    }
    const incremental = median(incRuns);
    console.log(`full ${fullRuns.map((t) => t.toFixed(0)).join("/")} ms (detect ${detectMs.toFixed(0)}, read ${readMs.toFixed(0)}, of which bars ${barsMs.toFixed(0)}), incremental ${incRuns.map((t) => t.toFixed(0)).join("/")} ms`);

    // 3. The page with ITEMS stored items (1–3 assets each), against its queries alone.
    await withTransaction(async (c) => {
      await c.query("DELETE FROM move_item");
      await c.query(
        `INSERT INTO move_item (session, status, kind, max_abs_z, asset_count, updated_at)
         SELECT DATE '1990-01-01' + g, CASE WHEN g % 10 = 0 THEN 'DISMISSED' ELSE 'OPEN' END::"MoveItemStatus",
                CASE WHEN g % 17 = 0 THEN 'CHECK_DATA' ELSE 'EXPLAIN' END::"MoveItemKind", 3 + (g * 7919 % 1000) / 100.0, 1 + g % 3, now()
         FROM generate_series(0, $1::int - 1) g`,
        [ITEMS],
      );
      await c.query(
        `INSERT INTO move_item_asset (item_id, asset_id, session, ret, abnormal_return, z, z_ewma, suspect)
         SELECT i.id, ($1::int[])[1 + (i.id * 13 + k * 7) % array_length($1::int[], 1)], i.session, 0.03, 0.028, i.max_abs_z - k * 0.2, i.max_abs_z - k * 0.3, false
         FROM move_item i CROSS JOIN LATERAL generate_series(0, i.asset_count - 1) k`,
        [ids],
      );
      await c.query("ANALYZE move_item; ANALYZE move_item_asset");
    });
    const storedItems = await db().moveItem.count();
    const email = "bench@example.com";
    const password = "bench-password-long-enough";
    await createFirstAdmin({ name: "Bench", email, password });
    const port = await freePort();
    server = spawn(process.execPath, nextServerArgs("start", port, "127.0.0.1"), {
      env: { ...process.env, DATABASE_URL: pg.url, FAULTLINE_DATA_DIR: dir, BETTER_AUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "silent", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
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
    // Every query one request of the page runs, alone and in the page's order: who is asking (the session cookie),
    // the header's unread count, the queue update, the list, the counts and thresholds, then sparklines and the
    // events near the items (the admin is an analyst).
    const requestHeaders = new Headers({ cookie });
    const pageQueries = async (filter: ReturnType<typeof moveFilterSchema.parse>) => {
      const user = await sessionPrincipal(requestHeaders);
      if (!user) throw new Error("the bench's session is not recognised");
      await unreadCount(user.id);
      await updatePendingMovesIfAny();
      const [{ items }] = await Promise.all([listMoveItems(filter), openMoveCounts(), moveThresholds()]);
      await Promise.all([
        sparklines(items.flatMap((i) => i.moves.map((m) => ({ assetId: m.assetId, session: i.session })))),
        eventsNear(items.map((i) => i.session)),
      ]);
    };
    const queriesMs = await timeIt(() => pageQueries(moveFilterSchema.parse({})), 9);
    const renderMs = await timeIt(async () => {
      const res = await fetch(`${base}/triage`, { headers: { cookie } });
      const html = await res.text();
      if (!res.ok || !html.includes("data-testid=\"triage-item\"")) throw new Error(`triage answered ${res.status}`);
    }, 9);
    // The same page matching nothing: authentication, layout and the (empty) queue update, without the items.
    const emptyMs = await timeIt(async () => {
      const res = await fetch(`${base}/triage?asset=NO-SUCH-ASSET`, { headers: { cookie } });
      const html = await res.text();
      if (!res.ok || !html.includes("No item matches")) throw new Error(`empty triage answered ${res.status}`);
    }, 9);
    const emptyQueriesMs = await timeIt(() => pageQueries(moveFilterSchema.parse({ asset: "NO-SUCH-ASSET" })), 9);
    // What any page costs: the sign-in page's neighbour /forbidden renders the layout (session, unread count, header) and
    // one paragraph; and the same queue through the JSON API, which has the same queries without a page around them.
    const floorMs = await timeIt(async () => {
      const res = await fetch(`${base}/forbidden`, { headers: { cookie } });
      await res.text();
      if (!res.ok) throw new Error(`/forbidden answered ${res.status}`);
    }, 9);
    const apiMs = await timeIt(async () => {
      const res = await fetch(`${base}/api/v1/triage`, { headers: { cookie } });
      await res.text();
      if (!res.ok) throw new Error(`/api/v1/triage answered ${res.status}`);
    }, 9);

    const lines = [
      "## Triage: unexplained moves",
      "",
      `Run ${new Date().toISOString().slice(0, 16)}Z, production build, ${os.cpus().length} CPUs (shared). Data: ${ASSETS} assets (${BENCHMARKS} of them the others' benchmarks) × ${sessions} sessions, ${EVENTS} events × 3 exposures; ${stored} moves found.`,
      "",
      "| measure | Faultline | goal / peer | ratio |",
      "|---|---:|---:|---:|",
      `| full recompute (queue drained: read, detect, write), median of 3 | ${full.toFixed(0)} ms | goal 2,000 ms | ${(full / 2000).toFixed(2)} of goal |`,
      `| · of which detection alone (lib/analytics, ${ASSETS} assets), median of 5 | ${detectMs.toFixed(0)} ms | | |`,
      `| · of which reading bars, events and flags, median of 3 | ${readMs.toFixed(0)} ms | | |`,
      `| · · of which the bars query and parsing, median of 3 | ${barsMs.toFixed(0)} ms | | |`,
      `| incremental update after one new bar for each of the ${ASSETS} assets, median of 5 | ${incremental.toFixed(0)} ms | goal 200 ms | ${(incremental / 200).toFixed(2)} of goal |`,
      `| /triage server render (HTTP, signed in, median of 9) with ${storedItems.toLocaleString("en-US")} stored items vs its queries alone (median of 9) | ${renderMs.toFixed(0)} ms | ${queriesMs.toFixed(0)} ms | **${(renderMs / queriesMs).toFixed(2)}×** (goal ≤ 2×) |`,
      `| the same page matching no item (sign-in check, layout, empty list) vs its queries alone | ${emptyMs.toFixed(0)} ms | ${emptyQueriesMs.toFixed(0)} ms | ${(emptyMs / emptyQueriesMs).toFixed(2)}× |`,
      `| a near-empty page (/forbidden: layout, header and one paragraph), median of 9 | ${floorMs.toFixed(0)} ms | | |`,
      `| the same queue as JSON (GET /api/v1/triage, signed in), median of 9 | ${apiMs.toFixed(0)} ms | | |`,
      `| the items' share: page − empty page vs queries − empty queries | ${(renderMs - emptyMs).toFixed(0)} ms | ${(queriesMs - emptyQueriesMs).toFixed(0)} ms | ${((renderMs - emptyMs) / Math.max(queriesMs - emptyQueriesMs, 1)).toFixed(2)}× |`,
    ];
    console.log(lines.join("\n"));
    if (args.out) await writeFile(args.out, lines.join("\n") + "\n");
  } finally {
    server?.kill("SIGTERM");
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
