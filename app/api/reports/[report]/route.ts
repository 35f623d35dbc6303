// CSV reports: GET with a query string, or POST with a JSON or form body for selections too long for a URL. Viewers and
// READ tokens may download; the file streams as it is produced.
import type { NextRequest } from "next/server";
import { authenticateRequest } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/http/errors";
import { requestIdOf } from "@/lib/http/request-id";
import { prepareReport, reportInput, reportResponse } from "@/lib/reports/deliver";

type Context = { params: Promise<{ report: string }> };

async function download(req: NextRequest | Request, ctx: Context): Promise<Response> {
  try {
    const principal = await authenticateRequest(req, "VIEWER");
    const { report } = await ctx.params;
    const prepared = await prepareReport(report ?? "", await reportInput(req));
    return await reportResponse(prepared, principal);
  } catch (err) {
    return toErrorResponse(err, { requestId: requestIdOf(req.headers), method: req.method, path: new URL(req.url).pathname });
  }
}

export const GET = download;
export const POST = download;
