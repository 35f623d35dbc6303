// FX routes with Yahoo's quoting: `XXXYYY=X` is YYY per XXX, `YYY=X` is YYY per USD.
import { describe, expect, it } from "vitest";
import { fxRateOn, fxRoute, seriesToAdd } from "@/lib/scenarios/fx";

describe("fxRoute", () => {
  const stored = new Set(["KRW=X", "EURUSD=X", "JPY=X"]);

  it("uses a pair directly, inverted, or crossed through USD", () => {
    expect(fxRoute("USD", "USD", stored)).toEqual([]);
    expect(fxRoute("EUR", "USD", stored)).toEqual([{ symbol: "EURUSD=X", invert: false }]);
    expect(fxRoute("USD", "EUR", stored)).toEqual([{ symbol: "EURUSD=X", invert: true }]);
    expect(fxRoute("KRW", "USD", stored)).toEqual([{ symbol: "KRW=X", invert: true }]);
    expect(fxRoute("USD", "KRW", stored)).toEqual([{ symbol: "KRW=X", invert: false }]);
    expect(fxRoute("KRW", "JPY", stored)).toEqual([{ symbol: "KRW=X", invert: true }, { symbol: "JPY=X", invert: false }]);
    expect(fxRoute("GBP", "USD", stored)).toBeNull();
    expect(seriesToAdd("GBP", "KRW", stored)).toEqual(["GBP=X"]);
  });

  it("1 KRW in JPY at KRW=X 1,400 and JPY=X 150 is 150 / 1,400 yen, with the last close before a missing day", () => {
    const series = new Map([
      ["KRW=X", { dates: ["2024-06-17", "2024-06-18"], values: [1400, 1380] }],
      ["JPY=X", { dates: ["2024-06-17", "2024-06-18"], values: [150, 151] }],
    ]);
    const legs = fxRoute("KRW", "JPY", new Set(series.keys()))!;
    expect(fxRateOn("2024-06-17", legs, series)).toBeCloseTo(150 / 1400, 15);
    expect(fxRateOn("2024-06-19", legs, series)).toBeCloseTo(151 / 1380, 15);
    expect(Number.isNaN(fxRateOn("2024-06-14", legs, series))).toBe(true);
  });
});
