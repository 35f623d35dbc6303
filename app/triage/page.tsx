import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { eventsNear, listMoveItems, moveThresholds, openMoveCounts, PAGE_SIZE, sparklines, SPARK_SESSIONS, type MoveItemView } from "@/lib/triage/queries";
import { DISMISS_REASON_LABEL, MOVE_KINDS, MOVE_KIND_LABEL, MOVE_STATUSES, MOVE_STATUS_LABEL, moveFilterSchema, type MoveFilter } from "@/lib/triage/schemas";
import { updatePendingMovesIfAny } from "@/lib/triage/update-moves";
import { assetHref, formatPercent } from "../_components/format";
import { ItemActions } from "./_components/item-actions";
import { MoveSparkline } from "./_components/move-sparkline";
import { ThresholdForm } from "./_components/threshold-form";

export const metadata: Metadata = { title: "Triage" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const CONTROL = "mt-1 block w-full min-h-[32px] rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background";
const BADGE = "rounded px-1.5 py-0.5 text-tremor-label font-medium";
// Plain elements with Tremor's card look for the repeated items: a Tremor card per item cost more to render than the queries.
const CARD = "rounded-tremor-default border border-tremor-border bg-tremor-background px-3 py-4 shadow-tremor-card sm:px-6 dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";
const NOTE = "mt-1 text-tremor-default text-tremor-content dark:text-dark-tremor-content";

function signedPercent(v: number) {
  return <span className={v > 0 ? "text-up" : v < 0 ? "text-down" : undefined}>{formatPercent(v)}</span>;
}

function filterHref(filter: MoveFilter, page: number): string {
  const q = new URLSearchParams();
  if (filter.status !== "OPEN") q.set("status", filter.status);
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.asset) q.set("asset", filter.asset);
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  if (filter.minZ !== undefined) q.set("minZ", String(filter.minZ));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/triage?${s}` : "/triage";
}

function headline(item: MoveItemView): string {
  const symbols = item.moves.map((m) => m.symbol);
  if (symbols.length === 0) return `No move left on ${item.session}`;
  const names = symbols.length === 1 ? symbols[0] : `${symbols.slice(0, -1).join(", ")} and ${symbols.at(-1)}`;
  return `${names} ${symbols.length === 1 ? "moved" : "moved together"} on ${item.session}`;
}

export default async function TriagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("VIEWER");
  const raw = await searchParams;
  const filter = moveFilterSchema.parse({
    status: one(raw.status), kind: one(raw.kind), asset: one(raw.asset), from: one(raw.from), to: one(raw.to), minZ: one(raw.minZ), page: one(raw.page),
  });
  // Whatever changed since the last update (a refresh, an import, an event) is scored before the queue is read.
  await updatePendingMovesIfAny();
  const [{ items, total }, counts, thresholds] = await Promise.all([listMoveItems(filter), openMoveCounts(), moveThresholds()]);
  const analyst = hasRole(user.role, "ANALYST");
  const [spark, nearby] = await Promise.all([
    sparklines(items.flatMap((i) => i.moves.map((m) => ({ assetId: m.assetId, session: i.session })))),
    analyst ? Promise.all(items.map((i) => (i.status === "OPEN" ? eventsNear(i.session) : Promise.resolve([])))) : Promise.resolve(items.map(() => [])),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Unexplained moves</h1>
        <Text className="mt-1">
          {counts.explain} open to explain, {counts.checkData} to check the data. A move is an abnormal return of at least k = {thresholds.global} (or the
          asset&apos;s own k) standard deviations of its market model, estimated over sessions −250 to −11, with no live event exposing the asset whose day 0 is within
          one session.
        </Text>
      </div>

      <Card className="px-3 py-4 sm:px-6">
        <form className="grid grid-cols-2 gap-3 text-tremor-default sm:grid-cols-3 lg:grid-cols-7" data-testid="triage-filters">
          <label>Status
            <select name="status" defaultValue={filter.status} className={CONTROL}>
              {MOVE_STATUSES.map((s) => <option key={s} value={s}>{MOVE_STATUS_LABEL[s]}</option>)}
              <option value="ALL">All</option>
            </select>
          </label>
          <label>Kind
            <select name="kind" defaultValue={filter.kind ?? ""} className={CONTROL}>
              <option value="">Any</option>
              {MOVE_KINDS.map((k) => <option key={k} value={k}>{MOVE_KIND_LABEL[k]}</option>)}
            </select>
          </label>
          <label>Asset<input name="asset" defaultValue={filter.asset ?? ""} placeholder="^KS11" className={CONTROL} /></label>
          <label>From<input name="from" type="date" defaultValue={filter.from ?? ""} className={CONTROL} /></label>
          <label>To<input name="to" type="date" defaultValue={filter.to ?? ""} className={CONTROL} /></label>
          <label>Min |z|<input name="minZ" type="number" step="0.5" min={0} defaultValue={filter.minZ ?? ""} className={CONTROL} /></label>
          <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
            <button type="submit" className="min-h-[32px] rounded-tremor-small bg-tremor-brand px-3 text-white hover:bg-tremor-brand-emphasis">Filter</button>
            <Link href="/triage" className="inline-block py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">Reset</Link>
          </div>
        </form>
      </Card>

      <Text data-testid="triage-total">{total} item{total === 1 ? "" : "s"}{pages > 1 ? `, page ${filter.page} of ${pages}` : ""}, largest move first.</Text>
      {items.length === 0 && <Card><Text>No item matches these filters.</Text></Card>}
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
                        <th>±{SPARK_SESSIONS} sessions</th>
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
                          <td><MoveSparkline points={spark.get(`${m.assetId}:${item.session}`) ?? []} session={item.session} label={`${m.symbol} closes around ${item.session}`} /></td>
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
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-4 text-tremor-default">
          {filter.page > 1 && <Link href={filterHref(filter, filter.page - 1)} className="py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">← Previous</Link>}
          {filter.page < pages && <Link href={filterHref(filter, filter.page + 1)} className="py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">Next →</Link>}
        </nav>
      )}

      <details className="rounded-tremor-default border border-tremor-border p-3 text-tremor-default dark:border-dark-tremor-border">
        <summary className="cursor-pointer py-1">Thresholds: k = {thresholds.global} for every asset{thresholds.assets.length ? `, except ${thresholds.assets.map((a) => `${a.symbol} (${a.threshold})`).join(", ")}` : ""}</summary>
        {analyst ? <div className="mt-2"><ThresholdForm isAdmin={user.role === "ADMIN"} /></div> : <p className="mt-2">Analysts set an asset&apos;s k; admins the global one.</p>}
      </details>
    </div>
  );
}
