// The overview's reading of the event log — the latest event, the 30- and 90-day counts by category and the weekly
// severity sums — is aggregated by PostgreSQL. Here it is checked against the same figures worked out in the test from
// every live event read through Prisma, on several hundred events: deleted ones, exact times a millisecond either side
// of UTC midnight, future dates, and weeks with no event.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { overviewData } from "@/lib/dashboard/overview";

const NOW = new Date("2026-03-15T12:00:00Z");
const TODAY = "2026-03-15";
const CATEGORIES = ["SANCTIONS", "MILITARY", "TREATY", "DIPLOMACY"] as const;
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

beforeAll(async () => {
  const rnd = lcg(20260315);
  const rows = [];
  for (let i = 0; i < 600; i++) {
    // Three years before today to half a year after, whole days or exact instants (some hugging midnight UTC).
    const day = Date.UTC(2023, 2, 15) + Math.floor(rnd() * 1_250) * DAY;
    const edge = rnd();
    const at = edge < 0.2 ? day - 1 : edge < 0.4 ? day : edge < 0.6 ? day + 1 : day + Math.floor(rnd() * DAY);
    rows.push({
      title: `Overview check ${i}`,
      occurredAt: new Date(at),
      timePrecision: edge < 0.6 && edge >= 0.2 ? ("DAY" as const) : ("EXACT" as const),
      category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
      severity: 1 + Math.floor(rnd() * 5),
      countries: ["KP"],
      sourceUrls: [],
      tags: [],
      deletedAt: rnd() < 0.1 ? new Date() : null,
    });
  }
  // Each edge of each window, on both sides: the counts' (today − 30, today − 90, today, tomorrow), the latest event
  // (after every random one), and the first week's (the Monday on or before 730 days before the latest event, and
  // the Sunday before that Monday). A window that is one day off fails here, whatever the random dates did.
  const latest = "2026-09-01";
  const firstMonday = monday(plusDays(latest, -730));
  const edges = [plusDays(TODAY, -30), plusDays(TODAY, -29), plusDays(TODAY, -90), plusDays(TODAY, -89), TODAY, plusDays(TODAY, 1), latest, firstMonday, plusDays(firstMonday, -1)];
  for (const [i, date] of edges.entries()) {
    for (const [k, at] of [Date.parse(`${date}T00:00:00.000Z`), Date.parse(`${date}T23:59:59.999Z`)].entries()) {
      rows.push({ ...rows[0]!, title: `Edge ${date} ${k}`, occurredAt: new Date(at), timePrecision: "EXACT" as const, category: CATEGORIES[i % CATEGORIES.length]!, severity: 1 + (i % 5), deletedAt: null });
    }
  }
  await db().event.createMany({ data: rows });
});

/** The Monday on or before a UTC calendar date, stepping back through the calendar. */
function monday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe("the overview's reading of the event log", () => {
  it("counts, buckets and dates live events as a reading of every event does", async () => {
    const live = await db().event.findMany({ where: { deletedAt: null }, select: { occurredAt: true, category: true, severity: true } });
    const dated = live.map((e) => ({ ...e, date: e.occurredAt.toISOString().slice(0, 10) }));
    expect(dated.length).toBeGreaterThan(450);
    const data = await overviewData({ now: NOW });

    const last = dated.map((e) => e.date).sort().at(-1)!;
    expect(data.lastEventDate).toBe(last);

    for (const days of [30, 90] as const) {
      const since = plusDays(TODAY, -days);
      const inWindow = dated.filter((e) => e.date > since && e.date <= TODAY);
      const byCategory: Record<string, number> = {};
      for (const e of inWindow) byCategory[e.category] = (byCategory[e.category] ?? 0) + 1;
      expect(data.eventCounts.find((c) => c.days === days)).toEqual({ days, total: inWindow.length, byCategory });
      expect(inWindow.length).toBeGreaterThan(0);
    }

    const weeks: { week: string; events: number; intensity: number }[] = [];
    for (let w = monday(plusDays(last, -730)); w <= last; w = plusDays(w, 7)) {
      const inWeek = dated.filter((e) => monday(e.date) === w);
      weeks.push({ week: w, events: inWeek.length, intensity: inWeek.reduce((a, e) => a + e.severity, 0) });
    }
    expect(data.intensity.map(({ week, events, intensity }) => ({ week, events, intensity }))).toEqual(weeks);
    expect(weeks.some((w) => w.events === 0) && weeks.some((w) => w.events > 1)).toBe(true);
  });
});
