// `npm run prices` beside a running instance: the CLI finds the instance's PostgreSQL port in its data folder
// (postmaster.pid) instead of assuming the default, and names the variable to set when it cannot.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, portFromPidFile, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
let server: RunningPostgres | undefined;
let dir: string | undefined;

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("portFromPidFile", () => {
  it("reads the port from line 4 of PostgreSQL's postmaster.pid, or null", () => {
    expect(portFromPidFile("4242\n/var/lib/pgdata\n1732870000\n61234\n\n127.0.0.1\n  5432001  1\nready\n")).toBe(61234);
    expect(portFromPidFile("4242\n/var/lib/pgdata\n")).toBeNull();
    expect(portFromPidFile(undefined)).toBeNull();
    expect(portFromPidFile("1\n2\n3\n99999\n")).toBeNull();
  });
});

describe("the prices CLI beside a running instance on a non-default port", () => {
  it("attaches to the instance's port from its data folder and imports", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "faultline-cli-"));
    await (await import("node:fs/promises")).chmod(dir, 0o755);
    const port = await freePort();
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port, database: "faultline" });
    await applyMigrations(server.url);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at)
      VALUES ('KRW=X', 'USD/KRW', 'FX', 'KRW', 'CCY', 'Europe/London', 'YAHOO', now())`);
    const file = path.join(dir, "krw.csv");
    await writeFile(file, "date;close\n2024-06-18;1381,5\n2024-06-19;1386\n2024-06-20;1384,6\n");

    // FAULTLINE_PG_PORT left at its default (54329): the CLI must find `port` itself.
    const env = { ...process.env, FAULTLINE_DATA_DIR: dir, DATABASE_URL: "", FAULTLINE_PG_PORT: "", NODE_ENV: "production" as const };
    const out = await run(process.execPath, ["--import", "tsx", "scripts/prices.ts", "import", file, "--symbol", "KRW=X", "--mode", "replace"], { cwd: ROOT, env, timeout: 120_000 });
    expect(out.stdout).toContain("KRW=X (replace): 3 bars added, 0 updated, 0 removed");
    const { rows } = await client.query<{ n: string; actor: string }>(
      "SELECT (SELECT count(*) FROM price_bar) AS n, (SELECT actor_name FROM audit_entry WHERE action = 'IMPORT') AS actor",
    );
    await client.end();
    expect(rows[0]).toMatchObject({ n: "3", actor: `CLI (${os.userInfo().username})` });
  }, 180_000);
});
