// GET the valuation of one portfolio as CSV (viewer): one row per position, missing prices and FX named.
import { NotFoundError } from "@/lib/errors";
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { contentDisposition, reportFilename } from "@/lib/reports/filename";
import { valuationCsv } from "@/lib/portfolios/valuation-csv";
import { valuePortfolio } from "@/lib/portfolios/valuation";
import { idSchema } from "@/lib/validation/fields";

export const GET = apiHandler<{ id: string }>("VIEWER", async (req, _user, { id }) => {
  const r = idSchema("Portfolio id").safeParse(id);
  if (!r.success) throw new NotFoundError(`There is no portfolio ${id}.`);
  const valuation = await valuePortfolio(r.data);
  const name = reportFilename("portfolio-valuation", valuation.portfolio.name, new Date(), "csv");
  return new Response(valuationCsv(valuation, { bom: queryOf(req).bom === "true" }), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(name), "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
});
