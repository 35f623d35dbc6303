"use client";
// Forms for notes: a new note or reply, an edit of one's own note (keeps the text on a conflict), a delete.
import { useActionState, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../../../_components/forms/form-feedback";
import { createAnnotationAction, deleteAnnotationAction, editAnnotationAction } from "../../../annotations/actions";

export function NewNoteForm({ target, parentId, returnTo, label = "Add note" }: {
  target: { eventId: number } | { assetSymbol: string; pinnedDate?: string };
  parentId?: number;
  returnTo?: string;
  label?: string;
}) {
  const [state, action, pending] = useActionState(createAnnotationAction, null);
  const [body, setBody] = useState("");
  const [prevState, setPrevState] = useState(state);
  if (state !== prevState) {
    setPrevState(state);
    if (state?.ok) setBody("");
  }
  return (
    <form action={action} className="space-y-2">
      {"eventId" in target ? <input type="hidden" name="eventId" value={target.eventId} /> : <input type="hidden" name="assetSymbol" value={target.assetSymbol} />}
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      {"assetSymbol" in target && (
        <label className="block text-sm">Date<input type="date" name="pinnedDate" defaultValue={target.pinnedDate} required className={inputClass} /><FieldError state={state} name="pinnedDate" /></label>
      )}
      <textarea name="body" value={body} onChange={(e) => setBody(e.target.value)} rows={parentId ? 2 : 4} maxLength={20_000} placeholder="Markdown: **bold**, _italic_, [link](https://…), lists" className={inputClass} aria-label={label} />
      <FieldError state={state} name="body" />
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      <button type="submit" disabled={pending} className={parentId ? secondaryButtonClass : buttonClass}>{label}</button>
    </form>
  );
}

export function EditNoteForm({ id, version, body, returnTo }: { id: number; version: number; body: string; returnTo?: string }) {
  const [state, action, pending] = useActionState(editAnnotationAction, null);
  const [text, setText] = useState(body);
  const [open, setOpen] = useState(false);
  if (!open) return <button type="button" onClick={() => setOpen(true)} className="text-xs text-tremor-brand hover:underline dark:text-dark-tremor-brand">Edit</button>;
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <textarea name="body" value={text} onChange={(e) => setText(e.target.value)} rows={4} className={inputClass} aria-label="Edit note" />
      <FieldError state={state} name="body" />
      <FormMessage state={state} success="Saved." />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={secondaryButtonClass}>Save</button>
        <button type="button" onClick={() => setOpen(false)} className="text-sm">Close</button>
      </div>
    </form>
  );
}

export function DeleteNoteButton({ id, version, returnTo }: { id: number; version: number; returnTo?: string }) {
  const [state, action, pending] = useActionState(deleteAnnotationAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <button type="submit" disabled={pending} className="text-xs text-red-700 dark:text-red-300 hover:underline">Delete</button>
      {state && !state.ok && <span className="ml-2 text-xs text-red-700 dark:text-red-300">{state.message}</span>}
    </form>
  );
}
