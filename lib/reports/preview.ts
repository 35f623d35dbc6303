// What the Reports page shows before a download: the file name, the row count and the first rows exactly as the file
// will hold them (parsed back from the CSV the download would send, then the rest of it is cancelled).
import "server-only";
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { reportFilename } from "./filename";
import type { PreparedReport } from "./deliver";

export interface ReportPreview {
  filename: string;
  rowCount: number;
  header: string[];
  rows: string[][];
}

export async function previewReport(prepared: PreparedReport, limit = 10, now = new Date()): Promise<ReportPreview> {
  const body = await prepared.run.body({ bom: false });
  const records: string[][] = [];
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  const parser = source.pipe(parse());
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      records.push(record);
      if (records.length > limit) break;
    }
  } finally {
    // Destroying the source cancels the CSV stream, and with it the query that feeds it.
    source.destroy();
    parser.destroy();
  }
  return {
    filename: reportFilename(prepared.report.slug, prepared.run.subject, now, prepared.delivery.bundle ? "zip" : "csv"),
    rowCount: await prepared.run.rowCount(),
    header: records[0] ?? [],
    rows: records.slice(1),
  };
}
