import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "@/lib/events/commands";
import type { EventInput } from "@/lib/events/schemas";
import { eventDto, eventQuerySchema, searchEvents, searchEventsBody } from "@/lib/events/search";
import { seedStoryline } from "@/lib/seed/seed";
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

  it("come back as the API's JSON text with the paging fields", async () => {
    const q = eventQuerySchema.parse({ category: "TREATY", pageSize: 2, page: 2 });
    expect(JSON.parse(await searchEventsBody(q))).toEqual(await searchEvents(q));
    expect(JSON.parse(await searchEventsBody(eventQuerySchema.parse({ q: "no-such-word-anywhere" })))).toEqual({ data: [], page: 1, pageSize: 50, total: 0 });
  });
});
