// Property-based fuzzing of the inputs most likely to meet odd files and URLs: the price CSV importer, the event
// importer and the event-study parameters. Whatever arrives, the answer is a result or a 4xx — never an exception
// or a 5xx — and a refused file leaves every table as it was.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { importPricesAction } from "@/app/assets/actions";
import { importEventsAction } from "@/app/events/actions";
import { GET as studyRoute } from "@/app/api/v1/events/[id]/study/route";
import { createEvent } from "@/lib/events/commands";
import { setExposure } from "@/lib/events/exposures";
import { parsePriceCsv } from "@/lib/market-data/csv";
import { seedStoryline } from "@/lib/seed/seed";
import { studyParamsSchema } from "@/lib/studies/study-params";
import { actAs, createSignedInUser, type TestUser } from "../helpers/request-context";
import { changedTables, tableFingerprints } from "./hostile-db";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

const HEADER = "date,open,high,low,close,adj_close,volume";

/** Cells that are valid, nearly valid, or hostile: the generator mixes them into otherwise well-formed rows. */
const cell = fc.oneof(
  fc.constantFrom("", "NaN", "Infinity", "-1", "0", "1e400", "=1+2", "@SUM(A1)", "+1", "1,5", '"', "null", "\u0000", "１", "2024-02-30", "2024-13-01"),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }),
);
const dateCell = fc.oneof(
  fc.date({ min: new Date("1890-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2024-02-30", "24-01-01", "01/02/2024", "2024-01-02T00:00+09:00", ""),
  fc.string({ maxLength: 12 }),
);
const priceRow = fc.tuple(dateCell, cell, cell, cell, cell, cell, cell).map((cells) => cells.join(","));
const priceCsv = fc.oneof(
  fc.tuple(fc.array(priceRow, { maxLength: 30 }), fc.constantFrom("\n", "\r\n")).map(([rows, eol]) => [HEADER, ...rows].join(eol)),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

let ana: TestUser;
let eventId: number;

beforeAll(async () => {
  await seedStoryline("DEMO");
  ana = await createSignedInUser("ANALYST", "Ana");
  eventId = (await createEvent(ana.principal, { title: "Fuzz target", occurredAt: "2024-06-19", category: "TREATY", severity: 3, countries: ["RU"] })).id;
  await setExposure(ana.principal, { eventId, assetSymbol: "^KS11", direction: "DOWN" });
});

describe("price CSV parser", () => {
  it("never throws, and what it accepts is a clean series", () => {
    fc.assert(
      fc.property(priceCsv, (text) => {
        const result = parsePriceCsv(text);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.reason.length).toBeGreaterThan(0);
          return;
        }
        const dates = result.bars.map((b) => b.date);
        expect([...new Set(dates)].sort()).toEqual(dates);
        for (const b of result.bars) {
          expect(b.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isFinite(b.close) && b.close > 0).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("importers through their server actions", () => {
  it("a price file is imported whole or refused with a 4xx that writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(priceCsv, async (text) => {
        actAs(ana);
        const before = await tableFingerprints();
        const result = await importPricesAction(null, formWith({ symbol: "EWY", file: new File([text], "fuzz.csv") }));
        if (result.ok) return;
        expect(result.status).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
        expect(changedTables(before, await tableFingerprints())).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("an event file is imported whole or refused with a 4xx that writes nothing", async () => {
    const eventRow = fc.tuple(dateCell, fc.string({ maxLength: 20 }), fc.constantFrom("treaty", "summit", "war", "", "=1"), fc.constantFrom("RU", "KP;RU", "XX", ""), fc.constantFrom("https://x.test", "javascript:x", "")).map((c) => c.map((v) => JSON.stringify(v)).join(","));
    const eventFile = fc.oneof(
      fc.array(eventRow, { minLength: 1, maxLength: 10 }).map((rows) => ["date,title,category,countries,source_url", ...rows].join("\n")),
      fc.json(),
      fc.string({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(eventFile, async (text) => {
        actAs(ana);
        const before = await tableFingerprints();
        const result = await importEventsAction(null, formWith({ text, format: /^\s*[[{]/.test(text) ? "json" : "csv" }));
        if (result.ok && result.data.ok) return;
        if (result.ok) expect(result.data.errors.length).toBeGreaterThan(0);
        else expect(result.status >= 400 && result.status < 500).toBe(true);
        expect(changedTables(before, await tableFingerprints())).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("event-study parameters", () => {
  const windowText = fc.oneof(
    fc.tuple(fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: -1200, max: 1200 })).map(([a, b]) => `${a},${b}`),
    fc.constantFrom("", "-10", "a,b", "−10,10", "1,2,3", "-0,0", " -5 , 5 ", "99999,1"),
    fc.string({ maxLength: 10 }),
  );
  const params = fc.record(
    {
      model: fc.oneof(fc.constantFrom("market", "constant-mean", "market-adjusted", "garch", ""), fc.string({ maxLength: 8 })),
      est: windowText,
      win: windowText,
      car: fc.array(windowText, { maxLength: 7 }).map((w) => w.join(";")),
    },
    { requiredKeys: [] },
  );

  it("the schema never throws, and what it accepts is a coherent study", () => {
    fc.assert(
      fc.property(params, (p) => {
        const r = studyParamsSchema.safeParse(p);
        if (!r.success) {
          expect(r.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const { estimationWindow: est, eventWindow: win } = r.data;
        expect(est[0]).toBeLessThanOrEqual(est[1]);
        expect(win[0]).toBeLessThanOrEqual(win[1]);
        expect(est[1] - est[0] + 1).toBeGreaterThanOrEqual(30);
      }),
      { numRuns: 3_000 },
    );
  });

  it("the study endpoint answers 200 or a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const qs = new URLSearchParams(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined));
        const req = new Request(`http://localhost:3000/api/v1/events/${eventId}/study?${qs}`, { headers: { cookie: ana.cookie } });
        const res = await studyRoute(req, { params: Promise.resolve({ id: String(eventId) }) });
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} for ${qs}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

function formWith(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
