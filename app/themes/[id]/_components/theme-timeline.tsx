import { Card, Text, Title } from "@tremor/react";
import Link from "next/link";
import { CATEGORY_LABEL, formatDate } from "../../../_components/format";

export interface TimelineEvent {
  id: number;
  title: string;
  occurredAt: Date;
  category: string;
  severity: number;
  symbols: string[];
}

const CATEGORY_COLOR: Record<string, string> = {
  SUMMIT: "#3b82f6",
  DIPLOMACY: "#06b6d4",
  TREATY: "#8b5cf6",
  MILITARY: "#ef4444",
  SANCTIONS: "#f97316",
  INTELLIGENCE: "#64748b",
  UN: "#10b981",
  ECONOMIC: "#eab308",
  OTHER: "#94a3b8",
};

const DAY = 86_400_000;

/**
 * The storyline on one time axis (server-rendered SVG: no JavaScript needed to read it), dot size by severity and colour
 * by category, with the same events listed below as text.
 */
export function ThemeTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) {
    return (
      <Card>
        <Title>Timeline</Title>
        <Text className="mt-2">No event belongs to this theme yet.</Text>
      </Card>
    );
  }
  const t0 = events[0]!.occurredAt.getTime() - 15 * DAY;
  const t1 = events[events.length - 1]!.occurredAt.getTime() + 15 * DAY;
  const x = (d: Date) => 2 + (96 * (d.getTime() - t0)) / (t1 - t0);
  const years: number[] = [];
  for (let y = new Date(t0).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < t1; y++) years.push(y);
  // Stagger overlapping dots over three rows so close events stay clickable.
  const rows = events.map((_, i) => i % 3);
  return (
    <Card>
      <Title>Timeline</Title>
      <svg viewBox="0 0 100 24" preserveAspectRatio="none" className="mt-4 h-28 w-full" aria-hidden="true" data-testid="theme-timeline">
        <line x1="1" x2="99" y1="20" y2="20" stroke="#94a3b8" strokeWidth="0.3" vectorEffect="non-scaling-stroke" />
        {years.map((y) => {
          const xy = x(new Date(Date.UTC(y, 0, 1)));
          return (
            <g key={y}>
              <line x1={xy} x2={xy} y1="18.5" y2="21.5" stroke="#94a3b8" vectorEffect="non-scaling-stroke" />
              <text x={xy} y="23.8" fontSize="2.2" textAnchor="middle" fill="currentColor">{y}</text>
            </g>
          );
        })}
        {events.map((e, i) => (
          // For the mouse only: the list below holds the same links for keyboards and screen readers.
          <Link key={e.id} href={`/events/${e.id}`} tabIndex={-1}>
            <line x1={x(e.occurredAt)} x2={x(e.occurredAt)} y1={4 + rows[i]! * 5} y2="20" stroke="#cbd5e1" strokeWidth="0.5" vectorEffect="non-scaling-stroke" />
            <ellipse cx={x(e.occurredAt)} cy={4 + rows[i]! * 5} rx={0.35 + e.severity * 0.12} ry={1 + e.severity * 0.35} fill={CATEGORY_COLOR[e.category] ?? "#94a3b8"} className="cursor-pointer">
              <title>{`${formatDate(e.occurredAt)} · ${CATEGORY_LABEL[e.category]} · severity ${e.severity} — ${e.title}`}</title>
            </ellipse>
          </Link>
        ))}
      </svg>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content" aria-label="Category colours" data-testid="theme-timeline-legend">
        {Object.keys(CATEGORY_COLOR)
          .filter((c) => events.some((e) => e.category === c))
          .map((c) => (
            <li key={c} className="inline-flex items-center gap-1.5">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: CATEGORY_COLOR[c] }} aria-hidden />
              {CATEGORY_LABEL[c]}
            </li>
          ))}
        <li className="inline-flex items-center gap-1.5">Taller dot: higher severity</li>
      </ul>
      <ol className="mt-4 space-y-1 text-tremor-default" aria-label={`${events.length} events from ${formatDate(events[0]!.occurredAt)} to ${formatDate(events[events.length - 1]!.occurredAt)}`}>
        {events.map((e) => (
          <li key={e.id} className="flex flex-wrap gap-x-2">
            <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">{formatDate(e.occurredAt)}</span>
            <span className="inline-block h-2.5 w-2.5 self-center rounded-full" style={{ background: CATEGORY_COLOR[e.category] ?? "#94a3b8" }} aria-hidden />
            <Link href={`/events/${e.id}`} className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">{e.title}</Link>
            <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{CATEGORY_LABEL[e.category]}, severity {e.severity}{e.symbols.length ? ` · ${e.symbols.join(", ")}` : ""}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
