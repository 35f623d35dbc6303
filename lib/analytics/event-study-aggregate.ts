// Averages across assets of one event, or across events of a theme: AAR, CAAR and the cross-sectional tests.

import type { EventWindow } from "./event-study-config";
import { carWindowStats, type CarWindowStats, type EventStudyOk } from "./event-study";
import { normalTwoSidedP, studentTTwoSidedP } from "./special-functions";
import { AnalyticsInputError } from "./types";

export interface AggregateWindowStats {
  window: EventWindow;
  n: number;
  /** CAAR = (1/N) Σ CAR_i. */
  caar: number;
  /** Cross-sectional t = CAAR / (s_CAR / √N), Student t with N − 1 df. */
  crossSectionalT: number;
  crossSectionalP: number;
  /** Patell Z = (1/√N) Σ_i CSAR_i / √(w·df_i/(df_i − 2)), N(0,1). */
  patellZ: number;
  patellP: number;
  /** BMP t = mean(SCAR)·√N / s_SCAR with SCAR_i = CAR_i / sd(CAR_i), Student t with N − 1 df. */
  bmpT: number;
  bmpP: number;
  /** Kolari–Pynnönen: BMP t · √((1 − r̄)/(1 + (N − 1) r̄)), Student t with N − 1 df. */
  kpT: number;
  kpP: number;
  /** Corrado rank test on the cross-sectional mean of U, N(0,1). */
  rankZ: number;
  rankP: number;
  /** Generalised sign test (Cowan 1992) on the count of positive CARs, N(0,1). */
  signZ: number;
  signP: number;
  positiveCount: number;
}

export interface AggregateEventStudy {
  n: number;
  eventWindow: EventWindow;
  /** AAR_τ = (1/N) Σ AR_iτ for τ over the event window. */
  aar: Float64Array;
  /** Cumulative AAR from the start of the event window. */
  caarPath: Float64Array;
  /** r̄: mean estimation-residual correlation over all pairs; pairs with different day-0 dates count as 0. */
  averageResidualCorrelation: number;
  /** Pairs sharing a day-0 date (the clustered pairs KP corrects for). */
  clusteredPairs: number;
  windows: AggregateWindowStats[];
}

function sumPairwiseCorrelationsSameRange(group: readonly EventStudyOk[]): number {
  const L = (group[0] as EventStudyOk).estimationN;
  const column = new Float64Array(L);
  let diagonal = 0;
  for (const s of group) {
    const e = s.estimationResiduals;
    let m = 0;
    for (let t = 0; t < L; t++) m += e[t] as number;
    m /= L;
    let ss = 0;
    for (let t = 0; t < L; t++) {
      const d = (e[t] as number) - m;
      ss += d * d;
    }
    const inv = 1 / Math.sqrt(ss);
    for (let t = 0; t < L; t++) {
      const z = ((e[t] as number) - m) * inv;
      column[t] = (column[t] as number) + z;
      diagonal += z * z;
    }
  }
  let total = 0;
  for (let t = 0; t < L; t++) total += (column[t] as number) * (column[t] as number);
  // (Σ_i z_i)·(Σ_i z_i) = Σ_i |z_i|² + 2 Σ_{i<j} z_i·z_j, and z_i·z_j is the Pearson correlation.
  return (total - diagonal) / 2;
}

/** Pearson correlation of two studies' residuals over the event-time positions both cover. */
function pairCorrelation(a: EventStudyOk, b: EventStudyOk): number {
  const from = Math.max(a.estimationStart, b.estimationStart);
  const to = Math.min(a.estimationEnd, b.estimationEnd);
  const n = to - from + 1;
  if (n < 3) return 0;
  const oa = from - a.estimationStart;
  const ob = from - b.estimationStart;
  let ma = 0;
  let mb = 0;
  for (let k = 0; k < n; k++) {
    ma += a.estimationResiduals[oa + k] as number;
    mb += b.estimationResiduals[ob + k] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < n; k++) {
    const da = (a.estimationResiduals[oa + k] as number) - ma;
    const db = (b.estimationResiduals[ob + k] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** r̄ of Kolari & Pynnönen (2010): studies are clustered by day-0 date; unclustered pairs contribute zero. */
export function averageResidualCorrelation(studies: readonly EventStudyOk[]): { rBar: number; clusteredPairs: number } {
  const n = studies.length;
  if (n < 2) return { rBar: 0, clusteredPairs: 0 };
  const groups = new Map<string, EventStudyOk[]>();
  for (const s of studies) {
    const g = groups.get(s.day0Date);
    if (g) g.push(s);
    else groups.set(s.day0Date, [s]);
  }
  let sum = 0;
  let clusteredPairs = 0;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    clusteredPairs += (g.length * (g.length - 1)) / 2;
    const first = g[0] as EventStudyOk;
    if (g.every((s) => s.estimationStart === first.estimationStart && s.estimationEnd === first.estimationEnd)) {
      sum += sumPairwiseCorrelationsSameRange(g);
    } else {
      for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) sum += pairCorrelation(g[i] as EventStudyOk, g[j] as EventStudyOk);
    }
  }
  return { rBar: sum / ((n * (n - 1)) / 2), clusteredPairs };
}

function statsFor(study: EventStudyOk, window: EventWindow): CarWindowStats {
  const hit = study.windows.find((w) => w.window[0] === window[0] && w.window[1] === window[1]);
  return hit ?? carWindowStats(study, window);
}

/** Mean Corrado U per event-time position over the studies covering it, from the earliest estimation start to T2. */
function meanRankU(studies: readonly EventStudyOk[], e0: number, e1: number): { from: number; mean: Float64Array; covered: Uint8Array } {
  let from = e0;
  for (const s of studies) from = Math.min(from, s.estimationStart);
  const len = e1 - from + 1;
  const sum = new Float64Array(len);
  const count = new Float64Array(len);
  for (const s of studies) {
    const L1 = s.estimationN;
    for (let k = 0; k < L1; k++) {
      const p = s.estimationStart + k - from;
      sum[p] = (sum[p] as number) + (s.rankU[k] as number);
      count[p] = (count[p] as number) + 1;
    }
    for (let k = 0; k < e1 - e0 + 1; k++) {
      const p = e0 + k - from;
      sum[p] = (sum[p] as number) + (s.rankU[L1 + k] as number);
      count[p] = (count[p] as number) + 1;
    }
  }
  const mean = new Float64Array(len);
  const covered = new Uint8Array(len);
  for (let p = 0; p < len; p++) {
    const c = count[p] as number;
    if (c > 0) {
      mean[p] = (sum[p] as number) / c;
      covered[p] = 1;
    }
  }
  return { from, mean, covered };
}

/**
 * Aggregates successful studies that share one event window. With N = 1 the cross-sectional statistics are NaN.
 * Windows default to the first study's reporting windows.
 */
export function aggregateEventStudies(studies: readonly EventStudyOk[], windows?: readonly EventWindow[]): AggregateEventStudy {
  const first = studies[0];
  if (!first) throw new AnalyticsInputError("nothing to aggregate");
  const [e0, e1] = first.eventWindow;
  for (const s of studies) {
    if (s.eventWindow[0] !== e0 || s.eventWindow[1] !== e1) throw new AnalyticsInputError("studies must share the event window");
  }
  const n = studies.length;
  const L2 = e1 - e0 + 1;
  const aar = new Float64Array(L2);
  for (const s of studies) for (let k = 0; k < L2; k++) aar[k] = (aar[k] as number) + (s.ar[k] as number);
  const caarPath = new Float64Array(L2);
  let acc = 0;
  for (let k = 0; k < L2; k++) {
    aar[k] = (aar[k] as number) / n;
    acc += aar[k] as number;
    caarPath[k] = acc;
  }
  const { rBar, clusteredPairs } = averageResidualCorrelation(studies);
  const ranks = meanRankU(studies, e0, e1);
  let rankSumSq = 0;
  let rankCovered = 0;
  for (let p = 0; p < ranks.mean.length; p++) {
    if (ranks.covered[p]) {
      rankSumSq += (ranks.mean[p] as number) ** 2;
      rankCovered++;
    }
  }
  const rankS = Math.sqrt(rankSumSq / rankCovered);
  let pHat = 0;
  for (const s of studies) pHat += s.positiveResidualShare;
  pHat /= n;
  const kpFactor = Math.sqrt((1 - rBar) / (1 + (n - 1) * rBar));

  const out = (windows ?? first.windows.map((w) => w.window)).map((window): AggregateWindowStats => {
    const w = window[1] - window[0] + 1;
    let sumCar = 0;
    let sumScar = 0;
    let patell = 0;
    let positiveCount = 0;
    const cars = new Float64Array(n);
    const scars = new Float64Array(n);
    studies.forEach((s, i) => {
      const st = statsFor(s, window);
      cars[i] = st.car;
      scars[i] = st.t;
      sumCar += st.car;
      sumScar += st.t;
      patell += st.patellZ;
      if (st.car > 0) positiveCount++;
    });
    const caar = sumCar / n;
    const meanScar = sumScar / n;
    let ssCar = 0;
    let ssScar = 0;
    for (let i = 0; i < n; i++) {
      ssCar += ((cars[i] as number) - caar) ** 2;
      ssScar += ((scars[i] as number) - meanScar) ** 2;
    }
    const crossSectionalT = caar / Math.sqrt(ssCar / (n - 1) / n);
    const bmpT = (meanScar * Math.sqrt(n)) / Math.sqrt(ssScar / (n - 1));
    const kpT = bmpT * kpFactor;
    const patellZ = patell / Math.sqrt(n);
    let uSum = 0;
    for (let tau = window[0]; tau <= window[1]; tau++) uSum += ranks.mean[tau - ranks.from] as number;
    const rankZ = uSum / (Math.sqrt(w) * rankS);
    const signZ = (positiveCount - n * pHat) / Math.sqrt(n * pHat * (1 - pHat));
    return {
      window,
      n,
      caar,
      crossSectionalT,
      crossSectionalP: studentTTwoSidedP(crossSectionalT, n - 1),
      patellZ,
      patellP: normalTwoSidedP(patellZ),
      bmpT,
      bmpP: studentTTwoSidedP(bmpT, n - 1),
      kpT,
      kpP: studentTTwoSidedP(kpT, n - 1),
      rankZ,
      rankP: normalTwoSidedP(rankZ),
      signZ,
      signP: normalTwoSidedP(signZ),
      positiveCount,
    };
  });
  return { n, eventWindow: first.eventWindow, aar, caarPath, averageResidualCorrelation: rBar, clusteredPairs, windows: out };
}
