"use client";

// Import a portfolio from CSV in two steps: "Check" shows every row with what is wrong with it and writes nothing;
// once nothing is flagged, "Create portfolio" sends the same text through the same command as the form. Submitted
// through onSubmit so that React does not reset the fields after the check.
import { startTransition, useActionState, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass, withFileSizeCheck } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import { importPortfolioAction, type ImportStep } from "../actions";

export function PortfolioImportForm() {
  const [serverState, action, pending] = useActionState(importPortfolioAction, null);
  const [tooLarge, setTooLarge] = useState<ActionResult<ImportStep> | null>(null);
  const state = tooLarge ?? serverState;
  const step = state?.ok && "preview" in state.data ? state.data : null;
  const preview = step?.preview ?? null;
  const failed = state && !state.ok ? state : null;
  const problems = preview ? Object.entries(preview.problems) : [];
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => withFileSizeCheck(action, setTooLarge)(form));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="block text-sm">Name<input name="name" required maxLength={120} className={inputClass} /></label>
        <label className="block text-sm">Base currency<input name="baseCurrency" required maxLength={3} defaultValue="USD" className={`${inputClass} uppercase`} /></label>
        <label className="block text-sm">Notional (weights only)<input name="notional" inputMode="decimal" className={inputClass} /></label>
      </div>
      <FieldError state={failed} name="name" />
      <label className="block text-sm">CSV file (<code>symbol,quantity</code> or <code>symbol,weight</code>)
        <input type="file" name="file" accept=".csv,text/csv" className={inputClass} />
      </label>
      <label className="block text-sm">…or paste it here
        <textarea name="csv" rows={6} className={`${inputClass} font-mono`} placeholder={"symbol,quantity\nEWY,1500"} />
      </label>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="check" disabled={pending} className={secondaryButtonClass}>Check</button>
        <button type="submit" name="intent" value="create" disabled={pending || !preview?.ok} className={buttonClass}>Create portfolio</button>
      </div>
      <FormMessage state={state} />
      {preview && (
        <div className="space-y-2 text-sm" data-testid="import-preview">
          {preview.ok ? (
            <p className="rounded bg-emerald-50 p-2 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" role="status">
              {preview.rows.length} position{preview.rows.length === 1 ? "" : "s"} ready ({preview.kind === "weight" ? "weights" : "quantities"}). Nothing is written until you create the portfolio.
            </p>
          ) : (
            <p className="rounded bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-100" role="alert">
              Nothing can be imported yet: fix the flagged rows and problems, then check again.
            </p>
          )}
          {problems.length > 0 && (
            <ul className="list-disc pl-5 text-red-700 dark:text-red-300">{problems.map(([field, messages]) => <li key={field}>{field}: {messages.join(" ")}</li>)}</ul>
          )}
          {preview.rows.length > 0 && (
            <table className="w-full text-left">
              <thead><tr className="border-b border-tremor-border dark:border-dark-tremor-border"><th className="px-2 py-1">Line</th><th className="px-2 py-1">Symbol</th><th className="px-2 py-1 text-right">{preview.kind === "weight" ? "Weight" : "Quantity"}</th><th className="px-2 py-1">Check</th></tr></thead>
              <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
                {preview.rows.map((r) => (
                  <tr key={r.line} data-flagged={r.problems.length > 0 ? "true" : "false"} className={r.problems.length ? "bg-red-50 dark:bg-red-950/40" : ""}>
                    <td className="px-2 py-1 tabular-nums">{r.line}</td>
                    <td className="px-2 py-1">{r.symbol}{r.assetName && <span className="block text-xs text-tremor-content dark:text-dark-tremor-content">{r.assetName}</span>}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{r.amount}</td>
                    <td className="px-2 py-1">{r.problems.length ? <span className="text-red-700 dark:text-red-300">{r.problems.join(" ")}</span> : "ok"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
