"use client";
// The chart's events as a list keyed by the marker letters: hovering a row lights its marker, a row the chart does not
// show gets a jump button, and each title opens the event. Screen readers read the events here.
import type { ChartEventInfo } from "@/lib/charts/chart-payload";
import { formatReturn } from "../stats-format";
import { ShapeGlyph } from "./event-details";

interface Props {
  events: ChartEventInfo[];
  visible: { from: string; to: string } | null;
  highlighted: number | null;
  selected: number | null;
  dark: boolean;
  onHover(id: number | null): void;
  onSelect(id: number): void;
}

const VERDICT_MARK: Record<string, string> = { confirmed: "✓ confirmed", contradicted: "✗ contradicted", inconclusive: "inconclusive" };

export function EventList({ events, visible, highlighted, selected, dark, onHover, onSelect }: Props) {
  return (
    <ol className="max-h-[28rem] divide-y divide-tremor-border overflow-auto text-tremor-label dark:divide-dark-tremor-border" aria-label="Events on the chart" data-testid="chart-event-list">
      {[...events].reverse().map((e) => {
        const inView = visible && e.session ? e.session >= visible.from && e.session <= visible.to : false;
        const lit = highlighted === e.id || selected === e.id;
        return (
          <li
            key={e.id}
            data-event-id={e.id}
            data-label={e.label}
            data-session={e.session ?? undefined}
            data-highlighted={lit ? "true" : undefined}
            onMouseEnter={() => onHover(e.id)}
            onMouseLeave={() => onHover(null)}
            className={`flex items-start gap-2 px-2 py-1.5 ${lit ? "bg-amber-50 dark:bg-amber-950/40" : ""} ${inView ? "" : "bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"}`}
          >
            <span className="w-8 shrink-0 font-semibold tabular-nums"><ShapeGlyph direction={e.direction} category={e.category} dark={dark} />{e.label}</span>
            <span className="min-w-0 flex-1">
              <a href={`/events/${e.id}`} className="block leading-snug text-tremor-content-strong hover:underline dark:text-dark-tremor-content-strong" onFocus={() => onHover(e.id)} onBlur={() => onHover(null)}>{e.title}</a>
              <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">
                {e.session ?? "not on this series"} · {e.categoryLabel}
                {e.car !== null && <> · CAR {formatReturn(e.car)}{e.verdict ? ` ${VERDICT_MARK[e.verdict]}` : ""}</>}
              </span>
            </span>
            {e.session && (
              <button type="button" onClick={() => onSelect(e.id)} className="shrink-0 rounded-tremor-small border border-tremor-border px-1.5 py-0.5 text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis hover:bg-tremor-background-subtle dark:border-dark-tremor-border dark:hover:bg-dark-tremor-background-subtle" aria-label={`${inView ? "Show windows of" : "Jump to"} ${e.label}: ${e.title}`}>
                {inView ? "windows" : "jump"}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
