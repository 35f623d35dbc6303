// Stores a validated price CSV for one asset, all or nothing. The asset's source becomes CSV: its series is the
// user's from now on, and scheduled refreshes leave it alone. Switching an asset from Yahoo/demo to CSV replaces
// its bars rather than mixing two sources in one series.
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parsePriceCsv, type PriceCsvFlag, type PriceCsvRowError } from "@/lib/market-data/csv";
import { withTransaction } from "@/lib/db/transaction";
import { deleteBarsWith, upsertBarsWith } from "@/lib/prices/store";

export type ImportPricesResult =
  | { ok: true; symbol: string; inserted: number; updated: number; removed: number; flags: PriceCsvFlag[] }
  | { ok: false; symbol: string; errors: PriceCsvRowError[] };

/** A NotFoundError, so the import form and the API answer 404 with this message instead of a generic 500. */
export class UnknownAssetError extends NotFoundError {
  constructor(readonly symbol: string) {
    super(`There is no asset "${symbol}": add it first (with its name, currency and exchange time zone).`);
  }
}

export async function importPriceCsv(symbol: string, csvText: string): Promise<ImportPricesResult> {
  const asset = await db().asset.findUnique({ where: { symbol } });
  if (!asset) throw new UnknownAssetError(symbol);
  const parsed = parsePriceCsv(csvText);
  if (!parsed.ok) return { ok: false, symbol, errors: parsed.errors };
  return withTransaction(async (client) => {
    let removed = 0;
    if (asset.source !== "CSV") removed = await deleteBarsWith(client, asset.id);
    const counts = await upsertBarsWith(client, [{ assetId: asset.id, bars: parsed.bars }]);
    await client.query(
      "UPDATE asset SET source = 'CSV', refreshed_at = now(), refresh_error = NULL, refresh_error_at = NULL, updated_at = now() WHERE id = $1",
      [asset.id],
    );
    return { ok: true as const, symbol, ...counts, removed, flags: parsed.flags };
  });
}
