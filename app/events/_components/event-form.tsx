"use client";
// The event form, for create and edit. Inputs are controlled and the submit goes through onSubmit rather than the
// form's action attribute: React resets a form after an action, which put selects (category, theme) back to their
// first option after a failed save. This way a failed save (a validation error, or a conflict with someone else's
// edit) keeps everything the user typed or chose.
import { useActionState, useState, startTransition } from "react";
import { FieldError, FormMessage, buttonClass, inputClass } from "../../_components/forms/form-feedback";
import { createEventAction, updateEventAction } from "../actions";
import { EVENT_CATEGORIES } from "@/lib/enums";
import { EventWhen, type WhenValues } from "./event-when";
import { InitialExposures, type ExposureDraft } from "./initial-exposures";

export interface EventFormValues {
  title: string;
  when: WhenValues;
  category: string;
  severity: string;
  countries: string;
  summary: string;
  sourceUrls: string;
  tags: string;
  themeId: string;
}

type TextField = Exclude<keyof EventFormValues, "when">;


export function EventForm({ initial, themes, assets, edit, initialExposures = [], moveItemId }: {
  initial: EventFormValues;
  /** Exposures to start from (an event created from a triage item: the assets that moved). */
  initialExposures?: ExposureDraft[];
  /** The triage item the event explains: it is marked resolved when the event is saved. */
  moveItemId?: number;
  themes: { id: number; name: string }[];
  /** Stored assets for the exposure picker (create only: an existing event's exposures are edited on its page). */
  assets?: { symbol: string; name: string }[];
  edit?: { id: number; version: number; storedInstant: string };
}) {
  const [values, setValues] = useState(initial);
  const [exposures, setExposures] = useState<ExposureDraft[]>(initialExposures);
  const [state, action, pending] = useActionState(edit ? updateEventAction : createEventAction, null);
  const bind = (name: TextField) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" data-testid="event-form">
      {moveItemId !== undefined && <input type="hidden" name="moveItemId" value={moveItemId} />}
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      )}
      <div className="md:col-span-2">
        <FormMessage state={state} />
        {state && !state.ok && state.status === 409 && (
          <p className="mt-1 text-sm">
            Your text is kept below. <a href={edit ? `/events/${edit.id}` : "#"} target="_blank" rel="noreferrer" className="text-tremor-brand underline dark:text-dark-tremor-brand">Open their version in a new tab</a>, then reload this page to edit from it.
          </p>
        )}
      </div>
      <label className="block text-sm md:col-span-2">Title<input {...bind("title")} required maxLength={200} className={inputClass} /><FieldError state={state} name="title" /></label>
      <EventWhen value={values.when} onChange={(when) => setValues((v) => ({ ...v, when }))} state={state} storedInstant={edit?.storedInstant} />
      <label className="block text-sm">Category
        <select {...bind("category")} className={inputClass}>{EVENT_CATEGORIES.map((c) => <option key={c} value={c}>{c.toLowerCase()}</option>)}</select>
        <FieldError state={state} name="category" />
      </label>
      <label className="block text-sm">Severity (1–5)<input {...bind("severity")} type="number" min={1} max={5} required className={inputClass} /><FieldError state={state} name="severity" /></label>
      <label className="block text-sm">Countries (ISO codes, comma-separated, EU allowed)<input {...bind("countries")} className={inputClass} placeholder="RU, KP" /><FieldError state={state} name="countries" /></label>
      <label className="block text-sm">Theme
        <select {...bind("themeId")} className={inputClass}><option value="">—</option>{themes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select>
        <FieldError state={state} name="themeId" />
      </label>
      <label className="block text-sm md:col-span-2">Tags (comma-separated, at most 20)<input {...bind("tags")} className={inputClass} /><FieldError state={state} name="tags" /></label>
      <label className="block text-sm md:col-span-2">Summary (Markdown: **bold**, lists, links)<textarea {...bind("summary")} rows={6} maxLength={10_000} className={inputClass} /><FieldError state={state} name="summary" /></label>
      <label className="block text-sm md:col-span-2">Source URLs (one per line, http or https)<textarea {...bind("sourceUrls")} rows={3} className={inputClass} /><FieldError state={state} name="sourceUrls" /></label>
      {!edit && assets && <InitialExposures assets={assets} rows={exposures} onChange={setExposures} state={state} />}
      <div><button type="submit" disabled={pending} className={buttonClass}>{edit ? "Save changes" : "Create event"}</button></div>
    </form>
  );
}
