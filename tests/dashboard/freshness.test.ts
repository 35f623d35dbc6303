import { describe, expect, it } from "vitest";
import { freshnessByExchange, lastClosedSession, missedSessions } from "@/lib/dashboard/freshness";

// Monday 17 June 2024, 07:00 UTC: 16:00 in Seoul (after the 15:30 close), 03:00 in New York, 08:00 in London.
const NOW = new Date("2024-06-17T07:00:00Z");

describe("lastClosedSession", () => {
  it("is today once the exchange has closed, else the previous weekday", () => {
    expect(lastClosedSession(NOW, { close: "15:30", timeZone: "Asia/Seoul" })).toBe("2024-06-17");
    expect(lastClosedSession(NOW, { close: "16:00", timeZone: "America/New_York" })).toBe("2024-06-14");
    expect(lastClosedSession(new Date("2024-06-17T06:29:00Z"), { close: "15:30", timeZone: "Asia/Seoul" })).toBe("2024-06-14");
  });
});

describe("missedSessions", () => {
  it("counts weekdays after the last bar up to the expected session", () => {
    expect(missedSessions("2024-06-14", "2024-06-17")).toBe(1); // Monday only
    expect(missedSessions("2024-06-12", "2024-06-17")).toBe(3); // Thu, Fri, Mon
    expect(missedSessions("2024-06-17", "2024-06-17")).toBe(0);
  });
});

describe("freshnessByExchange", () => {
  it("judges each series against its own exchange's last closed session and names the stale ones", () => {
    const r = freshnessByExchange(
      [
        { symbol: "^KS11", exchange: "KSC", timeZone: "Asia/Seoul", lastDate: "2024-06-17" },
        { symbol: "005930.KS", exchange: "KSC", timeZone: "Asia/Seoul", lastDate: "2024-06-12" },
        // Friday's bar is New York's latest closed session at 03:00 on Monday: fresh.
        { symbol: "^GSPC", exchange: "SNP", timeZone: "America/New_York", lastDate: "2024-06-14" },
        { symbol: "LMT", exchange: "NYQ", timeZone: "America/New_York", lastDate: "2024-06-12" },
        { symbol: "KRW=X", exchange: "CCY", timeZone: "Europe/London", assetClass: "FX", lastDate: "2024-06-11" },
        { symbol: "EMPTY", exchange: "NYQ", timeZone: "America/New_York", lastDate: null },
      ],
      NOW,
    );
    expect(r.map((e) => [e.venue, e.expected, e.latest, e.symbols.length])).toEqual([
      ["KRX regular session", "2024-06-17", "2024-06-17", 2],
      ["NYSE/Nasdaq regular session", "2024-06-14", "2024-06-14", 3],
      ["FX London day", "2024-06-14", "2024-06-11", 1],
    ]);
    // 005930.KS misses 13, 14 and 17 June (3 > 2); LMT misses 13 and 14 June only (a holiday and a late refresh).
    expect(r[0]!.stale).toEqual([{ symbol: "005930.KS", lastDate: "2024-06-12", missed: 3 }]);
    expect(r[1]!.stale).toEqual([{ symbol: "EMPTY", lastDate: null, missed: null }]);
    expect(r[2]!.stale).toEqual([{ symbol: "KRW=X", lastDate: "2024-06-11", missed: 3 }]);
  });
});
