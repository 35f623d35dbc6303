import { describe, expect, it } from "vitest";
import { MIXED_COLOR, CATEGORY_COLOR, type OverlayEvent } from "@/lib/charts/event-overlay";
import { clusterByDensity, clusterIndexOf, clusterMarkerStyle, isCrowded, type PlacedGroup } from "@/lib/charts/marker-clusters";

const g = (index: number, ids: number[]): PlacedGroup<number> => ({ session: `s${String(index).padStart(4, "0")}`, index, items: ids });
const shape = (cs: { sessions: string[]; items: number[] }[]) => cs.map((c) => [c.sessions.length, c.items]);

describe("clustering markers by screen density", () => {
  it("leaves every session on its own when they are at least the gap apart", () => {
    // 10 px per session, groups 2 sessions apart = 20 px ≥ 16 px.
    const out = clusterByDensity([g(0, [1]), g(2, [2, 3]), g(4, [4])], 10, 16);
    expect(shape(out)).toEqual([[1, [1]], [1, [2, 3]], [1, [4]]]);
    expect(out.map((c) => [c.session, c.lastSession])).toEqual([["s0000", "s0000"], ["s0002", "s0002"], ["s0004", "s0004"]]);
  });

  it("a gap of exactly the minimum does not merge; one pixel less does", () => {
    expect(clusterByDensity([g(0, [1]), g(4, [2])], 4, 16)).toHaveLength(2);
    expect(clusterByDensity([g(0, [1]), g(4, [2])], 3.75, 16)).toHaveLength(1);
  });

  it("merges sessions closer than the gap, measured from the cluster's first session, keeping order", () => {
    // 5 px per session, 16 px gap: indexes 0,1,2,3 are within 15 px of 0; 4 is 20 px away and starts a new cluster.
    const out = clusterByDensity([g(0, [1]), g(1, [2]), g(3, [3, 4]), g(4, [5]), g(6, [6])], 5, 16);
    expect(shape(out)).toEqual([[3, [1, 2, 3, 4]], [2, [5, 6]]]);
    expect(out[0]!.session).toBe("s0000");
    expect(out[0]!.lastSession).toBe("s0003");
    expect(out[1]!.session).toBe("s0004");
  });

  it("bounds the number of markers by the width: 500 daily events over 2,500 sessions in 1,000 px", () => {
    const groups = Array.from({ length: 500 }, (_, i) => g(i * 5, [i]));
    const px = 1000 / 2500;
    const out = clusterByDensity(groups, px, 16);
    // Each cluster covers 40 sessions (16 px / 0.4 px), i.e. 8 groups: 500 / 8 rounded up.
    expect(out).toHaveLength(63);
    expect(out.reduce((n, c) => n + c.items.length, 0)).toBe(500);
    for (let i = 1; i < out.length; i++) {
      const a = groups.find((x) => x.session === out[i - 1]!.session)!.index;
      const b = groups.find((x) => x.session === out[i]!.session)!.index;
      expect((b - a) * px).toBeGreaterThanOrEqual(16);
    }
  });

  it("returns nothing for nothing and does not alter its input", () => {
    expect(clusterByDensity([], 1)).toEqual([]);
    const input = [g(0, [1]), g(1, [2])];
    clusterByDensity(input, 1, 16);
    expect(input[0]!.items).toEqual([1]);
  });

  it("finds the cluster covering a session, including sessions between its members", () => {
    const out = clusterByDensity([g(0, [1]), g(2, [2]), g(10, [3])], 2, 16);
    expect(clusterIndexOf(out, "s0001")).toBe(0);
    expect(clusterIndexOf(out, "s0002")).toBe(0);
    expect(clusterIndexOf(out, "s0010")).toBe(1);
    expect(clusterIndexOf(out, "s0005")).toBe(-1);
  });
});

describe("when a chart is crowded", () => {
  it("is crowded once its markers at 16 px each would need more than twice its width", () => {
    // 1,000 px holds 62.5 markers at 16 px; twice that is 125.
    expect(isCrowded(125, 1000, 16)).toBe(false);
    expect(isCrowded(126, 1000, 16)).toBe(true);
    expect(isCrowded(20, 330, 16)).toBe(false);
    expect(isCrowded(500, 330, 16)).toBe(true);
  });
});

describe("cluster marker look", () => {
  const ev = (id: number, over: Partial<OverlayEvent> = {}): OverlayEvent => ({ id, label: String.fromCharCode(64 + id), session: "d", direction: "DOWN", category: "MILITARY", ...over });
  const cluster = (items: OverlayEvent[], sessions: string[]) => ({ session: sessions[0]!, lastSession: sessions.at(-1)!, sessions, items });

  it("a cluster of several sessions shows its event count, not letters", () => {
    expect(clusterMarkerStyle(cluster([ev(1), ev(2), ev(3)], ["a", "b"])).text).toBe("3");
  });

  it("keeps the shape and colour only when every event agrees", () => {
    expect(clusterMarkerStyle(cluster([ev(1), ev(2)], ["a", "b"]))).toEqual({ shape: "arrowDown", color: CATEGORY_COLOR.MILITARY!.light, text: "2" });
    expect(clusterMarkerStyle(cluster([ev(1), ev(2, { direction: "UP", category: "ECONOMIC" })], ["a", "b"]), true)).toEqual({ shape: "circle", color: MIXED_COLOR.dark, text: "2" });
  });

  it("a cluster of one session looks like that session's marker", () => {
    expect(clusterMarkerStyle(cluster([ev(1)], ["a"])).text).toBe("A");
    expect(clusterMarkerStyle(cluster([ev(1), ev(2)], ["a"])).text).toBe("A–B ×2");
  });
});
