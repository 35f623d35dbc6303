// `npm run prices` beside a running instance: the CLI finds the instance's PostgreSQL port in its data folder
// (postmaster.pid) instead of assuming the default, and names the variable to set when it cannot.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment } from "@/lib/config/env";
import { portFromPidFile } from "@/lib/db/embedded-postgres";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE_FLAGS = ["--conditions=react-server", "--import", "tsx"];
const DEFAULT_PG_PORT = 54329;

describe("portFromPidFile", () => {
  it("reads the port from line 4 of PostgreSQL's postmaster.pid, or null", () => {
    expect(portFromPidFile("4242\n/var/lib/pgdata\n1732870000\n61234\n\n127.0.0.1\n  5432001  1\nready\n")).toBe(61234);
    expect(portFromPidFile("4242\n/var/lib/pgdata\n")).toBeNull();
    expect(portFromPidFile(undefined)).toBeNull();
    expect(portFromPidFile("1\n2\n3\n99999\n")).toBeNull();
  });
});

describe("the prices CLI beside a running instance on a non-default port", () => {
  let dir: string;
  let instance: ChildProcess;
  let db: { port: number; url: string };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "faultline-cli-"));
    await chmod(dir, 0o755);
    // The instance runs in its own process, as `npm start` would: the CLI must see a live owner of the postmaster.
    instance = spawn(process.execPath, [...NODE_FLAGS, "tests/fixtures/embedded-instance.ts", dir], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: childEnvironment() });
    const firstLine = await new Promise<string>((resolve, reject) => {
      instance.once("exit", (code) => reject(new Error(`the instance exited with ${code}`)));
      createInterface({ input: instance.stdout! }).once("line", resolve);
    });
    db = JSON.parse(firstLine) as { port: number; url: string };
  }, 120_000);

  afterAll(async () => {
    if (instance && instance.exitCode === null) {
      const exited = new Promise((r) => instance.once("exit", r));
      instance.kill("SIGTERM");
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("attaches to the instance's port from its data folder and imports", async () => {
    expect(db.port).not.toBe(DEFAULT_PG_PORT);
    await query(`INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at)
      VALUES ('KRW=X', 'USD/KRW', 'FX', 'KRW', 'CCY', 'Europe/London', 'YAHOO', now())`);
    const file = path.join(dir, "krw.csv");
    await writeFile(file, "date;close\n2024-06-18;1381,5\n2024-06-19;1386\n2024-06-20;1384,6\n");

    // Neither DATABASE_URL nor FAULTLINE_PG_PORT: the CLI must find the port itself.
    const env = childEnvironment({ FAULTLINE_DATA_DIR: dir, DATABASE_URL: "", FAULTLINE_PG_PORT: "", NODE_ENV: "production" });
    const out = await run(process.execPath, [...NODE_FLAGS, "scripts/prices.ts", "import", file, "--symbol", "KRW=X", "--mode", "replace"], { cwd: ROOT, env, timeout: 120_000 });
    expect(out.stdout).toContain("KRW=X (replace): 3 bars added, 0 updated, 0 removed");

    const rows = await query<{ closes: number[]; actor: string }>(
      "SELECT (SELECT array_agg(close::float8 ORDER BY date) FROM price_bar) AS closes, (SELECT actor_name FROM audit_entry WHERE action = 'IMPORT') AS actor",
    );
    expect(rows[0]).toEqual({ closes: [1381.5, 1386, 1384.6], actor: `CLI (${os.userInfo().username})` });
    // The instance's database is still up: the CLI attached, it did not stop the server or start its own.
    expect(instance.exitCode).toBeNull();
    expect((await query<{ one: number }>("SELECT 1 AS one"))[0]?.one).toBe(1);
  }, 180_000);
});
