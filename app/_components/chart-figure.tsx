// A chart as a figure a screen reader can find: named by `label`, described by a one-sentence summary computed from
// the data (lib/charts/summary), with the chart's data table kept beside it by the caller.
import { useId } from "react";

export function ChartFigure({ label, summary, children }: { label: string; summary: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <div role="figure" aria-label={label} aria-describedby={id}>
      {children}
      <p id={id} className="sr-only">{summary}</p>
    </div>
  );
}
