"use client";
// Scenario 1's events picked one by one: the filters' matches listed ticked so the analyst can untick some, and a
// search (the events API) to add others. The ticked ids go into the GET form as `events`, so the URL reproduces them.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { PickerEvent } from "@/lib/scenarios/page-params";
import { inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { CATEGORY_LABEL } from "../../_components/format";

const SEARCH_PAGE = 20;
const muted = "text-xs text-tremor-content dark:text-dark-tremor-content";
const smallButton = "text-sm text-tremor-brand hover:underline disabled:opacity-50 dark:text-dark-tremor-brand";

type Search = { status: "idle" } | { status: "searching" } | { status: "done"; q: string; found: PickerEvent[]; total: number } | { status: "failed"; message: string };

interface EventsPage {
  data?: { id: number; title: string; occurredAt: string; category: string }[];
  total?: number;
  error?: { message?: string; fieldErrors?: Record<string, string[]> };
}

async function searchEvents(q: string, signal: AbortSignal): Promise<Search> {
  try {
    const res = await fetch(`/api/v1/events?q=${encodeURIComponent(q)}&pageSize=${SEARCH_PAGE}`, { signal, headers: { accept: "application/json" } });
    const body = (await res.json().catch(() => ({}))) as EventsPage;
    if (!res.ok || !Array.isArray(body.data)) return { status: "failed", message: body.error?.fieldErrors?.q?.join(" ") ?? body.error?.message ?? `The search failed (HTTP ${res.status}).` };
    return { status: "done", q, found: body.data.map((e) => ({ id: e.id, title: e.title, date: e.occurredAt.slice(0, 10), category: e.category })), total: body.total ?? body.data.length };
  } catch (err) {
    if ((err as Error).name === "AbortError") return { status: "searching" };
    return { status: "failed", message: "The search did not answer; try again." };
  }
}

function EventRow({ e, checked, onChange }: { e: PickerEvent; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <li>
      <label className="flex cursor-pointer items-start gap-2 px-2 py-1.5 hover:bg-tremor-background-muted dark:hover:bg-dark-tremor-background-muted">
        <input type="checkbox" checked={checked} onChange={(ev) => onChange(ev.target.checked)} className="mt-1 h-4 w-4 shrink-0 accent-tremor-brand" data-pick-id={e.id} />
        <span className="min-w-0 flex-1">
          <span className="block break-words text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong">{e.title}</span>
          <span className={`block ${muted}`}>
            <span className="tabular-nums">{e.date}</span> · {CATEGORY_LABEL[e.category] ?? e.category}
          </span>
        </span>
      </label>
    </li>
  );
}

export function AnaloguePicker({ picked, matches, moreMatches, max, errors }: { picked: PickerEvent[]; matches: PickerEvent[] | null; moreMatches: boolean; max: number; errors: string[] }) {
  const startOpen = picked.length > 0 || errors.length > 0;
  const [open, setOpen] = useState(startOpen);
  // Every event listed, oldest first; the ticked ones are submitted. Picks from the URL come ticked, and so do the
  // filters' matches when nothing was picked yet.
  const [listed, setListed] = useState<PickerEvent[]>(() => merge(picked, matches ?? []));
  const [ticked, setTicked] = useState<Set<number>>(() => new Set((picked.length ? picked : (matches ?? [])).map((e) => e.id)));
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<Search>({ status: "idle" });
  const inFlight = useRef<AbortController | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  const tickedIds = useMemo(() => listed.filter((e) => ticked.has(e.id)).map((e) => e.id), [listed, ticked]);
  const tooMany = tickedIds.length > max;

  // An open picker with nothing ticked (or too much) must not run: the browser's own form check stops the submit.
  useEffect(() => {
    searchBox.current?.setCustomValidity(!open ? "" : tickedIds.length === 0 ? "Tick at least one event, or close the picker to run the filters" : tooMany ? `Tick at most ${max} events` : "");
  }, [open, tickedIds.length, tooMany, max]);

  const run = async (q: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setSearch({ status: "searching" });
    const next = await searchEvents(q, controller.signal);
    if (inFlight.current === controller) setSearch(next);
  };

  // Typing searches after a short pause; Enter searches at once (and never submits the scenario form).
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const t = setTimeout(() => void run(q), 300);
    return () => clearTimeout(t);
  }, [query]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    if (query.trim()) void run(query.trim());
  };

  const tick = (id: number, on: boolean) =>
    setTicked((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const add = (e: PickerEvent, on: boolean) => {
    if (on) setListed((l) => merge(l, [e]));
    tick(e.id, on);
  };

  if (!open) {
    return (
      <div className="sm:col-span-2 lg:col-span-4">
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)} aria-expanded="false" data-testid="open-picker">
          Pick events one by one…
        </button>
        <span className={`ml-2 ${muted}`}>or run the filters above as they are</span>
      </div>
    );
  }

  const found = search.status === "done" ? search.found : [];
  return (
    <fieldset className="rounded-tremor-default border border-tremor-border p-3 sm:col-span-2 lg:col-span-4 dark:border-dark-tremor-border" data-testid="analogue-picker">
      <legend className="px-1 text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Pick analogue events</legend>
      <input type="hidden" name="events" value={tickedIds.join(",")} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content" aria-live="polite" data-testid="picked-count">
          {tickedIds.length} of {listed.length} ticked{tooMany ? ` — at most ${max}` : ""}. Ticked events are the analogues; the filters only list candidates.
        </p>
        <div className="flex flex-wrap gap-3">
          <button type="button" className={smallButton} onClick={() => setTicked(new Set(listed.map((e) => e.id)))} disabled={listed.length === 0}>Tick all</button>
          <button type="button" className={smallButton} onClick={() => setTicked(new Set())} disabled={tickedIds.length === 0}>Untick all</button>
          <button type="button" className={smallButton} onClick={() => setOpen(false)} data-testid="close-picker">Use the filters instead</button>
        </div>
      </div>
      {moreMatches && <p className={`mt-1 ${muted}`}>The filters match more than {max} events: the first {max} are listed. Narrow them to see the rest.</p>}
      {errors.length > 0 && <p className="mt-1 text-sm text-red-700 dark:text-red-300" role="alert" data-field-error="events">{errors.join(" · ")}</p>}
      <div className="mt-2 grid gap-3 lg:grid-cols-2">
        <div>
          <h4 className={muted}>{matches === null ? "Picked events" : "Filter matches and picked events"}</h4>
          {listed.length === 0 ? (
            <p className={`mt-1 ${muted}`}>{matches === null ? "No filter is set: search for events to add." : "The filters match no event: search for events to add."}</p>
          ) : (
            <ul className="mt-1 max-h-72 divide-y divide-tremor-border overflow-y-auto rounded border border-tremor-border dark:divide-dark-tremor-border dark:border-dark-tremor-border" aria-label="Events to use as analogues" data-testid="picker-list" tabIndex={0}>
              {listed.map((e) => <EventRow key={e.id} e={e} checked={ticked.has(e.id)} onChange={(on) => tick(e.id, on)} />)}
            </ul>
          )}
        </div>
        <div>
          <label className={`block ${muted}`}>
            Search events to add (title or summary)
            <input ref={searchBox} type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown} placeholder="e.g. missile" className={inputClass} data-testid="picker-search" />
          </label>
          <div aria-live="polite">
            {search.status === "searching" && <p className={`mt-1 ${muted}`}>Searching…</p>}
            {search.status === "failed" && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{search.message}</p>}
            {search.status === "done" && found.length === 0 && <p className={`mt-1 ${muted}`}>No event matches “{search.q}”.</p>}
          </div>
          {found.length > 0 && (
            <>
              <ul className="mt-1 max-h-60 divide-y divide-tremor-border overflow-y-auto rounded border border-tremor-border dark:divide-dark-tremor-border dark:border-dark-tremor-border" aria-label="Search results" data-testid="picker-results" tabIndex={0}>
                {found.map((e) => <EventRow key={e.id} e={e} checked={ticked.has(e.id) && listed.some((l) => l.id === e.id)} onChange={(on) => add(e, on)} />)}
              </ul>
              {search.status === "done" && search.total > found.length && <p className={`mt-1 ${muted}`}>{search.total} events match; the first {found.length} are shown — refine the search.</p>}
            </>
          )}
        </div>
      </div>
    </fieldset>
  );
}

/** `a` with the events of `b` it lacks, oldest first. */
function merge(a: PickerEvent[], b: PickerEvent[]): PickerEvent[] {
  const seen = new Set(a.map((e) => e.id));
  return [...a, ...b.filter((e) => !seen.has(e.id))].sort((x, y) => (x.date === y.date ? x.id - y.id : x.date < y.date ? -1 : 1));
}
