// Scale-out demo: two Faultline instances (`next start` + one pg-boss worker each) behind one port on one
// PostgreSQL, all on loopback:
//   node --conditions=react-server --import tsx scripts/reliability/scale-out.ts [--replica] [--docs]
// Proves: a session made on one instance works on the other; a refresh cycle triggered on both instances at once
// refreshes each asset exactly once; writes spread over both instances are all kept and audited. With --replica
// both instances also read from one streaming standby (DATABASE_READ_URL), which ends up holding every write.
// Writes bench/results/scale-out[-replica].md; with --docs also the "Measured" section of docs/deployment.md.
import { writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { startBoss } from "@/lib/jobs/boss";
import { freePort } from "@/lib/db/embedded-postgres";
import { REFRESH_ASSET, REFRESH_CYCLE } from "@/lib/market-data/refresh-jobs";
import { waitForReplay, type RunningReplica } from "@/lib/db/embedded-replica";
import { createAccounts, signIn, startDatabase, startFaultline, startReplica, seedSetBased, ADMIN, type App } from "./harness";
import { replaceSection } from "./sections";

/** Round-robin reverse proxy: the smallest stand-in for nginx or a cloud load balancer. */
async function startProxy(port: number, upstreams: number[]) {
  let next = 0;
  const served = new Map<number, number>();
  const server = http.createServer((req, res) => {
    const target = upstreams[next++ % upstreams.length]!;
    served.set(target, (served.get(target) ?? 0) + 1);
    const upstream = http.request({ host: "127.0.0.1", port: target, path: req.url, method: req.method, headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" } }, (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-upstream": String(target) });
      up.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end("upstream unavailable"));
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function main() {
  const started = Date.now();
  const failures: string[] = [];
  const withReplica = process.argv.includes("--replica");
  const db = await startDatabase();
  // With a standby to copy, the content is seeded set-based first (the first-run seed's transaction can outlast its
  // timeout while the base backup and another suite load the machine).
  if (withReplica) await seedSetBased(db.url);
  const replica: RunningReplica | undefined = withReplica ? await startReplica(db) : undefined;
  const readEnv: Record<string, string> = replica ? { DATABASE_READ_URL: replica.url } : {};
  const ports = [await freePort(), await freePort()];
  const proxyPort = await freePort();
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const apps: App[] = [];
  try {
    // One after the other: the first start migrates and seeds; the second finds everything in place.
    for (const port of ports) apps.push(await startFaultline(db.url, { PORT: String(port), BETTER_AUTH_URL: publicUrl, ...readEnv }));
    // The shared port was chosen before the instances started, so BETTER_AUTH_URL could name it.
    const lb = await startProxy(proxyPort, ports);

    // Sessions: signed in on instance A, used on B (and the reverse), and through the shared port.
    const onA = await signIn(`http://127.0.0.1:${ports[0]}`, ADMIN.email, ADMIN.password, "198.51.100.90", publicUrl);
    const status = async (url: string, cookie: string) => (await fetch(url, { headers: { cookie } })).status;
    const crossA = await status(`http://127.0.0.1:${ports[1]}/api/v1/events`, onA);
    const [analyst] = await createAccounts("ANALYST", 1, "scale-analyst");
    const onB = await signIn(`http://127.0.0.1:${ports[1]}`, analyst!.email, undefined, "198.51.100.91", publicUrl);
    const crossB = await status(`http://127.0.0.1:${ports[0]}/api/v1/events`, onB);
    const viaLb = await Promise.all(Array.from({ length: 20 }, () => status(`${lb.url}/api/v1/events?pageSize=5`, onB)));
    if (crossA !== 200 || crossB !== 200) failures.push(`a session did not work on the other instance (${crossA}, ${crossB})`);
    if (viaLb.some((s) => s !== 200)) failures.push(`requests through the shared port failed: ${viaLb.join(",")}`);

    // Writes through the shared port land on both instances; all must be kept.
    const acknowledged: number[] = [];
    const byInstance = new Map<string, number>();
    const deadline = Date.now() + 10_000;
    await Promise.all(
      [onA, onB].map(async (cookie, w) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const res = await fetch(`${lb.url}/api/v1/events`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ title: `Scale-out ${w}-${n}`, occurredAt: "2024-11-04", category: "MILITARY", severity: 3, countries: ["KP"] }) });
          const upstream = res.headers.get("x-upstream") ?? "?";
          if (res.status === 201) {
            acknowledged.push(((await res.json()) as { id: number }).id);
            byInstance.set(upstream, (byInstance.get(upstream) ?? 0) + 1);
          } else failures.push(`write answered ${res.status}: ${await res.text()}`);
        }
      }),
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const kept = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM event WHERE id = ANY($1::int[])", [acknowledged])).rows[0]!.n;
    const audited = (await client.query<{ n: number }>("SELECT count(DISTINCT entity_id)::int AS n FROM audit_entry WHERE entity = 'EVENT' AND action = 'CREATE' AND entity_id = ANY($1::int[])", [acknowledged])).rows[0]!.n;
    if (kept !== acknowledged.length || audited !== acknowledged.length) failures.push(`writes lost: ${acknowledged.length} acknowledged, ${kept} kept, ${audited} audited`);
    if (byInstance.size < 2) failures.push(`writes reached only ${[...byInstance.keys()].join(", ")}`);
    let onStandby: number | undefined;
    if (replica) {
      // Every acknowledged write reaches the standby too, and the lists the instances serve from it show them.
      await waitForReplay(db.url, replica.url, 30_000);
      const s = new pg.Client({ connectionString: replica.url });
      await s.connect();
      onStandby = (await s.query<{ n: number }>("SELECT count(*)::int AS n FROM event WHERE id = ANY($1::int[])", [acknowledged])).rows[0]!.n;
      await s.end();
      if (onStandby !== acknowledged.length) failures.push(`standby holds ${onStandby} of ${acknowledged.length} acknowledged writes`);
    }

    // Refresh: the cycle is triggered twice at the same moment (a cron tick seen by both instances' workers).
    const since = new Date();
    const boss = await startBoss({ connectionString: db.url, supervise: false });
    await Promise.all([boss.send(REFRESH_CYCLE, {}), boss.send(REFRESH_CYCLE, {})]);
    let perSymbol: { symbol: string; n: number; done: number }[] = [];
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      perSymbol = (
        await client.query<{ symbol: string; n: number; done: number }>(
          "SELECT data->>'symbol' AS symbol, count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS done FROM pgboss.job WHERE name = $1 AND created_on >= $2 GROUP BY 1 ORDER BY 1",
          [REFRESH_ASSET, since],
        )
      ).rows;
      if (perSymbol.length > 0 && perSymbol.every((r) => r.done === r.n)) break;
    }
    await boss.stop({ graceful: true, wait: true });
    const assets = (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM asset WHERE source IN ('YAHOO', 'DEMO')")).rows[0]!.n;
    await client.end();
    if (perSymbol.length !== assets || perSymbol.some((r) => r.n !== 1 || r.done !== 1)) failures.push(`refresh cycle: expected each of ${assets} assets refreshed once, got ${JSON.stringify(perSymbol)}`);

    const report = [
      `Latest run (${new Date().toISOString().slice(0, 10)}; ${replica ? "with a streaming read replica; " : ""}two instances on ports ${ports.join(" and ")}, a round-robin Node proxy on ${proxyPort}, one PostgreSQL 18, loopback):`,
      "",
      `- Sessions: signed in on instance A and used on B → ${crossA}; signed in on B and used on A → ${crossB}; 20 requests through the shared port → ${viaLb.filter((s) => s === 200).length}× 200.`,
      `- Writes through the shared port for 10 s by two analysts: ${acknowledged.length} acknowledged (${[...byInstance].map(([p, n]) => `${n} by the instance on ${p}`).join(", ")}), ${acknowledged.length - kept} lost, ${acknowledged.length - audited} without an audit entry.`,
      ...(replica ? [`- Both instances read from one streaming standby (DATABASE_READ_URL): ${onStandby} of ${acknowledged.length} acknowledged writes replayed on it.`] : []),
      `- A refresh cycle triggered twice at once: ${perSymbol.length} of ${assets} assets refreshed, ${perSymbol.filter((r) => r.n === 1).length} exactly once (${perSymbol.reduce((a, r) => a + r.n, 0)} refresh jobs in total).`,
      "",
    ].join("\n");
    const key = replica ? "scale-out-replica" : "scale-out";
    await writeFile(`bench/results/${key}.md`, `# Scale-out${replica ? " with a read replica" : ""}\n\n${report}`);
    if (process.argv.includes("--docs")) await replaceSection("docs/deployment.md", `reliability:${key}`, report);
    console.log(`\n${report}\n${failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "scale-out demo passed"} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await lb.close();
  } finally {
    for (const app of apps) await app.stop();
    await replica?.remove();
    await db.remove();
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
