"use client";

import { Button } from "@tremor/react";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/http/errors";
import { FieldError, FormMessage, withFileSizeCheck } from "../../_components/forms/form-feedback";
import { addAssetAction, importPricesAction, refreshNowAction, type ImportSummary } from "../actions";

export function AddAssetButton({ symbol, benchmarks }: { symbol: string; benchmarks: string[] }) {
  const [result, action, pending] = useActionState(addAssetAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="symbol" value={symbol} />
      <label className="text-tremor-label">
        Benchmark{" "}
        <select name="benchmark" className="rounded-tremor-small border border-tremor-border bg-transparent px-1 py-0.5" defaultValue="">
          <option value="">none (constant-mean model)</option>
          {benchmarks.map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </label>
      <Button size="xs" type="submit" loading={pending}>Add {symbol}</Button>
      <FormMessage state={result} />
      <FieldError state={result} name="symbol" />
      <FieldError state={result} name="benchmark" />
    </form>
  );
}

export function RefreshNowButton({ symbol }: { symbol: string }) {
  const [result, action, pending] = useActionState(refreshNowAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="symbol" value={symbol} />
      <Button size="xs" variant="secondary" type="submit" loading={pending}>Refresh now</Button>
      {result?.ok && (
        <span className="text-tremor-label" role="status">
          {result.data ? "Queued: the chart updates when the refresh lands (reload in a minute)." : "A refresh was requested moments ago."}
        </span>
      )}
      <FormMessage state={result} />
      <FieldError state={result} name="symbol" />
    </form>
  );
}

function summary(s: ImportSummary): string {
  const parts = [`${s.inserted} bars added`, `${s.updated} updated`];
  if (s.removed) parts.push(`${s.removed} provider bars replaced`);
  if (s.flags) parts.push(`${s.flags} flagged for review`);
  return `Imported: ${parts.join(", ")}.`;
}

export function ImportPricesForm({ symbol }: { symbol: string }) {
  const [serverResult, action, pending] = useActionState(importPricesAction, null);
  const [tooLarge, setTooLarge] = useState<ActionResult<ImportSummary> | null>(null);
  const result = tooLarge ?? serverResult;
  return (
    <form action={withFileSizeCheck(action, setTooLarge)} className="space-y-2">
      <input type="hidden" name="symbol" value={symbol} />
      <label className="block text-tremor-default">
        Price CSV (<code className="break-all">date,open,high,low,close,adj_close,volume</code> or a Yahoo download)
        <input name="file" type="file" accept=".csv,text/csv" required className="mt-1 block text-tremor-default" />
      </label>
      <Button size="xs" type="submit" loading={pending}>Import — replaces this asset&apos;s series</Button>
      {result?.ok && <p className="text-tremor-label" role="status">{summary(result.data)}</p>}
      <FormMessage state={result} />
      <FieldError state={result} name="file" />
    </form>
  );
}
