import { beforeAll, describe, expect, it } from "vitest";
import { eventQuerySchema, searchEvents } from "@/lib/events/search";
import { seedStoryline } from "@/lib/seed/seed";

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
