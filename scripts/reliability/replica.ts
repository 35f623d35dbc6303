// Read replica, over HTTP against the production build: a durable embedded PostgreSQL, a streaming standby of it (base
// backup through the low-level API) and one Faultline instance with DATABASE_READ_URL set, all on loopback:
//   node --import tsx scripts/reliability/replica.ts [--docs]
// Proves: the overview and the reports page are read from the replica and say so; an event created through the API
// is read back at once with the standby's replay paused; past the lag limit the overview is read from the primary and
// says so; stopping and starting the standby under 20 s of load on the overview fails no request, is logged once,
// and leaves /api/ready at 200.
// Writes bench/results/replica.md; with --docs also the "How it is tested" figures in docs/deployment.md.
import { writeFile } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { signIn, startDatabase, startFaultline, startReplica, seedSetBased, ADMIN } from "./harness";
import { replaceSection } from "./sections";

const LAG_LIMIT_S = 5;
const LOAD_S = 20;

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface ReadyBody {
  status: string;
  replicas: { name: string; state: string; lagSeconds: number | null }[];
}

async function main() {
  const started = Date.now();
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  };
  const db = await startDatabase();
  await seedSetBased(db.url);
  const replica = await startReplica(db);
  const standby = new pg.Client({ connectionString: replica.url });
  standby.on("error", () => undefined);
  let app: Awaited<ReturnType<typeof startFaultline>> | undefined;
  try {
    app = await startFaultline(db.url, { DATABASE_READ_URL: replica.url, DATABASE_READ_MAX_LAG_SECONDS: String(LAG_LIMIT_S), LOG_LEVEL: "warn" });
    const base = app.baseUrl;
    const session = await signIn(base, ADMIN.email, ADMIN.password, "198.51.100.70");
    const ready = async () => (await (await fetch(`${base}/api/ready`)).json()) as ReadyBody;
    await until("the replica to be healthy", async () => (await ready()).replicas[0]?.state === "healthy");
    await standby.connect();
    const page = async (path: string, cookie = session) => (await fetch(`${base}${path}`, { headers: { cookie } })).text();

    // 1. Dashboards and reports come from the replica, and say so.
    const overview = await page("/");
    check(overview.includes("Read from a replica"), "the overview is read from the replica and says so");
    const replicaReads = (await standby.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'faultline' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")).rows[0]!.n;
    check(replicaReads > 0, `the app holds connections to the standby (${replicaReads})`);

    // 2. Read-your-writes with replay paused: the writer's reads go to the primary.
    await standby.query("SELECT pg_wal_replay_pause()");
    const created = await fetch(`${base}/api/v1/events`, {
      method: "POST",
      headers: { cookie: session, "content-type": "application/json" },
      body: JSON.stringify({ title: "Created while the replica is paused", occurredAt: new Date().toISOString().slice(0, 10), category: "MILITARY", severity: 3, countries: ["KP"] }),
    });
    const id = ((await created.json()) as { id: number }).id;
    const writer = [session, ...cookiesFrom(created)].join("; ");
    check(created.status === 201 && writer.includes("faultline-wrote-at="), `the write is acknowledged and marks the writer (${created.status})`);
    const list = (await (await fetch(`${base}/api/v1/events?pageSize=5`, { headers: { cookie: writer } })).json()) as { data: { id: number }[] };
    check(list.data.some((e) => e.id === id), "the writer's next list read shows the new event at once");
    check((await standby.query("SELECT 1 FROM event WHERE id = $1", [id])).rowCount === 0, "…while the paused standby does not have it");
    check((await page("/", writer)).includes("Read from the primary, which already has your latest change"), "the writer's overview is read from the primary and says why");

    // 3. Past the lag limit, everyone's reads go to the primary and the page says so.
    await new Promise((r) => setTimeout(r, (LAG_LIMIT_S + 1.5) * 1000));
    const lagging = await page("/");
    check(/Read from the primary: the replica is [\d.]+ s behind/.test(lagging), "past the lag limit the overview is read from the primary and says so");
    check((await ready()).replicas[0]?.state === "lagging", "/api/ready reports the replica as lagging");
    await standby.query("SELECT pg_wal_replay_resume()");
    await until("the replica to catch up", async () => (await ready()).replicas[0]?.state === "healthy");

    // 4. The standby stopped and started again under load on the overview.
    await standby.end();
    const readyDuringOutage: number[] = [];
    const states = new Set<string>();
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 5_000));
      await replica.stop();
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${base}/api/ready`);
        readyDuringOutage.push(res.status);
        states.add(((await res.json()) as ReadyBody).replicas[0]?.state ?? "?");
        await new Promise((r) => setTimeout(r, 1_000));
      }
      await new Promise((r) => setTimeout(r, 2_000));
      await replica.start();
    })();
    const load = await autocannon({ url: `${base}/`, connections: 10, duration: LOAD_S, headers: { cookie: session }, timeout: 30 });
    await outage;
    const answered = load.requests.total;
    const failed = load.non2xx + load.errors + load.timeouts;
    check(failed === 0 && answered > 0, `${answered} overview requests in ${LOAD_S} s with the standby stopped for ~7 s: ${failed} failed`);
    check(readyDuringOutage.every((s) => s === 200) && states.has("down"), `/api/ready stays 200 and reports the replica down (${readyDuringOutage.join(",")}; ${[...states].join(",")})`);
    await until("the replica to be healthy again", async () => (await ready()).replicas[0]?.state === "healthy", 30_000);
    // One line per change of state, never one per request: consecutive lines always name different states (on a
    // machine this busy a replica may also miss the 2 s connect timeout while up, which is a change of state too).
    const stateLog = app
      .output()
      .split("\n")
      .map((l) => /read replica \S+ is (down|healthy|lagging)/.exec(l)?.[1])
      .filter((x): x is string => x !== undefined);
    const downLines = stateLog.filter((x) => x === "down").length;
    const repeated = stateLog.some((x, i) => i > 0 && stateLog[i - 1] === x);
    check(downLines >= 1 && !repeated, `the outage is logged once per change of state (${stateLog.join(" → ")})`);
    check((await page("/")).includes("Read from a replica"), "after the restart the overview is read from the replica again");

    const report = [
      `Latest run (${new Date().toISOString().slice(0, 10)}; one instance, one PostgreSQL 18 primary and one streaming standby, loopback, lag limit ${LAG_LIMIT_S} s):`,
      "",
      `- Overview read from the standby; an event created through the API with replay paused was in the writer's next list read; past the lag limit the overview was read from the primary and said so.`,
      `- ${answered} overview requests at 10 connections for ${LOAD_S} s while the standby was stopped for about 7 s and started again: ${failed} failed; /api/ready answered ${readyDuringOutage.join(", ")} meanwhile; log lines for the replica's state: ${stateLog.join(" → ")}.`,
      "",
    ].join("\n");
    await writeFile("bench/results/replica.md", `# Read replica\n\n${report}`);
    if (process.argv.includes("--docs")) await replaceSection("docs/deployment.md", "reliability:replica", report);
    console.log(`\n${report}\n${failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "replica suite passed"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (err) {
    console.error(app?.output().slice(-3000));
    throw err;
  } finally {
    await standby.end().catch(() => undefined);
    await app?.stop();
    await replica.remove();
    await db.remove();
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
