// From a request to a download: read the parameters (query string, JSON or form body), validate them with the report's
// schema, and answer with the CSV — or the ZIP bundle with its manifest — as an attachment.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { BadRequestError, NotFoundError, ValidationError } from "@/lib/errors";
import { zipStream } from "./bundle";
import { contentDisposition, reportFilename } from "./filename";
import { buildManifest } from "./manifest";
import { deliverySchema } from "./params";
import { findReport } from "./registry";
import type { ReportDefinition, ReportRun } from "./report";

type Input = Record<string, unknown>;

/** Repeated keys become arrays, as HTML forms send multi-selects. */
function entriesToInput(entries: Iterable<[string, FormDataEntryValue | string]>): Input {
  const out: Input = {};
  for (const [k, v] of entries) {
    if (typeof v !== "string") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** GET: the query string. POST: a JSON object or a form, for selections too long for a URL. */
export async function reportInput(req: Request): Promise<Input> {
  if (req.method !== "POST") return entriesToInput(new URL(req.url).searchParams);
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      throw new BadRequestError("The request body must be JSON (or a form).");
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new BadRequestError("The JSON body must be an object of parameters.");
    return body as Input;
  }
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    try {
      return entriesToInput(await req.formData());
    } catch {
      throw new BadRequestError("The form body could not be read.");
    }
  }
  throw new BadRequestError("Send the parameters as a query string (GET), or as JSON or a form (POST).");
}

export interface PreparedReport {
  report: ReportDefinition;
  run: ReportRun;
  parameters: Input;
  filters: unknown;
  delivery: { bom: boolean; bundle: boolean };
}

export async function prepareReport(slug: string, input: Input): Promise<PreparedReport> {
  const report = findReport(slug);
  if (!report) throw new NotFoundError(`There is no report called "${slug}".`);
  const { bom, bundle, ...parameters } = input;
  const delivery = deliverySchema.safeParse({ bom, bundle });
  if (!delivery.success) throw ValidationError.fromZod(delivery.error);
  const params = report.schema.safeParse(parameters);
  if (!params.success) throw ValidationError.fromZod(params.error);
  return { report, run: await report.run(params.data), parameters, filters: params.data, delivery: delivery.data };
}

export async function reportResponse(prepared: PreparedReport, principal: Principal, now = new Date()): Promise<Response> {
  const { report, run, delivery } = prepared;
  const csvName = reportFilename(report.slug, run.subject, now, "csv");
  const headers: Record<string, string> = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (!delivery.bundle) {
    return new Response(await run.body({ bom: delivery.bom }), {
      headers: { ...headers, "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(csvName) },
    });
  }
  const manifest = await buildManifest({
    report,
    run,
    file: csvName,
    parameters: prepared.parameters,
    filters: prepared.filters,
    principal,
    generatedAt: now,
    bom: delivery.bom,
    columns: (run.columns ?? report.columns).map((c) => c.name),
  });
  const body = zipStream({ manifest: { name: "manifest.json", json: manifest }, csv: { name: csvName, body: await run.body({ bom: delivery.bom }) } });
  return new Response(body, {
    headers: { ...headers, "content-type": "application/zip", "content-disposition": contentDisposition(reportFilename(report.slug, run.subject, now, "zip")) },
  });
}
