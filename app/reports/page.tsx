import { Card, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";
import { DataTable } from "../_components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { prepareReport } from "@/lib/reports/deliver";
import { reportFormOptions } from "@/lib/reports/form-options";
import { previewReport, type ReportPreview } from "@/lib/reports/preview";
import { REPORTS, findReport } from "@/lib/reports/registry";
import { ReportFields } from "./_components/report-fields";

export const metadata: Metadata = { title: "Reports" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Keys of the page itself, not of the report. */
const PAGE_KEYS = new Set(["report", "preview", "bom", "bundle"]);

export default async function ReportsPage({ searchParams }: Props) {
  await requireUser();
  const sp = await searchParams;
  const requested = typeof sp.report === "string" ? sp.report : "";
  const report = findReport(requested) ?? REPORTS[0];
  const values = Object.fromEntries(Object.entries(sp).filter(([k, v]) => !PAGE_KEYS.has(k) && v !== undefined && v !== ""));
  const options = await reportFormOptions();

  let preview: ReportPreview | null = null;
  let errors: Record<string, string[]> = {};
  if (sp.preview) {
    try {
      preview = await previewReport(await prepareReport(report.slug, values), 10);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = err.fieldErrors;
    }
  }
  const hidden = Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v : [v ?? ""]).map((x, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={x} />));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Reports</h1>
      <nav aria-label="Reports" className="flex flex-wrap gap-2">
        {REPORTS.map((r) => (
          <Link
            key={r.slug}
            href={`/reports?report=${r.slug}`}
            aria-current={r.slug === report.slug ? "page" : undefined}
            className="rounded-tremor-default border border-tremor-border px-3 py-1 text-tremor-default aria-[current=page]:bg-tremor-brand aria-[current=page]:text-white"
          >
            {r.title}
          </Link>
        ))}
      </nav>

      <Card>
        <Title>{report.title}</Title>
        <Text>
          {report.description} One row per {report.grain}. Every column, with its unit and definition:{" "}
          <Link href={`/help/reports#${report.slug}`} className="text-tremor-brand underline dark:text-dark-tremor-brand">
            report columns
          </Link>
          .
        </Text>
        <form method="GET" action="/reports" className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={`${report.title} filters`}>
          <input type="hidden" name="report" value={report.slug} />
          <input type="hidden" name="preview" value="1" />
          <ReportFields slug={report.slug} values={values} errors={errors} options={options} />
          {errors._form && <p className="text-red-700 dark:text-red-300 sm:col-span-2 lg:col-span-3">{errors._form.join(" ")}</p>}
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
            <button type="submit" className="rounded-tremor-default border border-tremor-brand px-4 py-2 text-tremor-brand dark:border-dark-tremor-brand dark:text-dark-tremor-brand">
              Preview
            </button>
            {/* Straight to the file, no preview needed: the same fields POSTed to the report's endpoint. */}
            <button type="submit" formAction={`/api/reports/${report.slug}`} formMethod="post" className="rounded-tremor-default bg-tremor-brand px-4 py-2 text-white">
              Download CSV
            </button>
            <FileOptions />
          </div>
        </form>
      </Card>

      {preview && (
        <Card>
          <Title>
            {preview.rowCount.toLocaleString("en-US")} row{preview.rowCount === 1 ? "" : "s"}
          </Title>
          <Text>
            First {preview.rows.length} row{preview.rows.length === 1 ? "" : "s"} exactly as the file holds them · <code>{preview.filename}</code>
          </Text>
          <div className="mt-3 overflow-x-auto">
            <DataTable label="Report preview">
              <TableHead>
                <TableRow>
                  {preview.header.map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((row, i) => (
                  <TableRow key={i}>
                    {row.map((c, j) => (
                      <TableCell key={j} className="max-w-xs truncate">
                        {c}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </DataTable>
          </div>
          {/* POST, so a long selection never has to fit in a URL. */}
          <form method="POST" action={`/api/reports/${report.slug}`} className="mt-4 flex flex-wrap items-center gap-4">
            {hidden}
            <FileOptions />
            <button type="submit" className="rounded-tremor-default bg-tremor-brand px-4 py-2 text-white">
              Download
            </button>
          </form>
        </Card>
      )}
    </div>
  );
}

/** The file's options, on the filter form's direct download and on the preview's. */
function FileOptions() {
  return (
    <>
      <label className="text-tremor-default">
        <input type="checkbox" name="bom" value="1" /> UTF-8 BOM (for Excel)
      </label>
      <label className="text-tremor-default">
        <input type="checkbox" name="bundle" value="1" /> Reproducible bundle (ZIP with manifest.json)
      </label>
    </>
  );
}
