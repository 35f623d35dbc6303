"use server";
// Notes from the UI: on an event's thread or pinned to an asset at a date; authors edit and delete their own.
import { revalidatePath } from "next/cache";
import { createAnnotation, deleteAnnotation, editAnnotation } from "@/lib/annotations/commands";
import { requireUser } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/http/errors";

function revalidateFor(note: { eventId: number | null }, form: FormData) {
  if (note.eventId) revalidatePath(`/events/${note.eventId}`);
  const back = form.get("returnTo");
  if (typeof back === "string" && back.startsWith("/")) revalidatePath(back);
}

export async function createAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const note = await createAnnotation(user, {
      body: String(form.get("body") ?? ""),
      eventId: form.get("eventId") ?? undefined,
      parentId: form.get("parentId") ?? undefined,
      assetSymbol: (form.get("assetSymbol") as string | null) ?? undefined,
      pinnedDate: (form.get("pinnedDate") as string | null) ?? undefined,
    });
    revalidateFor(note, form);
    return null;
  });
}

export async function editAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const note = await editAnnotation(user, { id: form.get("id"), body: form.get("body"), version: form.get("version") });
    revalidateFor(note, form);
    return null;
  });
}

export async function deleteAnnotationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const note = await deleteAnnotation(user, { id: form.get("id"), version: form.get("version") });
    revalidateFor(note, form);
    return null;
  });
}
