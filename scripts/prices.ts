// `npm run prices -- refresh [--symbols A,B] [--from YYYY-MM-DD]` and `npm run prices -- import <file.csv> --symbol S`.
// Uses the embedded database (alongside a running `npm start`, if any) or DATABASE_URL.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { config, overrideConfig } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";
import { db, disconnectDb } from "@/lib/db/client";
import { endPgPool } from "@/lib/db/pool";
import { UnknownAssetError, importPriceCsv } from "@/lib/market-data/import-prices";
import { providerFor } from "@/lib/runtime/providers";
import os from "node:os";
import { type PriceImportMode } from "@/lib/market-data/import-prices";
import { refreshAsset } from "@/lib/market-data/refresh";
import { prepareDatabase } from "@/lib/runtime/database";

const USAGE = `usage:
  npm run prices -- refresh [--symbols ^KS11,KRW=X] [--from 2024-01-01]
  npm run prices -- import <file.csv> --symbol <SYMBOL> [--mode merge|replace] [--dry-run]`;

function progress(done: number, total: number, label: string) {
  if (!process.stdout.isTTY) return;
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stdout.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.padEnd(14)}`);
}

async function refresh(symbols: string[] | undefined, from: string | undefined) {
  const env = config();
  const assets = await db().asset.findMany({
    where: { source: { in: ["YAHOO", "DEMO"] }, ...(symbols ? { symbol: { in: symbols } } : {}) },
    orderBy: { symbol: "asc" },
  });
  const missing = symbols?.filter((s) => !assets.some((a) => a.symbol === s)) ?? [];
  for (const s of missing) console.error(`skipped ${s}: no such asset, or its prices come from a CSV import`);
  const today = new Date().toISOString().slice(0, 10);
  const rows: { symbol: string; added: number; updated: number; result: string }[] = [];
  for (const [i, asset] of assets.entries()) {
    progress(i, assets.length, asset.symbol);
    const provider = providerFor(asset.source === "DEMO" ? "DEMO" : "YAHOO");
    const o = await refreshAsset(asset, provider, { today, from, lookbackDays: env.REFRESH_LOOKBACK_DAYS, backfillYears: env.BACKFILL_YEARS });
    rows.push({ symbol: asset.symbol, added: o.inserted, updated: o.updated, result: o.error ?? `ok (${o.from} … ${o.to})` });
  }
  progress(assets.length, assets.length, "done");
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.table(rows);
  const failed = rows.filter((r) => !r.result.startsWith("ok"));
  console.log(`${rows.length - failed.length} refreshed, ${failed.length} failed; ${rows.reduce((n, r) => n + r.added, 0)} bars added, ${rows.reduce((n, r) => n + r.updated, 0)} updated`);
  return failed.length || missing.length ? 1 : 0;
}

async function importFile(file: string, symbol: string, mode: PriceImportMode | undefined, dryRun: boolean) {
  const text = await readFile(file, "utf8");
  // The audit entry names the operator's system account: the CLI acts without a Faultline account.
  const result = await importPriceCsv({ id: null, name: `CLI (${os.userInfo().username})` }, symbol, text, { mode, dryRun });
  if (!result.ok) {
    console.error(`${file}: nothing imported — ${result.errors.length} problem(s):`);
    for (const e of result.errors.slice(0, 50)) console.error(`  line ${e.line}, ${e.column}: ${e.reason}`);
    if (result.errors.length > 50) console.error(`  … and ${result.errors.length - 50} more`);
    return 1;
  }
  const c = result.changes;
  if (result.dryRun) console.log(`${symbol} (dry run, ${result.mode}): would add ${c.added}, change ${c.changed}, ${result.mode === "replace" ? `remove ${c.removed}` : `keep ${c.kept} not in the file`} bars; nothing written`);
  else console.log(`${symbol} (${result.mode}): ${result.inserted} bars added, ${result.updated} updated, ${result.removed} removed`);
  const byCode = new Map<string, number>();
  for (const f of result.flags) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  for (const [code, n] of byCode) console.log(`  flagged ${n} × ${code} (kept as is; shown on the asset page)`);
  return 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { symbols: { type: "string" }, from: { type: "string" }, symbol: { type: "string" }, mode: { type: "string" }, "dry-run": { type: "boolean" } },
  });
  const [command, file] = positionals;
  if (values.mode && values.mode !== "merge" && values.mode !== "replace") throw new StartupError(`--mode ${values.mode} is not a mode`, "use --mode merge or --mode replace");
  if (values.from && !/^\d{4}-\d{2}-\d{2}$/.test(values.from)) throw new StartupError(`--from ${values.from} is not a date`, "use YYYY-MM-DD");
  if (command !== "refresh" && !(command === "import" && file && values.symbol)) {
    console.error(USAGE);
    return 2;
  }
  const database = await prepareDatabase(config(), (l) => console.log(`faultline: ${l}`), { attachIfRunning: true });
  overrideConfig({ DATABASE_URL: database.url });
  try {
    return command === "refresh"
      ? await refresh(values.symbols?.split(",").map((s) => s.trim()).filter(Boolean), values.from)
      : await importFile(file!, values.symbol!, values.mode as PriceImportMode | undefined, values["dry-run"] ?? false);
  } finally {
    await disconnectDb();
    await endPgPool();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof StartupError) console.error(`faultline: ${err.reason} — ${err.fix}`);
    else if (err instanceof UnknownAssetError) console.error(`faultline: ${err.message}`);
    else console.error(`faultline: ${(err as Error).message}`);
    process.exit(1);
  },
);
