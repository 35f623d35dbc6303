// Side A of the scenario cross-check: both stress scenarios run by Faultline's analytics on the generated prices,
// on the calendar every series traded. KOSPI is held in a base currency through the KRW series (base = KOSPI / KRW).

import {
  analogueScenario,
  betaToBenchmark,
  propagateShocks,
  shocksFromAnalogueMedians,
  unconditionalWindowReturns,
  type AnalogueReturns,
  type CovarianceMethod,
  type SessionWindow,
} from "@/lib/analytics";
import { lowerBound } from "@/lib/analytics/sorted-dates";

export const SCENARIO_POSITIONS = ["KOSPI", "SPX", "FTSE", "NIKKEI", "GOLD"];
export const SCENARIO_VALUES = [1000, 2000, -500, 1500, 800];
/** The proxied cell: this position is treated as having no data for this event. */
export const PROXIED = { event: "E2", position: "NIKKEI" };
export const SHOCK_COLUMNS = ["BENCH", "KOSPI", "KRW", "SPX", "FTSE", "NIKKEI", "GOLD"];

type Prices = Map<string, { dates: string[]; values: number[] }>;
const arr = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
const n = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

function grid(prices: Prices): { dates: string[]; at: (symbol: string) => Float64Array } {
  const all = [...prices.values()];
  let dates = all[0]!.dates;
  for (const s of all.slice(1)) {
    const have = new Set(s.dates);
    dates = dates.filter((d) => have.has(d));
  }
  const at = (symbol: string) => {
    const s = prices.get(symbol)!;
    const index = new Map(s.dates.map((d, i) => [d, i]));
    return Float64Array.from(dates, (d) => s.values[index.get(d)!]!);
  };
  return { dates, at };
}

export function scenarioCrosscheck(prices: Prices, events: { id: string; occurredAt: string }[]): Record<string, unknown> {
  const g = grid(prices);
  const krw = g.at("KRW");
  const base = SCENARIO_POSITIONS.map((s) => (s === "KOSPI" ? g.at(s).map((v, i) => v / krw[i]!) : g.at(s)));
  const bench = g.at("BENCH");
  const net = SCENARIO_VALUES.reduce((a, b) => a + b, 0);
  const weights = SCENARIO_VALUES.map((v) => v / net);
  const out: Record<string, unknown> = {};
  for (const window of [[0, 5], [-1, 1]] as SessionWindow[]) {
    const [a, b] = window;
    const analogues: AnalogueReturns[] = [];
    const starts: number[] = [];
    for (const e of events) {
      const d0 = lowerBound(g.dates, e.occurredAt.slice(0, 10));
      if (d0 + a - 1 < 0 || d0 + b >= g.dates.length) continue;
      const returns = base.map((p) => p[d0 + b]! / p[d0 + a - 1]! - 1);
      const proxied = SCENARIO_POSITIONS.map(() => false);
      if (e.id === PROXIED.event) {
        const k = SCENARIO_POSITIONS.indexOf(PROXIED.position);
        const p = base[k]!;
        const lo = Math.max(1, d0 - 250);
        const hi = d0 - 11;
        const ra = Float64Array.from({ length: hi - lo + 1 }, (_, t) => p[lo + t]! / p[lo + t - 1]! - 1);
        const rb = Float64Array.from({ length: hi - lo + 1 }, (_, t) => bench[lo + t]! / bench[lo + t - 1]! - 1);
        returns[k] = betaToBenchmark(ra, rb) * (bench[d0 + b]! / bench[d0 + a - 1]! - 1);
        proxied[k] = true;
      }
      analogues.push({ key: e.id, returns, proxied });
      starts.push(d0);
    }
    const unconditional = unconditionalWindowReturns(base, weights, window);
    const r = analogueScenario({
      positionValues: SCENARIO_VALUES,
      analogues,
      window,
      unconditional: { returns: unconditional, analogueStarts: starts },
      bootstrap: { draws: 500, seed: 7, confidence: 0.9 },
      placebo: { draws: 300, seed: 9 },
    });
    const stats = (s: typeof r.distribution) => ({ n: s.n, mean: s.mean, median: s.median, worst: s.worst, best: s.best, quantile: s.quantile, es: s.expectedShortfall });
    out[`${a},${b}`] = {
      analogues: r.analogues.map((x) => ({ key: x.key, return: x.return, pnl: x.pnl, top: x.topContributors.map((c) => c.position), topPnl: x.topContributors.map((c) => c.pnl), proxied: x.proxiedPositions })),
      proxiedReturn: analogues.find((x) => x.key === PROXIED.event)?.returns[SCENARIO_POSITIONS.indexOf(PROXIED.position)] ?? null,
      positions: r.positions.map((p) => ({ position: p.position, meanPnl: p.meanPnl, medianReturn: p.medianReturn })),
      distribution: stats(r.distribution),
      bootstrap: { mean: r.bootstrap.mean, es: r.bootstrap.expectedShortfall },
      unconditional: stats(r.unconditional!),
      tailRatio: n(r.tailRatio),
      placebo: { p: r.placebo!.pValue, eligible: r.placebo!.eligible },
      medianShocks: shocksFromAnalogueMedians(analogues.map((x) => x.returns), SCENARIO_POSITIONS.length, { count: 3 }),
    };
  }
  const cols = SHOCK_COLUMNS.map((s) => {
    const p = g.at(s);
    const r = Float64Array.from({ length: p.length - 1 }, (_, t) => p[t + 1]! / p[t]! - 1);
    return r.subarray(r.length - 252);
  });
  const values = SHOCK_COLUMNS.map((s) => {
    const i = SCENARIO_POSITIONS.indexOf(s);
    return i >= 0 ? SCENARIO_VALUES[i]! : 0;
  });
  for (const method of ["sample", "ewma"] as CovarianceMethod[]) {
    const r = propagateShocks({ columns: cols, names: SHOCK_COLUMNS, shocked: [0, 2], shocks: [-0.05, 0.03], values, method, horizon: 5, fullCovariance: true });
    out[`shocks|${method}`] = {
      expected: arr(r.expected),
      conditionalSd: arr(r.conditionalSd),
      portfolioExpected: r.portfolioExpected,
      portfolioSd: r.portfolioConditionalSd,
      condition: r.condition,
      conditionalCovariance: arr(r.conditionalCovariance!),
    };
  }
  return out;
}
