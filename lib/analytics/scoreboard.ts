// The event page's scoreboard: how the analysts' hypotheses fared, and ONE directional headline number.
//
// A plain CAAR pools assets expected to rise with assets expected to fall, so a +1 % on one and −1 % on the other
// average to nothing although both hypotheses were right. The sign-adjusted CAAR flips expected-down assets
// (s_i = +1 for UP, −1 for DOWN) so that a positive figure always means "moved the way the analysts said";
// UNCERTAIN assets (a move of unknown sign) cannot be signed and are summarised apart.
import type { ExpectedDirection, HypothesisScore } from "./hypothesis";
import { studentTTwoSidedP } from "./special-functions";

/**
 * Fewer studies than this and no cross-sectional statistic is shown: a t on N − 1 = 1…3 degrees of freedom from a
 * sample standard deviation of 2–4 CARs swings wildly (a BMP t of −18.5 from two assets says nothing decisive).
 */
export const MIN_CROSS_SECTIONAL_ASSETS = 5;
export const TOO_FEW_ASSETS = "too few assets for a cross-sectional test";

export interface ScoreboardEntry {
  direction: ExpectedDirection;
  /** null while the study cannot be scored yet (no prices after the event, window incomplete, …): pending. */
  score: HypothesisScore | null;
  /** CAR over the headline window, null when pending. */
  car: number | null;
}

export interface DirectionalHeadline {
  /** Assets expected UP or DOWN with a CAR. */
  n: number;
  /** (1/n) Σ s_i · CAR_i, s = +1 for UP and −1 for DOWN: positive means "moved as expected". */
  signAdjustedCaar: number;
  /** Cross-sectional t of the signed CARs on n − 1 df; null below MIN_CROSS_SECTIONAL_ASSETS. */
  t: number | null;
  p: number | null;
  /** How many signed CARs are positive (moved the expected way, significant or not). */
  movedAsExpected: number;
}

export interface Scoreboard {
  confirmed: number;
  contradicted: number;
  inconclusive: number;
  pending: number;
  /** confirmed / (confirmed + contradicted + inconclusive); null when nothing could be scored. */
  hitRate: number | null;
  directional: DirectionalHeadline | null;
  /** UNCERTAIN assets, apart: their plain mean CAR and mean |CAR| (a move of either sign is what they predict). */
  uncertain: { n: number; meanCar: number; meanAbsCar: number } | null;
}

export function scoreboard(entries: readonly ScoreboardEntry[]): Scoreboard {
  const count = (s: HypothesisScore) => entries.filter((e) => e.score === s).length;
  const confirmed = count("confirmed");
  const contradicted = count("contradicted");
  const inconclusive = count("inconclusive");
  const scored = confirmed + contradicted + inconclusive;
  const signed = entries.flatMap((e) => (e.car === null || !Number.isFinite(e.car) || e.direction === "UNCERTAIN" ? [] : [e.direction === "DOWN" ? -e.car : e.car]));
  const unsigned = entries.flatMap((e) => (e.car !== null && Number.isFinite(e.car) && e.direction === "UNCERTAIN" ? [e.car] : []));
  return {
    confirmed,
    contradicted,
    inconclusive,
    pending: entries.length - scored,
    hitRate: scored === 0 ? null : confirmed / scored,
    directional: signed.length === 0 ? null : directionalHeadline(signed),
    uncertain: unsigned.length === 0 ? null : { n: unsigned.length, meanCar: mean(unsigned), meanAbsCar: mean(unsigned.map(Math.abs)) },
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function directionalHeadline(signed: readonly number[]): DirectionalHeadline {
  const n = signed.length;
  const m = mean(signed);
  let t: number | null = null;
  let p: number | null = null;
  if (n >= MIN_CROSS_SECTIONAL_ASSETS) {
    const sd = Math.sqrt(signed.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
    t = sd > 0 ? m / (sd / Math.sqrt(n)) : null;
    p = t === null ? null : studentTTwoSidedP(t, n - 1);
  }
  return { n, signAdjustedCaar: m, t, p, movedAsExpected: signed.filter((x) => x > 0).length };
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd", "101st" — English ordinals by Intl.PluralRules, not by a suffix table. */
export function ordinal(n: number): string {
  const rule = new Intl.PluralRules("en-US", { type: "ordinal" }).select(n);
  const suffix = { one: "st", two: "nd", few: "rd", other: "th", zero: "th", many: "th" }[rule];
  return `${n}${suffix}`;
}

/**
 * The placebo in words: "a move this large happened on 52 % of 1,000 random non-event dates". `shareAsLarge` is the
 * share of placebo CARs at least as large in absolute value as the event's.
 */
export function describePlacebo(p: { shareAsLarge: number; draws: number; window: string }): string {
  if (p.draws === 0 || !Number.isFinite(p.shareAsLarge)) return `No placebo: no random non-event date had a complete ${p.window} window.`;
  const pct = Math.round(p.shareAsLarge * 100);
  const share = pct === 0 && p.shareAsLarge > 0 ? "under 1 %" : `${pct} %`;
  return `A move this large (CAR ${p.window}, either sign) happened on ${share} of ${p.draws.toLocaleString("en-US")} random non-event dates.`;
}
