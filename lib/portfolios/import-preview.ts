// The check before a CSV import writes anything: every row of the file with what is wrong with it (a bad number, an
// unknown symbol, a duplicate), and the problems of the portfolio as a whole (name, base currency, notional, the sum
// of weights). Nothing is written; the import itself then goes through createPortfolio with the same text.
import "server-only";
import { db } from "@/lib/db/client";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { referenceErrors } from "./commands";
import { readPositionsCsv } from "./positions-csv";
import { portfolioInputSchema } from "./schemas";

export interface ImportPreviewRow {
  line: number;
  symbol: string;
  /** The quantity or weight as written in the file. */
  amount: string;
  /** Name of the stored asset, when the symbol is known. */
  assetName: string | null;
  problems: string[];
}

export interface ImportPreview {
  ok: boolean;
  kind: "quantity" | "weight" | null;
  rows: ImportPreviewRow[];
  /** Problems that belong to no single row, by field (name, baseCurrency, notional, positions). */
  problems: FieldErrors;
}

export interface ImportFields {
  name: unknown;
  description?: unknown;
  baseCurrency: unknown;
  notional?: unknown;
  csv: string;
}

export async function previewPortfolioImport(fields: ImportFields): Promise<ImportPreview> {
  const read = readPositionsCsv(fields.csv);
  const input = { name: fields.name, description: fields.description, baseCurrency: fields.baseCurrency, notional: fields.notional, positions: fields.csv };
  const parsed = portfolioInputSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (parsed.success) Object.assign(errors, (await referenceErrors(db(), parsed.data)).errors);
  if ("error" in read) return { ok: false, kind: null, rows: [], problems: errors };

  const symbols = read.rows.map((r) => r.symbol.trim().toUpperCase());
  const known = new Map((await db().asset.findMany({ where: { symbol: { in: symbols }, deletedAt: null }, select: { symbol: true, name: true } })).map((a) => [a.symbol, a.name]));
  const rows: ImportPreviewRow[] = read.rows.map((r, i) => ({
    line: r.line, symbol: r.symbol, amount: r[read.kind] ?? "", assetName: known.get(symbols[i]!) ?? null, problems: [],
  }));
  const problems: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    const m = /^positions\.(\d+)\./.exec(field);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row) row.problems.push(...messages);
    else problems[field] = messages;
  }
  // Without a valid header and fields the database check above did not run: flag unknown symbols row by row anyway.
  rows.forEach((row, i) => {
    const symbol = symbols[i]!;
    if (symbol && !known.has(symbol) && !row.problems.some((p) => p.startsWith("There is no asset"))) row.problems.push(`There is no asset ${symbol}: add it on the Assets page first`);
  });
  const ok = Object.keys(problems).length === 0 && rows.every((r) => r.problems.length === 0);
  return { ok, kind: read.kind, rows, problems };
}
