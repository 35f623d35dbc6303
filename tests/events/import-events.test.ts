import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { importEvents } from "@/lib/events/import/import-events";
import { BadRequestError, ForbiddenError } from "@/lib/errors";
import { createSignedInUser } from "../helpers/request-context";

let ana: Principal;
let viewer: Principal;

beforeAll(async () => {
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  viewer = (await createSignedInUser("VIEWER", "Vic")).principal;
});

const CSV = `date,title,category,countries,source_url
2023-09-13,"Summit at Vostochny, Amur region",summit,RU;KP,https://example.org/summit
2024-06-19,Treaty signed in Pyongyang,treaty;military,RU;KP,https://example.org/treaty
`;

describe("importing events", () => {
  it("imports a CSV like the reference file, first category as category and the rest as tags", async () => {
    const report = await importEvents(ana, { name: "events.csv", text: CSV });
    expect(report).toMatchObject({ ok: true, created: 2, errors: [], duplicates: [] });
    const treaty = await db().event.findFirstOrThrow({ where: { title: "Treaty signed in Pyongyang" } });
    expect(treaty).toMatchObject({ category: "TREATY", tags: ["military"], countries: ["RU", "KP"], severity: 3, createdById: ana.id });
    expect(await db().auditEntry.count({ where: { entityId: treaty.id, entity: "EVENT", action: "CREATE" } })).toBe(1);
  });

  it("detects duplicates of stored events and within the file instead of doubling them", async () => {
    const again = await importEvents(ana, { name: "events.csv", text: `${CSV}2024-07-01,New one,diplomacy,RU,https://example.org/n\n2024-07-01,new ONE,diplomacy,RU,https://example.org/n\n` });
    expect(again.created).toBe(1);
    expect(again.duplicates.map((d) => [d.row, d.duplicateOfRow])).toEqual([[2, null], [3, null], [5, 4]]);
    expect(await db().event.count({ where: { title: { contains: "Treaty signed" } } })).toBe(1);
  });

  it("reports every bad row with its line and field, and writes nothing", async () => {
    const before = await db().event.count();
    const bad = `date,title,category,countries,source_url,severity
2024-01-01,Good row,summit,RU,https://example.org/1,2
2024-13-01,Bad date,summit,RU,https://example.org/2,2
2024-01-02,Bad country,summit,RU;ZZ,ftp://example.org/3,7
`;
    const report = await importEvents(ana, { name: "bad.csv", text: bad });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { row: 3, field: "occurredAt", message: "2024-13-01 is not a real calendar date" },
      { row: 4, field: "severity", message: "Severity must be between 1 and 5" },
      { row: 4, field: "countries.1", message: "ZZ is not an ISO 3166-1 alpha-2 country code (or EU)" },
      { row: 4, field: "sourceUrls.0", message: "Source URLs must start with http:// or https://" },
    ]);
    expect(await db().event.count()).toBe(before);
  });

  it("imports JSON with the same rules", async () => {
    const json = JSON.stringify([{ date: "2024-11-01", title: "JSON event", category: "SANCTIONS", countries: ["EU", "KP"], sourceUrls: ["https://example.org/j"], severity: 4 }]);
    await expect(importEvents(ana, { name: "e.json", text: json })).resolves.toMatchObject({ ok: true, created: 1 });
    await expect(importEvents(ana, { name: "e.json", text: "{oops" })).rejects.toBeInstanceOf(BadRequestError);
    await expect(importEvents(viewer, { name: "e.json", text: json })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
