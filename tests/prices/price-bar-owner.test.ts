// lib/prices owns the price_bar table: no other module of the app names it in SQL or reaches it through Prisma's
// `priceBar`, so a change to how bars are stored or read is made in one place.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OWNER = path.join(ROOT, "lib", "prices");
const GENERATED = path.join(ROOT, "lib", "db", "generated");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === OWNER || full === GENERATED) return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
  });
}

describe("the price_bar table", () => {
  it("is named only by lib/prices, in SQL and through Prisma", () => {
    const files = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "lib")), path.join(ROOT, "proxy.ts")];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => /\bprice_bar\b|\.priceBar\b/.test(readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
