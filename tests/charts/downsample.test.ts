import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downsampleForChart, minMaxIndices } from "@/lib/charts/downsample";

describe("min/max downsampling", () => {
  it("keeps a one-day crash that averaging would hide", () => {
    const values = Array.from({ length: 5000 }, (_, i) => 100 + Math.sin(i / 50));
    values[3210] = 60; // a −40 % day
    const idx = minMaxIndices(values, 200);
    expect(idx.length).toBeLessThanOrEqual(402);
    expect(idx).toContain(3210);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(4999);
  });

  it("returns every point of a short series", () => {
    expect(minMaxIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it("property: ascending unique indices that include the global min and max", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (values, buckets) => {
        const idx = minMaxIndices(values, buckets);
        for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
        const picked = idx.map((i) => values[i]!);
        expect(Math.min(...picked)).toBe(Math.min(...values));
        expect(Math.max(...picked)).toBe(Math.max(...values));
      }),
    );
  });

  it("keeps points that must stay, such as event sessions", () => {
    const points = Array.from({ length: 3000 }, (_, i) => ({ date: `d${i}`, close: 100 }));
    const out = downsampleForChart(points, 50, (p) => p.date === "d1234");
    expect(out.map((p) => p.date)).toContain("d1234");
    expect(out.length).toBeLessThan(200);
  });
});
