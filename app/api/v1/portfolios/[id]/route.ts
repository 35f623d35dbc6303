// GET one portfolio with its valuation and risk (viewer); PATCH replaces fields based on `version` (analyst);
// DELETE ?version= soft-deletes (analyst).
import { NotFoundError } from "@/lib/errors";
import { apiHandler, jsonObjectBody, queryOf } from "@/lib/http/api-handler";
import { deletePortfolio, updatePortfolio } from "@/lib/portfolios/commands";
import { portfolioDto, valuationDto } from "@/lib/portfolios/dto";
import { loadPortfolio } from "@/lib/portfolios/queries";
import { riskOfValuation } from "@/lib/portfolios/risk";
import type { PortfolioUpdateInput } from "@/lib/portfolios/schemas";
import { valuePortfolio } from "@/lib/portfolios/valuation";
import { idSchema } from "@/lib/validation/fields";

type Params = { id: string };

function portfolioId(raw: string): number {
  const r = idSchema("Portfolio id").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no portfolio ${raw}.`);
  return r.data;
}

export const GET = apiHandler<Params>("VIEWER", async (_req, _user, { id }) => {
  const portfolio = await loadPortfolio(portfolioId(id));
  const valuation = await valuePortfolio(portfolio);
  return { ...portfolioDto(portfolio), valuation: valuationDto(valuation, await riskOfValuation(valuation)) };
});

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  const current = portfolioDto(await loadPortfolio(portfolioId(id)));
  const body = await jsonObjectBody(req);
  // Fields left out keep their value; `positions`, when sent, replace all positions; `version` is required.
  const kept = { name: current.name, description: current.description, baseCurrency: current.baseCurrency, notional: current.notional ?? undefined, positions: current.positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity ?? undefined, weight: p.weight ?? undefined })) };
  await updatePortfolio(user, current.id, { ...kept, version: undefined, ...body } as PortfolioUpdateInput);
  return portfolioDto(await loadPortfolio(current.id));
});

export const DELETE = apiHandler<Params>("ANALYST", async (req, user, { id }) => {
  await deletePortfolio(user, { id: portfolioId(id), version: queryOf(req).version });
  return new Response(null, { status: 204 });
});
