"use client";

// Controls that change a chart sit after it, in a panel: folded on a phone (the chart comes first, the form one tap
// away), unfolded from the `lg` breakpoint where there is room. A <details>, so it works before hydration and
// without JavaScript; the effect only unfolds it on wide screens.
import { useEffect, useRef } from "react";

export function ControlsPanel({ summary, children, testId, defaultOpen = false }: { summary: string; children: React.ReactNode; testId?: string; defaultOpen?: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 1024px)").matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} open={defaultOpen || undefined} className="group rounded-tremor-default border border-tremor-border bg-tremor-background shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background" data-testid={testId}>
      <summary className="flex min-h-[44px] cursor-pointer items-center gap-2 rounded-tremor-default px-4 text-tremor-default font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className="transition-transform group-open:rotate-90">
          <path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {summary}
      </summary>
      <div className="px-4 pb-4">{children}</div>
    </details>
  );
}
