// history(): trading dates derived in the exchange's zone for every kind of session stamp Yahoo uses, nulls dropped,
// adjusted close kept, splits and dividends returned, empty ranges empty.
import { describe, expect, it } from "vitest";
import { EMPTY_RANGE_SYMBOL } from "../msw/yahoo";
import { makeProvider, marketDataErrorOf } from "./yahoo-helpers";

const dates = (bars: Array<{ date: string }>) => bars.map((b) => b.date);

describe("YahooProvider.history", () => {
  it("dates a US stock by New York time across the end of daylight saving (13:30 then 14:30 UTC)", async () => {
    const { provider, traffic } = makeProvider();
    const history = await provider.history("AAPL", "2024-10-31", "2024-11-06");

    expect(traffic.chart).toBe(1);
    expect(history.timeZone).toBe("America/New_York");
    expect(history.currency).toBe("USD");
    expect(dates(history.bars)).toEqual(["2024-10-31", "2024-11-01", "2024-11-04", "2024-11-06"]);
    expect(history.bars[2]).toEqual({
      date: "2024-11-04",
      open: 220.99,
      high: 222.79,
      low: 219.71,
      close: 222.01,
      adjClose: 221.52,
      volume: 44944500,
    });
  });

  it("drops a bar whose close is null and says how many it dropped", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("AAPL", "2024-10-31", "2024-11-06");
    expect(dates(history.bars)).not.toContain("2024-11-05");
    expect(history.droppedBars).toBe(1);
  });

  it("returns splits and dividends as corporate actions on their trading dates", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("AAPL", "2024-10-31", "2024-11-06");
    expect(history.actions).toEqual([
      { date: "2024-11-01", kind: "split", value: 4 },
      { date: "2024-11-04", kind: "dividend", value: 0.25 },
    ]);
  });

  it("keeps only actions inside the requested range", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("AAPL", "2024-11-04", "2024-11-06");
    expect(history.actions).toEqual([{ date: "2024-11-04", kind: "dividend", value: 0.25 }]);
    expect(dates(history.bars)).toEqual(["2024-11-04", "2024-11-06"]);
  });

  it("asks Yahoo for a day either side (period2 is exclusive) and trims to [from, to]", async () => {
    const { provider, traffic } = makeProvider();
    await provider.history("AAPL", "2024-11-01", "2024-11-04");
    const query = traffic.chartQueries[0];
    expect(query?.get("interval")).toBe("1d");
    expect(query?.get("period1")).toBe(String(Date.UTC(2024, 9, 31) / 1000));
    expect(query?.get("period2")).toBe(String(Date.UTC(2024, 10, 5) / 1000));
  });

  it("dates FX sessions in London time: 00:00 UTC in winter, 23:00 UTC the day before in summer", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("EURUSD=X", "2024-03-28", "2024-04-02");
    expect(history.timeZone).toBe("Europe/London");
    expect(dates(history.bars)).toEqual(["2024-03-28", "2024-03-29", "2024-04-01", "2024-04-02"]);
    // Yahoo's FX quirk survives untouched: close above the high.
    expect(history.bars[3]).toMatchObject({ open: 1.0743, high: 1.076, low: 1.0725, close: 1.0763, volume: 0 });
  });

  it("dates a US future by its midnight-New-York stamp on both sides of the spring clock change", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("GC=F", "2024-03-08", "2024-03-12");
    expect(history.timeZone).toBe("America/New_York");
    expect(dates(history.bars)).toEqual(["2024-03-08", "2024-03-11", "2024-03-12"]);
  });

  it("dates a KRX stock by Seoul time, where the session stamp is 15:00 UTC the previous day", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("005930.KS", "2024-01-02", "2024-01-04");
    expect(history.timeZone).toBe("Asia/Seoul");
    expect(history.currency).toBe("KRW");
    expect(dates(history.bars)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(history.bars[0]?.close).toBe(79600);
  });

  it("returns no bars, not an error, for a range without sessions", async () => {
    const { provider } = makeProvider();
    const history = await provider.history(EMPTY_RANGE_SYMBOL, "2024-11-02", "2024-11-03");
    expect(history).toMatchObject({ bars: [], actions: [], droppedBars: 0, timeZone: "America/New_York" });
  });

  it("returns no bars when the window Yahoo sends holds none of the requested dates", async () => {
    const { provider } = makeProvider();
    const history = await provider.history("005930.KS", "2024-01-06", "2024-01-07");
    expect(history.bars).toEqual([]);
  });

  it("says an unknown symbol is not found, without retrying", async () => {
    const { provider, traffic } = makeProvider();
    const error = await marketDataErrorOf(provider.history("XYZ", "2024-01-02", "2024-01-05"));
    expect(error.kind).toBe("not_found");
    expect(error.message).toBe('Yahoo has no symbol "XYZ".');
    expect(error.transient).toBe(false);
    expect(traffic.chart).toBe(1);
  });

});
