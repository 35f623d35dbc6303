// The one place that decides which PostgreSQL server answers a read. With DATABASE_READ_URL set, dashboards, studies,
// list reads of the API and CSV reports (the callers of `readDb()` / `readConnection()`) go to a streaming replica,
// chosen round-robin among the healthy ones; everything else — writes, sessions, the login throttle, the job queue,
// single-record reads behind forms — uses `db()` / `pgPool()` and stays on the primary.
//
// A replica is used for a read only when all of these hold, otherwise the read goes to the primary:
// - its last health check (every second) answered and found a server in recovery;
// - its replay lag is at most DATABASE_READ_MAX_LAG_SECONDS. The lag is an upper bound: the time since the newest
//   primary WAL position the replica has replayed was sampled on the primary. `now() - pg_last_xact_replay_timestamp()`
//   alone is wrong on an idle primary (no commits → the timestamp ages although nothing is missing), so positions
//   are compared first and the timestamp only bounds the figure from above;
// - the caller has not written since the replica last caught up (read-your-writes): every write notes its time
//   in a cookie (browsers, API clients that keep cookies) and, outside a request, for the process. A replica serves
//   that caller again once it has replayed past a primary position sampled after the write — in practice one or
//   two health checks later, or never while replay is paused.
// A read that fails on a replica is run again on the primary within the same request, and the replica is taken out
// until a health check finds it answering again (lib/db/replica-health.ts keeps the replicas' state).
import "server-only";
import type pg from "pg";
import { cache } from "react";
import { config } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { pgPool } from "@/lib/db/pool";
import { ReadRouter, type Log, type Replica } from "@/lib/db/replica-health";
import { logger } from "@/lib/logger";
import { callerWroteAt } from "@/lib/db/write-notes";

export { formatLag, type ReplicaState, type ReplicaStatus } from "@/lib/db/replica-health";
import type { ReplicaStatus } from "@/lib/db/replica-health";

const READ_OPERATIONS = new Set(["findFirst", "findFirstOrThrow", "findMany", "findUnique", "findUniqueOrThrow", "groupBy", "aggregate", "count", "$queryRaw"]);

/** Where the reads of the current request went, for the note beside "data as of". */
export type ReadSource =
  | { server: "primary"; configured: false }
  | { server: "replica"; configured: true; name: string; lagSeconds: number }
  | { server: "primary"; configured: true; reason: "own-write" | "lagging" | "down" | "starting"; lagSeconds: number | null };

const globalForRouter = globalThis as unknown as { faultlineReadRouter?: ReadRouter; faultlineReadRouterKey?: string; faultlineReadDb?: PrismaClient; faultlineRouterLog?: Log; faultlinePrimaryOnly?: boolean };

function defaultLog(line: string): void {
  logger().warn(line);
}

/** Where replica state changes are logged (the server log by default). */
export function setReadRoutingLog(log: Log): void {
  globalForRouter.faultlineRouterLog = log;
}

function replicaUrls(): string[] {
  return config().DATABASE_READ_URL ?? [];
}

/**
 * Sends every read of this process to the primary, whatever DATABASE_READ_URL says. For the background worker: a job
 * reacts to writes made elsewhere (a verdict scored after an import in the web server), which a replica may not have
 * replayed yet and this process's read-your-writes notes do not know of; and the web server alone checks and reports
 * the replicas' health.
 */
export function readFromPrimaryOnly(): void {
  globalForRouter.faultlinePrimaryOnly = true;
}

/** The router for the configured replicas, or null without DATABASE_READ_URL. Rebuilt when the variables change. */
function router(): ReadRouter | null {
  if (globalForRouter.faultlinePrimaryOnly) return null;
  const urls = replicaUrls();
  const maxLag = config().DATABASE_READ_MAX_LAG_SECONDS;
  const key = `${urls.join(",")}|${maxLag}`;
  if (globalForRouter.faultlineReadRouterKey !== key) {
    void globalForRouter.faultlineReadRouter?.close();
    globalForRouter.faultlineReadRouter = urls.length
      ? new ReadRouter(urls, maxLag, (line) => (globalForRouter.faultlineRouterLog ?? defaultLog)(line))
      : undefined;
    globalForRouter.faultlineReadRouterKey = key;
  }
  return globalForRouter.faultlineReadRouter ?? null;
}

type Choice = ReturnType<ReadRouter["choose"]>;

/** One choice per request (React's per-request cache during rendering), so a page reads one consistent server. */
const choiceForRequest = cache(async (): Promise<Choice | null> => {
  const r = router();
  return r ? r.choose(await callerWroteAt()) : null;
});

function clientFor(replica: Replica, model: string | undefined): Record<string, (args: unknown) => Promise<unknown>> {
  const client = replica.prisma() as unknown as Record<string, unknown>;
  // Prisma names a model's delegate after the model with a lower-case first letter (Asset → asset).
  return (model ? client[model[0]!.toLowerCase() + model.slice(1)] : client) as Record<string, (args: unknown) => Promise<unknown>>;
}

function createReadClient(): PrismaClient {
  const extended = db().$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const choice = READ_OPERATIONS.has(operation) ? await choiceForRequest() : null;
        if (!choice?.replica) return query(args);
        const replica = choice.replica;
        try {
          const target = clientFor(replica, model)[operation]!;
          // $queryRaw's arguments reach extensions as the prepared Sql object, which the replica's $queryRaw takes.
          return await target.call(model ? clientFor(replica, model) : replica.prisma(), args);
        } catch (err) {
          if (isQueryError(err)) throw err;
          router()?.markDown(replica, err);
          return query(args);
        }
      },
    },
  });
  // The extension adds no methods: the routed client has the same surface as the primary's.
  return extended as unknown as PrismaClient;
}

/** Errors the query itself caused (bad input, no row found): the primary would give the same answer. */
function isQueryError(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === "PrismaClientKnownRequestError" && (e.code === "P2025" || e.code === "P2002" || e.code === "P2003");
}

/**
 * The Prisma client for replica-eligible reads (dashboards, studies, reports, API lists). Reads go where the
 * router says; anything else called on it runs on the primary.
 */
export function readDb(): PrismaClient {
  const primary = db();
  if (!router()) return primary;
  if (!globalForRouter.faultlineReadDb || (globalForRouter.faultlineReadDb as unknown as { __primary?: PrismaClient }).__primary !== primary) {
    const client = createReadClient();
    Object.defineProperty(client, "__primary", { value: primary });
    globalForRouter.faultlineReadDb = client;
  }
  return globalForRouter.faultlineReadDb;
}

/**
 * A pooled node-postgres connection for a replica-eligible read (COPY reports, set-based queries). A replica that
 * refuses the connection is taken out and the primary's pool answers instead.
 */
export async function readConnection(): Promise<pg.PoolClient> {
  const choice = await choiceForRequest();
  if (choice?.replica) {
    try {
      return await choice.replica.pool.connect();
    } catch (err) {
      router()?.markDown(choice.replica, err);
    }
  }
  return pgPool().connect();
}

/** Runs one read query on the routed server (falling back to the primary when the replica fails). */
export async function readQuery<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  const choice = await choiceForRequest();
  if (choice?.replica) {
    try {
      return await choice.replica.pool.query<R>(text, values);
    } catch (err) {
      const code = (err as { code?: string }).code;
      // SQL errors (a bad cast, a syntax error) would fail on the primary too; anything else is the replica's fault.
      if (code && /^(22|23|42)/.test(code)) throw err;
      router()?.markDown(choice.replica, err);
    }
  }
  return pgPool().query<R>(text, values);
}

/** Where this request's reads go, for the note beside "data as of". */
export async function readSource(): Promise<ReadSource> {
  const choice = await choiceForRequest();
  if (!choice) return { server: "primary", configured: false };
  if (choice.replica) return { server: "replica", configured: true, name: choice.replica.name, lagSeconds: choice.lag };
  return { server: "primary", configured: true, reason: choice.reason, lagSeconds: choice.lag };
}

/** Each replica's state for /api/ready (empty without DATABASE_READ_URL). */
export async function replicaStatuses(options: { fresh?: boolean } = {}): Promise<ReplicaStatus[]> {
  const r = router();
  if (!r) return [];
  if (options.fresh) await r.check();
  return r.statuses();
}

/** Runs a health round now (tests, readiness) instead of waiting for the next one. */
export async function checkReplicasNow(): Promise<void> {
  await router()?.check();
}

export async function closeReadRouting(): Promise<void> {
  await globalForRouter.faultlineReadRouter?.close();
  globalForRouter.faultlineReadRouter = undefined;
  globalForRouter.faultlineReadRouterKey = undefined;
  globalForRouter.faultlineReadDb = undefined;
}
