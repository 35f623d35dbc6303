// The transactions of the app, one module for both drivers: `writeTransaction` for row-level writes through Prisma
// (users, events, themes, the seed…), `withTransaction` for set-based work on one node-postgres connection (COPY of
// price bars). Interactive transactions for user writes. A burst of writers (an import, a thread filling up, many analysts at
// once) queues here, in order, for one of a few transaction slots — not in the connection pool, whose 5 s connect
// timeout would fail the writes at the back of a long queue — and leaves pool connections free for page reads.
import PQueue from "p-queue";
import type pg from "pg";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pool";
import type { Prisma } from "@/lib/db/generated/client";

const SLOTS = Math.max(1, Number(process.env.FAULTLINE_DB_POOL ?? 10) - 3);

const globalForQueue = globalThis as unknown as { faultlineWriteQueue?: PQueue };

function queue(): PQueue {
  globalForQueue.faultlineWriteQueue ??= new PQueue({ concurrency: SLOTS });
  return globalForQueue.faultlineWriteQueue;
}

export async function writeTransaction<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return queue().add(() => db().$transaction(fn, { maxWait: 10_000, timeout: 30_000 }), { throwOnTimeout: true });
}

/** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
