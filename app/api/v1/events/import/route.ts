// POST a CSV or JSON events file as the body (analyst): all-or-nothing, row-level errors, duplicates skipped.
import { importEvents } from "@/lib/events/import/import-events";
import { apiHandler, bodyText } from "@/lib/http/api-handler";

/** The same 5 MB as the import form's file limit. */
const MAX_IMPORT_BYTES = 5_000_000;

export const POST = apiHandler("ANALYST", async (req, user) => {
  const type = req.headers.get("content-type") ?? "";
  const name = type.includes("json") ? "upload.json" : "upload.csv";
  const report = await importEvents(user, { name, text: await bodyText(req, MAX_IMPORT_BYTES) });
  return Response.json(report, { status: report.ok ? 200 : 422 });
});
