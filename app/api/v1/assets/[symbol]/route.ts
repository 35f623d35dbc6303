// GET one asset with its benchmark and the study model it implies (viewer); PATCH its benchmark, name or class
// (analyst); DELETE soft-deletes it (analyst). Writes are audited.
import { deleteAsset, updateAsset } from "@/lib/assets/manage-assets";
import { assetDto } from "@/lib/assets/queries";
import { apiHandler, jsonObjectBody } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";

type Params = { symbol: string };
const symbolOf = (raw: string) => raw.toUpperCase();

export const GET = apiHandler<Params>("VIEWER", async (_req, _user, { symbol }) => {
  const dto = await assetDto(symbolOf(symbol));
  if (!dto) throw new NotFoundError(`There is no asset ${symbolOf(symbol)}.`);
  return dto;
});

export const PATCH = apiHandler<Params>("ANALYST", async (req, user, { symbol }) => {
  const body = await jsonObjectBody(req);
  const updated = await updateAsset(user, symbolOf(symbol), body);
  return assetDto(updated.symbol);
});

export const DELETE = apiHandler<Params>("ANALYST", async (_req, user, { symbol }) => {
  await deleteAsset(user, symbolOf(symbol));
  return new Response(null, { status: 204 });
});
