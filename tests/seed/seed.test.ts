import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isEmptyDatabase, seedStoryline } from "@/lib/seed/seed";

describe("first-run seed", () => {
  it("creates the storyline once and never doubles it", async () => {
    expect(await isEmptyDatabase()).toBe(true);
    const first = await seedStoryline("DEMO");
    expect(first.assetsCreated).toBe(11);
    expect(first.eventsCreated).toBeGreaterThanOrEqual(20);
    const counts = async () => ({
      assets: await db().asset.count(),
      events: await db().event.count(),
      exposures: await db().exposure.count(),
      themes: await db().theme.count(),
      portfolios: await db().portfolio.count(),
      positions: await db().portfolioPosition.count(),
    });
    const before = await counts();
    expect(await seedStoryline("DEMO")).toEqual({ assetsCreated: 0, eventsCreated: 0 });
    expect(await counts()).toEqual(before);
    expect(await isEmptyDatabase()).toBe(false);
  });

  it("seeds one example portfolio of seeded assets, labelled as an example", async () => {
    const examples = await db().portfolio.findMany({ where: { isExample: true }, include: { positions: { include: { asset: true } } } });
    expect(examples).toHaveLength(1);
    expect(examples[0]!.name).toMatch(/^Example: /);
    expect(examples[0]!.baseCurrency).toBe("USD");
    expect(examples[0]!.positions.map((p) => p.asset.symbol).sort()).toEqual(["005930.KS", "012450.KS", "EWY", "GC=F"]);
  });

  it("holds the two events the storyline centres on, with sources and exposures", async () => {
    const treaty = await db().event.findFirstOrThrow({
      where: { occurredAt: new Date("2024-06-19T00:00:00Z") },
      include: { exposures: { include: { asset: true } }, theme: true },
    });
    expect(treaty.category).toBe("TREATY");
    expect(treaty.theme?.name).toBe("Russia–North Korea alignment");
    expect(treaty.sourceUrls[0]).toMatch(/^https?:\/\//);
    const bySymbol = Object.fromEntries(treaty.exposures.map((x) => [x.asset.symbol, x.direction]));
    expect(bySymbol).toMatchObject({ "^KS11": "DOWN", "KRW=X": "UP", "GC=F": "UP" });

    const shoigu = await db().event.findFirstOrThrow({ where: { occurredAt: new Date("2024-09-13T00:00:00Z") } });
    expect(shoigu.title).toMatch(/Shoigu/);
  });

  it("gives Korean stocks KOSPI and US-traded assets the S&P 500 as benchmark", async () => {
    const assets = await db().asset.findMany({ include: { benchmark: true } });
    const bench = Object.fromEntries(assets.map((a) => [a.symbol, a.benchmark?.symbol ?? null]));
    expect(bench).toMatchObject({ "005930.KS": "^KS11", "012450.KS": "^KS11", LMT: "^GSPC", EWY: "^GSPC", "^GSPC": null });
    expect(assets.every((a) => a.source === "DEMO")).toBe(true);
  });
});
