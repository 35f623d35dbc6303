"use server";
// Server actions for assets: each checks the role on the server, validates with the shared schema and returns a
// result the form can show (field errors keep what the analyst typed).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addAsset, refreshNow } from "@/lib/assets/manage-assets";
import { configuredProvider } from "@/lib/runtime/providers";
import { MAX_PRICE_CSV_BYTES } from "@/lib/assets/schemas";
import { requireUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/http/errors";
import { importPriceCsv } from "@/lib/market-data/import-prices";

export async function addAssetAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const actor = await requireUser("ANALYST");
  const result = await runAction(async () => {
    const asset = await addAsset(
      actor,
      { symbol: String(form.get("symbol") ?? ""), benchmark: String(form.get("benchmark") ?? "") },
      configuredProvider(),
    );
    return asset.symbol;
  });
  if (result.ok) {
    revalidatePath("/assets");
    redirect(`/assets/${encodeURIComponent(result.data)}`);
  }
  return result;
}

export async function refreshNowAction(_prev: ActionResult<boolean> | null, form: FormData): Promise<ActionResult<boolean>> {
  const actor = await requireUser("ANALYST");
  return runAction(() => refreshNow(actor, String(form.get("symbol") ?? "")));
}

export interface ImportSummary {
  inserted: number;
  updated: number;
  removed: number;
  flags: number;
}

export async function importPricesAction(_prev: ActionResult<ImportSummary> | null, form: FormData): Promise<ActionResult<ImportSummary>> {
  await requireUser("ANALYST");
  const symbol = String(form.get("symbol") ?? "");
  const result = await runAction(async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: ["Choose a CSV file to import"] });
    if (file.size > MAX_PRICE_CSV_BYTES) throw new ValidationError({ file: ["The file is over 20 MB"] });
    const outcome = await importPriceCsv(symbol, await file.text());
    if (!outcome.ok) {
      const lines = outcome.errors.slice(0, 20).map((e) => `Line ${e.line}, ${e.column}: ${e.reason}`);
      if (outcome.errors.length > 20) lines.push(`… and ${outcome.errors.length - 20} more problems`);
      throw new ValidationError({ file: lines }, "Nothing was imported: fix these rows and upload the file again.");
    }
    return { inserted: outcome.inserted, updated: outcome.updated, removed: outcome.removed, flags: outcome.flags.length };
  });
  if (result.ok) revalidatePath(`/assets/${encodeURIComponent(symbol)}`);
  return result;
}
