// A background job that fails while PostgreSQL is down: pg-boss 10 writes the failure without awaiting it, and the
// rejection it gets must not end the process that hosts the workers (that process is also `npm start`'s supervisor).
// The worker runs in its own process, as it does under `npm start`, against a PostgreSQL this file can stop.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment } from "@/lib/config/env";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE_FLAGS = ["--conditions=react-server", "--import", "tsx"];

let dir: string;
let server: RunningPostgres;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faultline-job-outage-"));
  await chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "faultline" });
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) {
    const exited = new Promise((r) => worker!.once("exit", r));
    worker.kill("SIGTERM");
    await exited;
  }
  await server?.stop().catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a job that fails while the database is down", () => {
  it("leaves the worker process running and logs one line without a stack", { timeout: 120_000 }, async () => {
    let out = "";
    const child = spawn(process.execPath, [...NODE_FLAGS, "tests/fixtures/job-during-outage.ts", server.url], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: childEnvironment() });
    worker = child;
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 60_000;
    while (!out.includes("job running")) {
      if (child.exitCode !== null) throw new Error(`the worker exited early:\n${out}`);
      if (Date.now() > deadline) throw new Error(`the job never started:\n${out}`);
      await sleep(100);
    }

    await server.stop();
    child.stdin!.write("fail now\n");
    // pg-boss records the failure right away; give the rejection time to surface and, without the guard, end the process.
    const waitUntil = Date.now() + 15_000;
    while (!/was not recorded/.test(out) && child.exitCode === null && Date.now() < waitUntil) await sleep(100);
    await sleep(1_000);

    expect(child.exitCode, out).toBeNull();
    expect(out).toMatch(/faultline: a job's result was not recorded, the database is unavailable: /);
    expect(out).not.toMatch(/\n\s+at \S+ \(|^Node\.js v/m);
  });
});
