"use server";
// Themes from the UI: create, edit, merge, delete (analyst).
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { createTheme, deleteTheme, mergeThemes, updateTheme } from "@/lib/themes/commands";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createThemeAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await createTheme(user, { name: text(form, "name"), description: text(form, "description") });
    revalidatePath("/themes");
    return null;
  });
}

export async function updateThemeAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await updateTheme(user, parseOrThrow(idSchema("Theme"), form.get("id")), { name: text(form, "name"), description: text(form, "description") });
    revalidatePath("/themes");
    return null;
  });
}

export async function mergeThemesAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await mergeThemes(user, { sourceId: form.get("sourceId"), targetId: form.get("targetId") });
    revalidatePath("/themes");
    return null;
  });
}

export async function deleteThemeAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    await deleteTheme(user, { id: form.get("id") });
    revalidatePath("/themes");
    return null;
  });
}
