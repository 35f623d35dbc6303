import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createEvent, deleteEvent } from "@/lib/events/commands";
import type { EventInput } from "@/lib/events/schemas";
import { eventDto, eventQuerySchema, searchEventSummaries, searchEvents, searchEventsBody } from "@/lib/events/search";
import { seedStoryline } from "@/lib/seed/seed";
import { createTheme } from "@/lib/themes/commands";
import { createSignedInUser } from "../helpers/request-context";

beforeAll(async () => {
  await seedStoryline("DEMO");
});

const search = (q: Record<string, unknown>) => searchEvents(eventQuerySchema.parse({ pageSize: 200, ...q }));

describe("event search", () => {
  it("finds events by words in the title or summary, case-insensitively, all words required", async () => {
    const shoigu = await search({ q: "SHOIGU" });
    expect(shoigu.data.map((e) => e.occurredAt.slice(0, 10)).sort()).toEqual(["2023-07-27", "2024-09-13"]);
    const both = await search({ q: "treaty ratifying" });
    expect(both.data.every((e) => /treaty/i.test(e.title + e.summary) && /ratifying/i.test(e.title + e.summary))).toBe(true);
    expect(both.total).toBeGreaterThan(0);
    expect((await search({ q: "no-such-word-anywhere" })).total).toBe(0);
  });

  it("combines the search with filters and pages through the results", async () => {
    const treaties = await search({ category: "TREATY" });
    const firstPage = await searchEvents(eventQuerySchema.parse({ category: "TREATY", pageSize: 2, page: 1 }));
    const secondPage = await searchEvents(eventQuerySchema.parse({ category: "TREATY", pageSize: 2, page: 2 }));
    expect(firstPage.total).toBe(treaties.total);
    expect([...firstPage.data, ...secondPage.data].map((e) => e.id)).toEqual(treaties.data.slice(0, 4).map((e) => e.id));
  });

  it("treats SQL and wildcard characters in a search as plain text", async () => {
    expect((await search({ q: "' OR 1=1 --" })).total).toBe(0);
    expect((await search({ q: "%" })).total).toBe(0);
    expect(eventQuerySchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
  });
});

describe("the list's documents", () => {
  it("are the single-event documents, field for field, for every kind of event (theme or none, exact or day, exposures set before or after)", async () => {
    const analyst = await createSignedInUser("ANALYST", "Lister");
    const exact = await createEvent(analyst.principal, {
      title: "Exact-time event with exposures", occurredAt: "2024-06-19T10:15:30.250Z", timePrecision: "EXACT", category: "TREATY", severity: 4,
      countries: ["KP", "RU"], tags: ["alpha", "beta"], sourceUrls: ["https://example.test/a"], summary: "Line one\nline \"two\"",
      exposures: [{ assetSymbol: "^KS11", direction: "DOWN", rationale: "risk-off" }, { assetSymbol: "KRW=X", direction: "UP", rationale: "" }],
    } as EventInput);
    const all = await search({});
    expect(all.data.length).toBeGreaterThan(20);
    expect(all.data.some((e) => e.id === exact.id)).toBe(true);
    expect(all.data.some((e) => e.theme !== null) && all.data.some((e) => e.theme === null || e.exposures.length === 0)).toBe(true);
    for (const e of all.data) expect(e).toEqual(await eventDto(e.id));
    const mine = all.data.find((e) => e.id === exact.id)!;
    expect(mine).toMatchObject({ occurredAt: "2024-06-19T10:15:30.250Z", timePrecision: "EXACT", countries: ["KP", "RU"], summary: "Line one\nline \"two\"" });
    expect(mine.exposures.map((x) => [x.asset, x.direction, x.setBy, x.setBeforeEvent])).toEqual([["^KS11", "DOWN", "Lister", false], ["KRW=X", "UP", "Lister", false]]);
  });

  it("as a timeline reads them are the documents' own fields, for the same events, order and count, filtered or not", async () => {
    const pick = ({ id, title, occurredAt, category, severity, countries, theme }: Awaited<ReturnType<typeof searchEvents>>["data"][number]) =>
      ({ id, title, occurredAt, category, severity, countries, theme });
    for (const q of [{}, { category: "TREATY" }, { q: "shoigu", pageSize: 1, page: 2 }, { country: "KP", severityMin: 4, asset: "^KS11" }]) {
      const query = eventQuerySchema.parse({ pageSize: 200, ...q });
      const [full, summaries] = await Promise.all([searchEvents(query), searchEventSummaries(query)]);
      expect(full.total).toBeGreaterThan(0);
      expect(summaries.total).toBe(full.total);
      expect(summaries.data).toEqual(full.data.map(pick));
    }
  });

  it("come back as the API's JSON text with the paging fields", async () => {
    const q = eventQuerySchema.parse({ category: "TREATY", pageSize: 2, page: 2 });
    expect(JSON.parse(await searchEventsBody(q))).toEqual(await searchEvents(q));
    expect(JSON.parse(await searchEventsBody(eventQuerySchema.parse({ q: "no-such-word-anywhere" })))).toEqual({ data: [], page: 1, pageSize: 50, total: 0 });
  });
});

/**
 * The same filters as Prisma's query engine reads them: an implementation independent of the SQL the search writes
 * (Prisma's `contains` is a LIKE pattern, so searched wildcards are escaped as the search escapes them).
 */
function prismaWhere(q: ReturnType<typeof eventQuerySchema.parse>): Prisma.EventWhereInput {
  const literal = (w: string) => w.replace(/[\\%_]/g, "\\$&");
  return {
    deletedAt: null,
    ...(q.from || q.to ? { occurredAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) } : {}) } } : {}),
    ...(q.themeId ? { themeId: q.themeId } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.country ? { countries: { has: q.country } } : {}),
    ...(q.severityMin || q.severityMax ? { severity: { ...(q.severityMin ? { gte: q.severityMin } : {}), ...(q.severityMax ? { lte: q.severityMax } : {}) } } : {}),
    ...(q.asset ? { exposures: { some: { asset: { symbol: q.asset } } } } : {}),
    ...(q.q ? { AND: q.q.split(/\s+/).map((w) => ({ OR: [{ title: { contains: literal(w), mode: "insensitive" as const } }, { summary: { contains: literal(w), mode: "insensitive" as const } }] })) } : {}),
  };
}

describe("the filters", () => {
  it("select, order, page and count exactly what Prisma's query engine selects for the same filters, alone and combined", async () => {
    const analyst = await createSignedInUser("ANALYST", "Filterer");
    const theme = await createTheme(analyst.principal, { name: "Filter boundary theme" });
    const base = { category: "SANCTIONS", severity: 2, countries: ["RU"], exposures: [] } as const;
    const made = [
      // The first and last instants of a day, for from/to; the same date and time twice, for the id tie-break.
      { ...base, title: "Boundary first instant", occurredAt: "2022-03-01T00:00:00.000Z", timePrecision: "EXACT" },
      { ...base, title: "Boundary last instant", occurredAt: "2022-03-01T23:59:59.999Z", timePrecision: "EXACT", countries: ["KP", "RU"] },
      { ...base, title: "Boundary next day", occurredAt: "2022-03-02T00:00:00.000Z", timePrecision: "EXACT", severity: 5 },
      { ...base, title: "Twin A", occurredAt: "2022-03-02", themeId: theme.id, category: "MILITARY" },
      { ...base, title: "Twin B", occurredAt: "2022-03-02", themeId: theme.id, category: "MILITARY", exposures: [{ assetSymbol: "^KS11", direction: "DOWN" }] },
      // Wildcards and case in the searched text.
      { ...base, title: "Rates up 100% on the_news", summary: "Central BANK raised rates", occurredAt: "2022-04-01" },
      { ...base, title: "Rates up 1000 on thexnews", summary: "central bank", occurredAt: "2022-04-02" },
    ] as unknown as EventInput[];
    const ids: number[] = [];
    for (const input of made) ids.push((await createEvent(analyst.principal, input)).id);
    const gone = await createEvent(analyst.principal, { ...base, title: "Deleted boundary event", occurredAt: "2022-03-01" } as unknown as EventInput);
    await deleteEvent(analyst.principal, { id: gone.id, version: 1 });

    const single: Record<string, unknown>[] = [
      {}, { from: "2022-03-01" }, { to: "2022-03-01" }, { from: "2022-03-01", to: "2022-03-01" }, { from: "2022-03-02", to: "2022-03-02" },
      { themeId: theme.id }, { category: "MILITARY" }, { category: "TREATY" }, { country: "KP" }, { country: "RU" },
      { severityMin: 5 }, { severityMax: 2 }, { severityMin: 2, severityMax: 3 }, { asset: "^KS11" }, { asset: "NO-SUCH" },
      { q: "100%" }, { q: "the_news" }, { q: "BANK rates" }, { q: "central" }, { q: "boundary" }, { q: "twin a" }, { q: "x%" },
    ];
    const queries = [...single, ...single.flatMap((a, i) => single.slice(i + 1, i + 4).map((b) => ({ ...a, ...b })))];
    const shapes = [{ pageSize: 200, page: 1 }, { pageSize: 3, page: 2 }, { pageSize: 5, page: 40 }];
    let compared = 0;
    for (const filters of queries) {
      const parsed = eventQuerySchema.safeParse({ ...filters, pageSize: 200 });
      if (!parsed.success) continue;
      for (const shape of shapes) {
        const q = eventQuerySchema.parse({ ...filters, ...shape });
        const where = prismaWhere(q);
        const [expected, total] = await Promise.all([
          db().event.findMany({ where, select: { id: true }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
          db().event.count({ where }),
        ]);
        const got = await searchEvents(q);
        expect({ filters, shape, ids: got.data.map((e) => e.id), total: got.total }).toEqual({ filters, shape, ids: expected.map((e) => e.id), total });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
    // The filters did select: the boundary day holds its two instants and not the next day's, the twins come newest id first.
    const day = await search({ from: "2022-03-01", to: "2022-03-01", category: "SANCTIONS" });
    expect(day.data.map((e) => e.title).sort()).toEqual(["Boundary first instant", "Boundary last instant"]);
    expect((await search({ themeId: theme.id })).data.map((e) => e.title)).toEqual(["Twin B", "Twin A"]);
    expect((await search({ q: "100%" })).data.map((e) => e.title)).toEqual(["Rates up 100% on the_news"]);
  });
});
