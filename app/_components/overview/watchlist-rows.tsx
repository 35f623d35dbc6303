"use client";
// The watchlist's rows. A client component on purpose: the server sends the rows as data and this renders them, where
// the same cells sent as server-rendered elements were a large part of the overview's weight (every cell twice: the
// HTML and the React payload). The HTML is still rendered on the server.
import Link from "next/link";
import type { WatchlistRow } from "@/lib/dashboard/watchlist";
import { assetHref, formatPercent, formatPrice } from "../format";
import { Sparkline } from "./sparkline";
import { STICKY } from "./sticky-column";

/** A watchlist row as the page sends it: the asset and its figures (lib/dashboard/watchlist.ts). */
export type WatchlistRowData = WatchlistRow & { id: number; symbol: string; name: string; currency: string };


function signed(v: number | null) {
  if (v === null) return <span className="text-tremor-content dark:text-dark-tremor-content">—</span>;
  return <span className={v > 0 ? "text-up" : v < 0 ? "text-down" : undefined}>{formatPercent(v)}</span>;
}

// Marks a return read over other dates than most rows (the row's own last bar is older or newer).
function offDate(lastDate: string | null, common: string | null) {
  if (!lastDate || !common || lastDate === common) return null;
  return (
    <sup className="ml-0.5 text-amber-700 dark:text-amber-400" title={`Up to ${lastDate}, not ${common} like most rows`}>
      †
    </sup>
  );
}

export function WatchlistRows({ rows, watchlistDate }: { rows: WatchlistRowData[]; watchlistDate: string | null }) {
  return (
    <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
      {rows.map((r) => (
        <tr key={r.id}>
          <th scope="row" className={STICKY}>
            <Link href={assetHref(r.symbol)} className="inline-block py-0.5 font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{r.symbol}</Link>
            <div className="max-w-[6.5rem] truncate text-tremor-label sm:max-w-[14rem]">{r.name}</div>
          </th>
          <td className="num">{signed(r.return1d)}{offDate(r.lastDate, watchlistDate)}</td>
          <td className="num">{signed(r.return1w)}{offDate(r.lastDate, watchlistDate)}</td>
          <td className="num">{signed(r.return1m)}{offDate(r.lastDate, watchlistDate)}</td>
          <td className="num">
            {formatPrice(r.lastClose)} <span className="text-tremor-label">{r.currency}</span>
            <div className={`text-tremor-label ${r.lastDate !== watchlistDate ? "font-semibold text-amber-700 dark:text-amber-400" : ""}`} data-testid="last-bar-date">
              {r.lastDate ?? "no prices"}
              {offDate(r.lastDate, watchlistDate)}
            </div>
          </td>
          <td><Sparkline values={r.spark} label={`${r.symbol}, last 60 closes`} /></td>
          <td className="num">{r.vol20 === null ? "—" : formatPercent(r.vol20, 1).replace("+", "")}</td>
          <td className="num">
            {r.volZ === null ? "—" : <span className={`rounded px-1.5 py-0.5 text-tremor-label ${r.volZ > 2 ? "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200" : "bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"}`}>{r.volZ.toFixed(2)}</span>}
          </td>
          <td className="num">{r.drawdown === null ? "—" : formatPercent(-r.drawdown, 1)}</td>
          <td className="num">{r.ewmaVar99 === null ? "—" : formatPercent(r.ewmaVar99, 2).replace("+", "")}</td>
        </tr>
      ))}
    </tbody>
  );
}
