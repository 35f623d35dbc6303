"use client";
// The asset page's price chart (lightweight-charts on canvas): events as direction-shaped, category-coloured markers
// grouped per session (merged into counted clusters when the chart is crowded), notes as squares, an instant HTML
// tooltip, an event list kept in step, and every view change (range, zoom, scale, style, volume, compare, selected
// event) made on the client and written to the URL.
import type { IChartApi, ISeriesApi, ISeriesMarkersPluginApi, MouseEventParams, SeriesMarker, SeriesType, Time } from "lightweight-charts";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { rangeStart, type RangeKey } from "@/lib/charts/ranges";
import type { ChartEventInfo, ChartPayload } from "@/lib/charts/chart-payload";
import { groupBySession, noteMarkerStyle, outsideRange } from "@/lib/charts/event-overlay";
import { clusterByDensity, clusterIndexOf, clusterMarkerStyle, isCrowded } from "@/lib/charts/marker-clusters";
import { viewQuery, type ChartView } from "@/lib/charts/view-url";
import { rebaseFactor } from "@/lib/charts/rebase";
import { formatPrice } from "../format";
import { chartOptions, isoOf, scaledSeries } from "./chart-options";
import { DARK, LIGHT, useDarkMode } from "./chart-theme";
import { ChartToolbar } from "./chart-toolbar";
import { SessionDetails } from "./event-details";
import { EventList } from "./event-list";
import { EventSheet } from "./event-sheet";
import { MarkerButtons, MarkerLegend, OutOfRangeNav } from "./chart-markers";
import { positionOverlay } from "./overlay-layout";
import { useCompareData } from "./use-compare-data";

type Lib = typeof import("lightweight-charts");
type Hover = { session: string; kind: "event" | "note"; pinned?: boolean } | null;

export function AssetChart({ data, initialView, lastSession }: { data: ChartPayload; initialView: ChartView & { range: RangeKey }; lastSession: string }) {
  const router = useRouter();
  const dark = useDarkMode();
  const palette = dark ? DARK : LIGHT;
  const [view, setView] = useState<ChartView>(initialView);
  const dropCompare = useCallback((symbol: string) => setView((v) => ({ ...v, compare: v.compare.filter((x) => x !== symbol) })), []);
  const { compareData, compareError, clearCompareError } = useCompareData(view.compare, dropCompare);
  const [lib, setLib] = useState<Lib | null>(null);
  const [visible, setVisible] = useState<{ from: string; to: string } | null>(null);
  const [hover, setHover] = useState<Hover>(null);
  const [listHover, setListHover] = useState<number | null>(null);
  /** The session the keyboard walk is on; the cluster drawn around it is the focused marker. */
  const [focused, setFocused] = useState<string | null>(null);
  /** Horizontal pixels per session at the current zoom (null until the chart has laid out). */
  const [pxPerSession, setPxPerSession] = useState<number | null>(null);
  const [paneWidth, setPaneWidth] = useState<number | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);

  const host = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLDivElement>(null);
  const tooltip = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const main = useRef<ISeriesApi<SeriesType> | null>(null);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const volume = useRef<ISeriesApi<"Histogram"> | null>(null);
  const compares = useRef(new Map<string, ISeriesApi<"Line">>());
  const expected = useRef<{ from: string; to: string } | null>(null);
  const frame = useRef(0);
  const lastTouch = useRef(false);
  const applied = useRef(false);

  const bars = data.bars;
  const indexOf = useMemo(() => new Map(bars.dates.map((d, i) => [d, i])), [bars]);
  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data.events]);
  const eventGroups = useMemo(() => groupBySession(data.events), [data.events]);
  const noteGroups = useMemo(() => groupBySession(data.notes), [data.notes]);
  const notesBySession = useMemo(() => new Map(noteGroups.map((g) => [g.session, g.items])), [noteGroups]);
  // On a crowded chart, markers closer than a marker's width merge into one cluster, recomputed as the zoom changes; a
  // cluster is known by its first session, so with room to spare every cluster is one session's marker.
  const clusters = useMemo(
    () =>
      clusterByDensity(
        eventGroups.flatMap((g) => {
          const index = indexOf.get(g.session);
          return index === undefined ? [] : [{ session: g.session, index, items: g.items }];
        }),
        pxPerSession !== null && paneWidth !== null && isCrowded(eventGroups.length, paneWidth) ? pxPerSession : Number.POSITIVE_INFINITY,
      ),
    [eventGroups, indexOf, pxPerSession, paneWidth],
  );
  const clusterBySession = useMemo(() => new Map(clusters.map((c) => [c.session, c])), [clusters]);
  const markerEvents = (session: string) => clusterBySession.get(session)?.items ?? [];
  const comparing = view.compare.length > 0;
  // Compared on a log scale, every series is indexed to 100 here (the chart's own indexed scale is linear only), at the
  // first visible session once the chart has reported it.
  const rebaseAt = comparing && view.log ? (visible?.from ?? bars.dates[0] ?? null) : null;
  /** The main series' factor to 100 while rebased, else 1: marker positions follow the drawn values. */
  const mainScale = useRef(1);
  const rebased = useRef(false);
  const highlightedId = listHover ?? view.event ?? null;
  const highlightedSession = highlightedId !== null ? (eventsById.get(highlightedId)?.session ?? null) : null;
  const shadedEvent: ChartEventInfo | undefined =
    (hover?.kind === "event" ? markerEvents(hover.session)[0] : undefined) ?? (highlightedId !== null ? eventsById.get(highlightedId) : undefined);

  // Where an event or note marker sits: just above the bar's high, a note just below its low.
  const priceAt = useCallback(
    (i: number, side: "high" | "low") => {
      const factor = (comparing ? bars.adjClose[i]! / bars.close[i]! : 1) * mainScale.current;
      const raw = view.style === "candles" ? (side === "high" ? bars.high[i] : bars.low[i]) ?? bars.close[i]! : bars.close[i]!;
      return raw * factor;
    },
    [bars, comparing, view.style],
  );

  // The URL follows the view; nothing reloads.
  useEffect(() => {
    const q = viewQuery(view);
    const url = `${window.location.pathname}${q ? `?${q}` : ""}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, "", url);
  }, [view]);

  useEffect(() => {
    let alive = true;
    void import("lightweight-charts").then((m) => alive && setLib(m));
    return () => {
      alive = false;
    };
  }, []);

  const layoutOverlay = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const c = chart.current;
      const s = main.current;
      const box = overlay.current;
      if (c && s && box) positionOverlay(c, s, box, tooltip.current, indexOf, priceAt);
    });
  }, [indexOf, priceAt]);

  // Create the chart once the library is in.
  useEffect(() => {
    if (!lib || !host.current) return;
    const c = lib.createChart(host.current, {
      autoSize: true,
      ...chartOptions(palette),
      localization: { locale: "en-US" },
      timeScale: { borderColor: palette.border, rightOffset: 4, minBarSpacing: 0.2 },
      crosshair: { mode: lib.CrosshairMode.Normal },
      handleScale: { axisPressedMouseMove: true, mouseWheel: true, pinch: true },
      handleScroll: { mouseWheel: true, pressedMouseMove: true, horzTouchDrag: true, vertTouchDrag: false },
    });
    chart.current = c;
    let urlTimer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      const lr = c.timeScale().getVisibleLogicalRange();
      const width = c.paneSize(0).width;
      // Rounded so panning at a fixed zoom does not re-render.
      if (lr && width > 0 && lr.to > lr.from) {
        setPxPerSession(Math.round((width / (lr.to - lr.from)) * 100) / 100);
        setPaneWidth(width);
      }
    };
    const onRange = () => {
      layoutOverlay();
      measure();
      clearTimeout(urlTimer);
      urlTimer = setTimeout(() => {
        const r = c.timeScale().getVisibleRange();
        if (!r) return;
        const from = isoOf(r.from);
        const to = isoOf(r.to);
        setVisible({ from, to });
        const e = expected.current;
        if (e && e.from <= from && e.to >= to && (e.from === from || from === bars.dates[0]) && (e.to === to || to === bars.dates.at(-1))) return;
        expected.current = null;
        setView((v) => (v.from === from && v.to === to ? v : { ...v, range: undefined, from, to }));
      }, 200);
    };
    c.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    const ro = new ResizeObserver(() => {
      layoutOverlay();
      measure();
    });
    ro.observe(host.current);
    const live = compares.current;
    return () => {
      clearTimeout(urlTimer);
      ro.disconnect();
      c.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      c.remove();
      chart.current = null;
      main.current = null;
      markers.current = null;
      volume.current = null;
      live.clear();
    };
    // The chart is created once per library load; palette and data changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lib]);

  useEffect(() => {
    chart.current?.applyOptions(chartOptions(palette));
  }, [palette, lib]);

  // Main series: re-created when the style changes, re-filled when comparing switches to adjusted prices.
  useEffect(() => {
    const c = chart.current;
    if (!lib || !c) return;
    if (main.current) c.removeSeries(main.current);
    const color = palette.series[0]!;
    const adj = (i: number) => (comparing ? bars.adjClose[i]! / bars.close[i]! : 1) * mainScale.current;
    const s: ISeriesApi<SeriesType> =
      view.style === "candles"
        ? c.addSeries(lib.CandlestickSeries, { upColor: palette.up, downColor: palette.down, wickUpColor: palette.up, wickDownColor: palette.down, borderVisible: false })
        : view.style === "area"
          ? c.addSeries(lib.AreaSeries, { lineColor: color, topColor: `${color}55`, bottomColor: `${color}05`, lineWidth: 2 })
          : c.addSeries(lib.LineSeries, { color, lineWidth: 2 });
    s.setData(scaledSeries(bars, view.style, adj));
    main.current = s;
    markers.current = lib.createSeriesMarkers(s, [], { zOrder: "top" });
    if (!applied.current) {
      // First draw: the URL's zoom, else the preset counted back from the last session.
      applied.current = true;
      const from = initialView.from ?? rangeStart(initialView.range, lastSession) ?? bars.dates[0]!;
      const to = initialView.to ?? lastSession;
      if (!initialView.from && !initialView.to) expected.current = { from, to };
      c.timeScale().setVisibleRange({ from: from as Time, to: to as Time });
      // For bench/asset-chart.ts: when the first frame with the data has been painted.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("faultline:chart-painted")));
    }
    return () => {
      markers.current?.detach();
      markers.current = null;
    };
    // initialView and lastSession are only read on the first draw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lib, view.style, comparing, bars, palette]);

  // Price scale: indexed to 100 at the first visible session when comparing, else linear or log.
  useEffect(() => {
    if (!lib || !chart.current) return;
    const mode = view.log ? lib.PriceScaleMode.Logarithmic : comparing ? lib.PriceScaleMode.IndexedTo100 : lib.PriceScaleMode.Normal;
    chart.current.priceScale("right").applyOptions({ mode });
    // What the chart really uses, for readers of the page's markup (and its journeys).
    const applied = chart.current.priceScale("right").options().mode;
    if (host.current) host.current.dataset.priceScale = applied === lib.PriceScaleMode.Logarithmic ? "log" : applied === lib.PriceScaleMode.IndexedTo100 ? "indexed-to-100" : "linear";
    layoutOverlay();
  }, [lib, comparing, view.log, view.style, layoutOverlay]);

  // Volume in its own pane.
  useEffect(() => {
    const c = chart.current;
    if (!lib || !c) return;
    if (!view.volume || !bars.volume.some((v) => v !== null && v > 0)) return;
    const v = c.addSeries(lib.HistogramSeries, { color: palette.volume, priceFormat: { type: "volume" }, lastValueVisible: false, priceLineVisible: false }, 1);
    v.setData(bars.dates.map((d, i) => (bars.volume[i] === null ? { time: d as Time } : { time: d as Time, value: bars.volume[i]!, color: i > 0 && bars.close[i]! < bars.close[i - 1]! ? `${palette.down}66` : `${palette.up}66` })));
    c.panes()[1]?.setHeight(90);
    volume.current = v;
    layoutOverlay();
    return () => {
      if (chart.current) c.removeSeries(v);
      volume.current = null;
    };
  }, [lib, view.volume, bars, palette, layoutOverlay]);


  useEffect(() => {
    const c = chart.current;
    if (!lib || !c) return;
    const live = compares.current;
    for (const [symbol, s] of live) {
      if (!view.compare.includes(symbol)) {
        c.removeSeries(s);
        live.delete(symbol);
      }
    }
    view.compare.forEach((symbol, i) => {
      const d = compareData[symbol];
      const color = palette.series[(i + 1) % palette.series.length]!;
      const existing = live.get(symbol);
      if (existing) {
        existing.applyOptions({ color });
        return;
      }
      if (!d) return;
      const s = c.addSeries(lib.LineSeries, { color, lineWidth: 2, priceLineVisible: false, title: symbol });
      s.setData(d.dates.map((t, j) => ({ time: t as Time, value: d.values[j]! })));
      live.set(symbol, s);
    });
    layoutOverlay();
  }, [lib, view.compare, compareData, palette, layoutOverlay, view.style, comparing]);

  // Log scale while comparing: every series divided by its value at `rebaseAt` and times 100; back to the raw values
  // when the log scale or the comparison ends.
  useEffect(() => {
    const s = main.current;
    if (!lib || !s || (rebaseAt === null && !rebased.current)) return;
    rebased.current = rebaseAt !== null;
    const adj = (i: number) => (comparing ? bars.adjClose[i]! / bars.close[i]! : 1);
    mainScale.current = rebaseAt === null ? 1 : rebaseFactor(bars.dates, bars.dates.map((_, i) => bars.close[i]! * adj(i)), rebaseAt);
    s.setData(scaledSeries(bars, view.style, (i) => adj(i) * mainScale.current));
    for (const [symbol, series] of compares.current) {
      const d = compareData[symbol];
      if (!d) continue;
      const f = rebaseAt === null ? 1 : rebaseFactor(d.dates, d.values, rebaseAt);
      series.setData(d.dates.map((t, j) => ({ time: t as Time, value: d.values[j]! * f })));
    }
    if (host.current) host.current.dataset.rebasedAt = rebaseAt ?? "";
    layoutOverlay();
  }, [lib, rebaseAt, bars, compareData, view.compare, view.style, comparing, layoutOverlay]);

  // Markers: one per event cluster and one per note session; the highlighted one drawn larger.
  useEffect(() => {
    const m = markers.current;
    if (!m) return;
    const list: SeriesMarker<Time>[] = [];
    const all = [...clusters.map((g) => ({ g, kind: "event" as const })), ...noteGroups.map((g) => ({ g, kind: "note" as const }))].sort((a, b) => (a.g.session < b.g.session ? -1 : 1));
    for (const { g, kind } of all) {
      const i = indexOf.get(g.session);
      if (i === undefined) continue;
      const covers = (s: string | null) => s !== null && s >= g.session && s <= ("lastSession" in g ? g.lastSession : g.session);
      const lit = (hover?.session === g.session && hover.kind === kind) || (kind === "event" && covers(highlightedSession));
      if (kind === "event" && "lastSession" in g) {
        const style = clusterMarkerStyle(g, dark);
        list.push({ time: g.session as Time, position: "atPriceBottom", price: priceAt(i, "high"), shape: style.shape, color: style.color, text: style.text, size: lit ? 1.6 : 1, id: `e:${g.session}` });
      } else if (kind === "note") {
        const style = noteMarkerStyle(g.items, dark);
        list.push({ time: g.session as Time, position: "atPriceTop", price: priceAt(i, "low"), shape: "square", color: style.color, text: style.text, size: lit ? 1.4 : 0.8, id: `n:${g.session}` });
      }
    }
    m.setMarkers(list);
    layoutOverlay();
  }, [clusters, noteGroups, indexOf, priceAt, dark, hover, highlightedSession, layoutOverlay, lib, view.style, comparing, palette]);

  // OHLC legend under the crosshair, written straight to the DOM (60 updates a second).
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const onMove = (p: MouseEventParams<Time>) => {
      const el = legend.current;
      if (!el) return;
      const date = p.time ? isoOf(p.time) : bars.dates.at(-1)!;
      const i = indexOf.get(date);
      if (i === undefined) return;
      const f = (v: number | null | undefined) => formatPrice(v ?? null);
      const vol = bars.volume[i];
      const cmp = view.compare
        .map((s) => {
          const d = compareData[s];
          const j = d ? d.dates.indexOf(date) : -1;
          return j >= 0 ? ` · ${s} ${f(d!.values[j])}` : "";
        })
        .join("");
      el.textContent = `${date}  O ${f(bars.open[i])}  H ${f(bars.high[i])}  L ${f(bars.low[i])}  C ${f(bars.close[i])}${vol ? `  Vol ${Math.round(vol).toLocaleString("en-US")}` : ""}${cmp}`;
    };
    onMove({ seriesData: new Map() } as MouseEventParams<Time>);
    c.subscribeCrosshairMove(onMove);
    return () => c.unsubscribeCrosshairMove(onMove);
  }, [lib, bars, indexOf, view.compare, compareData]);

  useEffect(() => layoutOverlay(), [layoutOverlay, hover, view.event, listHover, visible, focused, clusters]);

  const showRange = (from: string, to: string) => {
    chart.current?.timeScale().setVisibleRange({ from: from as Time, to: to as Time });
  };
  const preset = (r: RangeKey) => {
    const from = rangeStart(r, lastSession) ?? bars.dates[0]!;
    expected.current = { from, to: lastSession };
    setView((v) => ({ ...v, range: r, from: undefined, to: undefined }));
    showRange(from, lastSession);
  };
  const centreOn = (session: string) => {
    const i = indexOf.get(session);
    if (i === undefined || !chart.current) return;
    const lr = chart.current.timeScale().getVisibleLogicalRange();
    const span = lr ? Math.max(20, lr.to - lr.from) : 120;
    chart.current.timeScale().setVisibleLogicalRange({ from: i - span / 2, to: i + span / 2 });
  };
  const selectEvent = (id: number) => {
    const e = eventsById.get(id);
    if (!e?.session) return;
    setView((v) => ({ ...v, event: id }));
    if (!visible || e.session < visible.from || e.session > visible.to) centreOn(e.session);
  };

  const { before, after } = visible ? outsideRange(data.events, visible.from, visible.to) : { before: [], after: [] };
  const zoomInto = (from: string, to: string) => {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined || !chart.current) return;
    // A few sessions either side so the outermost markers are not on the edge.
    const pad = Math.max(3, Math.round((b - a) * 0.1));
    chart.current.timeScale().setVisibleLogicalRange({ from: a - pad, to: b + pad });
  };
  const foundIdx = focused !== null ? clusterIndexOf(clusters, focused) : -1;
  const focusIdx = foundIdx >= 0 ? foundIdx : null;
  const focusCluster = focusIdx !== null ? clusters[focusIdx] : undefined;
  const focusSession = focusCluster?.session;
  const tip: Hover = hover ?? (focusSession ? { session: focusSession, kind: "event" } : null);
  const tipEvents = tip ? markerEvents(tip.session) : [];
  const tipCluster = tip?.kind === "event" ? clusterBySession.get(tip.session) : undefined;
  const sheetCluster = sheet !== null ? clusterBySession.get(sheet) : undefined;
  const tipNotes = tip ? (notesBySession.get(tip.session) ?? []) : [];

  const onKey = (e: React.KeyboardEvent) => {
    if (clusters.length === 0) return;
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      const next = focusIdx === null ? (e.key === "ArrowRight" ? 0 : clusters.length - 1) : Math.max(0, Math.min(clusters.length - 1, focusIdx + (e.key === "ArrowRight" ? 1 : -1)));
      const s = clusters[next]!.session;
      setFocused(s);
      setHover(null);
      if (!visible || s < visible.from || s > visible.to) centreOn(s);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      setFocused(clusters[e.key === "Home" ? 0 : clusters.length - 1]!.session);
    } else if (e.key === "Enter" && focusCluster) {
      const group = focusCluster.items;
      // A cluster of several sessions opens up: the chart zooms into its span, where its markers separate.
      if (focusCluster.sessions.length > 1) zoomInto(focusCluster.session, focusCluster.lastSession);
      else if (group.length === 1) router.push(`/events/${group[0]!.id}`);
      else if (group[0]) setView((v) => ({ ...v, event: group[0]!.id }));
    } else if (e.key === "Escape") {
      setFocused(null);
      setHover(null);
    }
  };

  const openMarker = (session: string, kind: "event" | "note") => {
    if (lastTouch.current || window.matchMedia("(max-width: 639px)").matches) {
      setSheet(session);
      return;
    }
    const group = kind === "event" ? markerEvents(session) : [];
    if (group.length === 1) router.push(`/events/${group[0]!.id}`);
    else if (kind === "note") router.push(`#note-${notesBySession.get(session)?.[0]?.id ?? ""}`);
    else setHover({ session, kind, pinned: true });
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]" data-testid="asset-chart">
      <div className="min-w-0">
        <ChartToolbar
          view={view}
          assets={data.assets}
          colors={palette.series.slice(1)}
          onPreset={preset}
          onChange={(change) => {
            if (change.compare && change.compare.length > view.compare.length) clearCompareError();
            setView((v) => ({ ...v, ...change }));
          }}
        />
        {compareError && <p role="alert" className="mt-1 text-tremor-label text-red-600 dark:text-red-300">Could not compare {compareError}.</p>}

        <div
          className="relative mt-2 h-[26rem] w-full rounded-tremor-small outline-none focus-visible:ring-2 focus-visible:ring-tremor-brand sm:h-[30rem]"
          tabIndex={0}
          role="group"
          aria-roledescription="price chart"
          aria-label={`${data.symbol} price chart with ${data.events.length} events. Left and right arrows move between events, Enter opens one.`}
          onKeyDown={onKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node)) setFocused(null);
          }}
          onPointerDown={(e) => {
            lastTouch.current = e.pointerType === "touch";
          }}
          data-testid="price-chart"
          aria-describedby="price-chart-summary"
          data-visible-from={visible?.from}
          data-visible-to={visible?.to}
          data-event-markers={clusters.length}
        >
          <div ref={host} className="absolute inset-0" />
          <div className="pointer-events-none absolute left-2 right-20 top-1 z-10 space-y-0.5 text-[11px]">
            <div ref={legend} className="font-mono text-tremor-content dark:text-dark-tremor-content" data-testid="ohlc-legend" />
            <div className="flex flex-wrap gap-2">
              {data.synthetic && <span className="rounded bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">Synthetic demo data</span>}
              <span className="text-tremor-content dark:text-dark-tremor-content">Data as of {lastSession}</span>
            </div>
          </div>
          <div ref={overlay} className="pointer-events-none absolute left-0 top-0 z-10 overflow-hidden">
            {shadedEvent?.estimation && (
              <div data-span-from={shadedEvent.estimation.from} data-span-to={shadedEvent.estimation.to} className="absolute top-0 h-full" style={{ background: palette.estimation }} data-testid="estimation-window" />
            )}
            {shadedEvent?.eventWindow && (
              <div data-span-from={shadedEvent.eventWindow.from} data-span-to={shadedEvent.eventWindow.to} className="absolute top-0 h-full" style={{ background: palette.eventWindow }} data-testid="event-window" />
            )}
            {shadedEvent?.session && (
              <div data-span-from={shadedEvent.session} data-span-to={shadedEvent.session} className="absolute top-0 h-full" style={{ borderLeft: `2px dashed ${palette.day0}` }} />
            )}
            <MarkerButtons
              clusters={clusters}
              noteGroups={noteGroups}
              focusSession={focusSession}
              onEnter={(session, kind) => setHover({ session, kind })}
              onLeave={() => setHover((h) => (h?.pinned ? h : null))}
              onOpen={openMarker}
            />
          </div>
          {tip && (tipEvents.length > 0 || tipNotes.length > 0) && !sheet && (
            <div
              role="tooltip"
              data-testid="chart-tooltip"
              className="absolute z-20 w-80 max-w-[90%] rounded-tremor-default border border-tremor-border bg-tremor-background p-3 shadow-lg dark:border-dark-tremor-border dark:bg-dark-tremor-background"
              ref={tooltip}
              data-anchor-session={tip.session}
              data-anchor-kind={tip.kind}
              style={{ left: 8, top: 24 }}
              onMouseEnter={() => setHover(tip)}
              onMouseLeave={() => setHover(null)}
            >
              <SessionDetails
                events={tip.kind === "note" ? [] : tipEvents}
                notes={tipNotes}
                dark={dark}
                span={tipCluster && tipCluster.sessions.length > 1 ? { from: tipCluster.session, to: tipCluster.lastSession } : undefined}
                onZoom={tipCluster && tipCluster.sessions.length > 1 ? () => zoomInto(tipCluster.session, tipCluster.lastSession) : undefined}
              />
            </div>
          )}
        </div>

        <p aria-live="polite" className="mt-1 min-h-5 text-tremor-label" data-testid="focused-event">
          {focusCluster && focusCluster.sessions.length > 1
            ? `Cluster ${focusIdx! + 1} of ${clusters.length} (${focusCluster.session} to ${focusCluster.lastSession}): ${focusCluster.items.length} events. Enter zooms in.`
            : focusSession ? `Event ${focusIdx! + 1} of ${clusters.length} (${focusSession}): ${markerEvents(focusSession).map((e) => `${e.label} ${e.title}`).join("; ")}` : ""}
        </p>
        <OutOfRangeNav before={before} after={after} total={visible ? data.events.length : 0} onSelect={selectEvent} />
        <MarkerLegend events={data.events} dark={dark} />
        {comparing && (
          <p className="mt-1 text-tremor-label" data-testid="compare-caption">
            Every series indexed to 100 at the first visible session, from adjusted closes{view.log ? ", on a log scale (equal distances are equal percentage moves)" : ""}.
          </p>
        )}
        <p className="mt-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content">{data.defaultRangeRule} Drag to pan, wheel or pinch to zoom.</p>
      </div>

      <aside aria-label="Events on this chart" className="min-w-0">
        <h2 className="mb-1 text-tremor-default font-medium">Events ({data.events.length})</h2>
        <EventList events={data.events} visible={visible} highlighted={listHover ?? (hover?.kind === "event" ? (markerEvents(hover.session)[0]?.id ?? null) : null)} selected={view.event ?? null} dark={dark} onHover={setListHover} onSelect={selectEvent} />
      </aside>

      {sheet && (
        <EventSheet
          session={sheet}
          events={markerEvents(sheet)}
          notes={notesBySession.get(sheet) ?? []}
          dark={dark}
          cluster={sheetCluster}
          onClose={() => setSheet(null)}
          onZoom={(from, to) => {
            setSheet(null);
            zoomInto(from, to);
          }}
        />
      )}
    </div>
  );
}
