// Scores an exposure's expected direction against the measured CAR, and says the result in plain words.

import type { EventWindow } from "./event-study-config";

export type ExpectedDirection = "UP" | "DOWN" | "UNCERTAIN";
export type HypothesisScore = "confirmed" | "contradicted" | "inconclusive";

/**
 * UP/DOWN: confirmed when the CAR is significant (p < α) with the expected sign, contradicted when significant with the
 * opposite sign, otherwise inconclusive. UNCERTAIN (the analyst expects a move, not its sign): confirmed by any
 * significant CAR, inconclusive otherwise — it cannot be contradicted by a sign.
 */
export function scoreHypothesis(expected: ExpectedDirection, car: number, pValue: number, alpha = 0.05): HypothesisScore {
  if (!(pValue < alpha) || car === 0 || Number.isNaN(car)) return "inconclusive";
  if (expected === "UNCERTAIN") return "confirmed";
  const up = car > 0;
  return (expected === "UP") === up ? "confirmed" : "contradicted";
}

function percent(x: number): string {
  const s = (x * 100).toFixed(2);
  return `${x > 0 ? "+" : x < 0 ? "−" : ""}${s.replace("-", "")} %`;
}

function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

function windowText(w: EventWindow): string {
  const f = (t: number) => (t > 0 ? `+${t}` : `${t}`.replace("-", "−"));
  return `[${f(w[0])}, ${f(w[1])}]`;
}

/** One sentence for a CAR: "No detectable effect …" when p ≥ α, otherwise the size, sign and significance. */
export function describeCar(input: { car: number; pValue: number; window: EventWindow; alpha?: number; subject?: string }): string {
  const alpha = input.alpha ?? 0.05;
  const subject = input.subject ? `${input.subject}: ` : "";
  const level = `the ${Number((alpha * 100).toFixed(2))} % level`;
  const car = `CAR${windowText(input.window)} ${percent(input.car)}`;
  if (!(input.pValue < alpha)) {
    return `${subject}No detectable effect — ${car} is within normal variation (${pText(input.pValue)}, not significant at ${level}).`;
  }
  const way = input.car > 0 ? "rose" : "fell";
  return `${subject}Abnormal move — the asset ${way} beyond normal variation: ${car} (${pText(input.pValue)}, significant at ${level}).`;
}
