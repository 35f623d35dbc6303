"use server";
// Admins create webhooks (the secret is shown once), edit their types and URL, revoke them, ping them, and retry a
// dead delivery. Every change is audited by lib/notifications.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { type ActionResult, runAction } from "@/lib/http/errors";
import type { WebhookUpdateInput } from "@/lib/notifications/schemas";
import { createWebhook, pingWebhook, retryDeadDelivery, revokeWebhook, updateWebhook } from "@/lib/notifications/webhooks";

function input(form: FormData): WebhookUpdateInput {
  return { id: form.get("id"), name: String(form.get("name") ?? ""), url: String(form.get("url") ?? ""), types: form.getAll("types"), enabled: form.get("enabled") };
}

export async function createWebhookAction(_prev: ActionResult<{ id: number; secret: string }> | null, form: FormData): Promise<ActionResult<{ id: number; secret: string }>> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    const { webhook, secret } = await createWebhook(admin, input(form));
    revalidatePath("/admin/webhooks");
    return { id: webhook.id, secret };
  });
}

export async function updateWebhookAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await updateWebhook(admin, input(form));
    revalidatePath("/admin/webhooks");
    return null;
  });
}

export async function revokeWebhookAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await revokeWebhook(admin, { id: form.get("id") });
    revalidatePath("/admin/webhooks");
    return null;
  });
}

export async function pingWebhookAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await pingWebhook(admin, { id: form.get("id") });
    revalidatePath("/admin/webhooks");
    return null;
  });
}

export async function retryDeliveryAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser("ADMIN");
  return runAction(async () => {
    await retryDeadDelivery(admin, { id: form.get("id") });
    revalidatePath("/admin/jobs");
    return null;
  });
}
