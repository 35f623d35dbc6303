"use client";
// A compact, static price chart of one asset around an event: day 0 marked by the expected direction's arrow, the
// event window shaded. The whole card links to the asset page zoomed on that window with the event selected.
import type { Time } from "lightweight-charts";
import { useEffect, useRef, useState } from "react";
import { DARK, LIGHT, useDarkMode } from "./chart-theme";
import type { Direction } from "@/lib/enums";

interface Props {
  eventId: number;
  symbol: string;
  name: string;
  direction: Direction;
  day0: string;
  dates: string[];
  closes: number[];
  eventWindow: { from: string; to: string } | null;
  synthetic: boolean;
}

export function EventWindowChart({ eventId, symbol, name, direction, day0, dates, closes, eventWindow, synthetic }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const [shade, setShade] = useState<{ left: number; width: number; day0: number } | null>(null);
  useEffect(() => {
    let disposed = false;
    let remove = () => {};
    void import("lightweight-charts").then((lib) => {
      if (disposed || !host.current) return;
      const p = dark ? DARK : LIGHT;
      const c = lib.createChart(host.current, {
        autoSize: true,
        layout: { background: { color: p.background }, textColor: p.text, attributionLogo: false, fontSize: 10 },
        grid: { vertLines: { visible: false }, horzLines: { color: p.grid } },
        rightPriceScale: { borderVisible: false },
        timeScale: { borderVisible: false, fixLeftEdge: true, fixRightEdge: true },
        handleScroll: false,
        handleScale: false,
        crosshair: { vertLine: { visible: false }, horzLine: { visible: false } },
      });
      const s = c.addSeries(lib.LineSeries, { color: p.series[0], lineWidth: 2, priceLineVisible: false, lastValueVisible: false });
      s.setData(dates.map((d, i) => ({ time: d as Time, value: closes[i]! })));
      lib.createSeriesMarkers(s, [{ time: day0 as Time, position: direction === "DOWN" ? "aboveBar" : "belowBar", shape: direction === "UP" ? "arrowUp" : direction === "DOWN" ? "arrowDown" : "circle", color: p.day0, text: "day 0" }]);
      c.timeScale().fitContent();
      const place = () => {
        const ts = c.timeScale();
        const x0 = ts.timeToCoordinate(day0 as Time);
        const a = eventWindow ? ts.timeToCoordinate(eventWindow.from as Time) : null;
        const b = eventWindow ? ts.timeToCoordinate(eventWindow.to as Time) : null;
        if (x0 !== null) setShade({ left: a ?? x0, width: Math.max(2, (b ?? x0) - (a ?? x0)), day0: x0 });
      };
      requestAnimationFrame(place);
      c.timeScale().subscribeSizeChange(place);
      remove = () => c.remove();
    });
    return () => {
      disposed = true;
      remove();
    };
  }, [dark, dates, closes, day0, direction, eventWindow]);
  const p = dark ? DARK : LIGHT;
  const query = new URLSearchParams({ from: dates[0]!, to: dates[dates.length - 1]!, event: String(eventId) });
  return (
    // A plain link: the asset page mounts its chart on a fresh document at the given zoom.
    <a
      href={`/assets/${encodeURIComponent(symbol)}?${query}`}
      className="block rounded-tremor-default border border-tremor-border p-2 hover:border-tremor-brand dark:border-dark-tremor-border"
      data-testid={`event-window-chart-${symbol}`}
    >
      <div className="flex items-baseline justify-between gap-2 text-tremor-label">
        <strong className="text-tremor-content-strong dark:text-dark-tremor-content-strong">{symbol}</strong>
        <span className="truncate">{name}</span>
      </div>
      <div className="relative mt-1 h-28">
        <div ref={host} className="absolute inset-0" />
        {shade && (
          <>
            <div className="pointer-events-none absolute top-0 h-full" style={{ left: shade.left, width: shade.width, background: p.eventWindow }} />
            <div className="pointer-events-none absolute top-0 h-full" style={{ left: shade.day0, borderLeft: `2px dashed ${p.day0}` }} />
          </>
        )}
      </div>
      <div className="flex justify-between text-[11px] text-tremor-content dark:text-dark-tremor-content">
        <span>day 0 {day0} · event window shaded<span className="sr-only">: open the asset chart at this window</span></span>
        {synthetic && <span>synthetic</span>}
      </div>
    </a>
  );
}
