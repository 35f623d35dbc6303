import { describe, expect, it } from "vitest";
import { reactingSessionIndex } from "@/lib/prices/day-zero";

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
