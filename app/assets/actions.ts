"use server";
// Server actions for assets: each checks the role on the server, validates with the shared schema and returns a
// result the form can show (field errors keep what the analyst typed).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addAsset, refreshNow, switchToProvider, updateAsset } from "@/lib/assets/manage-assets";
import { configuredProvider } from "@/lib/runtime/providers";
import { priceImportQuerySchema, type AddAssetInput } from "@/lib/assets/schemas";
import { requireUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/http/errors";
import { FLAG_SAMPLE_ROWS, importPricesOrThrow, type PriceChangeSet, type PriceImportMode } from "@/lib/market-data/import-prices";
import { QUALITY_FLAG_KIND } from "@/lib/market-data/quality";
import { updatePendingMoves } from "@/lib/triage/update-moves";
import { parseOrThrow } from "@/lib/validation/parse";
import { requestVerdictScoringAfterImport } from "@/lib/verdicts/verdict-jobs";
import { MAX_FORM_FILE_BYTES } from "@/lib/validation/upload-limits";

export async function addAssetAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const actor = await requireUser("ANALYST");
  const result = await runAction(async () => {
    // Blank profile fields count as not given, so the search's "Add" buttons still ask the provider.
    const given = (field: string) => String(form.get(field) ?? "").trim() || undefined;
    const asset = await addAsset(
      actor,
      {
        symbol: String(form.get("symbol") ?? ""),
        benchmark: String(form.get("benchmark") ?? ""),
        name: given("name"),
        assetClass: given("assetClass") as AddAssetInput["assetClass"],
        currency: given("currency"),
        exchange: given("exchange"),
        timeZone: given("timeZone"),
        country: given("country"),
      },
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
  mode: PriceImportMode;
  dryRun: boolean;
  inserted: number;
  updated: number;
  removed: number;
  flags: number;
  /** The first flagged rows (`flags` counts them all), each with the kind of flag and its figures. */
  firstFlags: Array<{ date: string; kind: string; message: string }>;
  changes: PriceChangeSet;
}

/** Import form: `dryRun=true` previews the change set; the same file sent again without it writes. */
export async function importPricesAction(_prev: ActionResult<ImportSummary> | null, form: FormData): Promise<ActionResult<ImportSummary>> {
  const actor = await requireUser("ANALYST");
  const symbol = String(form.get("symbol") ?? "");
  const result = await runAction(async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: ["Choose a CSV file to import"] });
    if (file.size > MAX_FORM_FILE_BYTES) throw new ValidationError({ file: [`The file is over ${MAX_FORM_FILE_BYTES / 1_000_000} MB: larger series load with \`npm run prices\` or the API`] });
    const { mode, dryRun } = parseOrThrow(priceImportQuerySchema, { mode: form.get("mode") ?? undefined, dryRun: form.get("dryRun") ?? undefined });
    const o = await importPricesOrThrow(actor, symbol, await file.text(), { mode, dryRun });
    if (!o.dryRun) await updatePendingMoves();
    const firstFlags = o.flags.slice(0, FLAG_SAMPLE_ROWS).map((f) => ({ date: f.date, kind: QUALITY_FLAG_KIND[f.code], message: f.message }));
    return { mode: o.mode, dryRun: o.dryRun, inserted: o.inserted, updated: o.updated, removed: o.removed, flags: o.flags.length, firstFlags, changes: o.changes };
  });
  if (result.ok && !result.data.dryRun) {
    revalidatePath(`/assets/${encodeURIComponent(symbol)}`);
    await requestVerdictScoringAfterImport(symbol, result.data);
  }
  return result;
}

/** The asset page's settings: benchmark (empty = none, constant-mean model), name and class. */
export async function updateAssetAction(_prev: ActionResult<string | null> | null, form: FormData): Promise<ActionResult<string | null>> {
  const actor = await requireUser("ANALYST");
  const symbol = String(form.get("symbol") ?? "");
  const result = await runAction(async () => {
    const benchmark = String(form.get("benchmark") ?? "");
    const a = await updateAsset(actor, symbol, {
      benchmark: benchmark === "" ? null : benchmark,
      ...(form.has("name") ? { name: String(form.get("name")) } : {}),
      ...(form.has("assetClass") ? { assetClass: String(form.get("assetClass")) } : {}),
    });
    return a.benchmark?.symbol ?? null;
  });
  if (result.ok) revalidatePath(`/assets/${encodeURIComponent(symbol)}`);
  return result;
}

/** "Switch to Yahoo" on a CSV asset: one queued job backfills the provider's whole history in place of the import. */
export async function switchToProviderAction(_prev: ActionResult<string | null> | null, form: FormData): Promise<ActionResult<string | null>> {
  const actor = await requireUser("ANALYST");
  const symbol = String(form.get("symbol") ?? "");
  const result = await runAction(async () => (await switchToProvider(actor, symbol, configuredProvider()))?.state ?? null);
  if (result.ok) revalidatePath(`/assets/${encodeURIComponent(symbol)}`);
  return result;
}
