"use server";
// The triage queue's one-click actions from the UI: analysts only, each calling the audited command.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { dismissMove, linkMoveToEvent, reopenMove, setMoveThreshold } from "@/lib/triage/commands";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

function refresh() {
  revalidatePath("/triage");
  revalidatePath("/");
}

export async function dismissMoveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await dismissMove(user, { itemId: text(form, "itemId"), reason: text(form, "reason") as never, note: text(form, "note") });
    refresh();
    return null;
  });
}

export async function linkMoveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await linkMoveToEvent(user, { itemId: text(form, "itemId"), eventId: text(form, "eventId") });
    refresh();
    return null;
  });
}

export async function reopenMoveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await reopenMove(user, { itemId: text(form, "itemId") });
    refresh();
    return null;
  });
}

export async function setThresholdAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await setMoveThreshold(user, { threshold: text(form, "threshold") as never, assetSymbol: text(form, "assetSymbol") });
    refresh();
    return null;
  });
}
