// Study results as plain JSON-safe values: the same objects feed the pages (across the server/client boundary) and the
// JSON API. Undefined statistics (NaN, ±∞) become null, as docs/methodology.md promises.
import type { AggregateWindowStats, CarWindowStats, EventWindow } from "@/lib/analytics";
import { MIN_CROSS_SECTIONAL_ASSETS } from "@/lib/analytics";

export type Num = number | null;

/** Finite numbers pass; NaN and ±∞ become null, and −0 becomes 0 so JSON round-trips exactly. */
export function num(x: number): Num {
  return Number.isFinite(x) ? x + 0 : null;
}

export function nums(values: ArrayLike<number>): Num[] {
  const out = new Array<Num>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = num(values[i] as number);
  return out;
}

/** [τ1, τ2] written with real minus signs, e.g. "[−1, +1]". */
export function windowLabel(w: EventWindow | readonly [number, number]): string {
  const f = (t: number) => (t > 0 ? `+${t}` : t < 0 ? `−${-t}` : "0");
  return `[${f(w[0])}, ${f(w[1])}]`;
}

export interface CarWindowJson {
  window: [number, number];
  label: string;
  days: number;
  car: Num;
  sd: Num;
  t: Num;
  p: Num;
  patellZ: Num;
  patellP: Num;
  rankZ: Num;
  rankP: Num;
  signZ: Num;
  signP: Num;
  positiveDays: number;
  /** p < α on the parametric t test. */
  significant: boolean;
}

export function carWindowJson(s: CarWindowStats, alpha: number): CarWindowJson {
  return {
    window: [s.window[0], s.window[1]],
    label: windowLabel(s.window),
    days: s.days,
    car: num(s.car),
    sd: num(s.sd),
    t: num(s.t),
    p: num(s.p),
    patellZ: num(s.patellZ),
    patellP: num(s.patellP),
    rankZ: num(s.rankZ),
    rankP: num(s.rankP),
    signZ: num(s.signZ),
    signP: num(s.signP),
    positiveDays: s.positiveDays,
    significant: s.p < alpha,
  };
}

export interface AggregateWindowJson {
  window: [number, number];
  label: string;
  n: number;
  caar: Num;
  crossSectionalT: Num;
  crossSectionalP: Num;
  patellZ: Num;
  patellP: Num;
  bmpT: Num;
  bmpP: Num;
  kpT: Num;
  kpP: Num;
  rankZ: Num;
  rankP: Num;
  signZ: Num;
  signP: Num;
  positiveCount: number;
  /** Judged on Kolari–Pynnönen's p (equal to BMP's when no two studies share a day 0). */
  /** False below MIN_CROSS_SECTIONAL_ASSETS studies: the statistics are shown as "too few assets for a cross-sectional test". */
  crossSectionalTest: boolean;
  significant: boolean;
}

export function aggregateWindowJson(s: AggregateWindowStats, alpha: number): AggregateWindowJson {
  return {
    window: [s.window[0], s.window[1]],
    label: windowLabel(s.window),
    n: s.n,
    caar: num(s.caar),
    crossSectionalT: num(s.crossSectionalT),
    crossSectionalP: num(s.crossSectionalP),
    patellZ: num(s.patellZ),
    patellP: num(s.patellP),
    bmpT: num(s.bmpT),
    bmpP: num(s.bmpP),
    kpT: num(s.kpT),
    kpP: num(s.kpP),
    rankZ: num(s.rankZ),
    rankP: num(s.rankP),
    signZ: num(s.signZ),
    signP: num(s.signP),
    positiveCount: s.positiveCount,
    crossSectionalTest: s.n >= MIN_CROSS_SECTIONAL_ASSETS,
    // Below the minimum no test is read: a t on one to three degrees of freedom is noise that looks decisive.
    significant: s.n >= MIN_CROSS_SECTIONAL_ASSETS && s.kpP < alpha,
  };
}
