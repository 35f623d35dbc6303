// Scenario 2, shocks propagated through a conditional covariance: the analyst states moves for a few assets, every other
// asset gets its expected move given those, E[r_o | r_s] = Σ_os Σ_ss⁻¹ r_s, with the conditional covariance
// Σ_oo − Σ_os Σ_ss⁻¹ Σ_so as its uncertainty (the Gaussian conditional; Σ by Cholesky, never an explicit inverse).

import { cholesky, choleskySolve, correlationConditionNumber } from "./linear-algebra";
import { quantileLinearSorted } from "./descriptive";
import { AnalyticsInputError, type Numeric } from "./types";

export type CovarianceMethod = "ewma" | "sample";
export const SHOCK_EWMA_LAMBDA = 0.94;
/** EWMA seed: the sample covariance of the first 20 returns, as for EWMA volatility. */
export const SHOCK_EWMA_SEED = 20;
/** Returns every shocked asset needs in the covariance window. */
export const MIN_SHOCK_OBSERVATIONS = 60;
/** Above this 2-norm condition number of the shocked assets' correlation matrix, Σ_ss⁻¹ amplifies noise. */
export const MAX_SHOCK_CONDITION = 1e6;

/** Bad shock input, with the request field it concerns (a shocked symbol, or the shocks as a whole). */
export class ShockInputError extends AnalyticsInputError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "ShockInputError";
  }
}

/**
 * Covariance of two aligned return series: sample (n − 1, demeaned), or RiskMetrics EWMA with zero mean, seeded with
 * the sample covariance of the first 20 returns and updated with every later one: C ← λC + (1 − λ) x_t y_t — the
 * forecast for the day after the last return.
 */
export function pairCovariance(x: Numeric, y: Numeric, method: CovarianceMethod, lambda = SHOCK_EWMA_LAMBDA, seedWindow = SHOCK_EWMA_SEED): number {
  const n = x.length;
  if (n !== y.length) throw new AnalyticsInputError("align the return series first");
  const m = method === "sample" ? n : Math.min(seedWindow, n);
  if (m < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let t = 0; t < m; t++) {
    mx += x[t] as number;
    my += y[t] as number;
  }
  mx /= m;
  my /= m;
  let c = 0;
  for (let t = 0; t < m; t++) c += ((x[t] as number) - mx) * ((y[t] as number) - my);
  c /= m - 1;
  if (method === "sample") return c;
  for (let t = m; t < n; t++) c = lambda * c + (1 - lambda) * (x[t] as number) * (y[t] as number);
  return c;
}

/**
 * Covariances of pairs of aligned columns, each a dot product of prepared rows: the sample covariance from demeaned
 * columns, the EWMA one in closed form, λ^(T−m) C_seed + Σ_t (1 − λ) λ^(T−1−t) x_t y_t over the returns after the m-return
 * seed — the recursion of `pairCovariance` unrolled, so each pair costs one pass with no branches. A column's `plain` row
 * is its seed demeaned followed by its later returns; its `weighted` row is the plain row times the day's weight.
 */
function covarianceKernel(columns: readonly Numeric[], method: CovarianceMethod, lambda: number, seedWindow: number) {
  const T = columns.length === 0 ? 0 : (columns[0] as Numeric).length;
  const m = method === "sample" ? T : Math.min(seedWindow, T);
  const seedScale = method === "sample" ? 1 / (T - 1) : Math.pow(lambda, T - m) / (m - 1);
  /** The weight of each day's product: the seed's scale, then (1 − λ) λ^(T−1−t). */
  const scale = new Float64Array(T);
  for (let t = 0; t < T; t++) scale[t] = t < m ? seedScale : (1 - lambda) * Math.pow(lambda, T - 1 - t);
  /** Writes column x's plain row into `plain` and its weighted row into `weighted`; returns Σ_t weighted·plain. */
  const prepareInto = (x: Numeric, plain: Float64Array, weighted: Float64Array): number => {
    let mean = 0;
    for (let t = 0; t < m; t++) mean += x[t] as number;
    mean /= m;
    let self = 0;
    for (let t = 0; t < m; t++) {
      const d = (x[t] as number) - mean;
      const wd = d * (scale[t] as number);
      plain[t] = d;
      weighted[t] = wd;
      self += wd * d;
    }
    for (let t = m; t < T; t++) {
      const d = x[t] as number;
      const wd = d * (scale[t] as number);
      plain[t] = d;
      weighted[t] = wd;
      self += wd * d;
    }
    return self;
  };
  const rows = new Map<number, { plain: Float64Array; weighted: Float64Array }>();
  const row = (i: number) => {
    let r = rows.get(i);
    if (!r) {
      r = { plain: new Float64Array(T), weighted: new Float64Array(T) };
      prepareInto(columns[i] as Numeric, r.plain, r.weighted);
      rows.set(i, r);
    }
    return r;
  };
  return {
    prepareInto,
    row,
    cov: (i: number, j: number) => dot(row(i).weighted, 0, row(j).plain, 0, T),
  };
}

/** Σ a_t b_t with four accumulators (the additions interleave; the order is fixed, so results are reproducible). */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < n; t += 4) {
    s0 += (a[ao + t] as number) * (b[bo + t] as number);
    s1 += (a[ao + t + 1] as number) * (b[bo + t + 1] as number);
    s2 += (a[ao + t + 2] as number) * (b[bo + t + 2] as number);
    s3 += (a[ao + t + 3] as number) * (b[bo + t + 3] as number);
  }
  for (; t < n; t++) s0 += (a[ao + t] as number) * (b[bo + t] as number);
  return s0 + s1 + (s2 + s3);
}

/** out[o + b] = Σ_t rows[b·T + t] · v[t] for the k rows, four rows per pass over v. */
function crossDots(rows: Float64Array, k: number, v: Float64Array, T: number, out: Float64Array, o: number): void {
  let b = 0;
  for (; b + 3 < k; b += 4) {
    const r0 = b * T;
    const r1 = r0 + T;
    const r2 = r1 + T;
    const r3 = r2 + T;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < T; t++) {
      const y = v[t] as number;
      s0 += (rows[r0 + t] as number) * y;
      s1 += (rows[r1 + t] as number) * y;
      s2 += (rows[r2 + t] as number) * y;
      s3 += (rows[r3 + t] as number) * y;
    }
    out[o + b] = s0;
    out[o + b + 1] = s1;
    out[o + b + 2] = s2;
    out[o + b + 3] = s3;
  }
  for (; b < k; b++) out[o + b] = dot(rows, b * T, v, 0, T);
}

/** Full covariance matrix (row-major) of aligned return columns. */
export function covarianceMatrix(columns: readonly Numeric[], method: CovarianceMethod, lambda = SHOCK_EWMA_LAMBDA): Float64Array {
  const n = columns.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const c = pairCovariance(columns[i] as Numeric, columns[j] as Numeric, method, lambda);
      out[i * n + j] = c;
      out[j * n + i] = c;
    }
  }
  return out;
}

export interface ShockPropagation {
  /** Per column: the shock for a shocked column, E[r_o | r_s] for the others. */
  expected: Float64Array;
  /** Per column: the conditional standard deviation over the horizon (0 for shocked columns). */
  conditionalSd: Float64Array;
  /** Book P&L per unit of the values: Σ value_i expected_i. */
  portfolioExpected: number;
  /** √(vᵀ C v) with C the conditional covariance over the horizon. */
  portfolioConditionalSd: number;
  /** 2-norm condition number of the shocked assets' correlation matrix. */
  condition: number;
  observations: number;
  /** The full conditional covariance (row-major, columns × columns) when asked for. */
  conditionalCovariance: Float64Array | null;
}

/**
 * Propagates `shocks` on the `shocked` columns of aligned daily return `columns` (all of one length) through their
 * covariance. `values` weights the book (0 for columns that are not positions); the conditional covariance is scaled by
 * `horizon` sessions (i.i.d. daily returns), the conditional mean is not (the shocks are already horizon moves).
 * Only Σ_ss, Σ_os, diag Σ_oo and the book's covariances are estimated unless `fullCovariance` is asked for.
 */
export function propagateShocks(input: {
  columns: readonly Numeric[];
  names: readonly string[];
  shocked: readonly number[];
  shocks: readonly number[];
  values: Numeric;
  method: CovarianceMethod;
  lambda?: number;
  horizon?: number;
  fullCovariance?: boolean;
}): ShockPropagation {
  const { columns, shocked, shocks, values, method } = input;
  const lambda = input.lambda ?? SHOCK_EWMA_LAMBDA;
  const horizon = input.horizon ?? 1;
  const N = columns.length;
  const k = shocked.length;
  const T = N === 0 ? 0 : (columns[0] as Numeric).length;
  if (k === 0) throw new ShockInputError("state at least one shock", "shocks");
  if (k !== shocks.length) throw new ShockInputError("one shock per shocked asset", "shocks");
  if (values.length !== N || input.names.length !== N) throw new AnalyticsInputError("one value and one name per column");
  if (new Set(shocked).size !== k) throw new ShockInputError("an asset is shocked twice", "shocks");
  for (const s of shocked) if (!(Number.isInteger(s) && s >= 0 && s < N)) throw new AnalyticsInputError(`shocked column ${s} does not exist`);
  if (T < MIN_SHOCK_OBSERVATIONS) {
    throw new ShockInputError(
      `only ${T} daily returns common to every asset in the covariance window; at least ${MIN_SHOCK_OBSERVATIONS} are needed`,
      `shocks.${input.names[shocked[0] as number]}`,
    );
  }
  const isShocked = new Int32Array(N).fill(-1);
  shocked.forEach((s, a) => (isShocked[s] = a));
  // The book over the non-shocked columns, as one more return series: its covariances give vᵀ C v without Σ_oo.
  const book = new Float64Array(T);
  for (let i = 0; i < N; i++) {
    const v = values[i] as number;
    if (v === 0 || isShocked[i] !== -1) continue;
    const c = columns[i] as Numeric;
    for (let t = 0; t < T; t++) book[t] = (book[t] as number) + v * (c[t] as number);
  }
  const kernel = covarianceKernel([...columns, book], method, lambda, SHOCK_EWMA_SEED);
  const cov = kernel.cov;
  const BOOK = N;
  // Σ_ss and its checks.
  const sss = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const c = cov(shocked[a] as number, shocked[b] as number);
      sss[a * k + b] = c;
      sss[b * k + a] = c;
    }
  }
  for (let a = 0; a < k; a++) {
    if (!((sss[a * k + a] as number) > 0)) throw new ShockInputError(`${input.names[shocked[a] as number]} did not move in the covariance window`, `shocks.${input.names[shocked[a] as number]}`);
  }
  const condition = correlationConditionNumber(sss, k);
  const l = condition > MAX_SHOCK_CONDITION ? null : cholesky(sss, k);
  if (l === null) {
    const names = shocked.map((s) => input.names[s]).join(", ");
    throw new ShockInputError(
      `the shocked assets (${names}) move almost in lockstep (condition number ${Number.isFinite(condition) ? condition.toExponential(1) : "∞"} > ${MAX_SHOCK_CONDITION.toExponential(0)}): shock only one of each near-duplicate pair`,
      "shocks",
    );
  }
  const x = choleskySolve(l, k, shocks); // Σ_ss⁻¹ r_s
  const expected = new Float64Array(N);
  const conditionalSd = new Float64Array(N);
  const sos = new Float64Array(N * k); // Σ_os rows (zero for shocked columns)
  const scratch = new Float64Array(k);
  // The shocked columns' weighted rows side by side, and one reused plain/weighted row for the column at hand: each
  // other column is prepared once into it and meets the k shocked rows while it is in cache.
  const shockedRows = new Float64Array(k * T);
  for (let b = 0; b < k; b++) shockedRows.set(kernel.row(shocked[b] as number).weighted, b * T);
  const plainRow = new Float64Array(T);
  const weightedRow = new Float64Array(T);
  for (let i = 0; i < N; i++) {
    const a = isShocked[i] as number;
    if (a !== -1) {
      expected[i] = shocks[a] as number;
      continue;
    }
    const variance = kernel.prepareInto(columns[i] as Numeric, plainRow, weightedRow);
    crossDots(shockedRows, k, plainRow, T, sos, i * k);
    let e = 0;
    for (let b = 0; b < k; b++) e += (sos[i * k + b] as number) * (x[b] as number);
    expected[i] = e;
    // Σ_io Σ_ss⁻¹ Σ_oi = ‖L⁻¹ Σ_si‖²: one forward substitution into a reused scratch row.
    let reduce = 0;
    for (let a2 = 0; a2 < k; a2++) {
      let v = sos[i * k + a2] as number;
      for (let b = 0; b < a2; b++) v -= (l[a2 * k + b] as number) * (scratch[b] as number);
      v /= l[a2 * k + a2] as number;
      scratch[a2] = v;
      reduce += v * v;
    }
    conditionalSd[i] = Math.sqrt(Math.max(0, horizon * (variance - reduce)));
  }
  const sbook = Float64Array.from(shocked, (s) => cov(BOOK, s));
  const zb = choleskySolve(l, k, sbook);
  let bookReduce = 0;
  for (let b = 0; b < k; b++) bookReduce += (sbook[b] as number) * (zb[b] as number);
  const portfolioVariance = horizon * (cov(BOOK, BOOK) - bookReduce);
  let portfolioExpected = 0;
  for (let i = 0; i < N; i++) portfolioExpected += (values[i] as number) * (expected[i] as number);
  let conditionalCovariance: Float64Array | null = null;
  if (input.fullCovariance) {
    conditionalCovariance = new Float64Array(N * N);
    const zs: Float64Array[] = Array.from({ length: N }, (_, i) => choleskySolve(l, k, sos.subarray(i * k, i * k + k)));
    for (let i = 0; i < N; i++) {
      if (isShocked[i] !== -1) continue;
      for (let j = 0; j <= i; j++) {
        if (isShocked[j] !== -1) continue;
        let r = 0;
        for (let b = 0; b < k; b++) r += (sos[i * k + b] as number) * ((zs[j] as Float64Array)[b] as number);
        const c = horizon * (cov(i, j) - r);
        conditionalCovariance[i * N + j] = c;
        conditionalCovariance[j * N + i] = c;
      }
    }
  }
  return {
    expected,
    conditionalSd,
    portfolioExpected,
    portfolioConditionalSd: Math.sqrt(Math.max(0, portfolioVariance)),
    condition,
    observations: T,
    conditionalCovariance,
  };
}

/**
 * Scenario 2's shocks from Scenario 1: each position's median base-currency return across the analogues (type-7
 * median), for the `count` positions with the largest absolute median move unless `positions` names them.
 */
export function shocksFromAnalogueMedians(
  analogueReturns: readonly Numeric[],
  positionCount: number,
  options: { positions?: readonly number[]; count?: number } = {},
): { position: number; shock: number }[] {
  const medians = Array.from({ length: positionCount }, (_, i) => {
    const r = Float64Array.from(analogueReturns, (a) => a[i] as number).sort();
    return { position: i, shock: quantileLinearSorted(r, 0.5) };
  }).filter((m) => Number.isFinite(m.shock));
  if (options.positions) {
    const want = new Set(options.positions);
    return medians.filter((m) => want.has(m.position));
  }
  return medians.sort((a, b) => Math.abs(b.shock) - Math.abs(a.shock) || a.position - b.position).slice(0, options.count ?? 3);
}
