import { describe, expect, it } from "vitest";
import { childEnvironment, config, overrideConfig, parseEnv } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";

describe("configuration from the environment", () => {
  it("uses the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, FAULTLINE_DATA_DIR: ".faultline", FAULTLINE_PG_PORT: 54329, MARKET_DATA: "yahoo" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("rejects a malformed DATABASE_URL without echoing its password", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://ana:s3cret@db:3306/x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as StartupError).message;
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("postgresql://");
    expect(message).not.toContain("s3cret");
  });

  it.each([
    ["PORT", "70000"],
    ["PORT", "http"],
    ["FAULTLINE_PG_PORT", "0"],
    ["MARKET_DATA", "bloomberg"],
  ])("rejects %s=%s naming the variable", (key, value) => {
    expect(() => parseEnv({ [key]: value })).toThrow(new RegExp(key));
  });
});

describe("config()", () => {
  it("parses once, re-parses when a variable it reads changes, and lets a script override a value", () => {
    const before = process.env.REFRESH_LOOKBACK_DAYS;
    try {
      process.env.REFRESH_LOOKBACK_DAYS = "9";
      const first = config();
      expect(first.REFRESH_LOOKBACK_DAYS).toBe(9);
      expect(config()).toBe(first);
      process.env.REFRESH_LOOKBACK_DAYS = "11";
      expect(config().REFRESH_LOOKBACK_DAYS).toBe(11);
      overrideConfig({ REFRESH_LOOKBACK_DAYS: "12" });
      expect(config().REFRESH_LOOKBACK_DAYS).toBe(12);
      expect(childEnvironment().REFRESH_LOOKBACK_DAYS).toBe("12");
      expect(config().FAULTLINE_DB_POOL).toBe(10);
    } finally {
      if (before === undefined) delete process.env.REFRESH_LOOKBACK_DAYS;
      else process.env.REFRESH_LOOKBACK_DAYS = before;
    }
  });
});
