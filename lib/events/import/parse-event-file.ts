// Reads an events file (CSV with a header row, or a JSON array of objects) into raw rows with their line or index,
// mapping the reference columns (date, title, category, countries, source_url) onto the event input schema.
// Multi-valued cells use ";" ("diplomacy;military", "RU;KP"); the first category is the event's, the rest become tags.
import { parse } from "csv-parse/sync";
import type { EventInput } from "@/lib/events/schemas";

export interface RawRow {
  /** 1-based line in the CSV (header = line 1), or 1-based position in the JSON array. */
  row: number;
  input: EventInput;
}

export class FileFormatError extends Error {}

const DEFAULT_SEVERITY = 3;

function splitMulti(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== "string") return [];
  return v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
}

function toInput(rec: Record<string, unknown>): EventInput {
  const categories = splitMulti(rec.category);
  const extraTags = categories.slice(1).map((c) => c.toLowerCase());
  const tags = [...splitMulti(rec.tags), ...extraTags];
  const sources = rec.sourceUrls ?? rec.source_urls ?? rec.source_url ?? rec.sources;
  const severity = rec.severity === undefined || rec.severity === "" ? DEFAULT_SEVERITY : rec.severity;
  return {
    title: typeof rec.title === "string" ? rec.title : (rec.title as string),
    occurredAt: (rec.occurredAt ?? rec.occurred_at ?? rec.date) as string,
    category: (categories[0] ?? rec.category) as string,
    severity: severity as number,
    countries: splitMulti(rec.countries),
    summary: typeof rec.summary === "string" ? rec.summary : undefined,
    sourceUrls: Array.isArray(sources) ? sources.map(String) : typeof sources === "string" ? sources.split(/[\s;]+/) : [],
    tags,
  };
}

export function parseEventFile(text: string, format: "csv" | "json"): RawRow[] {
  if (format === "json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new FileFormatError(`This is not valid JSON: ${(err as Error).message}`);
    }
    const list = Array.isArray(data) ? data : (data as { events?: unknown })?.events;
    if (!Array.isArray(list)) throw new FileFormatError("Expected a JSON array of events (or {\"events\": [...]})");
    return list.map((item, i) => {
      if (!item || typeof item !== "object" || Array.isArray(item)) throw new FileFormatError(`Item ${i + 1} is not an object`);
      return { row: i + 1, input: toInput(item as Record<string, unknown>) };
    });
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, info: false });
  } catch (err) {
    throw new FileFormatError(`This CSV cannot be read: ${(err as Error).message}`);
  }
  return records.map((rec, i) => ({ row: i + 2, input: toInput(rec) }));
}

export function detectFormat(fileName: string, text: string): "csv" | "json" {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.csv$/i.test(fileName)) return "csv";
  return /^\s*[[{]/.test(text) ? "json" : "csv";
}
