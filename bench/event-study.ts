// Benchmark: Faultline's event-study engine and risk panel against the same computation in numpy/pandas/scipy
// (bench/event-study.py), on the same generated data, in the same run. Usage: npx tsx bench/event-study.ts [--quick]

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  aggregateEventStudies,
  eventStudyAt,
  mulberry32,
  resolveEventStudyConfig,
  riskPanel,
  type EventStudyData,
  type EventStudyOk,
} from "@/lib/analytics";

const ASSETS = 50;
const DAYS = 3000;
const quick = process.argv.includes("--quick");
const python = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const dir = mkdtempSync(path.join(tmpdir(), "faultline-bench-"));

function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

// Returns: a market factor and 50 assets with betas 0.5–1.5.
const z = gaussian(mulberry32(1));
const market = Float64Array.from({ length: DAYS }, () => 0.0003 + 0.011 * z());
const assets = Array.from({ length: ASSETS }, (_, k) => Float64Array.from(market, (m) => (0.5 + k / ASSETS) * m + 0.012 * z()));
const dates = Array.from({ length: DAYS }, (_, i) => `t${String(i).padStart(5, "0")}`);
const data: EventStudyData[] = assets.map((a) => ({ dates, asset: a, benchmark: market }));
const matrix = new Float64Array((ASSETS + 1) * DAYS);
matrix.set(market, 0);
assets.forEach((a, k) => matrix.set(a, (k + 1) * DAYS));
writeFileSync(path.join(dir, "returns.f64"), matrix);

const config = resolveEventStudyConfig({ estimationWindow: [-250, -11], eventWindow: [-10, 10], model: "market" });

/** All events: per asset the study with every test, then the cross-asset aggregate (incl. Kolari–Pynnönen). */
function runFaultline(day0: Int32Array, assetCount: number): { seconds: number; checksum: number } {
  const t = performance.now();
  let checksum = 0;
  const group: EventStudyOk[] = new Array(assetCount);
  for (const d of day0) {
    for (let k = 0; k < assetCount; k++) {
      const r = eventStudyAt(data[k] as EventStudyData, d, config);
      if (r.status !== "ok") throw new Error(r.status);
      group[k] = r;
    }
    const agg = aggregateEventStudies(group);
    checksum += agg.windows[2]!.caar + agg.windows[2]!.kpT;
  }
  return { seconds: (performance.now() - t) / 1000, checksum };
}

function runPython(mode: string, events: number, assetCount: number): { seconds: number; checksum: number } {
  const r = spawnSync(python, [path.join(import.meta.dirname, "event-study.py"), mode, dir, String(events), String(assetCount), String(DAYS)], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string) as { seconds: number; checksum: number };
}

function eventsFile(n: number): Int32Array {
  const rnd = mulberry32(n);
  const day0 = Int32Array.from({ length: n }, () => 250 + Math.floor(rnd() * (DAYS - 250 - 11)));
  writeFileSync(path.join(dir, `events-${n}.i32`), day0);
  return day0;
}

const lines: string[] = [];
const say = (s: string) => {
  lines.push(s);
  console.log(s);
};
try {
  say(`| events | assets | pairs | Faultline (s) | numpy/pandas (s) | numpy ÷ Faultline | checksum agree |`);
  say(`|---:|---:|---:|---:|---:|---:|:---:|`);
  const sizes = quick ? [10, 100] : [10, 100, 1000, 10000];
  runFaultline(eventsFile(50), ASSETS); // warm-up (JIT)
  for (const n of sizes) {
    const assetCount = ASSETS;
    const day0 = eventsFile(n);
    const ts = runFaultline(day0, assetCount);
    const py = runPython("events", n, assetCount);
    const agree = Math.abs(ts.checksum - py.checksum) <= 1e-8 * Math.max(1, Math.abs(ts.checksum));
    say(`| ${n} | ${assetCount} | ${n * assetCount} | ${ts.seconds.toFixed(3)} | ${py.seconds.toFixed(3)} | ${(py.seconds / ts.seconds).toFixed(2)}× | ${agree ? "yes" : `NO (${ts.checksum} vs ${py.checksum})`} |`);
  }

  // Risk panel: 50 assets × 20 years of daily prices against one benchmark.
  const years = 20;
  const T = 252 * years;
  const zr = gaussian(mulberry32(2));
  const toPrices = (r: Float64Array) => {
    const p = new Float64Array(r.length + 1);
    p[0] = 100;
    for (let i = 0; i < r.length; i++) p[i + 1] = (p[i] as number) * Math.exp(r[i] as number);
    return p;
  };
  const mret = Float64Array.from({ length: T }, () => 0.0002 + 0.01 * zr());
  const bench = { dates: Array.from({ length: T + 1 }, (_, i) => `t${String(i).padStart(5, "0")}`), values: toPrices(mret) };
  const panelPrices = Array.from({ length: ASSETS }, (_, k) => toPrices(Float64Array.from(mret, (m) => (0.5 + k / ASSETS) * m + 0.012 * zr())));
  const pm = new Float64Array((ASSETS + 1) * (T + 1));
  pm.set(bench.values, 0);
  panelPrices.forEach((p, k) => pm.set(p, (k + 1) * (T + 1)));
  writeFileSync(path.join(dir, "prices.f64"), pm);
  riskPanel({ dates: bench.dates, values: panelPrices[0]! }, bench); // warm-up
  const t = performance.now();
  let checksum = 0;
  for (const p of panelPrices) {
    const panel = riskPanel({ dates: bench.dates, values: p }, bench);
    checksum += panel.valueAtRisk[1]!.historicalES + panel.maxDrawdown.maxDrawdown + (panel.volatility[0]!.values[T - 1] as number);
  }
  const tsPanel = (performance.now() - t) / 1000;
  const pyPanel = runPython("risk", ASSETS, ASSETS);
  say("");
  say(`| risk panel | Faultline (s) | numpy/pandas (s) | numpy ÷ Faultline | checksum agree |`);
  say(`|---|---:|---:|---:|:---:|`);
  say(
    `| ${ASSETS} assets × ${years} years (${T} returns each) | ${tsPanel.toFixed(3)} | ${pyPanel.seconds.toFixed(3)} | ${(pyPanel.seconds / tsPanel).toFixed(2)}× | ${Math.abs(checksum - pyPanel.checksum) <= 1e-8 * Math.abs(checksum) ? "yes" : `NO (${checksum} vs ${pyPanel.checksum})`} |`,
  );
  writeFileSync(process.env.BENCH_OUT ?? path.join(dir, "table.md"), lines.join("\n") + "\n");
} finally {
  if (!process.env.BENCH_OUT) rmSync(dir, { recursive: true, force: true });
  else rmSync(dir, { recursive: true, force: true });
}
