"use client";
// The symbol search of the assets page. It asks /api/v1/symbol-search from the browser, so the page itself is
// rendered from PostgreSQL alone and a slow or failing Yahoo only costs the search its answer.
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, TextInput } from "@tremor/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { MARKET_DATA_UNAVAILABLE_ADVICE } from "@/lib/errors";
import type { SymbolCandidate } from "@/lib/market-data/provider";
import { DataTable } from "../../_components/data-table";
import { assetHref } from "../../_components/format";
import { AddAssetButton, ManualAssetForm } from "./asset-forms";

/** The server gives up on Yahoo after 4 s; this covers that plus the round trip. */
const CLIENT_TIMEOUT_MS = 8_000;

type SearchState =
  | { status: "idle" }
  | { status: "searching"; q: string }
  | { status: "done"; q: string; candidates: SymbolCandidate[] }
  | { status: "failed"; q: string; message: string; unreachable?: boolean };

interface ErrorPayload {
  error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> };
}

async function fetchCandidates(q: string, signal: AbortSignal): Promise<SearchState> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/symbol-search?q=${encodeURIComponent(q)}`, { signal, headers: { accept: "application/json" } });
  } catch {
    return { status: "failed", q, message: MARKET_DATA_UNAVAILABLE_ADVICE, unreachable: true };
  }
  const body = (await res.json().catch(() => ({}))) as { data?: SymbolCandidate[] } & ErrorPayload;
  if (res.ok && Array.isArray(body.data)) return { status: "done", q, candidates: body.data };
  const err = body.error;
  if (err?.fieldErrors?.q?.length) return { status: "failed", q, message: err.fieldErrors.q.join(" ") };
  if (err?.code === "market_data_unavailable" && err.message) return { status: "failed", q, message: err.message, unreachable: true };
  if (res.status >= 500) return { status: "failed", q, message: MARKET_DATA_UNAVAILABLE_ADVICE, unreachable: true };
  return { status: "failed", q, message: err?.message ?? `The search failed (HTTP ${res.status}).` };
}

export function SymbolSearch({ initialQuery, tracked, canAdd }: { initialQuery: string; tracked: string[]; canAdd: boolean }) {
  const [query, setQuery] = useState(initialQuery);
  const initial = initialQuery.trim();
  // A search in the URL (a shared link, a reload) starts as soon as the page is in the browser.
  const [state, setState] = useState<SearchState>(initial ? { status: "searching", q: initial } : { status: "idle" });
  const inFlight = useRef<AbortController | null>(null);
  // The by-hand form opens when Yahoo is unreachable (the advice points at it); the analyst may close it again.
  const [manualOpen, setManualOpen] = useState(false);

  const run = useCallback(async (q: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const timer = setTimeout(() => controller.abort(), CLIENT_TIMEOUT_MS);
    const next = await fetchCandidates(q, controller.signal);
    clearTimeout(timer);
    // A newer search replaced this one: its answer is no longer wanted.
    if (inFlight.current !== controller) return;
    setState(next);
    setManualOpen((open) => open || (next.status === "failed" && next.unreachable === true));
    const url = new URL(window.location.href);
    url.searchParams.set("q", q);
    window.history.replaceState(null, "", url);
  }, []);

  useEffect(() => {
    if (initial) void run(initial);
    return () => inFlight.current?.abort();
  }, [initial, run]);

  const search = (raw: string) => {
    const q = raw.trim();
    if (!q) return;
    setState({ status: "searching", q });
    void run(q);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    search(query);
  };

  return (
    <>
      <form className="mt-3 flex max-w-lg gap-2" role="search" onSubmit={onSubmit}>
        <TextInput name="q" value={query} onValueChange={setQuery} placeholder="e.g. Hyundai, EWJ, ^N225, JPY=X" aria-label="Search symbols" />
        <button type="submit" className="min-h-[36px] rounded-tremor-default bg-tremor-brand px-3 py-1 text-white hover:bg-tremor-brand-emphasis">Search</button>
      </form>
      <div aria-live="polite">
        {state.status === "searching" && <Text className="mt-3">Searching for “{state.q}”…</Text>}
        {state.status === "failed" && <Text className="mt-3 text-red-700 dark:text-red-300" role="alert">{state.message}</Text>}
        {state.status === "done" && state.candidates.length === 0 && (
          <Text className="mt-3">No symbol matches “{state.q}”. Try the company name or the Yahoo symbol.</Text>
        )}
        {state.status === "done" && state.candidates.length > 0 && <Candidates candidates={state.candidates} tracked={tracked} canAdd={canAdd} />}
      </div>
      {canAdd && <ManualAssetForm open={manualOpen} onToggle={setManualOpen} initialSymbol={/^[A-Za-z0-9.^=-]+$/.test(initial) ? initial.toUpperCase() : ""} benchmarks={[...tracked].sort()} />}
    </>
  );
}

function Candidates({ candidates, tracked, canAdd }: { candidates: SymbolCandidate[]; tracked: string[]; canAdd: boolean }) {
  const trackedSet = new Set(tracked);
  return (
    <DataTable label="Symbol search results" className="mt-3">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Symbol</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Exchange</TableHeaderCell>
          <TableHeaderCell>Class</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {candidates.map((c) => (
          <TableRow key={c.symbol}>
            <TableCell className="font-medium">{c.symbol}</TableCell>
            <TableCell className="whitespace-normal">{c.name}</TableCell>
            <TableCell>{c.exchange}</TableCell>
            <TableCell>{c.assetClass.replace("_", " ").toLowerCase()}</TableCell>
            <TableCell>
              {trackedSet.has(c.symbol) ? (
                <Link href={assetHref(c.symbol)} className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">tracked</Link>
              ) : canAdd ? (
                <AddAssetButton symbol={c.symbol} benchmarks={[...tracked].sort()} />
              ) : (
                <Text>Analysts can add it</Text>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </DataTable>
  );
}
