// POST a CSV or JSON events file as the body (analyst): all-or-nothing, row-level errors, duplicates skipped.
import { importEvents } from "@/lib/events/import/import-events";
import { apiHandler } from "@/lib/http/api-handler";

export const POST = apiHandler("ANALYST", async (req, user) => {
  const type = req.headers.get("content-type") ?? "";
  const name = type.includes("json") ? "upload.json" : "upload.csv";
  const report = await importEvents(user, { name, text: await req.text() });
  return Response.json(report, { status: report.ok ? 200 : 422 });
});
