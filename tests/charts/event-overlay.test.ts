import { describe, expect, it } from "vitest";
import { CATEGORY_COLOR, MIXED_COLOR, NOTE_COLOR, SERIES_COLORS, eventLabel, eventMarkerStyle, groupBySession, noteMarkerStyle, outsideRange, sessionWindow, type OverlayEvent } from "@/lib/charts/event-overlay";

const ev = (id: number, session: string | null, over: Partial<OverlayEvent> = {}): OverlayEvent => ({
  id,
  label: eventLabel(id - 1),
  session,
  direction: "UP",
  category: "MILITARY",
  ...over,
});

describe("event labels keyed to the list", () => {
  it("run A…Z then AA, AB like spreadsheet columns", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(eventLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

describe("grouping markers per session", () => {
  it("puts two events on one session into one group, in input order, sessions ascending", () => {
    const groups = groupBySession([ev(1, "2024-06-20"), ev(2, "2024-06-19"), ev(3, "2024-06-20")]);
    expect(groups.map((g) => [g.session, g.items.map((e) => e.id)])).toEqual([
      ["2024-06-19", [2]],
      ["2024-06-20", [1, 3]],
    ]);
  });

  it("leaves out items the series cannot place, and returns nothing for nothing", () => {
    expect(groupBySession([ev(1, null)])).toEqual([]);
    expect(groupBySession([])).toEqual([]);
  });

  it("keeps notes and events apart, so a note on an event's session leaves the event's marker intact", () => {
    const events = groupBySession([ev(1, "2024-06-20")]);
    const notes = groupBySession([{ id: 9, session: "2024-06-20" }]);
    expect(events[0]!.items.map((e) => e.id)).toEqual([1]);
    expect(notes[0]!.items.map((n) => n.id)).toEqual([9]);
    expect(noteMarkerStyle(notes[0]!.items).shape).toBe("square");
    expect(eventMarkerStyle(events[0]!.items).shape).not.toBe("square");
  });
});

describe("marker look", () => {
  it("follows the expected direction: up arrow, down arrow, circle for uncertain", () => {
    expect(eventMarkerStyle([ev(1, "d", { direction: "UP" })]).shape).toBe("arrowUp");
    expect(eventMarkerStyle([ev(1, "d", { direction: "DOWN" })]).shape).toBe("arrowDown");
    expect(eventMarkerStyle([ev(1, "d", { direction: "UNCERTAIN" })]).shape).toBe("circle");
  });

  it("a group with disagreeing directions or categories is a circle in the mixed colour, labelled with its span and count", () => {
    const style = eventMarkerStyle([ev(3, "d", { direction: "UP", category: "SUMMIT" }), ev(4, "d", { direction: "DOWN" }), ev(5, "d")]);
    expect(style).toEqual({ shape: "circle", color: MIXED_COLOR.light, text: "C–E ×3" });
  });

  it("a group that agrees keeps the shape and the category colour; a single event shows its letter", () => {
    expect(eventMarkerStyle([ev(1, "d", { direction: "DOWN", category: "SANCTIONS" }), ev(2, "d", { direction: "DOWN", category: "SANCTIONS" })], true)).toEqual({
      shape: "arrowDown",
      color: "#facc15",
      text: "A–B ×2",
    });
    expect(eventMarkerStyle([ev(2, "d")]).text).toBe("B");
  });

  it("an unknown category falls back to Other's colour; an empty group is refused", () => {
    expect(eventMarkerStyle([ev(1, "d", { category: "NEW_KIND" })]).color).toBe("#6b7280");
    expect(() => eventMarkerStyle([])).toThrow();
  });

  it("notes and categories never share a colour with a series or each other, in either palette", () => {
    for (const mode of ["light", "dark"] as const) {
      const categories = Object.values(CATEGORY_COLOR).map((c) => c[mode]);
      const all = [...categories, NOTE_COLOR[mode], MIXED_COLOR[mode], ...SERIES_COLORS[mode]].map((c) => c.toLowerCase());
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it("counts notes on one session", () => {
    expect(noteMarkerStyle([{ id: 1, session: "d" }, { id: 2, session: "d" }]).text).toBe("✎×2");
  });
});

describe("estimation and event windows as dates", () => {
  const sessions = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"];

  it("counts sessions, not calendar days, around day 0", () => {
    expect(sessionWindow(sessions, "2024-01-05", [-1, 1])).toEqual({ from: "2024-01-04", to: "2024-01-08" });
  });

  it("clips to the series and gives up when day 0 is not a session or the window misses the series", () => {
    expect(sessionWindow(sessions, "2024-01-03", [-250, -1])).toEqual({ from: "2024-01-02", to: "2024-01-02" });
    expect(sessionWindow(sessions, "2024-01-02", [-250, -11])).toBeNull();
    expect(sessionWindow(sessions, "2024-01-06", [-1, 1])).toBeNull();
  });
});

describe("events outside the visible range", () => {
  it("splits them into before and after, ignoring unplaced ones and keeping the edges inside", () => {
    const items = [ev(1, "2023-01-01"), ev(2, "2024-01-01"), ev(3, "2024-12-31"), ev(4, "2025-02-01"), ev(5, null)];
    const { before, after } = outsideRange(items, "2024-01-01", "2024-12-31");
    expect(before.map((e) => e.id)).toEqual([1]);
    expect(after.map((e) => e.id)).toEqual([4]);
  });
});
