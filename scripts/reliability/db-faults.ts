// Database faults against the production build, under load:
//   node --conditions=react-server --import tsx scripts/reliability/db-faults.ts [--outage 5] [--docs]
// 1. PostgreSQL is stopped mid-load for --outage seconds and started again: every answer meanwhile must be a fast
//    503 (API) or the error page (pages) — no hang, no 500 from the API, no stack trace, no crash — the app must
//    answer 2xx again within 5 s of the database's return, and every write acknowledged before, during or after
//    must be stored and audited.
// 2. Every connection of the app is killed with pg_terminate_backend while analysts write (transactions cut
//    mid-flight): the same promises.
// Writes bench/results/db-faults.md; with --docs also the "Database faults" section of docs/performance.md.
import { writeFile } from "node:fs/promises";
import pg from "pg";
import { argValue, createAccounts, signIn, startDatabase, startFaultline, ADMIN } from "./harness";
import { replaceSection } from "./sections";

const OUTAGE_S = Number(argValue("outage", "5"));
const RECOVERY_LIMIT_MS = 5_000;
const REQUEST_LIMIT_MS = 6_000;

interface Sample {
  /** When the request was sent, and when its answer arrived. */
  sentAt: number;
  at: number;
  kind: "read" | "page" | "write";
  status: number;
  ms: number;
  body: string;
}

interface Run {
  samples: Sample[];
  acknowledged: number[];
}

async function traffic(baseUrl: string, readerCookie: string, writerCookies: string[], until: () => boolean, run: Run): Promise<void> {
  const one = async (kind: Sample["kind"], url: string, init: RequestInit) => {
    const t0 = performance.now();
    const sentAt = Date.now();
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
      const body = await res.text();
      run.samples.push({ sentAt, at: Date.now(), kind, status: res.status, ms: performance.now() - t0, body });
      return { status: res.status, body };
    } catch (err) {
      run.samples.push({ sentAt, at: Date.now(), kind, status: 0, ms: performance.now() - t0, body: (err as Error).message });
      return { status: 0, body: "" };
    }
  };
  const reader = async () => {
    while (!until()) await one("read", `${baseUrl}/api/v1/events?pageSize=20`, { headers: { cookie: readerCookie } });
  };
  const pager = async () => {
    while (!until()) await one("page", `${baseUrl}/events`, { headers: { cookie: readerCookie } });
  };
  const writer = async (cookie: string, w: number) => {
    for (let n = 0; !until(); n++) {
      const body = JSON.stringify({ title: `Fault writer ${w} write ${n}`, occurredAt: "2024-10-01", category: "MILITARY", severity: 4, countries: ["RU"] });
      const r = await one("write", `${baseUrl}/api/v1/events`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
      if (r.status === 201) run.acknowledged.push((JSON.parse(r.body) as { id: number }).id);
      else await new Promise((res) => setTimeout(res, 50));
    }
  };
  await Promise.all([...Array.from({ length: 8 }, reader), pager(), pager(), ...writerCookies.map(writer)]);
}

async function verify(databaseUrl: string, ids: number[]) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const stored = (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM event WHERE id = ANY($1::int[])", [ids])).rows[0]!.n;
    const audited = (await c.query<{ n: number }>("SELECT count(DISTINCT entity_id)::int AS n FROM audit_entry WHERE entity = 'EVENT' AND action = 'CREATE' AND entity_id = ANY($1::int[])", [ids])).rows[0]!.n;
    return { missing: ids.length - stored, unaudited: ids.length - audited };
  } finally {
    await c.end();
  }
}

const looksLikeStack = (body: string) => /\n\s+at \S+ \(|node_modules|ECONNREFUSED|\.ts:\d+/.test(body);

async function main() {
  const started = Date.now();
  const db = await startDatabase();
  const app = await startFaultline(db.url).catch(async (err: unknown) => {
    await db.remove();
    throw err;
  });
  const failures: string[] = [];
  const lines: string[] = [];
  try {
    const reader = await signIn(app.baseUrl, ADMIN.email, ADMIN.password);
    const writers = await createAccounts("ANALYST", 4, "fault-analyst");
    const writerCookies = await Promise.all(writers.map((a, i) => signIn(app.baseUrl, a.email, undefined, `198.51.100.${50 + i}`)));

    // Phase 1: stop PostgreSQL mid-load, start it again.
    const run1: Run = { samples: [], acknowledged: [] };
    let stopAt = Infinity;
    let restartAt = Infinity;
    let backAt = Infinity;
    let done = false;
    const load = traffic(app.baseUrl, reader, writerCookies, () => done, run1);
    await new Promise((r) => setTimeout(r, 3_000));
    await db.stop();
    // From here PostgreSQL is fully down (its shutdown has finished): requests sent now must all get 503s. Requests
    // sent during the shutdown itself may still be served, and are not counted either way.
    stopAt = Date.now();
    await new Promise((r) => setTimeout(r, OUTAGE_S * 1000));
    // The outage ends when the restart begins: PostgreSQL accepts connections before start() has seen it ready, and a
    // request answered from it in between is served, rightly, not missed.
    restartAt = Date.now();
    await db.start();
    backAt = Date.now();
    await new Promise((r) => setTimeout(r, 8_000));
    done = true;
    await load;

    const during = run1.samples.filter((s) => s.sentAt >= stopAt && s.at < restartAt);
    const api = during.filter((s) => s.kind !== "page");
    const pages = during.filter((s) => s.kind === "page");
    const apiStatuses = countBy(api.map((s) => s.status));
    const pageStatuses = countBy(pages.map((s) => s.status));
    const slowest = Math.max(0, ...during.map((s) => s.ms));
    const firstOk = run1.samples.filter((s) => s.sentAt >= backAt && s.kind === "read" && s.status === 200).map((s) => s.at).sort((a, b) => a - b)[0];
    const recovery = firstOk === undefined ? Infinity : firstOk - backAt;
    const afterRecovery = run1.samples.filter((s) => firstOk !== undefined && s.at > firstOk + 1_000);
    const badAfter = afterRecovery.filter((s) => s.status < 200 || s.status >= 400).length;
    const check1 = await verify(db.url, run1.acknowledged);
    if (api.some((s) => s.status !== 503)) failures.push(`outage: API answers other than 503: ${JSON.stringify(apiStatuses)}`);
    if (api.some((s) => !/"code":"database_unavailable"/.test(s.body))) failures.push("outage: a 503 without the database_unavailable error body");
    if (during.some((s) => looksLikeStack(s.body))) failures.push("outage: a stack trace or internal detail reached a client");
    if (pages.some((s) => !/The database is not answering|This page could not be shown/.test(s.body) && !/__next_error__|error/.test(s.body))) failures.push("outage: a page without the error state");
    if (slowest > REQUEST_LIMIT_MS) failures.push(`outage: slowest answer ${slowest.toFixed(0)} ms (limit ${REQUEST_LIMIT_MS})`);
    if (!(recovery < RECOVERY_LIMIT_MS)) failures.push(`recovery took ${recovery} ms (limit ${RECOVERY_LIMIT_MS})`);
    if (badAfter) failures.push(`${badAfter} failed answers after recovery`);
    if (check1.missing || check1.unaudited) failures.push(`outage: acknowledged writes lost: ${JSON.stringify(check1)}`);
    if (app.process.exitCode !== null) failures.push("the app process exited");
    lines.push(
      `| PostgreSQL stopped for ${OUTAGE_S} s under load (8 readers, 2 page loaders, 4 writers) | API during the outage: ${fmtCounts(apiStatuses)}; pages: ${fmtCounts(pageStatuses)}; slowest answer ${slowest.toFixed(0)} ms | ${recovery === Infinity ? "never" : `${(recovery / 1000).toFixed(2)} s`} | ${run1.acknowledged.length} acknowledged, ${check1.missing} missing, ${check1.unaudited} unaudited |`,
    );

    // Phase 2: cut every connection of the app while writes are in flight.
    const run2: Run = { samples: [], acknowledged: [] };
    done = false;
    const load2 = traffic(app.baseUrl, reader, writerCookies, () => done, run2);
    const killer = new pg.Client({ connectionString: db.url });
    await killer.connect();
    let killed = 0;
    const killStart = Date.now();
    while (Date.now() - killStart < 6_000) {
      await new Promise((r) => setTimeout(r, 500));
      const r = await killer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
      killed += r.rowCount ?? 0;
    }
    await killer.end();
    await new Promise((r) => setTimeout(r, 3_000));
    done = true;
    await load2;
    const statuses2 = countBy(run2.samples.filter((s) => s.kind !== "page").map((s) => s.status));
    const check2 = await verify(db.url, run2.acknowledged);
    const unexpected2 = run2.samples.filter((s) => s.kind !== "page" && ![200, 201, 503].includes(s.status));
    if (unexpected2.length) failures.push(`killed connections: unexpected answers ${JSON.stringify(countBy(unexpected2.map((s) => s.status)))}: ${unexpected2[0]!.body.slice(0, 200)}`);
    if (run2.samples.some((s) => looksLikeStack(s.body))) failures.push("killed connections: a stack trace reached a client");
    if (check2.missing || check2.unaudited) failures.push(`killed connections: acknowledged writes lost: ${JSON.stringify(check2)}`);
    const tail = run2.samples.filter((s) => s.at > Date.now() - 2_000 && s.kind !== "page");
    if (tail.some((s) => s.status >= 400 || s.status === 0)) failures.push("killed connections: still failing 3 s after the last kill");
    lines.push(
      `| ${killed} app connections killed with pg_terminate_backend over 6 s (every 0.5 s) while writing | API: ${fmtCounts(statuses2)} | immediate (next request) | ${run2.acknowledged.length} acknowledged, ${check2.missing} missing, ${check2.unaudited} unaudited |`,
    );

    const report = [
      `Latest run (${new Date().toISOString().slice(0, 10)}; production build, PostgreSQL 18 with fsync on, loopback):`,
      "",
      "| fault | answers while it lasted | back to 2xx after the database returned | writes |",
      "|---|---|---|---|",
      ...lines,
      "",
    ].join("\n");
    await writeFile("bench/results/db-faults.md", `# Database faults\n\n${report}`);
    if (process.argv.includes("--docs")) await replaceSection("docs/performance.md", "reliability:db-faults", report);
    console.log(`\n${report}\n${failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "database fault suite passed"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (failures.length) console.log(`\nlast app output:\n${app.output().slice(-4_000)}`);
  } finally {
    await app.stop();
    await db.remove();
  }
  process.exit(failures.length ? 1 : 0);
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

const fmtCounts = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${v}× ${k === "0" ? "network error" : k}`)
    .join(", ") || "none";

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
