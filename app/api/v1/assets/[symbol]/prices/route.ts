// GET daily bars of one asset, ?from=YYYY-MM-DD&to=YYYY-MM-DD inclusive (viewer).
import { findAssetBySymbol } from "@/lib/assets/queries";
import { priceQuerySchema, apiBars } from "@/lib/prices/api-bars";
import { apiHandler, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";

export const GET = apiHandler<{ symbol: string }>("VIEWER", async (req, _user, { symbol }) => {
  const q = parseOrThrow(priceQuerySchema, queryOf(req));
  const asset = await findAssetBySymbol(decodeURIComponent(symbol));
  if (!asset) throw new NotFoundError(`There is no asset ${symbol}.`);
  return { symbol: asset.symbol, currency: asset.currency, source: asset.source, data: await apiBars(asset.id, q.from, q.to) };
});
