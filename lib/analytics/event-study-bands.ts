// The day-by-day path of a study with its confidence bands: AR_τ ± t·sd(AR_τ) and CAR(e0, τ) ± t·sd(CAR), t the
// two-sided critical value at α on the estimation's degrees of freedom.
import { carWindowStats, type EventStudyOk } from "./event-study";
import { studentTCritical } from "./special-functions";

export interface BandPoint {
  tau: number;
  date: string;
  ar: number;
  arLow: number;
  arHigh: number;
  car: number;
  carLow: number;
  carHigh: number;
}

export interface AbnormalReturnBands {
  criticalT: number;
  path: BandPoint[];
}

export function abnormalReturnBands(study: EventStudyOk, alpha: number): AbnormalReturnBands {
  const criticalT = studentTCritical(study.df, alpha);
  const [e0] = study.eventWindow;
  const path: BandPoint[] = [];
  let car = 0;
  for (let k = 0; k < study.ar.length; k++) {
    const ar = study.ar[k] as number;
    car += ar;
    const arSd = Math.sqrt(study.arVariance[k] as number);
    const carSd = carWindowStats(study, [e0, e0 + k]).sd;
    path.push({
      tau: e0 + k,
      date: study.eventDates[k] as string,
      ar,
      arLow: -criticalT * arSd,
      arHigh: criticalT * arSd,
      car,
      carLow: -criticalT * carSd,
      carHigh: criticalT * carSd,
    });
  }
  return { criticalT, path };
}
