import { describe, expect, it } from "vitest";
import { parseThemeChoice, themeClass, themeCookie } from "@/lib/preferences/theme";

describe("the theme preference cookie", () => {
  it("accepts the three choices and reads anything else as the system's", () => {
    expect(parseThemeChoice("dark")).toBe("dark");
    expect(parseThemeChoice("light")).toBe("light");
    expect(parseThemeChoice("system")).toBe("system");
    for (const junk of [undefined, null, "", "DARK", "dark; Path=/", "<script>", "blue"]) expect(parseThemeChoice(junk)).toBe("system");
  });

  it("puts a class on <html> only to override the system", () => {
    expect(themeClass("system")).toBeUndefined();
    expect(themeClass("dark")).toBe("dark");
    expect(themeClass("light")).toBe("light");
  });

  it("is a year-long, site-wide, same-site cookie", () => {
    expect(themeCookie("dark")).toBe("faultline-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
