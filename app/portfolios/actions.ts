"use server";
// Portfolio writes from the UI. Each action checks the role first, then calls the same command the API uses.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { BadRequestError } from "@/lib/errors";
import { type ActionResult, runAction } from "@/lib/http/errors";
import { createPortfolio, deletePortfolio, updatePortfolio } from "@/lib/portfolios/commands";
import { previewPortfolioImport, type ImportPreview } from "@/lib/portfolios/import-preview";
import type { PortfolioInput, PortfolioUpdateInput } from "@/lib/portfolios/schemas";
import { saveParametersFromQuery } from "@/lib/scenarios/page-params";
import { deleteSavedScenario, restoreSavedScenario, saveScenario } from "@/lib/scenarios/saved";
import { idSchema } from "@/lib/validation/fields";
import { parseOrThrow } from "@/lib/validation/parse";
import { MAX_FORM_FILE_BYTES } from "@/lib/validation/upload-limits";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

function portfolioFields(form: FormData) {
  return { name: text(form, "name"), description: text(form, "description"), baseCurrency: text(form, "baseCurrency"), notional: text(form, "notional"), positions: text(form, "positions") };
}

export async function createPortfolioAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => ({ id: (await createPortfolio(user, portfolioFields(form) as PortfolioInput)).id }));
  if (result.ok) {
    revalidatePath("/portfolios");
    redirect(`/portfolios/${result.data.id}`);
  }
  return result;
}

export async function updatePortfolioAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => {
    const id = parseOrThrow(idSchema("Portfolio"), form.get("id"));
    return { id: (await updatePortfolio(user, id, { ...portfolioFields(form), version: text(form, "version") } as PortfolioUpdateInput)).id };
  });
  if (result.ok) {
    revalidatePath(`/portfolios/${result.data.id}`);
    redirect(`/portfolios/${result.data.id}`);
  }
  return result;
}

export async function deletePortfolioAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => {
    await deletePortfolio(user, { id: form.get("id"), version: form.get("version") });
    return null;
  });
  if (result.ok) {
    revalidatePath("/portfolios");
    redirect("/portfolios");
  }
  return result;
}

export type ImportStep = { preview: ImportPreview; csv: string } | { id: number };

/** First submit: the preview of every row, nothing written. Second (intent=create, same CSV): the portfolio. */
export async function importPortfolioAction(_prev: ActionResult<ImportStep> | null, form: FormData): Promise<ActionResult<ImportStep>> {
  const user = await requireUser("ANALYST");
  const result = await runAction<ImportStep>(async () => {
    const file = form.get("file");
    let csv = text(form, "csv") ?? "";
    if (file && typeof file !== "string" && file.size > 0) {
      if (file.size > MAX_FORM_FILE_BYTES) throw new BadRequestError("The file is too large for a portfolio.");
      csv = await file.text();
    }
    if (!csv.trim()) throw new BadRequestError("Choose a CSV file or paste its text.");
    const fields = portfolioFields(form);
    if (text(form, "intent") === "create") return { id: (await createPortfolio(user, { ...fields, positions: csv } as PortfolioInput)).id };
    return { preview: await previewPortfolioImport({ ...fields, csv }), csv };
  });
  if (result.ok && "id" in result.data) {
    revalidatePath("/portfolios");
    redirect(`/portfolios/${result.data.id}`);
  }
  return result;
}

/** Runs the scenario the page shows (its query string) on the portfolio and saves it; opens the saved result. */
export async function saveScenarioAction(_prev: ActionResult<{ id: number; portfolioId: number }> | null, form: FormData): Promise<ActionResult<{ id: number; portfolioId: number }>> {
  const user = await requireUser("ANALYST");
  const result = await runAction(async () => {
    const portfolioId = parseOrThrow(idSchema("Portfolio"), form.get("portfolioId"));
    const kind = text(form, "kind") ?? "";
    const saved = await saveScenario(user, portfolioId, { kind, name: text(form, "name"), parameters: saveParametersFromQuery(kind, text(form, "query") ?? "") });
    return { id: saved.id, portfolioId };
  });
  if (result.ok) {
    revalidatePath(`/portfolios/${result.data.portfolioId}`);
    redirect(`/portfolios/${result.data.portfolioId}/scenarios/${result.data.id}`);
  }
  return result;
}

/** Deletes a saved scenario (the analyst who saved it, or an admin) and stays on the portfolio page. */
export async function deleteSavedScenarioAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ANALYST");
  return runAction(async () => {
    const { portfolioId } = await deleteSavedScenario(user, form.get("id"));
    revalidatePath(`/portfolios/${portfolioId}`);
    return null;
  });
}

/** Brings a deleted saved scenario back (admin, from the Deleted page). */
export async function restoreSavedScenarioAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser("ADMIN");
  return runAction(async () => {
    await restoreSavedScenario(user, form.get("id"));
    revalidatePath("/admin/deleted");
    return null;
  });
}
