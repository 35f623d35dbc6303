// Reading the moment an event happened: impossible dates and clock times are refused, wall times are read in the
// zone the analyst chose, and precision is a stated choice checked against the text.
import { describe, expect, it } from "vitest";
import { parseWallDateTime, wallTimeToInstant, zoneOffsetMinutes } from "@/lib/dates";
import { eventInputSchema } from "@/lib/events/schemas";
import { fieldErrorsOf } from "@/lib/errors";

const instant = (text: string, zone?: string) => {
  const wall = parseWallDateTime(text);
  if ("error" in wall) throw new Error(wall.error);
  return wallTimeToInstant(wall, zone).toISOString();
};
const errorOf = (text: string) => {
  const wall = parseWallDateTime(text);
  return "error" in wall ? wall.error : null;
};

describe("parseWallDateTime", () => {
  it.each([
    ["2024-02-30T10:00Z", "2024-02-30T10:00Z is not a real date: 2024-02 has no day 30"],
    ["2023-02-29", "2023-02-29 is not a real date: 2023-02 has no day 29"],
    ["2024-06-19T24:00Z", "2024-06-19T24:00Z is not a real time: hours run from 00 to 23"],
    ["2024-06-19T10:60", "2024-06-19T10:60 is not a real time: minutes run from 00 to 59"],
    ["2024-06-19T10:00:60Z", "2024-06-19T10:00:60Z is not a real time: seconds run from 00 to 59"],
    ["2024-13-01", "2024-13-01 is not a real date: there is no month 13"],
    ["2024-06-19T10:00+15:00", "2024-06-19T10:00+15:00 has an impossible UTC offset +15:00"],
    ["19/06/2024", "Enter a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM with a time)"],
  ])("refuses %s", (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it("accepts the real ones, leap day included", () => {
    expect(parseWallDateTime("2024-02-29")).toEqual({ date: "2024-02-29", time: null, offsetMinutes: null });
    expect(parseWallDateTime("2024-06-19T23:59:59.5-05:30")).toEqual({ date: "2024-06-19", time: { hour: 23, minute: 59, second: 59, millisecond: 500 }, offsetMinutes: -330 });
  });
});

describe("wallTimeToInstant", () => {
  it("reads a wall time in the chosen zone (hand-checked offsets)", () => {
    // Seoul is UTC+9 all year: 10:00 KST = 01:00 UTC.
    expect(instant("2024-06-19T10:00", "Asia/Seoul")).toBe("2024-06-19T01:00:00.000Z");
    // New York in June is EDT (UTC−4), in January EST (UTC−5).
    expect(instant("2024-06-19T09:30", "America/New_York")).toBe("2024-06-19T13:30:00.000Z");
    expect(instant("2024-01-15T09:30", "America/New_York")).toBe("2024-01-15T14:30:00.000Z");
    // A stated offset wins over the zone.
    expect(instant("2024-06-19T10:00+09:00", "Europe/London")).toBe("2024-06-19T01:00:00.000Z");
    expect(instant("2024-06-19T10:00")).toBe("2024-06-19T10:00:00.000Z");
  });

  it("handles daylight-saving edges: a skipped time moves forward, a repeated one takes the first", () => {
    // 10 March 2024 02:30 does not exist in New York (clocks jump 02:00 → 03:00 EDT): read as 03:30 EDT = 07:30 UTC.
    expect(instant("2024-03-10T02:30", "America/New_York")).toBe("2024-03-10T07:30:00.000Z");
    // 3 November 2024 01:30 happens twice; the first (EDT, UTC−4) is 05:30 UTC.
    expect(instant("2024-11-03T01:30", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
    // Berlin: 31 March 2024 01:30 is still CET (UTC+1).
    expect(instant("2024-03-31T01:30", "Europe/Berlin")).toBe("2024-03-31T00:30:00.000Z");
    expect(zoneOffsetMinutes(new Date("2024-07-01T00:00:00Z"), "Europe/Berlin")).toBe(120);
  });
});

describe("eventInputSchema: occurredAt, timePrecision, timeZone", () => {
  const base = { title: "T", category: "treaty", severity: 3 };
  const parse = (fields: Record<string, unknown>) => {
    const r = eventInputSchema.safeParse({ ...base, ...fields });
    return r.success ? { at: r.data.occurredAt.at.toISOString(), precision: r.data.occurredAt.precision } : fieldErrorsOf(r.error);
  };

  it("stores an exact time read in the analyst's zone as its UTC instant", () => {
    expect(parse({ occurredAt: "2024-06-19T10:00", timePrecision: "exact", timeZone: "Asia/Seoul" })).toEqual({ at: "2024-06-19T01:00:00.000Z", precision: "EXACT" });
  });

  it("keeps a day-only event on its calendar date whatever the zone", () => {
    expect(parse({ occurredAt: "2024-06-19", timePrecision: "DAY", timeZone: "America/Los_Angeles" })).toEqual({ at: "2024-06-19T00:00:00.000Z", precision: "DAY" });
  });

  it("checks the stated precision against the text", () => {
    expect(parse({ occurredAt: "2024-06-19T10:00", timePrecision: "DAY" })).toEqual({ occurredAt: ["Precision is day only: enter the date without a time, or choose exact time"] });
    expect(parse({ occurredAt: "2024-06-19", timePrecision: "EXACT" })).toEqual({ occurredAt: ["Precision is exact time: enter a time too, or choose day only"] });
  });

  it("infers precision from the form when it is left out (the API's older callers)", () => {
    expect(parse({ occurredAt: "2024-06-19" })).toEqual({ at: "2024-06-19T00:00:00.000Z", precision: "DAY" });
    expect(parse({ occurredAt: "2024-06-19T10:00Z" })).toEqual({ at: "2024-06-19T10:00:00.000Z", precision: "EXACT" });
  });

  it("refuses impossible instants and unknown zones", () => {
    expect(parse({ occurredAt: "2024-02-30T10:00Z" })).toEqual({ occurredAt: ["2024-02-30T10:00Z is not a real date: 2024-02 has no day 30"] });
    expect(parse({ occurredAt: "2024-06-19T24:00Z" })).toEqual({ occurredAt: ["2024-06-19T24:00Z is not a real time: hours run from 00 to 23"] });
    expect(parse({ occurredAt: "2024-06-19T10:00", timeZone: "Mars/Olympus" })).toEqual({ timeZone: ["Mars/Olympus is not an IANA time zone (e.g. Asia/Seoul, Europe/London, UTC)"] });
  });

  it("takes exposures as a JSON list or its text, once per asset", () => {
    const ok = eventInputSchema.safeParse({ ...base, occurredAt: "2024-06-19", exposures: '[{"assetSymbol":"^KS11","direction":"down","rationale":"risk-off"}]' });
    expect(ok.success && ok.data.exposures).toEqual([{ assetSymbol: "^KS11", direction: "DOWN", rationale: "risk-off" }]);
    const twice = eventInputSchema.safeParse({ ...base, occurredAt: "2024-06-19", exposures: [{ assetSymbol: "A", direction: "UP" }, { assetSymbol: "A", direction: "DOWN" }] });
    expect(twice.success ? null : fieldErrorsOf(twice.error)).toEqual({ exposures: ["Each asset can be linked once"] });
    const badDirection = eventInputSchema.safeParse({ ...base, occurredAt: "2024-06-19", exposures: [{ assetSymbol: "A", direction: "sideways" }] });
    expect(badDirection.success ? null : fieldErrorsOf(badDirection.error)).toEqual({ "exposures.0.direction": ["Direction must be up, down or uncertain"] });
  });
});
