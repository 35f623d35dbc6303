// GET daily bars of one asset, ?from=YYYY-MM-DD&to=YYYY-MM-DD inclusive (viewer). POST a price CSV as the body
// (analyst): ?mode=merge|replace, ?dryRun=true for the change set without writing; every write is audited.
import { priceApiBody, priceQuerySchema } from "@/lib/prices/api-bars";
import { MAX_PRICE_CSV_BYTES, priceImportQuerySchema } from "@/lib/assets/schemas";
import { apiHandler, bodyText, queryOf } from "@/lib/http/api-handler";
import { NotFoundError } from "@/lib/errors";
import { importPricesOrThrow } from "@/lib/market-data/import-prices";
import { updatePendingMoves } from "@/lib/triage/update-moves";
import { requestVerdictScoringAfterImport } from "@/lib/verdicts/verdict-jobs";
import { parseOrThrow } from "@/lib/validation/parse";

// Next has already decoded the path segment once: decoding again would turn `%255E` into `^` and `%25` into an error.
export const GET = apiHandler<{ symbol: string }>("VIEWER", async (req, _user, { symbol }) => {
  const q = parseOrThrow(priceQuerySchema, queryOf(req));
  const body = await priceApiBody(symbol, q.from, q.to);
  if (body === null) throw new NotFoundError(`There is no asset ${symbol}.`);
  return new Response(body, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
});

export const POST = apiHandler<{ symbol: string }>("ANALYST", async (req, user, { symbol }) => {
  const q = parseOrThrow(priceImportQuerySchema, queryOf(req));
  const text = await bodyText(req, MAX_PRICE_CSV_BYTES);
  const result = await importPricesOrThrow(user, symbol.toUpperCase(), text, { mode: q.mode, dryRun: q.dryRun });
  // The import's prices queued the asset (and those it benchmarks) for a rescore: the triage queue is current on return.
  if (!result.dryRun) await updatePendingMoves();
  if (!result.dryRun) await requestVerdictScoringAfterImport(result.symbol, result);
  return Response.json(result, { status: result.dryRun ? 200 : 201 });
});
