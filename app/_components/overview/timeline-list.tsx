"use client";
// The overview timeline's list of the latest events, sent as data and rendered here rather than as a server-rendered
// element tree (the same markup, a fraction of the React payload). The HTML is still rendered on the server.
import Link from "next/link";

export interface TimelineListEvent {
  id: number;
  /** ISO timestamp. */
  occurredAt: string;
  /** The category's label. */
  category: string;
  severity: number;
  countries: string[];
  theme: string | null;
  title: string;
}

export function TimelineList({ events }: { events: TimelineListEvent[] }) {
  return (
    <ul className="mt-3 max-h-96 divide-y divide-tremor-border overflow-auto dark:divide-dark-tremor-border" tabIndex={0} aria-label="Events in the timeline">
      {events.map((e) => (
        <li key={e.id} className="py-2">
          <div className="flex flex-wrap items-center gap-2 text-tremor-label">
            <time dateTime={e.occurredAt}>{e.occurredAt.slice(0, 10)}</time>
            <span className="rounded bg-tremor-brand-faint px-1.5 text-tremor-brand-emphasis dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis">{e.category}</span>
            <span>severity {e.severity}</span>
            <span>{e.countries.join(" ")}</span>
            {e.theme && <span>· {e.theme}</span>}
          </div>
          <Link href={`/events/${e.id}`} className="inline-block py-0.5 text-tremor-default font-medium hover:text-tremor-brand dark:hover:text-dark-tremor-brand">{e.title}</Link>
        </li>
      ))}
    </ul>
  );
}
