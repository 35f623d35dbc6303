// Reads positions from CSV text: a header `symbol,quantity` or `symbol,weight` (any case, surrounding spaces ignored),
// then one row per asset. Cells stay text: the portfolio schema checks and converts them, so a file and a form say the
// same thing about the same mistake. Each row keeps its line number for the import preview.
import { parse } from "csv-parse/sync";

export interface CsvPositionRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  symbol: string;
  quantity?: string;
  weight?: string;
}

export type PositionsCsv = { rows: CsvPositionRow[]; kind: "quantity" | "weight" } | { error: string };

const HEADER_HELP = "The first line must be the header symbol,quantity or symbol,weight";

export function readPositionsCsv(text: string): PositionsCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (err) {
    return { error: `This CSV cannot be read: ${(err as Error).message}` };
  }
  const [header, ...body] = records;
  if (!header) return { error: "The CSV is empty: add a header and at least one position" };
  const names = header.record.map((h) => h.toLowerCase());
  if (names.length !== 2 || names[0] !== "symbol" || (names[1] !== "quantity" && names[1] !== "weight")) {
    return { error: `${HEADER_HELP} (found: ${header.record.join(",").slice(0, 80)})` };
  }
  const kind = names[1] as "quantity" | "weight";
  const rows = body.map(({ record, info }) => {
    const row: CsvPositionRow = { line: info.lines, symbol: record[0] ?? "" };
    row[kind] = record[1] ?? "";
    return row;
  });
  return { rows, kind };
}
