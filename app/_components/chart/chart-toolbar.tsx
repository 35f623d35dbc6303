"use client";
// The asset chart's controls: range presets, series style, log scale, volume and the compare picker. Every change is
// a change of the view, which the chart applies on the client and writes to the URL.
import { RANGES, type RangeKey } from "@/lib/charts/ranges";
import type { ChartPayload, ChartStyle } from "@/lib/charts/chart-payload";
import type { ChartView } from "@/lib/charts/view-url";
import { ComparePicker } from "./compare-picker";

const MAX_COMPARE = 5;
const STYLES: ChartStyle[] = ["line", "candles", "area"];

export const toolbarButton = (active: boolean) =>
  `rounded-tremor-small px-2 py-1 text-tremor-label ${active ? "bg-tremor-brand text-white" : "hover:bg-tremor-background-subtle dark:hover:bg-dark-tremor-background-subtle"}`;

export function ChartToolbar({
  view,
  assets,
  colors,
  onPreset,
  onChange,
}: {
  view: ChartView;
  assets: ChartPayload["assets"];
  colors: string[];
  onPreset: (range: RangeKey) => void;
  onChange: (change: Partial<ChartView>) => void;
}) {
  const btn = toolbarButton;
  const presetActive = (r: RangeKey) => view.range === r && !view.from && !view.to;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <div role="group" aria-label="Range" className="flex gap-0.5">
        {RANGES.map((r) => (
          <button key={r} type="button" aria-pressed={presetActive(r)} className={btn(presetActive(r))} onClick={() => onPreset(r)}>{r}</button>
        ))}
      </div>
      <div role="group" aria-label="Series style" className="flex gap-0.5">
        {STYLES.map((s) => (
          <button key={s} type="button" aria-pressed={view.style === s} className={btn(view.style === s)} onClick={() => onChange({ style: s })}>{s}</button>
        ))}
      </div>
      <button type="button" aria-pressed={view.log} className={btn(view.log)} onClick={() => onChange({ log: !view.log })}>log</button>
      <button type="button" aria-pressed={view.volume} className={btn(view.volume)} onClick={() => onChange({ volume: !view.volume })}>volume</button>
      <ComparePicker
        assets={assets}
        selected={view.compare}
        colors={colors}
        max={MAX_COMPARE}
        onAdd={(s) => onChange({ compare: [...view.compare, s] })}
        onRemove={(s) => onChange({ compare: view.compare.filter((x) => x !== s) })}
      />
    </div>
  );
}
