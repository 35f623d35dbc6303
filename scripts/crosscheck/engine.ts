// Side A of the cross-check: writes the dataset as CSV, reads it back, and runs Faultline's engine on it.
// Usage: npx tsx scripts/crosscheck/engine.ts <out-dir>  → <out-dir>/{prices,assets,events}.csv and faultline.json

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  aggregateEventStudies,
  firstReactingSession,
  indexOnOrAfter,
  placeboTest,
  prepareEventStudyData,
  resolveEventStudyConfig,
  riskPanel,
  eventStudyAt,
  volatilityRegimeShift,
  type AggregateEventStudy,
  type EventStudyModel,
  type EventStudyOk,
  type EventStudyResult,
  type Series,
} from "@/lib/analytics";
import { ASSETS, BENCHMARK, EVENTS, generatePrices } from "./dataset";
import { scenarioCrosscheck } from "./scenarios";

const outDir = process.argv[2];
if (!outDir) throw new Error("usage: engine.ts <out-dir>");
mkdirSync(outDir, { recursive: true });

// 1. Write the dataset (shortest round-trip decimal, so both sides parse identical doubles).
const prices = generatePrices();
const rows = ["symbol,date,adj_close"];
for (const [symbol, s] of prices) s.dates.forEach((d, i) => rows.push(`${symbol},${d},${String(s.values[i])}`));
writeFileSync(path.join(outDir, "prices.csv"), rows.join("\n") + "\n");
writeFileSync(path.join(outDir, "assets.csv"), ["symbol,time_zone,session_close", ...ASSETS.map((a) => `${a.symbol},${a.timeZone},${a.sessionClose}`)].join("\n") + "\n");
writeFileSync(path.join(outDir, "events.csv"), ["event_id,occurred_at,precision", ...EVENTS.map((e) => `${e.id},${e.occurredAt},${e.precision}`)].join("\n") + "\n");

// 2. Read it back: the engine sees exactly what the Python side sees.
const series = new Map<string, { dates: string[]; values: number[] }>();
for (const line of readFileSync(path.join(outDir, "prices.csv"), "utf8").trim().split("\n").slice(1)) {
  const [symbol, date, close] = line.split(",") as [string, string, string];
  let s = series.get(symbol);
  if (!s) series.set(symbol, (s = { dates: [], values: [] }));
  s.dates.push(date);
  s.values.push(Number(close));
}
const bench = series.get(BENCHMARK) as Series;

const arr = (a: ArrayLike<number>) => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
const key = (w: readonly [number, number]) => `${w[0]},${w[1]}`;

const out: Record<string, Record<string, unknown>> = { risk: {}, day0: {}, studies: {}, aggregates: {}, placebo: {} };
const models: EventStudyModel[] = ["market", "constant-mean", "market-adjusted"];
const config = resolveEventStudyConfig({ customWindows: [[-2, 3]] });
const byModel = new Map<EventStudyModel, EventStudyOk[]>();
const okStudies = new Map<string, EventStudyOk>();

for (const asset of ASSETS) {
  const s = series.get(asset.symbol) as Series;
  const panel = riskPanel(s, bench);
  const regime: Record<string, unknown> = {};
  const data = prepareEventStudyData(s, bench, "simple");
  const day0ByEvent = new Map<string, number>();
  for (const e of EVENTS) {
    const idx = firstReactingSession(e.occurredAt, e.precision, s.dates, asset.timeZone, asset.sessionClose);
    const day0Date = idx === null ? null : (s.dates[idx] as string);
    out.day0![`${e.id}|${asset.symbol}`] = day0Date;
    if (day0Date === null) continue;
    const i = indexOnOrAfter(data.dates, day0Date);
    if (i !== null) day0ByEvent.set(e.id, i);
    const own = indexOnOrAfter(panel.dates, day0Date);
    if (own !== null && own >= 3 && own + 3 <= panel.logReturns.length) {
      const r = volatilityRegimeShift(panel.logReturns, own);
      regime[e.id] = { ratio: r.varianceRatio, p: r.pValue, dfPost: r.dfPost, dfPre: r.dfPre };
    }
  }
  out.risk![asset.symbol] = {
    vol20: arr(panel.volatility[0]!.values),
    vol60: arr(panel.volatility[1]!.values),
    vol252: arr(panel.volatility[2]!.values),
    ewmaVar: arr(panel.ewma.variance),
    ewmaNext: panel.ewma.nextDayVariance,
    volZ: arr(panel.volatilityRegime.zScore),
    var: panel.valueAtRisk.map((v) => ({ conf: v.confidence, hVaR: v.historicalVaR, hES: v.historicalES, pVaR: v.parametricVaR, pES: v.parametricES })),
    mdd: panel.maxDrawdown,
    beta60: arr(panel.beta!.beta),
    corr60: arr(panel.beta!.correlation),
    regime,
  };
  for (const model of models) {
    const cfg = { ...config, model };
    for (const e of EVENTS) {
      const i = day0ByEvent.get(e.id);
      if (i === undefined) continue;
      const r: EventStudyResult = eventStudyAt(data, i, cfg);
      const k = `${e.id}|${asset.symbol}|${model}`;
      if (r.status !== "ok") {
        out.studies![k] = { status: r.status, n: r.estimationN };
        continue;
      }
      (byModel.get(model) ?? byModel.set(model, []).get(model)!).push(r);
      okStudies.set(k, r);
      out.studies![k] = {
        status: r.status,
        day0Date: r.day0Date,
        alpha: r.alpha,
        beta: r.beta,
        sigma: r.sigma,
        df: r.df,
        n: r.estimationN,
        ar: arr(r.ar),
        arVar: arr(r.arVariance),
        sar: arr(r.sar),
        windows: Object.fromEntries(
          r.windows.map((w) => [key(w.window), { car: w.car, sd: w.sd, t: w.t, p: w.p, patellZ: w.patellZ, patellP: w.patellP, rankZ: w.rankZ, rankP: w.rankP, signZ: w.signZ, signP: w.signP }]),
        ),
      };
      if (model === "market") {
        const others = [...day0ByEvent.entries()].filter(([id]) => id !== e.id).map(([, d]) => d);
        const p = placeboTest(data, i, others, cfg, { window: [-1, 1], draws: 200, seed: 42 });
        out.placebo![`${e.id}|${asset.symbol}`] = { actualCar: p.actualCar, percentile: p.percentile, pValue: p.pValue, eligible: p.eligible, cars: arr(p.placeboCars) };
      }
    }
  }
}

function aggregateJson(a: AggregateEventStudy) {
  return {
    n: a.n,
    rbar: a.averageResidualCorrelation,
    aar: arr(a.aar),
    windows: Object.fromEntries(
      a.windows.map((w) => [
        key(w.window),
        { caar: w.caar, csT: w.crossSectionalT, csP: w.crossSectionalP, patellZ: w.patellZ, patellP: w.patellP, bmpT: w.bmpT, bmpP: w.bmpP, kpT: w.kpT, kpP: w.kpP, rankZ: w.rankZ, rankP: w.rankP, signZ: w.signZ, signP: w.signP },
      ]),
    ),
  };
}

for (const model of models) out.aggregates![`all|${model}`] = aggregateJson(aggregateEventStudies(byModel.get(model) ?? []));
// Per event (assets of one event) and per asset (the theme view across events), market model.
const market = (eventId: string, symbol: string) => okStudies.get(`${eventId}|${symbol}|market`);
for (const e of EVENTS) {
  const group = ASSETS.map((a) => market(e.id, a.symbol)).filter((s): s is EventStudyOk => s !== undefined);
  if (group.length >= 2) out.aggregates![`event:${e.id}`] = aggregateJson(aggregateEventStudies(group));
}
for (const a of ASSETS) {
  const group = EVENTS.map((e) => market(e.id, a.symbol)).filter((s): s is EventStudyOk => s !== undefined);
  if (group.length >= 2) out.aggregates![`asset:${a.symbol}`] = aggregateJson(aggregateEventStudies(group));
}

out.scenarios = scenarioCrosscheck(series, EVENTS);

writeFileSync(path.join(outDir, "faultline.json"), JSON.stringify(out));
console.log(`faultline: ${Object.keys(out.studies!).length} studies, ${Object.keys(out.aggregates!).length} aggregates → ${outDir}/faultline.json`);
