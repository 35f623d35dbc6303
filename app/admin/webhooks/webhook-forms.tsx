"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { createWebhookAction, pingWebhookAction, retryDeliveryAction, revokeWebhookAction, updateWebhookAction } from "./actions";

export interface TypeOption {
  value: string;
  label: string;
}

function TypeChoices({ options, checked, idPrefix }: { options: TypeOption[]; checked: string[]; idPrefix: string }) {
  return (
    <fieldset className="text-sm">
      <legend>Notification types</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${idPrefix}-${o.value}`} className="inline-flex min-h-[24px] items-center gap-1.5">
            <input id={`${idPrefix}-${o.value}`} type="checkbox" name="types" value={o.value} defaultChecked={checked.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The secret stays on screen only while the webhook it belongs to is live. */
export function CreateWebhookForm({ options, liveIds }: { options: TypeOption[]; liveIds: number[] }) {
  const [state, action, pending] = useActionState(createWebhookAction, null);
  const revoked = state?.ok === true && !liveIds.includes(state.data.id);
  return (
    <form action={action} className="grid max-w-3xl gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">Name<input name="name" required placeholder="#risk-desk" className={inputClass} /><FieldError state={state} name="name" /></label>
        <label className="block text-sm">URL<input name="url" type="url" required placeholder="https://hooks.slack.com/services/…" className={inputClass} /><FieldError state={state} name="url" /></label>
      </div>
      <TypeChoices options={options} checked={options.map((o) => o.value)} idPrefix="new" />
      <FieldError state={state} name="types" />
      <div><button type="submit" disabled={pending} className={buttonClass}>Create webhook</button></div>
      {revoked ? (
        <p className="text-sm" role="status">The webhook created here has been revoked; its secret is no longer shown.</p>
      ) : state?.ok ? (
        <div className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50" role="status">
          Copy the signing secret now — it will not be shown again:
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono dark:bg-gray-900" data-testid="new-webhook-secret">{state.data.secret}</code>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}

export function EditWebhookForm({ hook, options }: { hook: { id: number; name: string; url: string; types: string[]; enabled: boolean }; options: TypeOption[] }) {
  const [state, action, pending] = useActionState(updateWebhookAction, null);
  return (
    <form action={action} className="grid gap-3">
      <input type="hidden" name="id" value={hook.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">Name<input name="name" required defaultValue={hook.name} className={inputClass} /><FieldError state={state} name="name" /></label>
        <label className="block text-sm">URL<input name="url" type="url" required defaultValue={hook.url} className={inputClass} /><FieldError state={state} name="url" /></label>
      </div>
      <TypeChoices options={options} checked={hook.types} idPrefix={`hook-${hook.id}`} />
      <FieldError state={state} name="types" />
      <label className="inline-flex min-h-[24px] items-center gap-1.5 text-sm"><input type="checkbox" name="enabled" defaultChecked={hook.enabled} /> Enabled</label>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={pending} className={buttonClass}>Save</button>
        <FormMessage state={state} success="Saved: the next delivery uses it." />
      </div>
    </form>
  );
}

function SmallAction({ id, label, action: serverAction, done }: { id: number; label: string; action: typeof revokeWebhookAction; done: string }) {
  const [state, action, pending] = useActionState(serverAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{label}</button>
      {state?.ok && <span className="text-sm" role="status">{done}</span>}
      {state && !state.ok && <span className="text-sm text-red-700 dark:text-red-300" role="alert">{state.message}</span>}
    </form>
  );
}

export const RevokeWebhookButton = ({ id }: { id: number }) => <SmallAction id={id} label="Revoke" action={revokeWebhookAction} done="Revoked" />;
export const PingWebhookButton = ({ id }: { id: number }) => <SmallAction id={id} label="Send test ping" action={pingWebhookAction} done="Ping queued" />;
export const RetryDeliveryButton = ({ id }: { id: number }) => <SmallAction id={id} label="Retry" action={retryDeliveryAction} done="Queued again" />;
