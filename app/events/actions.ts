"use server";
// Event log writes from the UI. Each action checks the role first, then calls the same command the API uses.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createEvent, deleteEvent, restoreEvent, updateEvent } from "@/lib/events/commands";
import { removeExposure, setExposure } from "@/lib/events/exposures";
import { importEvents, type ImportReport } from "@/lib/events/import/import-events";
import type { EventInput, EventUpdateInput } from "@/lib/events/schemas";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { resolveMoveByEvent } from "@/lib/triage/commands";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";
import { MAX_FORM_FILE_BYTES } from "@/lib/validation/upload-limits";

const fields = (form: FormData) => Object.fromEntries(form) as Record<string, string>;

export async function createEventAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  const user = await requireUser("ANALYST");
  const { moveItemId, ...input } = fields(form);
  const result = await runAction(async () => {
    const { id } = await createEvent(user, input as unknown as EventInput);
    // Created from a triage item: the item leaves the queue as resolved by this event.
    // An item already gone (an event's exposures explained every move and the queue dropped it) needs nothing more.
    if (moveItemId) await resolveMoveByEvent(user, { itemId: moveItemId, eventId: id }).catch((err: unknown) => { if (!(err instanceof NotFoundError)) throw err; });
    return { id };
  });
  if (result.ok) {
    revalidatePath("/events");
    if (moveItemId) revalidatePath("/triage");
    redirect(`/events/${result.data.id}`);
  }
  return result;
}

export async function updateEventAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => {
    const id = parseOrThrow(idSchema("Event"), form.get("id"));
    return { id: (await updateEvent(user, id, fields(form) as unknown as EventUpdateInput)).id };
  });
  if (result.ok) {
    revalidatePath(`/events/${result.data.id}`);
    redirect(`/events/${result.data.id}`);
  }
  return result;
}

export async function deleteEventAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => {
    await deleteEvent(user, { id: form.get("id"), version: form.get("version") });
    return null;
  });
  if (result.ok) {
    revalidatePath("/events");
    redirect("/events");
  }
  return result;
}

export async function restoreEventAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ADMIN");
  return runAction(async () => {
    await restoreEvent(user, { id: form.get("id"), version: form.get("version") });
    revalidatePath("/admin/deleted");
    revalidatePath("/events");
    return null;
  });
}

export async function setExposureAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const x = await setExposure(user, fields(form) as never);
    revalidatePath(`/events/${x.eventId}`);
    return null;
  });
}

export async function removeExposureAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await removeExposure(user, { eventId: form.get("eventId"), assetSymbol: form.get("assetSymbol") });
    revalidatePath(`/events/${String(form.get("eventId"))}`);
    return null;
  });
}

export async function importEventsAction(_prev: ActionResult<ImportReport> | null, form: FormData): Promise<ActionResult<ImportReport>> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const file = form.get("file");
    const pasted = String(form.get("text") ?? "");
    if (file instanceof File && file.size > MAX_FORM_FILE_BYTES) throw new BadRequestError(`The file is larger than ${MAX_FORM_FILE_BYTES / 1_000_000} MB.`);
    const upload = file instanceof File && file.size > 0 ? { name: file.name, text: await file.text() } : { name: String(form.get("format") ?? "csv") === "json" ? "pasted.json" : "pasted.csv", text: pasted };
    if (!upload.text.trim()) throw new BadRequestError("Choose a file or paste its content.");
    const report = await importEvents(user, upload);
    if (report.ok) revalidatePath("/events");
    return report;
  });
}
