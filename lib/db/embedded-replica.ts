// A streaming replica of an embedded PostgreSQL, for the tests and reliability suites that prove the read routing
// against real servers. The embedded package ships no pg_basebackup, so the base backup is taken with PostgreSQL's
// low-level API (manual: "Making a Base Backup Using the Low Level API"): pg_backup_start, copy the data directory,
// pg_backup_stop and write its backup_label, then standby.signal and primary_conninfo. The standby connects as a
// replication role through a physical slot, so the primary keeps every WAL segment the standby still needs.
import { randomBytes } from "node:crypto";
import { appendFile, chown, copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { runPostmaster, type RunAs, type RunningPostgres } from "@/lib/db/embedded-postgres";

export interface RunningReplica {
  /** Connection string of `database` on the standby (same credentials as the primary's). */
  url: string;
  port: number;
  dataDir: string;
  /** Fast shutdown; `start()` brings it back on the same port, resuming from where it stopped. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the standby, drops its slot on the primary and deletes its files. */
  remove(): Promise<void>;
}

export interface ReplicaOptions {
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

/** What a base backup leaves out (the manual's list): live server state and WAL the standby streams itself. */
const SKIP_CONTENTS = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal"]);

/** Copies a live data directory; files the server removes meanwhile (temporary files) are simply not copied. */
async function copyDataDir(from: string, to: string, user: RunAs | undefined, depth = 0): Promise<void> {
  await mkdir(to, { mode: 0o700 });
  if (user) await chown(to, user.uid, user.gid);
  const base = path.basename(from);
  if (depth === 1 && SKIP_CONTENTS.has(base)) return;
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  for (const e of entries) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (depth === 0 && SKIP_FILES.has(e.name)) continue;
    if (e.name.startsWith("pgsql_tmp")) continue;
    if (e.isDirectory()) {
      await copyDataDir(src, dst, user, depth + 1);
      continue;
    }
    try {
      await copyFile(src, dst);
      if (user) await chown(dst, user.uid, user.gid);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
}

function withPort(url: string, port: number, database?: string): string {
  const u = new URL(url);
  u.port = String(port);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export async function startEmbeddedReplica(primary: RunningPostgres, options: ReplicaOptions): Promise<RunningReplica> {
  const onLog = options.onLog ?? (() => undefined);
  const slot = `faultline_standby_${options.port}`;
  const role = "faultline_replication";
  const rolePassword = randomBytes(18).toString("hex");
  const dataDir = `${primary.dataDir}-standby-${options.port}`;
  await rm(dataDir, { recursive: true, force: true });

  const admin = new pg.Client({ connectionString: primary.urlFor("postgres") });
  await admin.connect();
  try {
    // A role that may only replicate; the password is generated hex, so inlining it into DDL (which takes no bind
    // parameters) cannot inject anything.
    const exists = (await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
    await admin.query(`${exists ? "ALTER" : "CREATE"} ROLE ${role} WITH REPLICATION LOGIN PASSWORD '${rolePassword}'`);
    // initdb's pg_hba.conf allows replication connections from 127.0.0.1; add the line where it was removed.
    const hba = (await admin.query<{ file: string }>("SHOW hba_file")).rows[0]!.file;
    const rules = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND type = 'host' AND address = '127.0.0.1' AND error IS NULL",
    );
    if (rules.rows[0]!.n === 0) {
      await appendFile(hba, `\nhost replication ${role} 127.0.0.1/32 scram-sha-256\n`);
      await admin.query("SELECT pg_reload_conf()");
    }
    await admin.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);

    // The low-level base backup: this session must stay open from start to stop.
    await admin.query("SELECT pg_backup_start($1, true)", [`faultline standby ${options.port}`]);
    try {
      await copyDataDir(primary.dataDir, dataDir, primary.runAs);
    } finally {
      const stop = await admin.query<{ labelfile: string; spcmapfile: string | null }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)");
      const { labelfile, spcmapfile } = stop.rows[0]!;
      await writeFile(path.join(dataDir, "backup_label"), labelfile);
      if (spcmapfile) await writeFile(path.join(dataDir, "tablespace_map"), spcmapfile);
    }
  } finally {
    await admin.end();
  }

  await writeFile(path.join(dataDir, "standby.signal"), "");
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${role} password=${rolePassword} application_name=standby_${options.port}`;
  await appendFile(
    path.join(dataDir, "postgresql.auto.conf"),
    `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\nhot_standby_feedback = on\n`,
  );
  if (primary.runAs) {
    for (const f of ["backup_label", "tablespace_map", "standby.signal", "postgresql.auto.conf"]) {
      await chown(path.join(dataDir, f), primary.runAs.uid, primary.runAs.gid).catch(() => undefined);
    }
  }

  const url = withPort(primary.url, options.port, options.database);
  const start = () =>
    runPostmaster({ postgres: primary.postgresBinary, dataDir, port: options.port, user: primary.runAs, onLog, readyUrl: withPort(primary.urlFor("postgres"), options.port) });
  let postmaster: { stop(): Promise<void> } | null = await start();

  return {
    url,
    port: options.port,
    dataDir,
    async stop() {
      await postmaster?.stop();
      postmaster = null;
    },
    async start() {
      if (!postmaster) postmaster = await start();
    },
    async remove() {
      await postmaster?.stop();
      postmaster = null;
      const c = new pg.Client({ connectionString: primary.urlFor("postgres") });
      await c
        .connect()
        .then(() => c.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot]))
        .catch(() => undefined)
        .finally(() => c.end().catch(() => undefined));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the standby has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 15_000): Promise<void> {
  const p = new pg.Client({ connectionString: primaryUrl });
  const r = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([p.connect(), r.connect()]);
  try {
    // The insert position covers asynchronously committed transactions whose WAL is not written out yet.
    const target = (await p.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = (await r.query<{ ok: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [target])).rows[0]!.ok;
      if (done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${target} within ${timeoutMs / 1000} s`);
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    await Promise.all([p.end(), r.end()]);
  }
}

