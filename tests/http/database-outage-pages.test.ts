// Pages while PostgreSQL is down, through the production build: 503 with Retry-After and the friendly message (not a
// 500 per page), one log line when the outage starts rather than a stack per request, and pages again once the
// database is back. Its own database and server, since it stops the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, signIn, startDatabase, startFaultline, type App, type Database } from "@/scripts/reliability/harness";

let database: Database;
let app: App;
let cookie: string;

beforeAll(async () => {
  database = await startDatabase();
  app = await startFaultline(database.url);
  cookie = await signIn(app.baseUrl, ADMIN.email, ADMIN.password, "198.51.100.90");
});

afterAll(async () => {
  await app?.stop();
  await database?.remove();
});

const page = (path: string) => fetch(`${app.baseUrl}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAGES = ["/", "/events", "/assets", "/themes", "/reports"];

describe("pages during a database outage", () => {
  it("answer 503 with Retry-After, log the outage once without stacks, and recover", { timeout: 120_000 }, async () => {
    for (const p of PAGES) expect((await page(p)).status).toBe(200);
    const logFrom = app.output().length;

    await database.stop();
    await sleep(1_500);
    for (let round = 0; round < 3; round++) {
      for (const p of PAGES) {
        const res = await page(p);
        const body = await res.text();
        expect(res.status, `${p} during the outage`).toBe(503);
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(body).toMatch(/The database is not answering/);
        expect(body).not.toMatch(/ECONNREFUSED|\n\s+at /);
      }
    }
    const log = app.output().slice(logFrom);
    expect(log.match(/pages answer 503 until it is back/g) ?? []).toHaveLength(1);
    // Next prints a thrown render error with its stack, one per page; none may appear.
    expect(log).not.toMatch(/⨯|\n\s+at \S+ \(/);

    await database.start();
    const backAt = Date.now();
    let status = 0;
    while (Date.now() - backAt < 10_000) {
      status = (await page("/events")).status;
      if (status === 200) break;
      await sleep(250);
    }
    expect(status).toBe(200);
    expect(Date.now() - backAt).toBeLessThan(5_000);
    expect(app.output().slice(logFrom)).toMatch(/database reachable again/);
    // The background jobs live in the same process: an outage mid-job must not have ended it.
    expect(app.process.exitCode).toBeNull();
    expect(app.output().slice(logFrom)).not.toMatch(/^Node\.js v/m);
  });
});
