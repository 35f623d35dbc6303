"use client";

import { Button } from "@tremor/react";
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { FieldError, FormMessage } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import { addAssetAction, importPricesAction, refreshNowAction, switchToProviderAction, updateAssetAction, type ImportSummary } from "../actions";
import type { DataSource } from "@/lib/enums";
import { ASSET_CLASSES } from "@/lib/assets/schemas";

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

/** Benchmark of an asset: another tracked asset, or none (constant-mean model). */
export function BenchmarkForm({ symbol, current, options }: { symbol: string; current: string; options: string[] }) {
  const [result, action, pending] = useActionState(updateAssetAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={`Benchmark of ${symbol}`}>
      <input type="hidden" name="symbol" value={symbol} />
      <label className="text-tremor-default">
        Benchmark
        <select name="benchmark" defaultValue={current} className={`${selectClass} block w-56`}>
          <option value="">none (constant-mean model)</option>
          {options.map((b) => (
            <option key={b} value={b}>{b}</option>
          ))}
        </select>
      </label>
      <Button size="xs" type="submit" loading={pending}>Save benchmark</Button>
      {result?.ok && <span className="text-tremor-label" role="status">Saved: {result.data ?? "no benchmark"}. Studies now use it.</span>}
      <FormMessage state={result} />
      <FieldError state={result} name="benchmark" />
    </form>
  );
}

const selectClass =
  "mt-1 rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default dark:border-dark-tremor-border dark:bg-dark-tremor-background";

/** A close as a reader compares it: eight significant digits, all of them when that would hide the change. */
function closeText(close: number, other?: number): string {
  const short = String(Number(close.toPrecision(8)));
  return other !== undefined && short === String(Number(other.toPrecision(8))) ? String(close) : short;
}

function barText(b: { date: string; close: number }): string {
  return `${b.date} close ${closeText(b.close)}`;
}

/** The file's problems one per line (a file can have twenty). */
function FileErrors({ state }: { state: ActionResult<unknown> | null }) {
  const messages = state && !state.ok ? (state.fieldErrors?.file ?? []) : [];
  if (!messages.length) return null;
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700 dark:text-red-300" role="alert" data-field-error="file">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function ChangePreview({ s, source }: { s: ImportSummary; source: "YAHOO" | "CSV" | "DEMO" }) {
  const c = s.changes;
  const replace = s.mode === "replace";
  const groups = [
    { label: "added", n: c.added, rows: c.firstAdded.map(barText) },
    { label: "changed", n: c.changed, rows: c.firstChanged.map((x) => `${x.date} close ${closeText(x.before.close, x.after.close)} → ${closeText(x.after.close, x.before.close)}`) },
    replace
      ? { label: "removed (not in the file)", n: c.removed, rows: c.firstRemoved.map(barText) }
      : { label: "kept (not in the file)", n: c.kept, rows: [] },
  ];
  return (
    <div className="rounded-tremor-small border border-tremor-border p-3 text-tremor-default dark:border-dark-tremor-border" data-testid="import-preview">
      <p className="font-medium">
        Preview ({s.mode}): {c.added} bars added, {c.changed} changed, {c.unchanged} unchanged,{" "}
        {replace ? `${c.removed} removed` : `${c.kept} kept as they are`}
        {s.flags ? `; ${s.flags} flagged for review` : ""}. Nothing is written yet.
      </p>
      {source !== "CSV" && (
        <p className="mt-1">After the import the series counts as a CSV import: scheduled refreshes leave it alone until you switch it back to the provider.</p>
      )}
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {groups.map((g) => (
          <div key={g.label}>
            <p className="text-tremor-label">{g.n} {g.label}{g.rows.length > 0 && g.n > g.rows.length ? ` (first ${g.rows.length})` : ""}</p>
            <ul className="tabular-nums text-tremor-label">
              {g.rows.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {s.flags > 0 && (
        <div className="mt-3" data-testid="import-preview-flags">
          <p className="text-tremor-label">
            {s.flags} flagged for review (imported as they are){s.flags > s.firstFlags.length ? `, first ${s.firstFlags.length}` : ""}:
          </p>
          <ul className="text-tremor-label">
            {s.firstFlags.map((f) => (
              <li key={`${f.date}-${f.kind}`}>
                <span className="tabular-nums">{f.date}</span> · {f.kind} — {f.message}
              </li>
            ))}
            {s.flags > s.firstFlags.length && <li>and {s.flags - s.firstFlags.length} more</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * Import in two steps: "Preview changes" runs the import as a dry run and shows the change set; "Import" (or
 * "Replace the series", after confirming the removals) sends the same file again to write it. The form is submitted
 * by hand so the chosen file stays selected between the two steps. A preview belongs to one file and one mode:
 * choosing another file or mode hides it, so the write button never writes something other than what was shown.
 */
export function ImportPricesForm({ symbol, source }: { symbol: string; source: DataSource }) {
  const [result, action, pending] = useActionState(importPricesAction, null);
  const [mode, setMode] = useState<"merge" | "replace">(source === "CSV" ? "merge" : "replace");
  const [confirmed, setConfirmed] = useState(false);
  // Bumped when the file changes; a preview counts only for the file it was made from.
  const [fileVersion, setFileVersion] = useState(0);
  const [previewedVersion, setPreviewedVersion] = useState(-1);
  // While a new preview is on its way the last one (of another file, perhaps) is hidden, not shown as if it were new.
  const [previewing, setPreviewing] = useState(false);
  const [, startTransition] = useTransition();
  const preview =
    !(pending && previewing) && result?.ok && result.data.dryRun && result.data.mode === mode && previewedVersion === fileVersion ? result.data : null;
  const done = result?.ok && !result.data.dryRun ? result.data : null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const write = submitter?.value === "write";
    data.set("dryRun", write ? "false" : "true");
    setPreviewing(!write);
    if (!write) setPreviewedVersion(fileVersion);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Import prices for ${symbol}`}>
      <input type="hidden" name="symbol" value={symbol} />
      <label className="block text-tremor-default">
        Price CSV (<code className="break-all">date,open,high,low,close,adj_close,volume</code>, a Yahoo download, or the same with ; or tab and decimal commas)
        <input
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          required
          className="mt-1 block w-full max-w-full text-tremor-default"
          onChange={() => { setConfirmed(false); setFileVersion((v) => v + 1); }}
        />
      </label>
      <fieldset className="text-tremor-default">
        <legend className="text-tremor-label">How the file meets the stored series</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="mode" value="merge" checked={mode === "merge"} onChange={() => { setMode("merge"); setConfirmed(false); }} />
            Merge: add and update bars, keep the others
          </label>
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="mode" value="replace" checked={mode === "replace"} onChange={() => { setMode("replace"); setConfirmed(false); }} />
            Replace: the file becomes the whole series
          </label>
        </div>
      </fieldset>
      <Button size="xs" variant="secondary" type="submit" name="step" value="preview" loading={pending && !preview}>Preview changes</Button>
      {preview && <ChangePreview s={preview} source={source} />}
      {preview && (
        <div className="flex flex-wrap items-center gap-2">
          {mode === "merge" ? (
            <Button size="xs" type="submit" name="step" value="write" disabled={preview.changes.added + preview.changes.changed === 0} loading={pending}>
              Import {preview.changes.added + preview.changes.changed} changes
            </Button>
          ) : (
            <>
              {preview.changes.removed > 0 && (
                <label className="inline-flex items-center gap-1 text-tremor-default">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                  Remove the {preview.changes.removed} stored bars the file lacks
                </label>
              )}
              <Button size="xs" color="red" type="submit" name="step" value="write" disabled={!confirmed && preview.changes.removed > 0} loading={pending}>
                Replace the series
              </Button>
            </>
          )}
        </div>
      )}
      {done && (
        <p className="text-tremor-label" role="status">
          Imported ({done.mode}): {done.inserted} bars added, {done.updated} updated, {done.removed} removed{done.flags ? `, ${done.flags} flagged for review` : ""}.
        </p>
      )}
      <FormMessage state={result} />
      <FileErrors state={result} />
      <FieldError state={result} name="mode" />
    </form>
  );
}

const JOB_STATE: Record<string, string> = {
  created: "queued",
  retry: "waiting to retry",
  active: "fetching the history",
  completed: "done",
  failed: "failed (see the last refresh error)",
  cancelled: "cancelled",
};

/** "Switch to Yahoo" on a CSV asset, and the progress of the one job that backfills the provider's history. */
export function SwitchToProviderButton({ symbol, providerLabel, job }: { symbol: string; providerLabel: string; job: { reason: string; state: string } | null }) {
  const [result, action, pending] = useActionState(switchToProviderAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="symbol" value={symbol} />
      <Button size="xs" variant="secondary" type="submit" loading={pending}>Switch to {providerLabel}</Button>
      <span className="text-tremor-label">Refreshes resume, and one job replaces the imported series with the full history.</span>
      {(result?.ok || job?.reason === "switch") && (
        <span className="text-tremor-label" role="status">Backfill: {JOB_STATE[result?.ok ? (result.data ?? "created") : job!.state] ?? job?.state}.</span>
      )}
      <FormMessage state={result} />
      <FieldError state={result} name="symbol" />
    </form>
  );
}

/**
 * An asset described by hand, for a series Yahoo does not carry or while Yahoo cannot be reached: the provider is not
 * asked, and the asset gets its prices from CSV imports on its page. Opens by itself when the search reports Yahoo
 * unreachable. Inputs are controlled so a refused submit keeps what was typed.
 */
export function ManualAssetForm({ open, onToggle, initialSymbol, benchmarks }: { open: boolean; onToggle: (open: boolean) => void; initialSymbol: string; benchmarks: string[] }) {
  const [result, action, pending] = useActionState(addAssetAction, null);
  const [values, setValues] = useState<Record<string, string>>({ symbol: initialSymbol });
  const field = (name: string) => ({
    name,
    value: values[name] ?? "",
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });
  const input = `${selectClass} block w-full`;
  return (
    <details className="mt-4" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="cursor-pointer text-tremor-default">Describe it yourself (no Yahoo needed)</summary>
      <form action={action} className="mt-2 grid max-w-2xl grid-cols-1 gap-3 sm:grid-cols-2" aria-label="Describe an asset yourself">
        <p className="text-tremor-label sm:col-span-2">
          Yahoo is not asked. The asset gets its prices by CSV import: after adding it, import a file on its page.
        </p>
        <label className="text-tremor-default">Symbol<input {...field("symbol")} required className={input} placeholder="e.g. KOSPI-DEF" /><FieldError state={result} name="symbol" /></label>
        <label className="text-tremor-default">Name<input {...field("name")} required className={input} placeholder="e.g. KRX defence index" /><FieldError state={result} name="name" /></label>
        <label className="text-tremor-default">
          Class
          <select {...field("assetClass")} required className={input}>
            <option value="">choose…</option>
            {ASSET_CLASSES.map((c) => (
              <option key={c} value={c}>{c.replace("_", " ").toLowerCase()}</option>
            ))}
          </select>
          <FieldError state={result} name="assetClass" />
        </label>
        <label className="text-tremor-default">Currency<input {...field("currency")} required maxLength={3} className={input} placeholder="KRW" /><FieldError state={result} name="currency" /></label>
        <label className="text-tremor-default">Time zone<input {...field("timeZone")} required className={input} placeholder="Asia/Seoul" /><FieldError state={result} name="timeZone" /></label>
        <label className="text-tremor-default">Exchange (optional)<input {...field("exchange")} className={input} placeholder="KSE" /><FieldError state={result} name="exchange" /></label>
        <label className="text-tremor-default">Country (optional)<input {...field("country")} maxLength={2} className={input} placeholder="KR, empty for global" /><FieldError state={result} name="country" /></label>
        <label className="text-tremor-default">
          Benchmark
          <select {...field("benchmark")} className={input}>
            <option value="">none (constant-mean model)</option>
            {benchmarks.map((b) => (
              <option key={b} value={b}>{b}</option>
            ))}
          </select>
          <FieldError state={result} name="benchmark" />
        </label>
        <div className="flex items-center gap-2 sm:col-span-2">
          <Button size="xs" type="submit" loading={pending}>Add {values.symbol?.trim() ? values.symbol.trim().toUpperCase() : "the asset"}</Button>
          <FormMessage state={result} />
        </div>
      </form>
    </details>
  );
}
