import { mkdtemp, mkdir, readdir, rm, writeFile, chmod } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StartupError } from "@/lib/config/startup-error";
import { assertPortFree, freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { checkConnection } from "@/lib/runtime/database";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function tempDir(mode = 0o755): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-fault-"));
  await chmod(dir, mode);
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("start-up faults give one clear cause and fix", () => {
  it("an unreachable DATABASE_URL names the address, hides the password and says what to do", async () => {
    const port = await freePort();
    const err = await checkConnection(`postgresql://ana:hunter2@127.0.0.1:${port}/faultline`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).reason).toMatch(/nothing is listening at postgresql:\/\/ana:\*\*\*@127\.0\.0\.1/);
    expect((err as StartupError).fix).toMatch(/DATABASE_URL/);
    expect((err as Error).message).not.toContain("hunter2");
  });

  it("a wrong password and a missing database are told apart", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const badPassword = new URL(url);
    badPassword.password = "wrong";
    await expect(checkConnection(badPassword.toString())).rejects.toThrow(/rejected the user name or password/);
    const missing = new URL(url);
    missing.pathname = "/no_such_database";
    await expect(checkConnection(missing.toString())).rejects.toThrow(/does not exist/);
  });

  it("a port already in use is reported with the variable that moves it", async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen({ port: 0, host: "127.0.0.1" }, r));
    cleanup.push(() => new Promise((r) => server.close(r)));
    const port = (server.address() as net.AddressInfo).port;
    await expect(assertPortFree(port, "web server", "PORT")).rejects.toThrow(`port ${port} (web server) is already in use`);
  });

  it("refuses a data directory that is not PostgreSQL's and leaves it untouched", async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, "pgdata");
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, "holiday-photos.txt"), "not a database");
    const err = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "x", ephemeral: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).reason).toContain("is not a PostgreSQL data directory");
    expect(await readdir(dataDir)).toEqual(["holiday-photos.txt"]);
  });

  it("runs from a folder only root can enter, and keeps the data across restarts", async () => {
    const privateDir = await tempDir(0o700);
    const dataDir = path.join(privateDir, ".faultline", "pgdata");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "faultline", ephemeral: true });
    cleanup.push(() => first.stop());
    const pg = await import("pg");
    const write = new pg.default.Client({ connectionString: first.url });
    await write.connect();
    await write.query("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    await write.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port, database: "faultline", ephemeral: true });
    cleanup.push(async () => {
      await second.stop();
      if (second.dataDir !== dataDir) await rm(second.dataDir, { recursive: true, force: true });
    });
    const read = new pg.default.Client({ connectionString: second.url });
    await read.connect();
    const { rows } = await read.query<{ v: number }>("SELECT v FROM kept");
    await read.end();
    expect(rows).toEqual([{ v: 42 }]);
    const asRoot = process.getuid?.() === 0;
    // As root the postgres user cannot enter a 0700 folder, so the cluster lives elsewhere; otherwise in place.
    expect(second.dataDir === dataDir).toBe(!asRoot);
  });
});
