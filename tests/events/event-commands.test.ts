import { beforeAll, describe, expect, it } from "vitest";
import { historyOf, historyOfEvent } from "@/lib/audit/history";
import type { Principal } from "@/lib/auth/principal";
import { createEvent, deleteEvent, restoreEvent, updateEvent } from "@/lib/events/commands";
import { removeExposure, setExposure } from "@/lib/events/exposures";
import type { EventInput } from "@/lib/events/schemas";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createTheme, mergeThemes, updateTheme } from "@/lib/themes/commands";
import { seedStoryline } from "@/lib/seed/seed";
import { createSignedInUser } from "../helpers/request-context";

let ana: Principal;
let ben: Principal;
let viewer: Principal;
let admin: Principal;

const base: EventInput = {
  title: "Sanctions package on DPRK shipping",
  occurredAt: "2024-10-01",
  category: "sanctions",
  severity: 3,
  countries: "KP; RU, EU",
  summary: "Designations of vessels.",
  sourceUrls: "https://example.org/a\nhttps://example.org/b",
  tags: ["shipping"],
};

beforeAll(async () => {
  await seedStoryline("DEMO");
  admin = (await createSignedInUser("ADMIN", "Admin")).principal;
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  ben = (await createSignedInUser("ANALYST", "Ben")).principal;
  viewer = (await createSignedInUser("VIEWER", "Vic")).principal;
});

describe("event commands", () => {
  it("creates, edits with the version, soft-deletes and restores, each step audited with before and after", async () => {
    const e = await createEvent(ana, base);
    expect(e).toMatchObject({ countries: ["KP", "RU", "EU"], category: "SANCTIONS", timePrecision: "DAY", version: 1 });
    const edited = await updateEvent(ben, e.id, { ...base, severity: 4, version: 1 });
    expect(edited.version).toBe(2);
    await expect(deleteEvent(ana, { id: e.id, version: 2 })).resolves.toMatchObject({ version: 3 });
    expect(await db().event.count({ where: { id: e.id, deletedAt: null } })).toBe(0);
    await expect(restoreEvent(ana, { id: e.id, version: 3 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(restoreEvent(admin, { id: e.id, version: 3 })).resolves.toMatchObject({ deletedAt: null, version: 4 });

    const history = await historyOf("EVENT", e.id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([["CREATE", "Ana"], ["UPDATE", "Ben"], ["DELETE", "Ana"], ["RESTORE", "Admin"]]);
    expect(history[1]!.before).toMatchObject({ severity: 3 });
    expect(history[1]!.after).toMatchObject({ severity: 4 });
  });

  it("refuses a stale version with a conflict naming who changed it, and writes nothing", async () => {
    const e = await createEvent(ana, base);
    await updateEvent(ben, e.id, { ...base, title: "Ben's title", version: 1 });
    const err = await updateEvent(ana, e.id, { ...base, title: "Ana's title", version: 1 }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toMatch(/changed by Ben at \d{4}-\d\d-\d\d \d\d:\d\d UTC — review their change, then save again/);
    expect((await db().event.findUniqueOrThrow({ where: { id: e.id } })).title).toBe("Ben's title");
    expect(await db().auditEntry.count({ where: { entity: "EVENT", entityId: e.id } })).toBe(2);
  });

  it("validates every field in words and writes nothing", async () => {
    const before = await db().event.count();
    const err = (await createEvent(ana, {
      title: "x".repeat(201), occurredAt: "1899-12-31", category: "party", severity: 9, countries: "RU, XX",
      sourceUrls: "javascript:alert(1)", tags: Array.from({ length: 21 }, (_, i) => `t${i}`), summary: "s".repeat(10_001),
    }).catch((x: unknown) => x)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors).toMatchObject({
      title: ["Title must be at most 200 characters"],
      occurredAt: ["Date must be on or after 1900-01-01"],
      severity: ["Severity must be between 1 and 5"],
      "countries.1": ["XX is not an ISO 3166-1 alpha-2 country code (or EU)"],
      "sourceUrls.0": ["Source URLs must start with http:// or https://"],
      tags: ["At most 20 tags"],
      summary: ["Summary must be at most 10,000 characters"],
    });
    expect(err.fieldErrors.category?.[0]).toMatch(/^Category must be one of/);
    expect(await db().event.count()).toBe(before);
    await expect(createEvent(viewer, base)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("rejects dates more than a year ahead and impossible dates", async () => {
    const next = new Date();
    next.setUTCFullYear(next.getUTCFullYear() + 2);
    const err = (await createEvent(ana, { ...base, occurredAt: next.toISOString().slice(0, 10) }).catch((x: unknown) => x)) as ValidationError;
    expect(err.fieldErrors.occurredAt).toEqual(["Date must be at most one year from today"]);
    const bad = (await createEvent(ana, { ...base, occurredAt: "2024-02-30" }).catch((x: unknown) => x)) as ValidationError;
    expect(bad.fieldErrors.occurredAt).toEqual(["2024-02-30 is not a real calendar date"]);
  });
});

describe("exposures", () => {
  it("links, re-states and unlinks an asset, recording who set the hypothesis and when", async () => {
    const e = await createEvent(ana, { ...base, title: "Exposure test", occurredAt: "2030-01-01".replace("2030", String(new Date().getUTCFullYear())) });
    const x = await setExposure(ana, { eventId: e.id, assetSymbol: "^KS11", direction: "down", rationale: "Risk-off" });
    expect(x).toMatchObject({ direction: "DOWN", setById: ana.id });
    const same = await setExposure(ben, { eventId: e.id, assetSymbol: "^KS11", direction: "DOWN", rationale: "Risk-off, and more" });
    expect(same.setById).toBe(ana.id);
    const flipped = await setExposure(ben, { eventId: e.id, assetSymbol: "^KS11", direction: "UP", rationale: "Relief" });
    expect(flipped.setById).toBe(ben.id);
    await removeExposure(ana, { eventId: e.id, assetSymbol: "^KS11" });
    const history = await historyOfEvent(e.id);
    expect(history.filter((h) => h.entity === "EXPOSURE").map((h) => h.action)).toEqual(["DELETE", "UPDATE", "UPDATE", "CREATE"]);
    await expect(setExposure(ana, { eventId: e.id, assetSymbol: "NOPE", direction: "UP" })).rejects.toMatchObject({ fieldErrors: { assetSymbol: ["There is no asset NOPE"] } });
  });
});

describe("themes", () => {
  it("creates, renames and merges, moving events and auditing each move", async () => {
    const a = await createTheme(ana, { name: "Arms transfers" });
    const b = await createTheme(ana, { name: "Munitions" });
    await expect(createTheme(ana, { name: "arms TRANSFERS" })).rejects.toBeInstanceOf(ValidationError);
    await updateTheme(ben, b.id, { name: "Munitions supply", description: "Shells and missiles" });
    const e = await createEvent(ana, { ...base, title: "Shell shipment", themeId: b.id });
    const merged = await mergeThemes(ana, { sourceId: b.id, targetId: a.id });
    expect(merged.moved).toBe(1);
    expect((await db().event.findUniqueOrThrow({ where: { id: e.id } })).themeId).toBe(a.id);
    expect(await db().theme.count({ where: { id: b.id } })).toBe(0);
    expect((await historyOf("THEME", b.id)).map((h) => h.action)).toEqual(["CREATE", "UPDATE", "MERGE"]);
  });
});
