// docs/reports.md lists every column of every report with its unit and definition, and is the generated one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportsMarkdown } from "@/lib/reports/docs";
import { REPORTS } from "@/lib/reports/registry";

describe("docs/reports.md", () => {
  it("is up to date (regenerate: node --conditions=react-server --import tsx scripts/reports-doc.ts)", async () => {
    const file = await readFile(path.resolve(import.meta.dirname, "../../docs/reports.md"), "utf8");
    expect(file).toBe(reportsMarkdown(REPORTS));
  });

  it.each(REPORTS.map((r) => [r.slug, r] as const))("%s: unique snake_case columns, each with a unit and a definition", (_, report) => {
    const names = report.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of report.columns) {
      expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(c.unit.length).toBeGreaterThan(0);
      expect(c.definition.length).toBeGreaterThan(10);
    }
  });
});
