import { Card, Text } from "@tremor/react";
import type { Metadata } from "next";
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/errors";
import { eventsNear, listMoveItems, type NearbyEvent, moveThresholds, openMoveCounts, PAGE_SIZE, sparklines, SPARK_SESSIONS } from "@/lib/triage/queries";
import { MOVE_KINDS, MOVE_KIND_LABEL, MOVE_STATUSES, MOVE_STATUS_LABEL, moveFilterSchema, type MoveFilter } from "@/lib/triage/schemas";
import { updatePendingMovesIfAny } from "@/lib/triage/update-moves";
import { sparklineValues } from "../_components/format";
import { TriageItems } from "./_components/triage-items";
import { ThresholdForm } from "./_components/threshold-form";

export const metadata: Metadata = { title: "Triage" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const CONTROL = "mt-1 block w-full min-h-[32px] rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background";

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


export default async function TriagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("VIEWER");
  const raw = await searchParams;
  const values = { status: one(raw.status), kind: one(raw.kind), asset: one(raw.asset), from: one(raw.from), to: one(raw.to), minZ: one(raw.minZ), page: one(raw.page) };
  const parsed = moveFilterSchema.safeParse(values);
  // A filter that cannot be read lists nothing and says why, as the API's 422 does; the form keeps what was typed.
  const errors = parsed.success ? null : fieldErrorsOf(parsed.error);
  const filter = parsed.success ? parsed.data : moveFilterSchema.parse({});
  const shown = parsed.success ? filter : { ...filter, asset: values.asset, from: values.from, to: values.to };
  // Whatever changed since the last update (a refresh, an import, an event) is scored before the queue is read.
  await updatePendingMovesIfAny();
  const [{ items, total }, counts, thresholds] = await Promise.all([errors ? { items: [], total: 0 } : listMoveItems(filter), openMoveCounts(), moveThresholds()]);
  const analyst = hasRole(user.role, "ANALYST");
  const [spark, nearby] = await Promise.all([
    sparklines(items.flatMap((i) => i.moves.map((m) => ({ assetId: m.assetId, session: i.session })))),
    // The link picker's events, for the open items an analyst may link.
    analyst ? eventsNear(items.filter((i) => i.status === "OPEN").map((i) => i.session)) : Promise.resolve(new Map<string, NearbyEvent[]>()),
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
          <label>Asset<input name="asset" defaultValue={shown.asset ?? ""} placeholder="^KS11" className={CONTROL} /></label>
          <label>From<input name="from" type="date" defaultValue={shown.from ?? ""} className={CONTROL} /></label>
          <label>To<input name="to" type="date" defaultValue={shown.to ?? ""} className={CONTROL} /></label>
          <label>Min |z|<input name="minZ" type="number" step="0.5" min={0} defaultValue={filter.minZ ?? ""} className={CONTROL} /></label>
          <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
            <button type="submit" className="min-h-[32px] rounded-tremor-small bg-tremor-brand px-3 text-white hover:bg-tremor-brand-emphasis">Filter</button>
            <Link href="/triage" className="inline-block py-1 text-tremor-brand hover:underline dark:text-dark-tremor-brand">Reset</Link>
          </div>
        </form>
      </Card>

      {errors && (
        <div role="alert" data-testid="triage-filter-errors" className="rounded-tremor-default border border-red-300 p-3 text-tremor-default text-red-700 dark:border-red-800 dark:text-red-300">
          These filters cannot be read, so nothing is listed:
          <ul className="mt-1 list-disc pl-5">{Object.entries(errors).map(([field, messages]) => <li key={field}>{messages.join(" ")}</li>)}</ul>
        </div>
      )}
      {!errors && <Text data-testid="triage-total">{total} item{total === 1 ? "" : "s"}{pages > 1 ? `, page ${filter.page} of ${pages}` : ""}, largest move first.</Text>}
      {items.length === 0 && !errors && <Card><Text>No item matches these filters.</Text></Card>}
      <TriageItems
        items={items}
        sparks={Object.fromEntries(items.flatMap((i) => i.moves.map((m) => {
          const key = `${m.assetId}:${i.session}`;
          const points = spark.get(key) ?? [];
          return [key, { values: sparklineValues(points.map((p) => p.close)), at: points.findIndex((p) => p.date === i.session) }];
        })))}
        sparkSessions={SPARK_SESSIONS}
        nearby={items.map((i) => nearby.get(i.session) ?? [])}
        analyst={analyst}
      />
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
