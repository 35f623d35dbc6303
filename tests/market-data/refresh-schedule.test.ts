import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { refreshCron } from "@/lib/market-data/refresh-schedule";

describe("refresh schedule", () => {
  it.each([
    [0, undefined],
    [5, "*/5 * * * *"],
    [30, "*/30 * * * *"],
    [60, "0 */1 * * *"],
    [360, "0 */6 * * *"],
    [1440, "0 0 * * *"],
  ])("%i minutes → %s", (minutes, cron) => {
    expect(refreshCron(minutes)).toBe(cron);
  });

  it("rejects intervals that no cron expression can keep", () => {
    expect(() => parseEnv({ REFRESH_INTERVAL_MINUTES: "7" })).toThrow(/REFRESH_INTERVAL_MINUTES/);
    expect(() => parseEnv({ REFRESH_INTERVAL_MINUTES: "300" })).toThrow(/REFRESH_INTERVAL_MINUTES/);
    expect(parseEnv({ REFRESH_INTERVAL_MINUTES: "120" }).REFRESH_INTERVAL_MINUTES).toBe(120);
  });
});
