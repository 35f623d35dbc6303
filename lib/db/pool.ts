// A plain node-postgres pool beside the Prisma client, for the paths Prisma cannot express fast: COPY for bulk
// price writes, JSON built by PostgreSQL, and the per-request session lookup. Same DATABASE_URL, same size as the
// Prisma pool (FAULTLINE_DB_POOL), same process-wide lifetime.
import "server-only";
import pg from "pg";
import { config } from "@/lib/config/env";
import { databaseUrl } from "@/lib/db/client";

const globalForPool = globalThis as unknown as { faultlinePool?: pg.Pool; faultlinePoolUrl?: string };

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (!globalForPool.faultlinePool || globalForPool.faultlinePoolUrl !== url) {
    void globalForPool.faultlinePool?.end();
    globalForPool.faultlinePool = new pg.Pool({ connectionString: url, max: config().FAULTLINE_DB_POOL, connectionTimeoutMillis: 5_000 });
    // An idle client losing its connection (database restart) must not crash the process.
    globalForPool.faultlinePool.on("error", () => undefined);
    globalForPool.faultlinePoolUrl = url;
  }
  return globalForPool.faultlinePool;
}

export async function endPgPool(): Promise<void> {
  await globalForPool.faultlinePool?.end();
  globalForPool.faultlinePool = undefined;
}
