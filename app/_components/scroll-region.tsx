"use client";

// A wide table in a sideways-scrolling box that says so: while columns are hidden to the right, a fading edge and a
// "scroll for more" line show it (hidden again at the end). The box is a labelled, focusable region so keyboard users
// can scroll it with the arrow keys (axe: scrollable-region-focusable).
import { useEffect, useRef, useState } from "react";

/** `maxHeightClass` (e.g. "max-h-[36rem]") also scrolls a long table downwards inside the same focusable region. */
export function ScrollRegion({ label, children, testId, maxHeightClass = "" }: { label: string; children: React.ReactNode; testId?: string; maxHeightClass?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setMore(el.scrollLeft + el.clientWidth < el.scrollWidth - 2);
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);

  return (
    <div className="relative" data-testid={testId}>
      <div ref={box} role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto rounded-tremor-small ${maxHeightClass ? `${maxHeightClass} overflow-y-auto` : ""}`}>
        {children}
      </div>
      <div
        aria-hidden="true"
        data-scroll-hint={more ? "more" : "end"}
        className={`pointer-events-none absolute inset-y-0 right-0 w-10 bg-gradient-to-l from-tremor-background to-transparent transition-opacity dark:from-dark-tremor-background ${more ? "opacity-100" : "opacity-0"}`}
      />
      {more && (
        <p className="mt-1 text-right text-tremor-label text-tremor-content dark:text-dark-tremor-content" data-testid="scroll-hint">
          Scroll sideways for more columns →
        </p>
      )}
    </div>
  );
}
