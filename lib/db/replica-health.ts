// Replica health for the read router (lib/db/read-routing.ts): every second, the primary's WAL insert position and
// each replica's replay position, from which each replica's state (healthy, lagging, down) and lag bound follow, and
// the choice of a replica for a caller who may just have written. Each change of a replica's state is logged once.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config/env";
import { PrismaClient } from "@/lib/db/generated/client";
import { pgPool } from "@/lib/db/pool";

const HEALTH_INTERVAL_MS = 1_000;
const CHECK_TIMEOUT_MS = 2_000;

export type ReplicaState = "starting" | "healthy" | "lagging" | "down";

export interface ReplicaStatus {
  /** host:port/database, without credentials. */
  name: string;
  state: ReplicaState;
  /** Upper bound of the replay lag in seconds; null when unknown (down, or not checked yet). */
  lagSeconds: number | null;
  detail: string;
}

export type Log = (line: string) => void;

interface PrimarySample {
  at: number;
  lsn: bigint;
}

export class Replica {
  readonly name: string;
  readonly pool: pg.Pool;
  private prismaClient: PrismaClient | undefined;
  state: ReplicaState = "starting";
  detail = "not checked yet";
  /** Replay position and when it was read. */
  replayLsn: bigint | null = null;
  /** Latest time at which the replica held everything the primary had written (primary clock, this process). */
  caughtUpAt: number | null = null;
  /** Upper bound of the lag from the replay timestamp, as of `checkedAt`. */
  replayAge: number | null = null;
  checkedAt = 0;

  constructor(readonly url: string) {
    this.name = describe(url);
    this.pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: CHECK_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    // An idle connection dropped by a replica restart must not crash the process; the next check notices.
    this.pool.on("error", () => undefined);
  }

  prisma(): PrismaClient {
    this.prismaClient ??= new PrismaClient({
      adapter: new PrismaPg({ connectionString: this.url, max: config().FAULTLINE_DB_POOL, connectionTimeoutMillis: CHECK_TIMEOUT_MS, idleTimeoutMillis: 30_000 }),
    });
    return this.prismaClient;
  }

  /** Lag upper bound in seconds at `now`; null while down or not checked yet. */
  lag(now: number): number | null {
    return this.state === "down" || this.state === "starting" ? null : this.measuredLag(now);
  }

  /** The lag bound from the latest measurements, whatever the state. */
  measuredLag(now: number): number | null {
    const bounds: number[] = [];
    if (this.caughtUpAt !== null) bounds.push((now - this.caughtUpAt) / 1000);
    if (this.replayAge !== null) bounds.push(this.replayAge + (now - this.checkedAt) / 1000);
    return bounds.length ? Math.max(0, Math.min(...bounds)) : null;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end().catch(() => undefined), this.prismaClient?.$disconnect()]);
  }
}

/** host:port/database of a connection string, never its password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

function parseLsn(text: string | null): bigint | null {
  if (!text) return null;
  const [hi, lo] = text.split("/");
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

export class ReadRouter {
  readonly replicas: Replica[];
  private next = 0;
  private history: PrimarySample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    urls: string[],
    readonly maxLagSeconds: number,
    private readonly log: Log,
  ) {
    this.replicas = urls.map((u) => new Replica(u));
    void this.check();
    this.timer = setInterval(() => void this.check(), HEALTH_INTERVAL_MS);
    this.timer.unref();
  }

  /** One health round: the primary's WAL position, then each replica's replay position. */
  check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    const sampledAt = Date.now();
    try {
      // The insert position, not pg_current_wal_lsn() (the write position): with synchronous_commit off a commit
      // returns before its WAL is written out, and a replica that has replayed up to the write position can still
      // lack a write its caller has seen committed.
      const { rows } = await withTimeout(pgPool().query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn"), CHECK_TIMEOUT_MS, "the primary");
      this.history.push({ at: sampledAt, lsn: parseLsn(rows[0]!.lsn)! });
      // Enough history to measure lags a little past the limit; beyond that only "too far behind" matters.
      const keepFrom = sampledAt - (this.maxLagSeconds * 2 + 10) * 1000;
      while (this.history.length > 2 && this.history[0]!.at < keepFrom) this.history.shift();
    } catch {
      // Primary unreachable: nothing to compare against this round; replicas keep their last measurements.
    }
    await Promise.all(this.replicas.map((r) => this.checkReplica(r)));
  }

  private async checkReplica(r: Replica): Promise<void> {
    try {
      const { rows } = await withTimeout(
        r.pool.query<{ recovery: boolean; replay: string | null; age: number | null }>(
          "SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replay, extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS age",
        ),
        CHECK_TIMEOUT_MS,
        "the replica",
      );
      const row = rows[0]!;
      if (!row.recovery) {
        // A promoted standby has its own timeline: reading from it could show data the primary does not have.
        this.transition(r, "down", "is not in recovery (promoted, or not a standby): not used for reads");
        return;
      }
      r.checkedAt = Date.now();
      r.replayLsn = parseLsn(row.replay);
      r.replayAge = row.age;
      const replay = r.replayLsn;
      if (replay !== null) {
        for (let i = this.history.length - 1; i >= 0; i--) {
          const s = this.history[i]!;
          if (s.lsn <= replay) {
            if (r.caughtUpAt === null || s.at > r.caughtUpAt) r.caughtUpAt = s.at;
            break;
          }
        }
      }
      const lag = r.measuredLag(r.checkedAt) ?? Infinity;
      if (lag > this.maxLagSeconds) this.transition(r, "lagging", `${formatLag(lag)} behind the primary (limit ${this.maxLagSeconds} s)`);
      else this.transition(r, "healthy", `${formatLag(lag)} behind the primary`);
    } catch (err) {
      this.markDown(r, err);
    }
  }

  markDown(r: Replica, err: unknown): void {
    this.transition(r, "down", `does not answer (${(err as Error).message.split("\n")[0]})`);
  }

  private transition(r: Replica, state: ReplicaState, detail: string): void {
    const before = r.state;
    r.state = state;
    r.detail = detail;
    if (state === "down") {
      r.replayLsn = null;
      r.replayAge = null;
    }
    if (before === state || (before === "starting" && state === "healthy")) return;
    const consequence = state === "healthy" ? "serving reads again" : "reads go to the primary";
    this.log(`read replica ${r.name} ${state === "healthy" ? "is healthy" : state === "lagging" ? "is lagging" : "is down"}: ${detail}; ${consequence}`);
  }

  /** A replica for a caller whose latest write was at `wroteAt` (0: none), or why the primary serves instead. */
  choose(wroteAt: number): { replica: Replica; lag: number } | { replica: null; reason: "own-write" | "lagging" | "down" | "starting"; lag: number | null } {
    const now = Date.now();
    let reason: "own-write" | "lagging" | "down" | "starting" = "down";
    let bestLag: number | null = null;
    for (let k = 0; k < this.replicas.length; k++) {
      const r = this.replicas[(this.next + k) % this.replicas.length]!;
      if (r.state === "starting") {
        if (reason === "down") reason = "starting";
        continue;
      }
      if (r.state === "down") continue;
      const lag = r.lag(now);
      if (lag !== null) bestLag = bestLag === null ? lag : Math.min(bestLag, lag);
      if (lag === null || lag > this.maxLagSeconds) {
        reason = "lagging";
        continue;
      }
      if (wroteAt > 0 && (r.caughtUpAt === null || r.caughtUpAt <= wroteAt)) {
        reason = "own-write";
        continue;
      }
      this.next = (this.next + k + 1) % this.replicas.length;
      return { replica: r, lag };
    }
    return { replica: null, reason, lag: bestLag };
  }

  statuses(): ReplicaStatus[] {
    const now = Date.now();
    return this.replicas.map((r) => ({ name: r.name, state: r.state, lagSeconds: r.lag(now), detail: r.detail }));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all(this.replicas.map((r) => r.close()));
  }
}

export function formatLag(seconds: number): string {
  if (!Number.isFinite(seconds)) return "an unknown time";
  return seconds < 1 ? "under 1 s" : `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
}
