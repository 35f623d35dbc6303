// Bulk import: every row is validated first and all errors reported with their row; if any row fails nothing is
// written. Rows with the date and title of a live event (or of an earlier row) are reported as duplicates and
// skipped, so importing the same file twice never doubles anything.
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { eventInputSchema, type ValidEvent } from "@/lib/events/schemas";
import { FileFormatError, detectFormat, parseEventFile } from "@/lib/events/import/parse-event-file";
import { BadRequestError, fieldErrorsOf } from "@/lib/errors";

export const MAX_IMPORT_ROWS = 5_000;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  created: number;
  createdIds: number[];
  duplicates: { row: number; title: string; date: string; existingEventId: number | null; duplicateOfRow: number | null }[];
  errors: RowError[];
}

const dedupeKey = (e: ValidEvent) => `${e.occurredAt.at.toISOString()}|${e.title.toLowerCase()}`;

export async function importEvents(actor: Principal, file: { name: string; text: string }): Promise<ImportReport> {
  assertRole(actor, "ANALYST");
  let rows;
  try {
    rows = parseEventFile(file.text, detectFormat(file.name, file.text));
  } catch (err) {
    if (err instanceof FileFormatError) throw new BadRequestError(err.message);
    throw err;
  }
  if (rows.length === 0) throw new BadRequestError("The file has no events.");
  if (rows.length > MAX_IMPORT_ROWS) throw new BadRequestError(`At most ${MAX_IMPORT_ROWS} events per import.`);

  const errors: RowError[] = [];
  const valid: { row: number; event: ValidEvent }[] = [];
  for (const { row, input } of rows) {
    const r = eventInputSchema.safeParse(input);
    if (!r.success) {
      for (const [field, messages] of Object.entries(fieldErrorsOf(r.error))) for (const message of messages) errors.push({ row, field, message });
    } else valid.push({ row, event: r.data });
  }
  const report: ImportReport = { ok: false, created: 0, createdIds: [], duplicates: [], errors };
  if (errors.length) return report;

  return writeTransaction(async (tx) => {
    // One import at a time: two people importing the same file at once must not both insert it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:event-import'))`;
    const existing = await tx.event.findMany({
      where: { deletedAt: null, occurredAt: { in: [...new Set(valid.map((v) => v.event.occurredAt.at))] } },
      select: { id: true, occurredAt: true, title: true },
    });
    const known = new Map(existing.map((e) => [`${e.occurredAt.toISOString()}|${e.title.toLowerCase()}`, { id: e.id, row: null as number | null }]));
    for (const { row, event } of valid) {
      const key = dedupeKey(event);
      const dup = known.get(key);
      const date = event.occurredAt.at.toISOString().slice(0, 10);
      if (dup) {
        report.duplicates.push({ row, title: event.title, date, existingEventId: dup.id, duplicateOfRow: dup.row });
        continue;
      }
      const created = await tx.event.create({
        data: {
          title: event.title, occurredAt: event.occurredAt.at, timePrecision: event.occurredAt.precision, category: event.category,
          severity: event.severity, countries: event.countries, summary: event.summary, sourceUrls: event.sourceUrls, tags: event.tags,
          themeId: null, createdById: actor.id, updatedById: actor.id,
        },
      });
      known.set(key, { id: created.id, row });
      await recordAudit(tx, actor, { entity: "EVENT", entityId: created.id, eventId: created.id, action: "CREATE", after: { ...created, importedFrom: file.name, row } });
      report.createdIds.push(created.id);
    }
    report.created = report.createdIds.length;
    report.ok = true;
    return report;
  });
}
