"use client";
// Saves the scenario the page shows under a name (analyst): the server re-runs it from the page's parameters.
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { saveScenarioAction } from "../actions";

export function SaveScenario({ portfolioId, kind, query, defaultName }: { portfolioId: number; kind: "analogues" | "shocks"; query: string; defaultName: string }) {
  const [state, action, pending] = useActionState(saveScenarioAction, null);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-2" data-testid={`save-${kind}`}>
      <input type="hidden" name="portfolioId" value={portfolioId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="query" value={query} />
      <label className="w-full max-w-xl text-tremor-default text-tremor-content dark:text-dark-tremor-content sm:w-auto sm:flex-1">
        Save as
        <input name="name" defaultValue={defaultName} maxLength={120} className={inputClass} />
        <FieldError state={state} name="name" />
      </label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{pending ? "Saving…" : "Save scenario"}</button>
      <div className="w-full"><FormMessage state={state} /></div>
    </form>
  );
}
