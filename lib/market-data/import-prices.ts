// Stores a validated price CSV for one asset, all or nothing, in one of two modes: `merge` adds and updates bars and
// keeps the others; `replace` makes the file the whole series (bars missing from a corrected file go). A dry run
// computes the same change set without writing. The asset's source becomes CSV: scheduled refreshes leave it alone.
// Every write is audited with who, when, the mode, the file's SHA-256 and the counts.
import { createHash } from "node:crypto";
import "server-only";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parsePriceCsv, type PriceCsvFlag, type PriceCsvRowError } from "@/lib/market-data/csv";
import type { DailyBar } from "@/lib/market-data/provider";
import { deleteBarsNotInWith, storedBarsWith, upsertBarsWith } from "@/lib/prices/store";

export type PriceImportMode = "merge" | "replace";

/** How many rows of each kind of change a change set lists (the counts are always complete). */
export const CHANGE_SAMPLE_ROWS = 5;
/** How many flagged rows a preview lists before summing up the rest. */
export const FLAG_SAMPLE_ROWS = 20;

export interface ChangedBar {
  date: string;
  before: DailyBar;
  after: DailyBar;
}

export interface PriceChangeSet {
  added: number;
  changed: number;
  /** Stored bars the file does not list and `replace` deletes (0 in `merge`). */
  removed: number;
  /** Stored bars the file does not list and `merge` keeps as they are (0 in `replace`). */
  kept: number;
  unchanged: number;
  firstAdded: DailyBar[];
  firstChanged: ChangedBar[];
  firstRemoved: DailyBar[];
}

/** Who the audit entry names: a signed-in user or token, or the operator running the CLI (no account). */
export interface ImportActor {
  id: string | null;
  name: string;
}

export interface PriceImportOptions {
  /** Default: `replace` when the asset's series came from a provider (two sources never mix), else `merge`. */
  mode?: PriceImportMode;
  dryRun?: boolean;
}

export type ImportPricesResult =
  | {
      ok: true;
      symbol: string;
      mode: PriceImportMode;
      dryRun: boolean;
      sha256: string;
      inserted: number;
      updated: number;
      removed: number;
      changes: PriceChangeSet;
      flags: PriceCsvFlag[];
    }
  | { ok: false; symbol: string; errors: PriceCsvRowError[] };

/** A NotFoundError, so the import form and the API answer 404 with this message instead of a generic 500. */
export class UnknownAssetError extends NotFoundError {
  constructor(readonly symbol: string) {
    super(`There is no asset "${symbol}": add it first (with its name, currency and exchange time zone).`);
  }
}

const FIELDS = ["open", "high", "low", "close", "adjClose", "volume"] as const;
const sameBar = (a: DailyBar, b: DailyBar) => FIELDS.every((f) => a[f] === b[f]);

/** What writing `incoming` in `mode` would do to `stored` (both sorted by date). Pure. */
export function priceChangeSet(stored: readonly DailyBar[], incoming: readonly DailyBar[], mode: PriceImportMode): PriceChangeSet {
  const byDate = new Map(stored.map((b) => [b.date, b]));
  const inFile = new Set(incoming.map((b) => b.date));
  const added: DailyBar[] = [];
  const changed: ChangedBar[] = [];
  let unchanged = 0;
  for (const bar of incoming) {
    const before = byDate.get(bar.date);
    if (!before) added.push(bar);
    else if (!sameBar(before, bar)) changed.push({ date: bar.date, before, after: bar });
    else unchanged++;
  }
  const notInFile = stored.filter((b) => !inFile.has(b.date));
  const removed = mode === "replace" ? notInFile : [];
  return {
    added: added.length,
    changed: changed.length,
    removed: removed.length,
    kept: mode === "merge" ? notInFile.length : 0,
    unchanged,
    firstAdded: added.slice(0, CHANGE_SAMPLE_ROWS),
    firstChanged: changed.slice(0, CHANGE_SAMPLE_ROWS),
    firstRemoved: removed.slice(0, CHANGE_SAMPLE_ROWS),
  };
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export async function importPriceCsv(
  actor: ImportActor,
  symbol: string,
  csvText: string,
  options: PriceImportOptions = {},
): Promise<ImportPricesResult> {
  const asset = await db().asset.findFirst({ where: { symbol, deletedAt: null } });
  if (!asset) throw new UnknownAssetError(symbol);
  const parsed = parsePriceCsv(csvText);
  if (!parsed.ok) return { ok: false, symbol, errors: parsed.errors };
  const mode = options.mode ?? (asset.source === "CSV" ? "merge" : "replace");
  const dryRun = options.dryRun ?? false;
  const sha256 = sha256Hex(csvText);
  return withTransaction(async (client) => {
    // One import per asset at a time: the change set must describe the series the write then changes.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('price-import'), $1)", [asset.id]);
    const changes = priceChangeSet(await storedBarsWith(client, asset.id), parsed.bars, mode);
    const base = { ok: true as const, symbol, mode, dryRun, sha256, changes, flags: parsed.flags };
    if (dryRun) return { ...base, inserted: 0, updated: 0, removed: 0 };
    let removed = 0;
    if (mode === "replace") removed = await deleteBarsNotInWith(client, asset.id, parsed.bars.map((b) => b.date));
    const counts = await upsertBarsWith(client, [{ assetId: asset.id, bars: parsed.bars }]);
    await client.query(
      "UPDATE asset SET source = 'CSV', refreshed_at = now(), refresh_error = NULL, refresh_error_at = NULL, updated_at = now() WHERE id = $1",
      [asset.id],
    );
    const after = {
      symbol, mode, sha256, bytes: Buffer.byteLength(csvText, "utf8"), rows: parsed.bars.length, sourceBefore: asset.source,
      added: counts.inserted, changed: counts.updated, removed, flags: parsed.flags.length,
    };
    await client.query(
      `INSERT INTO audit_entry (entity, entity_id, action, actor_id, actor_name, after) VALUES ('ASSET', $1, 'IMPORT', $2, $3, $4::jsonb)`,
      [asset.id, actor.id, actor.name, JSON.stringify(after)],
    );
    return { ...base, inserted: counts.inserted, updated: counts.updated, removed };
  });
}

/**
 * `importPriceCsv` for the form, the API and the CLI alike: a file with problems becomes one 422 listing each by line
 * and column with its fix (the first 20, then a count), and nothing is written. A dry run says the file cannot be
 * imported as it is rather than that nothing was imported: nothing would have been either way.
 */
export async function importPricesOrThrow(actor: ImportActor, symbol: string, csvText: string, options: PriceImportOptions = {}) {
  const outcome = await importPriceCsv(actor, symbol, csvText, options);
  if (outcome.ok) return outcome;
  const lines = outcome.errors.slice(0, 20).map((e) => (e.line ? `Line ${e.line}${e.column ? `, column ${e.column}` : ""}: ${e.reason}` : e.reason));
  if (outcome.errors.length > 20) lines.push(`… and ${outcome.errors.length - 20} more problems`);
  throw new ValidationError(
    { file: lines },
    options.dryRun
      ? "The file cannot be imported as it is: fix these rows and check it again."
      : "Nothing was imported: fix these rows and send the file again.",
  );
}
