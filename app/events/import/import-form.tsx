"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FormMessage, buttonClass, inputClass, withFileSizeCheck } from "../../_components/forms/form-feedback";
import type { ActionResult } from "@/lib/http/errors";
import type { ImportReport } from "@/lib/events/import/import-events";
import { importEventsAction } from "../actions";

export function ImportForm() {
  const [serverState, action, pending] = useActionState(importEventsAction, null);
  const [tooLarge, setTooLarge] = useState<ActionResult<ImportReport> | null>(null);
  const state = tooLarge ?? serverState;
  const report = state?.ok ? state.data : null;
  return (
    <form action={withFileSizeCheck(action, setTooLarge)} className="space-y-4">
      <label className="block text-sm">CSV or JSON file<input type="file" name="file" accept=".csv,.json,text/csv,application/json" className={inputClass} /></label>
      <label className="block text-sm">…or paste it here
        <textarea name="text" rows={6} className={`${inputClass} font-mono`} placeholder="date,title,category,countries,source_url" />
      </label>
      <label className="block text-sm">Pasted format
        <select name="format" className={inputClass} defaultValue="csv"><option value="csv">CSV</option><option value="json">JSON</option></select>
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>Import</button>
      <FormMessage state={state} />
      {report && (
        <div className="space-y-2 text-sm" data-testid="import-report">
          {report.ok ? (
            <p className="rounded bg-emerald-50 p-2 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">Imported {report.created} event{report.created === 1 ? "" : "s"}; {report.duplicates.length} duplicate{report.duplicates.length === 1 ? "" : "s"} skipped.</p>
          ) : (
            <p className="rounded bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-100">Nothing was imported: {report.errors.length} problem{report.errors.length === 1 ? "" : "s"} to fix first.</p>
          )}
          {report.errors.length > 0 && (
            <ul className="list-disc pl-5 text-red-700 dark:text-red-300">{report.errors.map((e, i) => <li key={i}>Row {e.row}, {e.field}: {e.message}</li>)}</ul>
          )}
          {report.duplicates.length > 0 && (
            <ul className="list-disc pl-5">
              {report.duplicates.map((d) => (
                <li key={d.row}>
                  Row {d.row} ({d.date} “{d.title}”) duplicates {d.existingEventId ? <Link className="text-tremor-brand underline dark:text-dark-tremor-brand" href={`/events/${d.existingEventId}`}>event {d.existingEventId}</Link> : `row ${d.duplicateOfRow}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
