"use client";
// Deleting a saved scenario asks first, in place: the name is repeated so the analyst sees which one goes.
import { useActionState, useState } from "react";
import { FormMessage, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { deleteSavedScenarioAction } from "../actions";

const dangerClass =
  "rounded-tremor-default border border-red-700 bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:border-red-500 dark:bg-red-600 dark:hover:bg-red-500";

export function DeleteSavedScenario({ id, name }: { id: number; name: string }) {
  const [asking, setAsking] = useState(false);
  const [state, action, pending] = useActionState(deleteSavedScenarioAction, null);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="text-sm text-red-700 hover:underline dark:text-red-300" data-testid="delete-saved">
        Delete
      </button>
    );
  }
  return (
    <form action={action} className="flex w-full flex-wrap items-center gap-2 rounded border border-red-200 bg-red-50 p-2 dark:border-red-900 dark:bg-red-950" role="group" aria-label={`Delete ${name}`} data-testid="confirm-delete-saved">
      <input type="hidden" name="id" value={id} />
      <span className="text-sm text-red-900 dark:text-red-100">Delete “{name}”? An admin can restore it from the Deleted page.</span>
      <button type="submit" disabled={pending} className={dangerClass} autoFocus>{pending ? "Deleting…" : "Delete scenario"}</button>
      <button type="button" onClick={() => setAsking(false)} disabled={pending} className={secondaryButtonClass}>Cancel</button>
      <div className="w-full empty:hidden"><FormMessage state={state} /></div>
    </form>
  );
}
