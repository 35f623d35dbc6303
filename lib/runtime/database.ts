// Gives the app a migrated PostgreSQL: the one in DATABASE_URL, or an embedded one kept under the data folder.
import "server-only";
import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Connects once to turn the driver's error into a cause and a fix an operator can act on. */
export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const where = redact(url);
    const reasons: Record<string, [string, string]> = {
      ECONNREFUSED: [`nothing is listening at ${where}`, "start that PostgreSQL server or correct DATABASE_URL (unset it to use the embedded database)"],
      ENOTFOUND: [`the host in DATABASE_URL (${where}) does not resolve`, "correct the host name in DATABASE_URL"],
      EAI_AGAIN: [`the host in DATABASE_URL (${where}) does not resolve`, "correct the host name in DATABASE_URL"],
      ETIMEDOUT: [`PostgreSQL at ${where} did not answer within 5 s`, "check the host, port and firewall"],
      "28P01": [`PostgreSQL at ${where} rejected the user name or password`, "correct the credentials in DATABASE_URL"],
      "28000": [`PostgreSQL at ${where} does not allow this user to connect`, "check pg_hba.conf and the user in DATABASE_URL"],
      "3D000": [`the database named in DATABASE_URL (${where}) does not exist`, "create it (createdb) or name an existing one"],
    };
    const known = e.code ? reasons[e.code] : undefined;
    if (known) throw new StartupError(known[0], known[1]);
    if (/timeout/i.test(e.message)) throw new StartupError(`PostgreSQL at ${where} did not answer within 5 s`, "check the host, port and firewall");
    throw new StartupError(`cannot connect to PostgreSQL at ${where}: ${e.message}`, "check DATABASE_URL");
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareDatabase(
  env: Env,
  log: (line: string) => void,
  options: { attachIfRunning?: boolean } = {},
): Promise<ReadyDatabase> {
  let url: string;
  let stop = async () => undefined as void;
  const embedded = !env.DATABASE_URL;
  if (env.DATABASE_URL) {
    url = env.DATABASE_URL;
    await checkConnection(url);
    log(`database: ${redact(url)}`);
  } else {
    const dataDir = path.resolve(env.FAULTLINE_DATA_DIR, "pgdata");
    const started = Date.now();
    const server = await startEmbeddedPostgres({
      dataDir,
      port: env.FAULTLINE_PG_PORT,
      database: "faultline",
      attachIfRunning: options.attachIfRunning,
      onLog: () => undefined,
    });
    url = server.url;
    stop = server.stop;
    log(`database: embedded PostgreSQL 18 on 127.0.0.1:${new URL(server.url).port}, data in ${server.dataDir} (${Date.now() - started} ms)`);
  }
  try {
    const appliedMigrations = await applyMigrations(url);
    if (appliedMigrations.length) log(`migrations applied: ${appliedMigrations.join(", ")}`);
    return { url, embedded, appliedMigrations, stop };
  } catch (err) {
    await stop();
    throw new StartupError(
      `applying migrations failed: ${(err as Error).message.split("\n")[0]}`,
      "the database was left as the last successful migration left it; fix the cause and start again",
    );
  }
}
