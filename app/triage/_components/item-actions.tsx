"use client";
// One item's actions: create an event from it, link it to an existing event, dismiss it with a reason, or reopen it.
// The link and dismiss forms open on demand: a page of 25 items renders 25 rows of buttons, not 50 forms.
import Link from "next/link";
import { useActionState, useState } from "react";
import { FieldError, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "../../_components/forms/form-feedback";
import { dismissMoveAction, linkMoveAction, reopenMoveAction } from "../actions";
import { DISMISS_REASONS, DISMISS_REASON_LABEL } from "@/lib/triage/schemas";

export function ItemActions({ itemId, status, session, events }: {
  itemId: number;
  status: string;
  session: string;
  events: { id: number; title: string; date: string }[];
}) {
  const [dismissState, dismiss, dismissing] = useActionState(dismissMoveAction, null);
  const [linkState, link, linking] = useActionState(linkMoveAction, null);
  const [reopenState, reopen, reopening] = useActionState(reopenMoveAction, null);
  const [reason, setReason] = useState<string>("HOLIDAY_EFFECT");
  const [open, setOpen] = useState<"link" | "dismiss" | null>(null);
  const toggle = (which: "link" | "dismiss") => setOpen((o) => (o === which ? null : which));
  if (status !== "OPEN") {
    return (
      <form action={reopen} className="flex flex-wrap items-center gap-2 text-sm">
        <input type="hidden" name="itemId" value={itemId} />
        <button type="submit" disabled={reopening} className={secondaryButtonClass}>Reopen</button>
        <FormMessage state={reopenState} />
      </form>
    );
  }
  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/events/new?fromMove=${itemId}`} className={`${buttonClass} inline-block`} data-testid="create-event-from-move" title={`A new event prefilled with ${session} and the assets that moved`}>
          Create an event
        </Link>
        <button type="button" className={secondaryButtonClass} aria-expanded={open === "link"} onClick={() => toggle("link")}>Link to an event…</button>
        <button type="button" className={secondaryButtonClass} aria-expanded={open === "dismiss"} onClick={() => toggle("dismiss")}>Dismiss…</button>
      </div>
      {open === "link" && (
        <form action={link} className="max-w-xl" data-testid="link-move">
          <input type="hidden" name="itemId" value={itemId} />
          <label className="block">Event
            <select name="eventId" required className={inputClass} defaultValue="">
              <option value="" disabled>{events.length ? "Events within 10 days" : "No event within 10 days"}</option>
              {events.map((e) => <option key={e.id} value={e.id}>{e.date} · {e.title}</option>)}
            </select>
          </label>
          <FieldError state={linkState} name="eventId" />
          <button type="submit" disabled={linking || events.length === 0} className={`${buttonClass} mt-2`}>Link</button>
          <FormMessage state={linkState} />
        </form>
      )}
      {open === "dismiss" && (
        <form action={dismiss} className="max-w-xl" data-testid="dismiss-move">
          <input type="hidden" name="itemId" value={itemId} />
          <label className="block">Dismiss because
            <select name="reason" value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass}>
              {DISMISS_REASONS.map((r) => <option key={r} value={r}>{DISMISS_REASON_LABEL[r]}</option>)}
            </select>
          </label>
          <label className="mt-1 block">{reason === "OTHER" ? "Reason" : "Note (optional)"}
            <input name="note" maxLength={500} required={reason === "OTHER"} className={inputClass} />
          </label>
          <FieldError state={dismissState} name="note" />
          <button type="submit" disabled={dismissing} className={`${buttonClass} mt-2`}>Dismiss</button>
          <FormMessage state={dismissState} />
        </form>
      )}
    </div>
  );
}
