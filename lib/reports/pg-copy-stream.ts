// A report PostgreSQL writes itself: `COPY (query) TO STDOUT CSV` on one pooled connection, handed to the HTTP response
// as a web ReadableStream. Bytes move only when the client reads (pg-copy-streams pauses the socket otherwise), and a
// client that goes away cancels the query on the server instead of leaving it to run to the end.
import "server-only";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { databaseUrl } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { crlfRecords } from "./crlf";
import { UTF8_BOM } from "./csv-stream";

/** Merged into one chunk before it is handed on: PostgreSQL sends one message per row, a response wants kilobytes. */
const CHUNK_BYTES = 64 * 1024;

export interface CopyStreamOptions {
  bom?: boolean;
  /** Called once the query has ended, however it ended (done, failed or cancelled). */
  onEnd?: (outcome: "done" | "failed" | "cancelled") => void;
}

/**
 * Streams `COPY (<select>) TO STDOUT (FORMAT csv, HEADER true)`. PostgreSQL's CSV writer quotes fields (RFC 4180 rules);
 * its LF record ends are turned into CRLF outside quoted fields so every Faultline report ends records the same way.
 * `select` must be built from validated values only: COPY takes no bind parameters.
 */
export async function copyCsvStream(select: string, options: CopyStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  // Connected before the response starts, so "database down" is still an HTTP error rather than a truncated file.
  let client: pg.PoolClient | undefined = await pgPool().connect();
  let copy: ReturnType<typeof copyTo>;
  try {
    // One read-only snapshot; ISO dates and shortest-exact floats whatever the server's defaults; and PostgreSQL checks
    // the socket while it computes, so a vanished client (or a crashed server process) stops the query between rows.
    await client.query(
      "BEGIN READ ONLY; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL extra_float_digits = 1; SET LOCAL TimeZone = 'UTC'; SET LOCAL client_connection_check_interval = '2s'",
    );
    copy = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
  } catch (err) {
    client.release(err instanceof Error ? err : true);
    throw err;
  }
  const iterator = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const toCrlf = crlfRecords();
  let ended = false;
  let cancelled = false;

  const finish = async (outcome: "done" | "failed" | "cancelled", err?: unknown) => {
    if (ended) return;
    ended = true;
    const c = client;
    client = undefined;
    if (c) {
      if (outcome === "done") {
        await c.query("COMMIT").catch(() => undefined);
        c.release();
      } else {
        // After an interrupted COPY the connection's protocol state is not worth trusting: drop it from the pool.
        c.release(err instanceof Error ? err : new Error(`report ${outcome}`));
      }
    }
    options.onEnd?.(outcome);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (options.bom) controller.enqueue(UTF8_BOM);
      },
      async pull(controller) {
        try {
          const parts: Buffer[] = [];
          let size = 0;
          while (size < CHUNK_BYTES) {
            const next = await iterator.next();
            if (next.done) {
              if (size > 0) controller.enqueue(toCrlf(Buffer.concat(parts, size)));
              controller.close();
              await finish("done");
              return;
            }
            parts.push(next.value);
            size += next.value.length;
          }
          controller.enqueue(toCrlf(Buffer.concat(parts, size)));
        } catch (err) {
          if (cancelled) return;
          logger().warn({ err }, "report query failed");
          await finish("failed", err);
          controller.error(err);
        }
      },
      async cancel() {
        cancelled = true;
        await cancelQuery(client);
        await finish("cancelled");
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Cancels the running COPY with pg_cancel_backend from a connection of its own: the download's connection is busy
 * streaming, and a pooled one may not be free (every pool slot could be a download). pg's Client#cancel would do the
 * same through the protocol but reads a deprecated field; the backend pid is all this needs.
 */
async function cancelQuery(client: pg.PoolClient | undefined): Promise<void> {
  // `processID` is set by node-postgres at connection start and missing from @types/pg.
  const pid = (client as unknown as { processID?: number } | undefined)?.processID;
  if (!pid) return;
  const canceller = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5_000 });
  try {
    await canceller.connect();
    await canceller.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch (err) {
    // The client-connection check (client_connection_check_interval) still ends the query once the socket is gone.
    logger().warn({ err }, "could not cancel a report query");
  } finally {
    await canceller.end().catch(() => undefined);
  }
}
