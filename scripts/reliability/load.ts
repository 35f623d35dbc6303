// Load and write durability against the production build on PostgreSQL:
//   node --conditions=react-server --import tsx scripts/reliability/load.ts [--duration 30] [--write-duration 60] [--docs]
// 1. The overview page, an asset's price API and the event list, each at 50 connections for --duration seconds,
//    must answer with zero errors; throughput and p50/p99 are measured, and for each the same reads through a
//    minimal `pg` handler (scripts/reliability/raw-sql-peer.ts) in the same run give Faultline's overhead as a ratio.
// 2. Meanwhile 20 analysts create events and notes through the API for --write-duration seconds. Afterwards every
//    write acknowledged with 2xx must be in the database and in the audit trail, and every other answer must have
//    told its client what went wrong.
// Writes bench/results/load.md; with --docs also the "Load and write durability" section of docs/performance.md.
import { writeFile } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { argValue, createAccounts, percentile, signIn, startDatabase, startFaultline, ADMIN } from "./harness";
import { startRawSqlPeer } from "./raw-sql-peer";
import { replaceSection } from "./sections";

const DURATION = Number(argValue("duration", "30"));
const WRITE_DURATION = Number(argValue("write-duration", "60"));
const CONNECTIONS = 50;
const ANALYSTS = 20;

interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
}

async function hammer(name: string, url: string, cookie: string): Promise<Measured> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { cookie }, timeout: 30 });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, errors: r.errors + r.timeouts + r.non2xx };
}

interface WriteLog {
  events: { id: number; title: string }[];
  notes: { id: number; eventId: number }[];
  refused: { status: number; message: string }[];
  unexplained: string[];
  latencies: number[];
}

/** One analyst creating an event, then a note on it, until the deadline. */
async function analyst(baseUrl: string, cookie: string, who: number, deadline: number, log: WriteLog): Promise<void> {
  const send = async (path: string, body: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    log.latencies.push(performance.now() - t0);
    const text = await res.text();
    if (res.ok) return JSON.parse(text) as { id: number };
    let message = "";
    try {
      message = (JSON.parse(text) as { error: { message: string } }).error.message;
    } catch {
      // not the error format: the client was not told why
    }
    if (message) log.refused.push({ status: res.status, message });
    else log.unexplained.push(`${res.status} ${text.slice(0, 200)}`);
    return null;
  };
  for (let n = 0; Date.now() < deadline; n++) {
    try {
      const title = `Load analyst ${who} write ${n}`;
      const event = await send("/api/v1/events", { title, occurredAt: "2024-06-19", category: "MILITARY", severity: 3, countries: ["RU", "KP"] });
      if (!event) continue;
      log.events.push({ id: event.id, title });
      const note = await send("/api/v1/annotations", { eventId: event.id, body: `Note ${n} by analyst ${who}` });
      if (note) log.notes.push({ id: note.id, eventId: event.id });
    } catch (err) {
      // A network error or timeout also reaches the client: it is told, and the write is not claimed as saved.
      log.refused.push({ status: 0, message: (err as Error).message });
    }
  }
}

async function verifyWrites(databaseUrl: string, log: WriteLog) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const eventIds = log.events.map((e) => e.id);
    const noteIds = log.notes.map((n) => n.id);
    const events = await client.query<{ id: number; title: string }>("SELECT id, title FROM event WHERE id = ANY($1::int[]) AND deleted_at IS NULL", [eventIds]);
    const byId = new Map(events.rows.map((r) => [r.id, r.title]));
    const missingEvents = log.events.filter((e) => byId.get(e.id) !== e.title).length;
    const notes = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM annotation WHERE id = ANY($1::int[]) AND deleted_at IS NULL", [noteIds]);
    const audited = await client.query<{ entity: string; n: number }>(
      "SELECT entity::text, count(DISTINCT entity_id)::int AS n FROM audit_entry WHERE action = 'CREATE' AND ((entity = 'EVENT' AND entity_id = ANY($1::int[])) OR (entity = 'ANNOTATION' AND entity_id = ANY($2::int[]))) GROUP BY entity",
      [eventIds, noteIds],
    );
    const auditedOf = (entity: string) => audited.rows.find((r) => r.entity === entity)?.n ?? 0;
    const unacknowledged = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM event WHERE title LIKE 'Load analyst %' AND NOT (id = ANY($1::int[]))", [eventIds]);
    return {
      missingEvents,
      missingNotes: noteIds.length - notes.rows[0]!.n,
      unauditedEvents: eventIds.length - auditedOf("EVENT"),
      unauditedNotes: noteIds.length - auditedOf("ANNOTATION"),
      storedButNotAcknowledged: unacknowledged.rows[0]!.n,
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const started = Date.now();
  const db = await startDatabase();
  const app = await startFaultline(db.url).catch(async (err: unknown) => {
    await db.remove();
    throw err;
  });
  const peer = await startRawSqlPeer(db.url);
  const failures: string[] = [];
  try {
    const adminCookie = await signIn(app.baseUrl, ADMIN.email, ADMIN.password);
    const analysts = await createAccounts("ANALYST", ANALYSTS, "load-analyst");
    const cookies = await Promise.all(analysts.map((a, i) => signIn(app.baseUrl, a.email, undefined, `198.51.100.${10 + i}`)));
    const bars = await (await fetch(`${app.baseUrl}/api/v1/assets/%5EKS11/prices`, { headers: { cookie: adminCookie } })).json() as { data: unknown[] };
    console.log(`faultline up at ${app.baseUrl} (${((Date.now() - started) / 1000).toFixed(0)} s, ^KS11 has ${bars.data.length} bars); peer at ${peer.baseUrl}`);

    const year = new Date().getUTCFullYear() - 1;
    const targets = [
      { name: "overview page `/`", faultline: `${app.baseUrl}/`, peer: `${peer.baseUrl}/overview` },
      { name: `price API (^KS11, ${year})`, faultline: `${app.baseUrl}/api/v1/assets/%5EKS11/prices?from=${year}-01-01&to=${year}-12-31`, peer: `${peer.baseUrl}/prices?symbol=%5EKS11&from=${year}-01-01&to=${year}-12-31` },
      { name: "event list API (50 per page)", faultline: `${app.baseUrl}/api/v1/events?pageSize=50`, peer: `${peer.baseUrl}/events` },
    ];

    const log: WriteLog = { events: [], notes: [], refused: [], unexplained: [], latencies: [] };
    const deadline = Date.now() + WRITE_DURATION * 1000;
    const writers = Promise.all(cookies.map((c, i) => analyst(app.baseUrl, c, i, deadline, log)));

    const rows: { name: string; f: Measured; p: Measured }[] = [];
    for (const t of targets) {
      const f = await hammer(t.name, t.faultline, adminCookie);
      const p = await hammer(t.name, t.peer, adminCookie);
      console.log(`${t.name}: faultline ${f.rps.toFixed(0)} req/s p50 ${f.p50} ms p99 ${f.p99} ms (${f.errors} errors); raw SQL ${p.rps.toFixed(0)} req/s p50 ${p.p50} ms p99 ${p.p99} ms`);
      if (f.errors > 0) failures.push(`${t.name}: ${f.errors} errors/non-2xx/timeouts out of ${f.total}`);
      rows.push({ name: t.name, f, p });
    }
    await writers;
    const check = await verifyWrites(db.url, log);
    const lat = [...log.latencies].sort((a, b) => a - b);
    console.log(`writes: ${log.events.length} events + ${log.notes.length} notes acknowledged, ${log.refused.length} refused with a message, ${log.unexplained.length} unexplained; ${JSON.stringify(check)}`);
    if (check.missingEvents || check.missingNotes) failures.push(`acknowledged writes missing: ${check.missingEvents} events, ${check.missingNotes} notes`);
    if (check.unauditedEvents || check.unauditedNotes) failures.push(`acknowledged writes without audit: ${check.unauditedEvents} events, ${check.unauditedNotes} notes`);
    if (log.unexplained.length) failures.push(`answers without an error message: ${log.unexplained.slice(0, 3).join("; ")}`);
    if (log.events.length === 0) failures.push("no write was acknowledged: the durability check proved nothing");

    const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
    const report = [
      `Latest run (${new Date().toISOString().slice(0, 10)}; ${CONNECTIONS} connections × ${DURATION} s per target, production build, PostgreSQL 18 on loopback, ${ANALYSTS} analysts writing during the first ${WRITE_DURATION} s; 2 CPUs shared by app, database, peer and load generator):`,
      "",
      "| target | Faultline req/s | p50 | p99 | errors | raw `pg` req/s | p50 | p99 | throughput ratio (raw ÷ Faultline) |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(({ name, f, p }) => `| ${name} | ${fmt(f.rps)} | ${f.p50} ms | ${f.p99} ms | ${f.errors} of ${fmt(f.total)} | ${fmt(p.rps)} | ${p.p50} ms | ${p.p99} ms | **${(p.rps / f.rps).toFixed(2)}×** |`),
      "",
      `Writes during the load: ${fmt(log.events.length)} events and ${fmt(log.notes.length)} notes acknowledged with 2xx (write latency p50 ${percentile(lat, 50).toFixed(0)} ms, p99 ${percentile(lat, 99).toFixed(0)} ms); ` +
        `${log.refused.length} answered with an error message, ${log.unexplained.length} without one. After the run: ${check.missingEvents + check.missingNotes} acknowledged writes missing, ` +
        `${check.unauditedEvents + check.unauditedNotes} without their audit entry, ${check.storedButNotAcknowledged} stored but not acknowledged.`,
      "",
    ].join("\n");
    await writeFile("bench/results/load.md", `# Load and write durability\n\n${report}`);
    if (process.argv.includes("--docs")) await replaceSection("docs/performance.md", "reliability:load", report);
    console.log(`\n${report}\n${failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "load suite passed"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (app.process.exitCode !== null || app.process.signalCode !== null) console.log(`the app process exited (${app.process.exitCode ?? app.process.signalCode}); its last output:\n${app.output().slice(-4_000)}`);
  } finally {
    await peer.close();
    await app.stop();
    await db.remove();
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
