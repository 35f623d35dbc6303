// Writes docs/reports.md from the report column lists. Run: node --conditions=react-server --import tsx scripts/reports-doc.ts
import { writeFile } from "node:fs/promises";
import { reportsMarkdown } from "@/lib/reports/docs";
import { REPORTS } from "@/lib/reports/registry";

await writeFile(new URL("../docs/reports.md", import.meta.url), reportsMarkdown(REPORTS));
process.exit(0);
