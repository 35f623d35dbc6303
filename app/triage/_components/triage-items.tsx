"use client";
// The triage queue's items. A client component on purpose: the server sends the items as data (a few kB) and this
// renders them, where the same tree sent as server-rendered elements was most of the page's weight (every cell and
// class of twenty cards, twice: the HTML and the React payload). The HTML is still rendered on the server.
import Link from "next/link";
import { assetHref, formatPercent } from "../../_components/format";
import type { MoveItemView } from "@/lib/triage/queries";
import { DISMISS_REASON_LABEL, MOVE_KIND_LABEL, MOVE_STATUS_LABEL } from "@/lib/triage/schemas";
import { ItemActions } from "./item-actions";
import { MoveSparkline, type Spark } from "./move-sparkline";

const NO_SPARK: Spark = { values: [], at: -1 };
const BADGE = "rounded px-1.5 py-0.5 text-tremor-label font-medium";
// Plain elements with Tremor's card look for the repeated items: a Tremor card per item cost more to render than the queries.
const CARD = "rounded-tremor-default border border-tremor-border bg-tremor-background px-3 py-4 shadow-tremor-card sm:px-6 dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";
const NOTE = "mt-1 text-tremor-default text-tremor-content dark:text-dark-tremor-content";

function signedPercent(v: number) {
  return <span className={v > 0 ? "text-up" : v < 0 ? "text-down" : undefined}>{formatPercent(v)}</span>;
}

function headline(item: Pick<MoveItemView, "moves" | "session">): string {
  const symbols = item.moves.map((m) => m.symbol);
  if (symbols.length === 0) return `No move left on ${item.session}`;
  const names = symbols.length === 1 ? symbols[0] : `${symbols.slice(0, -1).join(", ")} and ${symbols.at(-1)}`;
  return `${names} ${symbols.length === 1 ? "moved" : "moved together"} on ${item.session}`;
}

export function TriageItems({ items, sparks, sparkSessions, nearby, analyst }: {
  items: MoveItemView[];
  /** Closes around each move, keyed "assetId:session", with the index of the move's session. */
  sparks: Record<string, Spark>;
  /** Sessions each side of the move in a sparkline. */
  sparkSessions: number;
  /** Per item: live events near its session, for the link picker (analysts only). */
  nearby: { id: number; title: string; date: string }[][];
  analyst: boolean;
}) {
  return (
        <ul className="space-y-4" data-testid="triage-items">
          {items.map((item, n) => (
            <li key={item.id}>
              <section className={CARD} data-testid="triage-item" data-session={item.session} data-item-id={item.id} aria-label={headline(item)}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="min-w-0 break-words text-tremor-title font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">{headline(item)}</h2>
                  <div className="flex flex-wrap gap-2">
                    <span className={`${BADGE} ${item.kind === "CHECK_DATA" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200"}`}>{MOVE_KIND_LABEL[item.kind]}</span>
                    <span className={`${BADGE} bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle`}>{MOVE_STATUS_LABEL[item.status]}</span>
                    <span className={`${BADGE} bg-tremor-background-subtle tabular-nums dark:bg-dark-tremor-background-subtle`}>max |z| {item.maxAbsZ.toFixed(1)}</span>
                  </div>
                </div>
                {item.kind === "CHECK_DATA" && (
                  <p className="mt-1 text-tremor-default text-amber-800 dark:text-amber-300">A quality flag (a one-day jump over 25 % or a close outside the day&apos;s range) marks this session: check the prices before looking for news.</p>
                )}
                {item.status === "DISMISSED" && item.dismissReason && (
                  <p className={NOTE}>Dismissed ({DISMISS_REASON_LABEL[item.dismissReason]}{item.dismissNote ? `: ${item.dismissNote}` : ""}) by {item.decidedByName ?? "—"}{item.decidedAt ? ` on ${item.decidedAt.toISOString().slice(0, 10)}` : ""}.</p>
                )}
                {(item.status === "LINKED" || item.status === "RESOLVED") && item.eventId && (
                  <p className={NOTE}>{item.status === "LINKED" ? "Linked to" : "Resolved by"} <Link href={`/events/${item.eventId}`} className="text-tremor-brand underline dark:text-dark-tremor-brand">event {item.eventId}</Link>{item.decidedByName ? ` by ${item.decidedByName}` : ""}.</p>
                )}
                <div className="mt-3">
                  {/* A plain focusable region rather than ScrollRegion: a client boundary per item, each re-sending its table, cost more than the queries. */}
                  <div role="region" aria-label={`Moves on ${item.session}`} tabIndex={0} className="overflow-x-auto">
                    {/* Fixed columns from sm up, so the items' tables line up as one list; phones scroll sideways instead. */}
                    <table className="data-table w-full text-tremor-default sm:table-fixed">
                      <colgroup>
                        <col className="sm:w-[28%]" />
                        <col className="sm:w-[9%]" />
                        <col className="sm:w-[11%]" />
                        <col className="sm:w-[13%]" />
                        <col className="sm:w-[13%]" />
                        <col className="sm:w-[26%]" />
                      </colgroup>
                      <thead>
                        <tr className="border-b border-tremor-border dark:border-dark-tremor-border">
                          <th>Asset</th>
                          <th className="num" title="abnormal return / σ of the market model's residuals">z</th>
                          <th className="num" title="abnormal return / EWMA σ (λ = 0.94)">z EWMA</th>
                          <th className="num">Return</th>
                          <th className="num">Abnormal</th>
                          <th>±{sparkSessions} sessions</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                        {item.moves.map((m) => (
                          <tr key={m.assetId} data-testid="move-row">
                            <th scope="row">
                              <a href={assetHref(m.symbol)} className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand">{m.symbol}</a>
                              {m.suspect && <span className="ml-1 text-amber-700 dark:text-amber-400" title="a quality flag marks this session">⚑</span>}
                              <div className="max-w-[9rem] truncate text-tremor-label sm:max-w-full">{m.name}</div>
                            </th>
                            <td className="num font-semibold">{m.z.toFixed(1)}</td>
                            <td className="num">{m.zEwma.toFixed(1)}</td>
                            <td className="num">{signedPercent(m.ret)}</td>
                            <td className="num">{signedPercent(m.abnormalReturn)}</td>
                            <td><MoveSparkline {...(sparks[`${m.assetId}:${item.session}`] ?? NO_SPARK)} label={`${m.symbol} closes around ${item.session}`} /></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
                {analyst && (
                  <div className="mt-3 border-t border-tremor-border pt-3 dark:border-dark-tremor-border">
                    <ItemActions itemId={item.id} status={item.status} session={item.session} events={nearby[n] ?? []} />
                  </div>
                )}
              </section>
            </li>
          ))}
        </ul>
  );
}
