// First-run content: seed the storyline and backfill prices, from Yahoo when it answers and from the synthetic
// demo provider otherwise (said in one line, and labelled "synthetic demo data" everywhere it shows).
import type { Env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { YahooProvider } from "@/lib/market-data/yahoo";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { refreshAsset } from "@/lib/market-data/refresh";
import { providerFor } from "@/lib/runtime/providers";
import { isEmptyDatabase, seedStoryline } from "@/lib/seed/seed";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { ensureAdminFromEnv, hasAnyUser } from "@/lib/auth/users";
import { addDays, isoDate } from "@/lib/dates";

const PROBE_TIMEOUT_MS = 8_000;

async function chooseProvider(env: Env, log: (l: string) => void): Promise<MarketDataProvider> {
  if (env.MARKET_DATA === "demo") return providerFor("DEMO");
  try {
    // One quick attempt, no retries: a first start should not wait half a minute to learn Yahoo is out of reach.
    const probe = new YahooProvider({ policy: { retries: 0, timeoutMs: PROBE_TIMEOUT_MS } });
    const today = isoDate(new Date());
    const weekAgo = addDays(today, -7);
    await probe.history("^GSPC", weekAgo, today);
    return providerFor("YAHOO");
  } catch (err) {
    const reason = (err as Error).message.split("\n")[0]!.replace(/\.$/, "");
    log(`${reason}. Using synthetic demo data instead (labelled as such everywhere); set MARKET_DATA=demo to skip this check.`);
    return providerFor("DEMO");
  }
}

export async function bootstrapContent(env: Env, log: (l: string) => void): Promise<void> {
  if (!(await isEmptyDatabase())) return;
  const provider = await chooseProvider(env, log);
  const seeded = await seedStoryline(provider.name === "demo" ? "DEMO" : "YAHOO");
  log(`first run: seeded ${seeded.eventsCreated} events and ${seeded.assetsCreated} assets`);
  const today = isoDate(new Date());
  const assets = await db().asset.findMany({ orderBy: { id: "asc" } });
  let bars = 0;
  const started = Date.now();
  for (const asset of assets) {
    const outcome = await refreshAsset(asset, provider, { today, backfillYears: 10 });
    if (outcome.error) log(`  ${asset.symbol}: ${outcome.error}`);
    bars += outcome.inserted;
  }
  const label = provider.name === "demo" ? "synthetic demo data" : "Yahoo Finance";
  log(`first run: stored ${bars} daily bars from ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Accounts at start: makes sure the session-signing secret exists (BETTER_AUTH_SECRET, or one generated into the
 * data folder) and hands it to the web server; with ADMIN_EMAIL/ADMIN_PASSWORD and no account yet, creates the
 * admin so an unattended install never shows the first-run page.
 */
export async function bootstrapAccounts(env: Env, log: (l: string) => void): Promise<void> {
  process.env.BETTER_AUTH_SECRET = resolveAuthSecret({ ...process.env, FAULTLINE_DATA_DIR: env.FAULTLINE_DATA_DIR });
  const outcome = await ensureAdminFromEnv(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  if (outcome === "created") log(`created the admin account ${env.ADMIN_EMAIL} from ADMIN_EMAIL/ADMIN_PASSWORD`);
  else if (!(await hasAnyUser())) log("no account yet: open the app to create the admin account");
}
