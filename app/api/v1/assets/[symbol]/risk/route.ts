// GET the risk panel of one asset — volatility series, EWMA, z-score, VaR/ES, drawdown, beta — ?asOf=YYYY-MM-DD to
// cut the history (viewer). Undefined statistics are null.
import { findAssetBySymbol } from "@/lib/assets/queries";
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { riskForAsset, riskQuerySchema } from "@/lib/studies";
import { parseOrThrow } from "@/lib/validation/parse";

export const GET = apiHandler<{ symbol: string }>("VIEWER", async (req, _user, { symbol }) => {
  const { asOf } = parseOrThrow(riskQuerySchema, queryOf(req));
  const asset = await findAssetBySymbol(decodeURIComponent(symbol));
  if (!asset) throw new NotFoundError(`There is no asset ${symbol}.`);
  return riskForAsset(asset.id, asOf);
});
