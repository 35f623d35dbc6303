// Unexplained moves: sessions whose abnormal return is large against the asset's own market model and that no
// logged event explains. One pass per asset with rolling sums, so a 20-year panel costs O(n), never a refit per day.
//
// For the return ending on session t (index t of the aligned returns):
//   estimation window  [t − 250, t − 11] (the eventstudytools.com default [−250, −11]: 240 returns, ending 11 sessions
//                      before t, so the days around the move never estimate its own normal return)
//   market model       OLS R = α + β R_m over that window, σ²_ε = Σε²/(L − 2); constant-mean (α = mean, β = 0,
//                      σ² = sample variance) for an asset without a benchmark
//   abnormal return    AR_t = R_t − α̂ − β̂ R_mt;  z_t = AR_t / σ̂_ε
//   EWMA view          σ²_{t+1} = λσ²_t + (1 − λ) AR_t², λ = 0.94, seeded with σ̂²_ε of the first session scored
//   move               |z_t| ≥ k (k = 3 unless set for the asset)
//   explained          a live event exposing the asset has its day 0 within [−1, +1] sessions of t
//   check the data     the quality flags (one-day jump over 25 %, close outside the day's range) mark a session the
//                      return spans
import { lowerBound } from "./sorted-dates";
import { AnalyticsInputError } from "./types";

export interface MoveDetectionConfig {
  /** First estimation return relative to the scored session (−250). */
  estimationStart: number;
  /** Last estimation return relative to the scored session (−11). */
  estimationEnd: number;
  /** Fewer estimation returns than this (the start of a series): the session is not scored. */
  minObservations: number;
  /** |z| at or above which a session is a move, unless the asset has its own. */
  threshold: number;
  /** EWMA decay of the second view. */
  lambda: number;
  /** Sessions either side of an event's day 0 that it explains. */
  eventReach: number;
}

export const MOVE_DETECTION_DEFAULTS: MoveDetectionConfig = {
  estimationStart: -250,
  estimationEnd: -11,
  minObservations: 120,
  threshold: 3,
  lambda: 0.94,
  eventReach: 1,
};

export interface MoveScanInput {
  assetId: number;
  /** Date ending each return, ascending (the dates asset and benchmark both traded). */
  dates: readonly string[];
  /** Simple returns of the asset. */
  returns: Float64Array;
  /** Simple returns of the benchmark on the same dates, or null (constant-mean model). */
  benchmark: Float64Array | null;
  /** Ascending asset sessions the quality flags mark; a return is suspect when it spans one. */
  flaggedSessions: readonly string[];
  /** Day 0 (a date of `dates`) of every live event exposing the asset. */
  eventDayZeros: readonly string[];
  /** The asset's own k, or null for the global one. */
  threshold: number | null;
  /** Score only sessions on or after this date (incremental updates); the rolling state still runs from the start. */
  from?: string;
}

export interface DetectedMove {
  assetId: number;
  session: string;
  /** Simple return of the session. */
  ret: number;
  abnormalReturn: number;
  z: number;
  zEwma: number;
  /** The quality flags mark a session this return spans: "check the data" rather than "explain". */
  suspect: boolean;
}

/** One session's moves, largest |z| first. */
export interface MoveGroup {
  session: string;
  kind: "explain" | "check-data";
  maxAbsZ: number;
  moves: DetectedMove[];
}

function checkConfig(c: MoveDetectionConfig): void {
  if (!(c.estimationStart < c.estimationEnd && c.estimationEnd < 0)) throw new AnalyticsInputError("the estimation window must end before the session");
  const length = c.estimationEnd - c.estimationStart + 1;
  if (!(c.minObservations >= 3 && c.minObservations <= length)) throw new AnalyticsInputError(`minObservations must be in [3, ${length}]`);
  if (!(c.threshold > 0)) throw new AnalyticsInputError("the threshold must be positive");
  if (!(c.lambda > 0 && c.lambda < 1)) throw new AnalyticsInputError("EWMA λ must be in (0, 1)");
}

/** Marks the sessions within `reach` of each day 0: those moves are explained. */
function explainedMask(dates: readonly string[], dayZeros: readonly string[], reach: number): Uint8Array {
  const mask = new Uint8Array(dates.length);
  for (const d of dayZeros) {
    const i = lowerBound(dates, d);
    // A day 0 that is not itself a date of the series (none should be) still explains the sessions beside it.
    const centre = dates[i] === d ? i : i - 0.5;
    for (let k = Math.ceil(centre - reach); k <= Math.floor(centre + reach); k++) if (k >= 0 && k < dates.length) mask[k] = 1;
  }
  return mask;
}

/**
 * Moves of one asset: sessions with |z| ≥ k that no event explains. Rolling sums of x, y, x², xy, y² over the
 * estimation window, shifted by the first returns against cancellation.
 */
export function detectMoves(input: MoveScanInput, config: MoveDetectionConfig = MOVE_DETECTION_DEFAULTS): DetectedMove[] {
  checkConfig(config);
  const { dates, returns: y, benchmark: x } = input;
  const n = y.length;
  if (dates.length !== n || (x && x.length !== n)) throw new AnalyticsInputError("dates, returns and benchmark differ in length");
  const k = input.threshold ?? config.threshold;
  if (!(k > 0)) throw new AnalyticsInputError("the threshold must be positive");
  const explained = explainedMask(dates, input.eventDayZeros, config.eventReach);
  const flagged = input.flaggedSessions;
  const fromIndex = input.from ? lowerBound(dates, input.from) : 0;
  const lag = -config.estimationEnd; // the window's last return is t − lag
  const span = config.estimationEnd - config.estimationStart + 1;
  const kx = x && n > 0 ? (x[0] as number) : 0;
  const ky = n > 0 ? (y[0] as number) : 0;
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, m = 0;
  let ewma = NaN;
  const out: DetectedMove[] = [];
  for (let t = 0; t < n; t++) {
    // Bring return t − lag into the window and drop t − lag − span.
    const add = t - lag;
    if (add >= 0) {
      const dy = (y[add] as number) - ky;
      const dx = x ? (x[add] as number) - kx : 0;
      sx += dx; sy += dy; sxx += dx * dx; sxy += dx * dy; syy += dy * dy; m++;
      const drop = add - span;
      if (drop >= 0) {
        const oy = (y[drop] as number) - ky;
        const ox = x ? (x[drop] as number) - kx : 0;
        sx -= ox; sy -= oy; sxx -= ox * ox; sxy -= ox * oy; syy -= oy * oy; m--;
      }
    }
    if (m < config.minObservations) continue;
    const syyC = syy - (sy * sy) / m;
    let alpha: number, beta: number, variance: number;
    if (x) {
      const sxxC = sxx - (sx * sx) / m;
      if (!(sxxC > 0)) continue; // a constant benchmark: no market model
      beta = (sxy - (sx * sy) / m) / sxxC;
      // α in unshifted units: ȳ − β x̄ with ȳ = ky + sy/m, x̄ = kx + sx/m.
      alpha = ky + sy / m - beta * (kx + sx / m);
      variance = Math.max(0, syyC - beta * (sxy - (sx * sy) / m)) / (m - 2);
    } else {
      beta = 0;
      alpha = ky + sy / m;
      variance = Math.max(0, syyC) / (m - 1);
    }
    if (!(variance > 0)) continue;
    const r = y[t] as number;
    const ar = r - alpha - beta * (x ? (x[t] as number) : 0);
    if (Number.isNaN(ewma)) ewma = variance;
    const sigma = Math.sqrt(variance);
    const z = ar / sigma;
    const zEwma = ar / Math.sqrt(ewma);
    ewma = config.lambda * ewma + (1 - config.lambda) * ar * ar;
    if (t < fromIndex || Math.abs(z) < k || explained[t]) continue;
    // The return runs from the previous date's close to this one's: any flagged session in (dates[t−1], dates[t]].
    const previous = t > 0 ? (dates[t - 1] as string) : "";
    const f = lowerBound(flagged, previous + "\u0000");
    const suspect = f < flagged.length && (flagged[f] as string) <= (dates[t] as string);
    out.push({ assetId: input.assetId, session: dates[t] as string, ret: r, abnormalReturn: ar, z, zEwma, suspect });
  }
  return out;
}

/** Same-session moves of several assets become one item, largest |z| first; items by session, newest first. */
export function groupMovesBySession(moves: readonly DetectedMove[]): MoveGroup[] {
  const bySession = new Map<string, DetectedMove[]>();
  for (const move of moves) {
    const list = bySession.get(move.session);
    if (list) list.push(move);
    else bySession.set(move.session, [move]);
  }
  const groups: MoveGroup[] = [];
  for (const [session, list] of bySession) {
    list.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.assetId - b.assetId);
    groups.push({
      session,
      kind: list.some((m) => m.suspect) ? "check-data" : "explain",
      maxAbsZ: Math.abs((list[0] as DetectedMove).z),
      moves: list,
    });
  }
  return groups.sort((a, b) => (a.session < b.session ? 1 : a.session > b.session ? -1 : 0));
}
