// FX routes under Yahoo's naming and the portfolio VaR/ES maths, on cases worked out by hand.
import { describe, expect, it } from "vitest";
import { holdingReturns, normalPdf, portfolioRisk } from "@/lib/analytics";
import { fxCandidates, fxRate, fxRateOn, fxRatesOn, fxRoute, majorCurrency } from "@/lib/portfolios/fx";

const stored = (...symbols: string[]) => (s: string) => symbols.includes(s);

describe("FX routes", () => {
  it("uses KRW=X (KRW per USD) inverted for KRW → USD and directly for USD → KRW", () => {
    expect(fxRoute("KRW", "USD", stored("KRW=X"))).toEqual({ kind: "route", legs: [{ symbol: "KRW=X", invert: true }] });
    expect(fxRoute("USD", "KRW", stored("KRW=X"))).toEqual({ kind: "route", legs: [{ symbol: "KRW=X", invert: false }] });
    const route = fxRoute("KRW", "USD", stored("KRW=X"));
    if (route.kind !== "route") throw new Error("expected a route");
    expect(fxRate(route.legs, () => 1381.8)).toBeCloseTo(1 / 1381.8, 15);
  });

  it("uses EURUSD=X (USD per EUR) directly for EUR → USD and inverted for USD → EUR", () => {
    expect(fxRoute("EUR", "USD", stored("EURUSD=X"))).toEqual({ kind: "route", legs: [{ symbol: "EURUSD=X", invert: false }] });
    expect(fxRoute("USD", "EUR", stored("EURUSD=X"))).toEqual({ kind: "route", legs: [{ symbol: "EURUSD=X", invert: true }] });
  });

  it("crosses through USD: KRW → EUR is ÷ KRW=X then ÷ EURUSD=X", () => {
    const route = fxRoute("KRW", "EUR", stored("KRW=X", "EURUSD=X"));
    expect(route).toEqual({ kind: "route", legs: [{ symbol: "KRW=X", invert: true }, { symbol: "EURUSD=X", invert: true }] });
    if (route.kind !== "route") throw new Error("expected a route");
    // 1 KRW = 1/1400 USD = 1/1400/1.08 EUR.
    expect(fxRate(route.legs, (s) => (s === "KRW=X" ? 1400 : 1.08))).toBeCloseTo(1 / 1400 / 1.08, 15);
  });

  it("prefers a stored direct cross pair over the USD route", () => {
    expect(fxRoute("EUR", "JPY", stored("EURJPY=X", "EURUSD=X", "JPY=X"))).toEqual({ kind: "route", legs: [{ symbol: "EURJPY=X", invert: false }] });
    expect(fxRoute("JPY", "EUR", stored("EURJPY=X"))).toEqual({ kind: "route", legs: [{ symbol: "EURJPY=X", invert: true }] });
  });

  it("names the series to add when none is stored", () => {
    expect(fxRoute("JPY", "USD", stored())).toEqual({ kind: "missing", symbols: ["JPY=X"] });
    expect(fxRoute("USD", "GBP", stored())).toEqual({ kind: "missing", symbols: ["GBPUSD=X"] });
    expect(fxRoute("KRW", "EUR", stored("KRW=X"))).toEqual({ kind: "missing", symbols: ["EURUSD=X"] });
    expect(fxRoute("USD", "USD", stored())).toEqual({ kind: "same" });
  });

  it("lists every series a conversion could use, so one query finds them all", () => {
    expect(fxCandidates("KRW", "KRW")).toEqual([]);
    expect(fxCandidates("KRW", "USD").sort()).toEqual(["KRW=X", "KRWUSD=X", "USDKRW=X"]);
    expect(fxCandidates("KRW", "EUR")).toEqual(expect.arrayContaining(["KRWEUR=X", "EURKRW=X", "KRW=X", "EURUSD=X"]));
  });

  it("takes each date's rate from the FX close on or before it, NaN before the series starts", () => {
    // KRW=X: 1000 KRW per USD on 2 Jan, 1250 on 4 Jan; EURUSD=X: 1.25 USD per EUR from 1 Jan.
    const series = new Map([
      ["KRW=X", { dates: ["2024-01-02", "2024-01-04"], values: [1000, 1250] }],
      ["EURUSD=X", { dates: ["2024-01-01"], values: [1.25] }],
    ]);
    const route = fxRoute("KRW", "EUR", stored("KRW=X", "EURUSD=X"));
    if (route.kind !== "route") throw new Error("expected a route");
    const rates = fxRatesOn(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], route.legs, series);
    expect(rates[0]).toBeNaN();
    [0.0008, 0.0008, 0.00064].forEach((want, i) => expect(rates[i + 1]).toBeCloseTo(want, 15));
    expect(fxRateOn("2024-01-03", route.legs, series)).toBeCloseTo(0.0008, 15);
    expect(fxRateOn("2023-12-31", route.legs, series)).toBeNaN();
  });

  it("reads minor-unit quotes (USX = US cents) as a hundredth of the major currency", () => {
    expect(majorCurrency("USX")).toEqual({ currency: "USD", factor: 0.01 });
    expect(majorCurrency("KRW")).toEqual({ currency: "KRW", factor: 1 });
  });
});

describe("portfolio VaR and ES", () => {
  it("holding returns weight each position by today's value and do not rebalance inside the window", () => {
    // A: 100 → 110 → 99, B: 50 → 50 → 55, equal values today: w = ½ each.
    const prices = [[100, 110, 99], [50, 50, 55]];
    const daily = holdingReturns([100, 100], prices, 1);
    expect(daily[0]).toBeCloseTo(0.05, 15); // ½·10 % + ½·0 %
    expect(daily[1]).toBeCloseTo(0, 15); // ½·(−10 %) + ½·10 %
    // Two sessions: ½·(99/100 − 1) + ½·(55/50 − 1) = ½·(−1 %) + ½·10 % = 4.5 % (compounding the daily 5 % and 0 % would give 5 %).
    expect(Array.from(holdingReturns([100, 100], prices, 2))).toHaveLength(1);
    expect(holdingReturns([100, 100], prices, 2)[0]).toBeCloseTo(0.045, 15);
  });

  it("historical figures are the quantile of the holding returns; EWMA scales σ by √h", () => {
    // 41 prices alternating 100, 101: log returns ±ln 1.01, 20 up and 20 down, mean 0.
    const prices = Float64Array.from({ length: 41 }, (_, i) => (i % 2 === 0 ? 100 : 101));
    const risk = portfolioRisk({ values: [1000], basePrices: [prices], confidences: [0.95], horizons: [1, 10] });
    // EWMA by hand: seed = sample variance of the first 20 log returns (n − 1), then σ² ← 0.94σ² + 0.06 r² up to the day after the last.
    const L = Math.log(1.01);
    let v = (20 * L * L) / 19;
    for (let t = 20; t < 40; t++) v = 0.94 * v + 0.06 * L * L;
    expect(risk.ewmaDailySigma).toBeCloseTo(Math.sqrt(v), 14);
    const one = risk.figures.find((f) => f.horizon === 1)!;
    const ten = risk.figures.find((f) => f.horizon === 10)!;
    expect(one.ewmaVaR).toBeCloseTo(1.6448536269514722 * Math.sqrt(v), 10);
    expect(one.ewmaES).toBeCloseTo((Math.sqrt(v) * normalPdf(1.6448536269514722)) / 0.05, 10);
    expect(ten.ewmaVaR).toBeCloseTo(one.ewmaVaR * Math.sqrt(10), 12);
    // Daily simple returns: +1 % twenty times, 100/101 − 1 twenty times; the 5 % quantile sits in the losses.
    expect(one.historicalSamples).toBe(40);
    expect(one.historicalVaR).toBeCloseTo(-(100 / 101 - 1), 12);
    expect(one.historicalES).toBeCloseTo(-(100 / 101 - 1), 12);
    // Ten-session windows start on either price: from 100 the return is 0 (100 → 100), from 101 it is 0 as well.
    expect(ten.historicalSamples).toBe(31);
    expect(ten.historicalVaR).toBeCloseTo(0, 12);
  });
});
