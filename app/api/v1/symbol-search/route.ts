// GET symbol candidates for ?q= from the market-data provider (viewer), answered within a few seconds; a provider
// failure or delay is a 503 saying what to do without it. The assets page calls this from the browser, so a slow
// Yahoo never holds up a page render.
import { searchSymbols } from "@/lib/assets/manage-assets";
import { apiHandler } from "@/lib/http/api-handler";
import { configuredProvider } from "@/lib/runtime/providers";

export const GET = apiHandler("VIEWER", async (req) => ({
  data: await searchSymbols(new URL(req.url).searchParams.get("q") ?? "", configuredProvider()),
}));
