// GET the tracked assets with their last close (viewer). POST adds one by symbol, with an optional benchmark
// (analyst, audited): its profile comes from the provider now, its history from a background job; or, with a profile
// given in the body, the provider is not asked and the asset's prices come from CSV imports.
import { addAsset } from "@/lib/assets/manage-assets";
import { assetDto } from "@/lib/assets/queries";
import { listAssetOverview } from "@/lib/assets/queries";
import type { AddAssetInput } from "@/lib/assets/schemas";
import { apiHandler, jsonBody } from "@/lib/http/api-handler";
import { configuredProvider } from "@/lib/runtime/providers";

export const GET = apiHandler("VIEWER", async () => ({ data: await listAssetOverview() }));

export const POST = apiHandler("ANALYST", async (req, user) => {
  const created = await addAsset(user, (await jsonBody(req)) as AddAssetInput, configuredProvider());
  return Response.json(await assetDto(created.symbol), { status: 201 });
});
