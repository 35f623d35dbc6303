// One day 0 in every view, on the seeded treaty event (19 June 2024) for ^KS11 against ^GSPC: 19 June traded in Seoul
// but not in New York (Juneteenth), so the study and the asset page's table and chart markers put day 0 on 20 June
// and say why.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { mulberry32 } from "@/lib/analytics";
import { db } from "@/lib/db/client";
import { reactingSessionIndex } from "@/lib/prices/day-zero";
import { seedStoryline } from "@/lib/seed/seed";
import { eventStudiesForAsset } from "@/lib/studies/asset-studies";
import { eventStudyForEvent } from "@/lib/studies/study-of-event";
import { weekdays } from "./fixtures";
import { createSignedInUser } from "../helpers/request-context";
import { download, records } from "../reports/helpers";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

const DISCLOSURE = "19 June is not a ^GSPC session: day 0 is 20 June and its abnormal return spans 2 sessions of ^KS11.";
let treatyId = 0;
// 16:10 in Seoul on 18 June, after the 15:30 close: its own next session is 19 June, which ^GSPC did not trade.
let afterCloseId = 0;
let ks11 = { id: 0, symbol: "^KS11", exchange: "KSC", timeZone: "Asia/Seoul", assetClass: "EQUITY_INDEX" as const };
const ksSessions = weekdays("2023-05-01", 320);
const usSessions = ksSessions.filter((d) => d !== "2024-06-19");

async function storePrices(assetId: number, dates: string[], seed: number) {
  const rnd = mulberry32(seed);
  let p = 100;
  await db().priceBar.deleteMany({ where: { assetId } });
  await db().priceBar.createMany({ data: dates.map((d) => ({ assetId, date: new Date(`${d}T00:00:00Z`), close: (p *= 1 + (rnd() - 0.5) * 0.02), adjClose: p })) });
}

beforeAll(async () => {
  await seedStoryline("DEMO");
  const [k, g] = await Promise.all([db().asset.findUniqueOrThrow({ where: { symbol: "^KS11" } }), db().asset.findUniqueOrThrow({ where: { symbol: "^GSPC" } })]);
  ks11 = { ...ks11, id: k.id };
  await storePrices(k.id, ksSessions, 1);
  await storePrices(g.id, usSessions, 2);
  treatyId = (await db().event.findFirstOrThrow({ where: { title: { contains: "Comprehensive Strategic Partnership Treaty in Pyongyang" } } })).id;
  const afterClose = await db().event.create({
    data: { title: "Statement after the Seoul close", occurredAt: new Date("2024-06-18T07:10:00Z"), timePrecision: "EXACT", category: "DIPLOMACY", severity: 2, countries: ["KP"], sourceUrls: [], tags: [] },
  });
  afterCloseId = afterClose.id;
  await db().exposure.create({ data: { eventId: afterClose.id, assetId: k.id, direction: "DOWN" } });
});

describe("day 0 of the treaty for ^KS11", () => {
  it("is 20 June in the event study, which says why and lists the dropped session inside the event window", async () => {
    const report = await eventStudyForEvent(treatyId);
    const entry = report?.assets.find((a) => a.asset.symbol === "^KS11");
    expect(entry?.dayZero).toEqual({ date: "2024-06-20", assetSession: "2024-06-19", spannedAssetSessions: ["2024-06-19", "2024-06-20"], disclosure: DISCLOSURE });
    expect(entry?.study?.day0Date).toBe("2024-06-20");
    expect(entry?.droppedInWindows?.event).toEqual({ asset: ["2024-06-19"], benchmark: [] });
    expect(entry?.droppedInWindows?.estimation).toEqual({ asset: [], benchmark: [] });
  });

  it("is 20 June on the asset page (events table and chart markers)", async () => {
    const studies = await eventStudiesForAsset(ks11.id);
    const row = studies?.rows.find((r) => r.event.id === treatyId);
    expect(row).toMatchObject({ day0Session: "2024-06-20", day0Note: DISCLOSURE });

    const treaty = { id: treatyId, occurredAt: new Date("2024-06-19T00:00:00Z"), timePrecision: "DAY" as const };
    const marker = reactingSessionIndex(treaty, ksSessions, ks11, { symbol: "^GSPC", sessions: usSessions });
    expect(ksSessions[marker]).toBe("2024-06-20");

  });

  it("is the study's day 0 in the prices-with-events report, for a non-session day and for an event after the close", async () => {
    const viewer = await createSignedInUser("VIEWER");
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "^KS11", from: "2024-06-14", to: "2024-06-26" }));
    const dayOf = (id: number) => rows.filter((r) => r.event_ids!.split(";").includes(String(id))).map((r) => r.date);
    const studies = await eventStudiesForAsset(ks11.id);
    for (const id of [treatyId, afterCloseId]) {
      const study = studies?.rows.find((r) => r.event.id === id);
      expect(study?.day0Session).toBe("2024-06-20");
      expect(dayOf(id)).toEqual([study?.day0Session]);
    }
    // Both land on one row, and 19 June (a ^KS11 session the benchmark did not trade) carries no event.
    expect(rows.find((r) => r.date === "2024-06-20")?.event_count).toBe("2");
    expect(rows.find((r) => r.date === "2024-06-19")?.event_count).toBe("0");
  });
});
