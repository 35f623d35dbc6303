// Portfolio writes against PostgreSQL: validation refuses and writes nothing, every change is audited, a stale version
// is a conflict; valuation converts through stored FX series (direct, inverse, cross, missing) with hand-worked values.
import { beforeAll, describe, expect, it } from "vitest";
import { historyOf } from "@/lib/audit/history";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { STATUS_OF_KIND } from "@/lib/http/errors";
import { createPortfolio, deletePortfolio, updatePortfolio } from "@/lib/portfolios/commands";
import { previewPortfolioImport } from "@/lib/portfolios/import-preview";
import { findPortfolio, loadPortfolio, portfolioHistory, positionsList } from "@/lib/portfolios/queries";
import { valuePortfolio } from "@/lib/portfolios/valuation";
import { upsertBars } from "@/lib/prices/store";
import { createSignedInUser } from "../helpers/request-context";

let ana: Principal;
let ben: Principal;
let viewer: Principal;

async function asset(symbol: string, currency: string, closes: Record<string, number>) {
  const a = await db().asset.create({
    data: { symbol, name: symbol, assetClass: symbol.endsWith("=X") ? "FX" : "EQUITY", currency, exchange: "TEST", timeZone: "UTC", source: "CSV" },
  });
  await upsertBars(a.id, Object.entries(closes).map(([date, close]) => ({ date, open: null, high: null, low: null, close, adjClose: close, volume: null })));
  return a;
}

beforeAll(async () => {
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  ben = (await createSignedInUser("ANALYST", "Ben")).principal;
  viewer = (await createSignedInUser("VIEWER", "Vic")).principal;
  // USD/KRW closes (KRW per USD) around 19 June 2024; the Korean stock's last close is on the 19th.
  await asset("KRW=X", "KRW", { "2024-06-18": 1380.0, "2024-06-19": 1381.8, "2024-06-20": 1384.6 });
  await asset("EURUSD=X", "USD", { "2024-06-19": 1.08, "2024-06-20": 1.075 });
  await asset("KRSTOCK.KS", "KRW", { "2024-06-18": 69_000, "2024-06-19": 70_000 });
  await asset("USSTOCK", "USD", { "2024-06-19": 60, "2024-06-20": 60.5 });
  await asset("EUSTOCK", "EUR", { "2024-06-20": 100 });
  await asset("JPSTOCK", "JPY", { "2024-06-20": 3000 });
  await asset("WHEAT", "USX", { "2024-06-20": 550 });
  await asset("NOBARS", "USD", {});
});

const countRows = async () => [await db().portfolio.count(), await db().portfolioPosition.count(), await db().auditEntry.count({ where: { entity: "PORTFOLIO" } })];

describe("portfolio commands", () => {
  it("refuses each kind of bad input naming the field, and writes nothing", async () => {
    const before = await countRows();
    const fails = async (input: Parameters<typeof createPortfolio>[1]) => {
      const err = await createPortfolio(ana, input).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ValidationError);
      expect(STATUS_OF_KIND[(err as ValidationError).kind]).toBe(422);
      return (err as ValidationError).fieldErrors;
    };
    expect(await fails({ name: "Empty", baseCurrency: "USD", positions: [] })).toEqual({ positions: ["Add at least one position"] });
    expect(await fails({ name: "Empty CSV", baseCurrency: "USD", positions: "symbol,quantity\n" })).toEqual({ positions: ["Add at least one position"] });
    expect(await fails({ name: "Unknown", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 1 }, { symbol: "NOPE", quantity: 1 }] })).toEqual({
      "positions.1.symbol": ["There is no asset NOPE: add it on the Assets page first"],
    });
    expect(await fails({ name: "Zero", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 0 }, { symbol: "WHEAT", quantity: -3 }] })).toEqual({
      "positions.0.quantity": ["Quantity must be greater than zero"],
      "positions.1.quantity": ["Quantity must be greater than zero"],
    });
    expect(await fails({ name: "Bad notional", baseCurrency: "USD", notional: 0, positions: [{ symbol: "USSTOCK", weight: 1 }] })).toMatchObject({
      notional: ["Notional must be greater than zero"],
    });
    expect(await fails({ name: "Twice", baseCurrency: "USD", positions: "symbol,quantity\nUSSTOCK,1\nussTock,2" })).toEqual({
      "positions.1.symbol": ["USSTOCK is listed twice (positions 1 and 2): one row per asset"],
    });
    expect(await fails({ name: "Sum", baseCurrency: "USD", notional: 1000, positions: [{ symbol: "USSTOCK", weight: 0.6 }, { symbol: "WHEAT", weight: 0.3 }] })).toEqual({
      positions: ["Weights sum to 0.9; they must sum to 1 (within 0.000001)"],
    });
    expect(await fails({ name: "Mixed", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 5 }, { symbol: "WHEAT", weight: 0.5 }] })).toEqual({
      "positions.1.weight": ["WHEAT: every position must use quantities like the first; do not mix quantities and weights"],
    });
    expect(await fails({ name: "", baseCurrency: "dollars", positions: "ticker,amount\nX,1" })).toEqual({
      name: ["Enter a name"],
      baseCurrency: ["Enter the base currency as a 3-letter ISO 4217 code (e.g. USD, KRW, EUR)"],
      positions: ["The first line must be the header symbol,quantity or symbol,weight (found: ticker,amount)"],
    });
    expect(await countRows()).toEqual(before);
  });

  it("accepts weights summing to 1 within 1e-6 and refuses a viewer", async () => {
    const p = await createPortfolio(ana, { name: "Weights", baseCurrency: "usd", notional: "1000000", positions: "symbol,weight\nUSSTOCK,0.3333333\nWHEAT,0.6666667" });
    expect(p).toMatchObject({ baseCurrency: "USD", notional: 1_000_000, version: 1 });
    await expect(createPortfolio(viewer, { name: "Viewer's", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 1 }] })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creates, edits with the version and soft-deletes, each step audited with before and after", async () => {
    const p = await createPortfolio(ana, { name: "Book A", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 10 }] });
    const edited = await updatePortfolio(ben, p.id, { name: "Book A", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 12 }, { symbol: "KRSTOCK.KS", quantity: 100 }], version: 1 });
    expect(edited.version).toBe(2);
    expect(edited.positions).toEqual([{ symbol: "KRSTOCK.KS", quantity: 100, weight: null }, { symbol: "USSTOCK", quantity: 12, weight: null }]);
    await deletePortfolio(ana, { id: p.id, version: 2 });
    expect(await findPortfolio(p.id)).toBeNull();
    const history = await historyOf("PORTFOLIO", p.id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([["CREATE", "Ana"], ["UPDATE", "Ben"], ["DELETE", "Ana"]]);
    expect(history[1]!.before).toMatchObject({ positions: [{ symbol: "USSTOCK", quantity: 10 }] });
    expect(history[1]!.after).toMatchObject({ positions: [{ symbol: "KRSTOCK.KS", quantity: 100 }, { symbol: "USSTOCK", quantity: 12 }] });
    expect((await portfolioHistory(p.id)).map((h) => [h.action, h.actorName, h.changed])).toEqual([["DELETE", "Ana", []], ["UPDATE", "Ben", ["positions"]], ["CREATE", "Ana", []]]);
    // The name stays taken by the deleted portfolio, and says so.
    await expect(createPortfolio(ana, { name: "book a", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 1 }] })).rejects.toMatchObject({
      fieldErrors: { name: ["A deleted portfolio is named book a: choose another name"] },
    });
  });

  it("refuses a stale version with a 409 naming who changed it, and writes nothing", async () => {
    const p = await createPortfolio(ana, { name: "Book B", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 10 }] });
    await updatePortfolio(ben, p.id, { name: "Book B", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 20 }], version: 1 });
    const err = await updatePortfolio(ana, p.id, { name: "Book B", baseCurrency: "USD", positions: [{ symbol: "USSTOCK", quantity: 30 }], version: 1 }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ConflictError);
    expect(STATUS_OF_KIND[(err as ConflictError).kind]).toBe(409);
    expect((err as ConflictError).message).toMatch(/changed by Ben at .* UTC/);
    expect((await loadPortfolio(p.id)).positions[0]!.quantity).toBe(20);
    expect(await db().auditEntry.count({ where: { entity: "PORTFOLIO", entityId: p.id } })).toBe(2);
    await expect(deletePortfolio(ana, { id: p.id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("valuation in the base currency", () => {
  it("converts directly, inversely and through USD, at the FX close on or before the position's date", async () => {
    const p = await createPortfolio(ana, {
      name: "FX book", baseCurrency: "USD",
      positions: [{ symbol: "KRSTOCK.KS", quantity: 100 }, { symbol: "USSTOCK", quantity: 10 }, { symbol: "EUSTOCK", quantity: 2 }, { symbol: "WHEAT", quantity: 10 }],
    });
    const v = await valuePortfolio(p.id);
    const by = new Map(v.positions.map((x) => [x.symbol, x]));
    // 100 × 70,000 KRW ÷ 1,381.80 KRW per USD (KRW=X on 19 June, not the later 1,384.60).
    expect(by.get("KRSTOCK.KS")!.value).toBeCloseTo(7_000_000 / 1381.8, 9);
    expect(by.get("KRSTOCK.KS")!.fxLegs).toEqual([{ symbol: "KRW=X", invert: true, date: "2024-06-19" }]);
    expect(by.get("KRSTOCK.KS")!.priceDate).toBe("2024-06-19");
    expect(by.get("USSTOCK")!.value).toBeCloseTo(605, 9); // 10 × 60.50
    expect(by.get("EUSTOCK")!.value).toBeCloseTo(215, 9); // 2 × 100 EUR × 1.075 USD per EUR
    expect(by.get("WHEAT")!.value).toBeCloseTo(55, 9); // 10 × 550 US cents
    const total = 7_000_000 / 1381.8 + 605 + 215 + 55;
    expect(v.total).toBeCloseTo(total, 9);
    expect(by.get("USSTOCK")!.share).toBeCloseTo(605 / total, 12);
    expect(v.complete).toBe(true);

    const inKrw = await valuePortfolio((await createPortfolio(ana, { name: "KRW book", baseCurrency: "KRW", positions: [{ symbol: "USSTOCK", quantity: 10 }, { symbol: "EUSTOCK", quantity: 1 }] })).id);
    // USD → KRW multiplies by KRW=X on 20 June; EUR → KRW crosses: × 1.075 (EURUSD=X) × 1,384.60 (KRW=X).
    expect(inKrw.positions.find((x) => x.symbol === "USSTOCK")!.value).toBeCloseTo(605 * 1384.6, 6);
    expect(inKrw.positions.find((x) => x.symbol === "EUSTOCK")!.value).toBeCloseTo(100 * 1.075 * 1384.6, 6);
  });

  it("names a missing FX series and a missing price instead of skipping the position", async () => {
    const p = await createPortfolio(ana, { name: "Gaps", baseCurrency: "USD", positions: [{ symbol: "JPSTOCK", quantity: 5 }, { symbol: "NOBARS", quantity: 1 }, { symbol: "USSTOCK", quantity: 1 }] });
    const v = await valuePortfolio(p.id);
    expect(v.positions.map((x) => [x.symbol, x.status, x.value, x.missingFx])).toEqual([
      ["JPSTOCK", "missing-fx", null, ["JPY=X"]],
      ["NOBARS", "missing-price", null, []],
      ["USSTOCK", "ok", 60.5, []],
    ]);
    expect(v.complete).toBe(false);
    expect(v.missingFx).toEqual(["JPY=X"]);
    expect(v.total).toBe(60.5);
  });

  it("values a weight portfolio at weight × notional and derives the units held", async () => {
    const p = await createPortfolio(ana, { name: "Weighted", baseCurrency: "USD", notional: 10_000, positions: [{ symbol: "KRSTOCK.KS", weight: 0.25 }, { symbol: "USSTOCK", weight: 0.75 }] });
    const v = await valuePortfolio(p.id);
    expect(v.positions.map((x) => x.value)).toEqual([2500, 7500]);
    expect(positionsList(await loadPortfolio(p.id))).toEqual({ baseCurrency: "USD", notional: 10_000, positions: [{ symbol: "KRSTOCK.KS", weight: 0.25 }, { symbol: "USSTOCK", weight: 0.75 }] });
    expect(v.positions[0]!.units).toBeCloseTo((2500 * 1381.8) / 70_000, 9);
    expect(v.positions[1]!.units).toBeCloseTo(7500 / 60.5, 9);
  });
});

describe("CSV import preview", () => {
  it("flags each bad row by its line in the file and writes nothing", async () => {
    const before = await countRows();
    const preview = await previewPortfolioImport({ name: "Preview", baseCurrency: "USD", csv: "Symbol , Quantity\nUSSTOCK,10\n\nNOPE,5\nkrstock.ks,-1\nUSSTOCK,2\n" });
    expect(preview.ok).toBe(false);
    expect(preview.kind).toBe("quantity");
    expect(preview.rows.map((r) => [r.line, r.symbol, r.amount, r.problems])).toEqual([
      [2, "USSTOCK", "10", []],
      [4, "NOPE", "5", ["There is no asset NOPE: add it on the Assets page first"]],
      [5, "krstock.ks", "-1", ["Quantity must be greater than zero"]],
      [6, "USSTOCK", "2", ["USSTOCK is listed twice (positions 1 and 4): one row per asset"]],
    ]);
    expect(preview.rows[0]!.assetName).toBe("USSTOCK");
    expect(await countRows()).toEqual(before);
  });

  it("passes a clean weights file and reports whole-portfolio problems apart from rows", async () => {
    expect((await previewPortfolioImport({ name: "Clean", baseCurrency: "USD", notional: "5000", csv: "symbol,weight\nUSSTOCK,0.5\nWHEAT,0.5" })).ok).toBe(true);
    const noNotional = await previewPortfolioImport({ name: "Clean", baseCurrency: "USD", csv: "symbol,weight\nUSSTOCK,0.5\nWHEAT,0.5" });
    expect(noNotional.problems).toEqual({ notional: ["Enter the notional the weights apply to (a value in the base currency, greater than zero)"] });
    expect(noNotional.rows.every((r) => r.problems.length === 0)).toBe(true);
  });
});
