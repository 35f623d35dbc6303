import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { alertFailingRefreshes } from "@/lib/market-data/refresh-alerts";
import { inbox } from "@/lib/notifications/inbox";
import { createSignedInUser } from "../helpers/request-context";

let admin: Principal;
let analyst: Principal;
const NOW = new Date("2026-12-02T12:00:00Z");

beforeAll(async () => {
  admin = (await createSignedInUser("ADMIN", "Ada")).principal;
  analyst = (await createSignedInUser("ANALYST", "Ana")).principal;
  const common = { assetClass: "EQUITY" as const, currency: "USD", exchange: "NYQ", timeZone: "America/New_York" };
  // Failing for 8 hours, failing for 2 hours, and healthy.
  await db().asset.create({ data: { ...common, symbol: "LONG", name: "Long failure", refreshedAt: new Date("2026-12-02T04:00:00Z"), refreshError: "Yahoo answered 429", refreshErrorAt: new Date("2026-12-02T11:55:00Z") } });
  await db().asset.create({ data: { ...common, symbol: "SHORT", name: "Short failure", refreshedAt: new Date("2026-12-02T10:00:00Z"), refreshError: "Yahoo answered 429", refreshErrorAt: new Date("2026-12-02T11:55:00Z") } });
  await db().asset.create({ data: { ...common, symbol: "FINE", name: "Healthy", refreshedAt: new Date("2026-12-02T01:00:00Z") } });
});

describe("failing refresh alerts", () => {
  it("tells admins once per failing streak that outlasts the threshold", async () => {
    expect(await alertFailingRefreshes(NOW, 6)).toBe(1);
    const [n] = await inbox(admin.id);
    expect(n).toMatchObject({ type: "refresh.failing", title: "LONG: prices have not refreshed for 8 hours", url: "/assets/LONG" });
    expect(await inbox(analyst.id)).toEqual([]);
    // The next check of the same streak says nothing new.
    expect(await alertFailingRefreshes(new Date(NOW.getTime() + 900_000), 6)).toBe(0);
    expect(await inbox(admin.id)).toHaveLength(1);
  });
});
