// Places the asset chart's HTML overlay on the canvas: event and note markers over their sessions (above the high,
// below the low), the tooltip beside its marker, and the shaded spans (estimation window, event window, day 0).
// Written straight to the DOM on every pan and zoom frame, so React does not re-render 60 times a second.
import type { IChartApi, ISeriesApi, SeriesType, Time } from "lightweight-charts";

export function positionOverlay(
  c: IChartApi,
  s: ISeriesApi<SeriesType>,
  box: HTMLDivElement,
  tip: HTMLDivElement | null,
  indexOf: ReadonlyMap<string, number>,
  priceAt: (i: number, side: "high" | "low") => number,
): void {
  const width = c.paneSize(0).width;
  const height = c.paneSize(0).height;
  box.style.height = `${height}px`;
  box.style.width = `${width}px`;
  for (const el of box.querySelectorAll<HTMLElement>("[data-session]")) {
    const session = el.dataset.session!;
    const i = indexOf.get(session);
    const x = c.timeScale().timeToCoordinate(session as Time);
    if (i === undefined || x === null || x < 0 || x > width) {
      el.style.display = "none";
      continue;
    }
    const kind = el.dataset.kind;
    const y = s.priceToCoordinate(priceAt(i, kind === "note" ? "low" : "high"));
    if (y === null) {
      el.style.display = "none";
      continue;
    }
    el.style.display = "";
    el.style.transform = `translate(${x - 11}px, ${kind === "note" ? y + 2 : y - 24}px)`;
  }
  const anchor = tip ? box.querySelector<HTMLElement>(`[data-session="${tip.dataset.anchorSession}"][data-kind="${tip.dataset.anchorKind}"]`) : null;
  if (tip && anchor && anchor.style.display !== "none") {
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(anchor.style.transform);
    const x = m ? Number(m[1]) + 11 : 0;
    const y = m ? Number(m[2]) : 0;
    const w = tip.offsetWidth;
    const left = x > width / 2 ? x - w - 14 : x + 18;
    tip.style.left = `${Math.max(4, Math.min(width - w - 4, left))}px`;
    tip.style.top = `${Math.max(4, Math.min(y - 20, height - tip.offsetHeight - 4))}px`;
  }
  for (const el of box.querySelectorAll<HTMLElement>("[data-span-from]")) {
    const a = c.timeScale().timeToCoordinate(el.dataset.spanFrom as Time);
    const b = c.timeScale().timeToCoordinate(el.dataset.spanTo as Time);
    if (a === null || b === null) {
      el.style.display = "none";
      continue;
    }
    const left = Math.max(0, Math.min(a, b) - 3);
    const right = Math.min(width, Math.max(a, b) + 3);
    el.style.display = right > left ? "" : "none";
    el.style.left = `${left}px`;
    el.style.width = `${Math.max(2, right - left)}px`;
  }
}
