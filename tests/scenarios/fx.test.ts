// FX routes with Yahoo's quoting, as the scenarios use them: `XXXYYY=X` is YYY per XXX, `YYY=X` is YYY per USD.
import { describe, expect, it } from "vitest";
import { fxRateOn, fxRoute, type FxRoute } from "@/lib/portfolios/fx";

const legsOf = (r: FxRoute) => (r.kind === "route" ? r.legs : r.kind === "same" ? [] : null);

describe("FX for scenario books", () => {
  const stored = new Set(["KRW=X", "EURUSD=X", "JPY=X"]);
  const has = (s: string) => stored.has(s);

  it("uses a pair directly, inverted, or crossed through USD, and names the series to add", () => {
    expect(legsOf(fxRoute("USD", "USD", has))).toEqual([]);
    expect(legsOf(fxRoute("EUR", "USD", has))).toEqual([{ symbol: "EURUSD=X", invert: false }]);
    expect(legsOf(fxRoute("USD", "EUR", has))).toEqual([{ symbol: "EURUSD=X", invert: true }]);
    expect(legsOf(fxRoute("KRW", "USD", has))).toEqual([{ symbol: "KRW=X", invert: true }]);
    expect(legsOf(fxRoute("USD", "KRW", has))).toEqual([{ symbol: "KRW=X", invert: false }]);
    expect(legsOf(fxRoute("KRW", "JPY", has))).toEqual([{ symbol: "KRW=X", invert: true }, { symbol: "JPY=X", invert: false }]);
    expect(fxRoute("GBP", "KRW", has)).toEqual({ kind: "missing", symbols: ["GBPUSD=X"] });
  });

  it("1 KRW in JPY at KRW=X 1,400 and JPY=X 150 is 150 / 1,400 yen, with the last close before a missing day", () => {
    const series = new Map([
      ["KRW=X", { dates: ["2024-06-17", "2024-06-18"], values: [1400, 1380] }],
      ["JPY=X", { dates: ["2024-06-17", "2024-06-18"], values: [150, 151] }],
    ]);
    const legs = legsOf(fxRoute("KRW", "JPY", (s) => series.has(s)))!;
    expect(fxRateOn("2024-06-17", legs, series)).toBeCloseTo(150 / 1400, 15);
    expect(fxRateOn("2024-06-19", legs, series)).toBeCloseTo(151 / 1380, 15);
    expect(Number.isNaN(fxRateOn("2024-06-14", legs, series))).toBe(true);
  });
});
