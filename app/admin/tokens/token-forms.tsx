"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { issueTokenAction, revokeTokenAction } from "./actions";

/**
 * `liveTokenIds`: the tokens not revoked, from the page. The plaintext of a new token stays on screen only while that
 * token is live: revoking it (the page re-renders after the action) takes the secret off the screen.
 */
export function IssueTokenForm({ users, liveTokenIds }: { users: { id: string; label: string }[]; liveTokenIds: number[] }) {
  const [state, action, pending] = useActionState(issueTokenAction, null);
  const revoked = state?.ok === true && !liveTokenIds.includes(state.data.id);
  return (
    <form action={action} className="grid max-w-xl gap-3 sm:grid-cols-3">
      <label className="block text-sm">Name<input name="name" required placeholder="nightly export" className={inputClass} /><FieldError state={state} name="name" /></label>
      <label className="block text-sm">Acts as
        <select name="userId" className={inputClass}>{users.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}</select>
        <FieldError state={state} name="userId" />
      </label>
      <label className="block text-sm">Scope
        <select name="scope" defaultValue="READ" className={inputClass}><option value="READ">read</option><option value="READ_WRITE">read-write</option></select>
        <FieldError state={state} name="scope" />
      </label>
      <div><button type="submit" disabled={pending} className={buttonClass}>Issue token</button></div>
      <div className="sm:col-span-3">
        {revoked ? (
          <p className="text-sm" role="status" data-testid="new-token-revoked">The token issued here has been revoked; its secret is no longer shown.</p>
        ) : state?.ok ? (
          <div className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50" role="status">
            Copy this token now — it will not be shown again:
            <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono dark:bg-gray-900" data-testid="new-token">{state.data.token}</code>
          </div>
        ) : (
          <FormMessage state={state} />
        )}
      </div>
    </form>
  );
}

export function RevokeTokenButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>Revoke</button>
      {state && !state.ok && <span className="ml-2 text-sm text-red-700 dark:text-red-300">{state.message}</span>}
    </form>
  );
}
