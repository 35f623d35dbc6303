import { describe, expect, it } from "vitest";
import { day0Reason, reactingSessionIndex } from "@/lib/prices/day-zero";

const KRX = { exchange: "KSC", timeZone: "Asia/Seoul", assetClass: "EQUITY" };
const NYSE = { exchange: "NYQ", timeZone: "America/New_York", assetClass: "EQUITY" };
const sessions = ["2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21", "2024-06-24"];

describe("event markers sit on the first session that could react", () => {
  it("a day-precision event on a session day is marked that day", () => {
    expect(reactingSessionIndex({ id: 1, occurredAt: new Date("2024-06-19T00:00:00Z"), timePrecision: "DAY" }, sessions, KRX)).toBe(1);
  });

  it("an exact-time event after the Seoul close moves to the next KRX session, but not for New York", () => {
    // 07:00 UTC = 16:00 Seoul (after the 15:30 close) = 03:00 New York (before the 16:00 close).
    const e = { id: 2, occurredAt: new Date("2024-06-19T07:00:00Z"), timePrecision: "EXACT" as const };
    expect(sessions[reactingSessionIndex(e, sessions, KRX)]).toBe("2024-06-20");
    expect(sessions[reactingSessionIndex(e, sessions, NYSE)]).toBe("2024-06-19");
  });

  it("an event before the first session of the window has no marker (instead of piling up on the first session)", () => {
    expect(reactingSessionIndex({ id: 5, occurredAt: new Date("2024-06-14T00:00:00Z"), timePrecision: "DAY" }, sessions, NYSE)).toBe(-1);
  });

  it("a weekend event moves to Monday, and an event after the last session has no marker", () => {
    expect(sessions[reactingSessionIndex({ id: 3, occurredAt: new Date("2024-06-22T00:00:00Z"), timePrecision: "DAY" }, sessions, NYSE)]).toBe("2024-06-24");
    expect(reactingSessionIndex({ id: 4, occurredAt: new Date("2024-06-25T00:00:00Z"), timePrecision: "DAY" }, sessions, NYSE)).toBe(-1);
  });
});

describe("why a session is day 0", () => {
  const seoul = { close: "15:30", timeZone: "Asia/Seoul" };
  it("names the close and the zone for exact-time events before and after it", () => {
    const before = { id: 1, occurredAt: new Date("2024-06-19T03:00:00Z"), timePrecision: "EXACT" as const }; // 12:00 Seoul
    expect(day0Reason(before, "2024-06-19", seoul)).toBe("At 12:00 Asia/Seoul, before the 15:30 close: that session's close can reflect it.");
    const after = { id: 2, occurredAt: new Date("2024-06-19T07:00:00Z"), timePrecision: "EXACT" as const }; // 16:00 Seoul
    expect(day0Reason(after, "2024-06-20", seoul)).toContain("at or after the 15:30 close: the next session, 2024-06-20");
    const weekend = { id: 3, occurredAt: new Date("2024-06-22T01:00:00Z"), timePrecision: "EXACT" as const }; // Sat 10:00 Seoul
    expect(day0Reason(weekend, "2024-06-24", seoul)).toContain("a day without a session: the next session, 2024-06-24");
  });

  it("explains day-precision events and events the series cannot place", () => {
    const day = { id: 4, occurredAt: new Date("2024-06-22T00:00:00Z"), timePrecision: "DAY" as const };
    expect(day0Reason(day, "2024-06-24", seoul)).toBe("Known to the day only: 2024-06-22 has no session, so day 0 is the next one, 2024-06-24.");
    expect(day0Reason({ ...day, occurredAt: new Date("2024-06-24T00:00:00Z") }, "2024-06-24", seoul)).toContain("2024-06-24 is a session");
    expect(day0Reason(day, null, seoul)).toContain("cannot place it");
  });
});
