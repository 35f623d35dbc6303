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

  it("reads DATABASE_READ_URL as one or several comma-separated replica URLs", () => {
    expect(parseEnv({}).DATABASE_READ_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_READ_URL: "postgresql://r@replica-a:5432/faultline" }).DATABASE_READ_URL).toEqual(["postgresql://r@replica-a:5432/faultline"]);
    expect(parseEnv({ DATABASE_READ_URL: " postgresql://r@a/f , postgres://r@b:5433/f ," }).DATABASE_READ_URL).toEqual(["postgresql://r@a/f", "postgres://r@b:5433/f"]);
    expect(parseEnv({}).DATABASE_READ_MAX_LAG_SECONDS).toBe(10);
    expect(parseEnv({ DATABASE_READ_MAX_LAG_SECONDS: "2.5" }).DATABASE_READ_MAX_LAG_SECONDS).toBe(2.5);
  });

  it("rejects a bad replica URL by its position, without echoing any password", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_READ_URL: "postgresql://r:pw1@a/f,mysql://r:pw2@b/f" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("DATABASE_READ_URL item 2");
    expect(message).not.toMatch(/pw1|pw2/);
    expect(() => parseEnv({ DATABASE_READ_URL: " , " })).toThrow(/DATABASE_READ_URL/);
    expect(() => parseEnv({ DATABASE_READ_MAX_LAG_SECONDS: "0" })).toThrow(/DATABASE_READ_MAX_LAG_SECONDS/);
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
