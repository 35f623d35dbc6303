// GET: live portfolios (viewer). POST: create a portfolio with its positions (analyst).
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { createPortfolio } from "@/lib/portfolios/commands";
import { portfolioDto } from "@/lib/portfolios/dto";
import { listPortfolios, loadPortfolio } from "@/lib/portfolios/queries";
import type { PortfolioInput } from "@/lib/portfolios/schemas";

export const GET = apiHandler("VIEWER", async () => ({
  data: (await listPortfolios()).map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })),
}));

export const POST = apiHandler("ANALYST", async (req, user) => {
  const created = await createPortfolio(user, (await jsonBody(req)) as PortfolioInput);
  return Response.json(portfolioDto(await loadPortfolio(created.id)), { status: 201 });
});
