// Messages under a field and above a form, from an ActionResult. A conflict says who changed what and when.
import type { ActionResult } from "@/lib/http/errors";
import { oversizedFileMessage } from "@/lib/validation/upload-limits";

export function FieldError({ state, name }: { state: ActionResult<unknown> | null; name: string }) {
  if (!state || state.ok || !state.fieldErrors) return null;
  const messages = Object.entries(state.fieldErrors)
    .filter(([k]) => k === name || k.startsWith(`${name}.`))
    .flatMap(([, m]) => m);
  if (!messages.length) return null;
  return (
    <p className="mt-1 text-sm text-red-700 dark:text-red-300" role="alert" data-field-error={name}>
      {messages.join(" · ")}
    </p>
  );
}

export function FormMessage({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (state.ok) return success ? <p className="rounded bg-emerald-50 p-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" role="status">{success}</p> : null;
  const tone = state.status === 409 ? "bg-amber-50 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:border-amber-800" : "bg-red-50 text-red-800 border-red-200 dark:bg-red-950 dark:text-red-100 dark:border-red-900";
  return (
    <div className={`rounded border p-2 text-sm ${tone}`} role="alert" data-status={state.status}>
      {state.message}
      {state.fieldErrors?._form && <span> {state.fieldErrors._form.join(" ")}</span>}
    </div>
  );
}

/**
 * A form action that checks the chosen file's size in the browser first: a file over the import limit gets the 413
 * message in the form at once, instead of a multi-megabyte upload the server refuses.
 */
export function withFileSizeCheck<S>(action: (form: FormData) => void, show: (failure: ActionResult<S> | null) => void) {
  return (form: FormData) => {
    const message = oversizedFileMessage(form);
    show(message ? { ok: false, status: 413, code: "payload_too_large", message } : null);
    if (!message) action(form);
  };
}

// Form controls' looks are classes of app/globals.css: one short name per control instead of the same long utility
// list on every field and button of a page.
export const inputClass = "form-input";
export const buttonClass = "btn-primary";
export const secondaryButtonClass = "btn-secondary";
