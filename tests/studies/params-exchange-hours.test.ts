import { describe, expect, it } from "vitest";
import { firstReactingSession } from "@/lib/analytics";
import { sessionCloseFor } from "@/lib/prices/exchange-hours";
import { primaryWindow, studyConfigFromQuery, studyParamsSchema, studyQueryString } from "@/lib/studies/study-params";

describe("session close table", () => {
  it("knows the seed's exchanges", () => {
    expect(sessionCloseFor({ exchange: "KSC", timeZone: "Asia/Seoul" })).toMatchObject({ close: "15:30", timeZone: "Asia/Seoul" });
    expect(sessionCloseFor({ exchange: "PCX", timeZone: "America/New_York" })).toMatchObject({ close: "16:00" });
    expect(sessionCloseFor({ exchange: "NYSEArca", timeZone: "America/New_York" })).toMatchObject({ close: "16:00" });
    expect(sessionCloseFor({ exchange: "CMX", timeZone: "America/New_York" })).toMatchObject({ close: "17:00" });
    expect(sessionCloseFor({ exchange: "CBT", timeZone: "America/Chicago" })).toMatchObject({ close: "13:20", timeZone: "America/Chicago" });
    expect(sessionCloseFor({ exchange: "CCY", timeZone: "Europe/London" })).toMatchObject({ close: "23:59" });
  });

  it("falls back to the time zone, then to 16:00, and keeps the asset's own zone", () => {
    expect(sessionCloseFor({ exchange: "LSE", timeZone: "Europe/London" })).toMatchObject({ close: "16:30", basis: expect.stringMatching(/Europe\/London/) });
    expect(sessionCloseFor({ exchange: "XYZ", timeZone: "Pacific/Auckland" })).toMatchObject({ close: "16:00", timeZone: "Pacific/Auckland" });
    expect(sessionCloseFor({ exchange: "Other", timeZone: "Asia/Singapore", assetClass: "FX" })).toMatchObject({ close: "23:59", timeZone: "Asia/Singapore" });
  });

  it("puts a KOSPI event at 15:45 Seoul on the next session, one at 15:00 on the same day", () => {
    const sessions = ["2024-06-18", "2024-06-19", "2024-06-20"];
    const { close, timeZone } = sessionCloseFor({ exchange: "KSC", timeZone: "Asia/Seoul" });
    // 15:45 KST = 06:45 UTC; 15:00 KST = 06:00 UTC.
    expect(firstReactingSession("2024-06-19T06:45:00Z", "EXACT", sessions, timeZone, close)).toBe(2);
    expect(firstReactingSession("2024-06-19T06:00:00Z", "EXACT", sessions, timeZone, close)).toBe(1);
  });
});

describe("study settings in the query string", () => {
  it("reads model and windows, and writes them back", () => {
    const { config, errors } = studyConfigFromQuery({ model: "market-adjusted", est: "-120,-11", win: "-5,5", car: "0,2;-2,2" });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ model: "market-adjusted", estimationWindow: [-120, -11], eventWindow: [-5, 5], customWindows: [[0, 2], [-2, 2]] });
    expect(config.minEstimationObservations).toBe(100);
    expect(studyQueryString(config)).toBe("?model=market-adjusted&est=-120%2C-11&win=-5%2C5&car=0%2C2%3B-2%2C2");
    expect(primaryWindow(config)).toEqual([0, 2]);
    expect(studyQueryString(studyConfigFromQuery({}).config)).toBe("");
  });

  it("requires a short estimation window to be full, and rejects impossible settings with reasons", () => {
    expect(studyConfigFromQuery({ est: "-60,-11" }).config.minEstimationObservations).toBe(50);
    for (const bad of [{ model: "garch" }, { est: "-10,-20" }, { est: "-250,0" }, { win: "a,b" }, { car: "-20,0" }, { est: "-20,-11" }]) {
      const r = studyConfigFromQuery(bad);
      expect(r.errors.length, JSON.stringify(bad)).toBeGreaterThan(0);
      expect(r.config.model).toBe("market");
      expect(studyParamsSchema.safeParse(bad).success).toBe(false);
    }
    expect(primaryWindow(studyConfigFromQuery({ win: "0,5" }).config)).toEqual([0, 5]);
  });
});
