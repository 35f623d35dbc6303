// GET the tracked assets with their last close (viewer).
import { listAssetOverview } from "@/lib/assets/queries";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler("VIEWER", async () => ({ data: await listAssetOverview() }));
