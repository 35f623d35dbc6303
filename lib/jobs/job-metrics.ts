// What the admins' Jobs page shows: pg-boss's own tables read directly (pg-boss has no API for counts by state over
// a period) and each asset's refresh status. Read-only, and answers even before the queue is installed.
import { db } from "@/lib/db/client";
import { barCoverage } from "@/lib/prices/bars";

export interface QueueMetrics {
  name: string;
  states: Record<string, number>;
  /** Median run time of the jobs completed in the period, in seconds. */
  medianSeconds: number | null;
  lastCompletedAt: Date | null;
  lastFailure: { at: Date; message: string } | null;
}

export interface AssetRefreshStatus {
  symbol: string;
  source: string;
  refreshedAt: Date | null;
  refreshError: string | null;
  refreshErrorAt: Date | null;
  latestBar: string | null;
}

export interface JobMetrics {
  installed: boolean;
  sinceHours: number;
  queues: QueueMetrics[];
  assets: AssetRefreshStatus[];
}

export async function jobMetrics(sinceHours = 24): Promise<JobMetrics> {
  const assets = await db().asset.findMany({
    select: { id: true, symbol: true, source: true, refreshedAt: true, refreshError: true, refreshErrorAt: true },
    orderBy: { symbol: "asc" },
  });
  const coverage = await barCoverage(assets.map((a) => a.id));
  const assetStatus = assets.map((a) => ({
    symbol: a.symbol, source: a.source, refreshedAt: a.refreshedAt, refreshError: a.refreshError, refreshErrorAt: a.refreshErrorAt,
    latestBar: coverage.get(a.id)?.lastDate ?? null,
  }));
  const [probe] = await db().$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`;
  if (!probe?.installed) return { installed: false, sinceHours, queues: [], assets: assetStatus };

  const since = new Date(Date.now() - sinceHours * 3_600_000);
  const rows = await db().$queryRaw<{ name: string; state: string; n: number; median: number | null; last_completed: Date | null }[]>`
    SELECT name, state::text AS state, count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on)) FILTER (WHERE state = 'completed') AS median,
           max(completed_on) FILTER (WHERE state = 'completed') AS last_completed
    FROM pgboss.job WHERE created_on >= ${since} GROUP BY name, state ORDER BY name, state`;
  const failures = await db().$queryRaw<{ name: string; at: Date; output: unknown }[]>`
    SELECT DISTINCT ON (name) name, completed_on AS at, output FROM pgboss.job
    WHERE state = 'failed' AND created_on >= ${since} ORDER BY name, completed_on DESC`;
  const queues = new Map<string, QueueMetrics>();
  for (const r of rows) {
    const q = queues.get(r.name) ?? { name: r.name, states: {}, medianSeconds: null, lastCompletedAt: null, lastFailure: null };
    q.states[r.state] = r.n;
    if (r.state === "completed") {
      q.medianSeconds = r.median;
      q.lastCompletedAt = r.last_completed;
    }
    queues.set(r.name, q);
  }
  for (const f of failures) {
    const q = queues.get(f.name);
    if (q) q.lastFailure = { at: f.at, message: failureMessage(f.output) };
  }
  return { installed: true, sinceHours, queues: [...queues.values()], assets: assetStatus };
}

/** pg-boss stores a failed job's error as JSON ({ message, stack }): show the message only, never the stack. */
function failureMessage(output: unknown): string {
  const message = (output as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message.split("\n")[0]!.slice(0, 300) : "failed";
}
