// First-run content: the Russia–North Korea storyline with its assets and hypotheses. Idempotent — assets are
// matched by symbol, the theme by name and events by (date, title) — so a second run never doubles anything.
import "server-only";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import type { DataSource } from "@/lib/db/generated/client";
import { insertPortfolio } from "@/lib/portfolios/commands";
import { portfolioInputSchema } from "@/lib/portfolios/schemas";
import { SEED_ASSETS, SEED_EVENTS, SEED_PORTFOLIO, SEED_THEME } from "./russia-dprk";

export interface SeedResult {
  assetsCreated: number;
  eventsCreated: number;
}

/** Whether the database has never been seeded nor used (no asset and no event). */
export async function isEmptyDatabase(): Promise<boolean> {
  const [assets, events] = await Promise.all([db().asset.count(), db().event.count()]);
  return assets === 0 && events === 0;
}

export async function seedStoryline(source: DataSource): Promise<SeedResult> {
  return writeTransaction(async (tx) => {
    let assetsCreated = 0;
    const ids = new Map<string, number>();
    for (const a of SEED_ASSETS) {
      const existing = await tx.asset.findUnique({ where: { symbol: a.symbol } });
      const row =
        existing ??
        (await tx.asset.create({
          data: {
            symbol: a.symbol, name: a.name, assetClass: a.assetClass, currency: a.currency, exchange: a.exchange,
            timeZone: a.timeZone, country: a.country, source,
          },
        }));
      if (!existing) assetsCreated++;
      ids.set(a.symbol, row.id);
    }
    for (const a of SEED_ASSETS) {
      if (!a.benchmark) continue;
      await tx.asset.updateMany({ where: { symbol: a.symbol, benchmarkId: null }, data: { benchmarkId: ids.get(a.benchmark)! } });
    }

    const theme = await tx.theme.upsert({ where: { name: SEED_THEME.name }, update: {}, create: SEED_THEME });
    let eventsCreated = 0;
    for (const e of SEED_EVENTS) {
      const occurredAt = new Date(`${e.date}T00:00:00Z`);
      const dup = await tx.event.findFirst({ where: { occurredAt, title: e.title } });
      if (dup) continue;
      await tx.event.create({
        data: {
          title: e.title, occurredAt, timePrecision: "DAY", category: e.category, severity: e.severity,
          countries: e.countries, summary: e.summary, sourceUrls: e.sources, tags: e.tags, themeId: theme.id,
          exposures: {
            create: uniqueBySymbol(e.exposures).map((x) => ({ assetId: ids.get(x.symbol)!, direction: x.direction, rationale: x.rationale })),
          },
        },
      });
      eventsCreated++;
    }
    // The example portfolio, once: kept when an analyst has since edited or deleted it.
    if (!(await tx.portfolio.findUnique({ where: { name: SEED_PORTFOLIO.name }, select: { id: true } }))) {
      await insertPortfolio(tx, null, portfolioInputSchema.parse(SEED_PORTFOLIO), true);
    }
    return { assetsCreated, eventsCreated };
  });
}

/** An event lists an asset once: the first hypothesis given for it wins. */
function uniqueBySymbol<T extends { symbol: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.symbol) && seen.add(x.symbol));
}

export const SEED_EVENT_DATES = SEED_EVENTS.map((e) => e.date);
