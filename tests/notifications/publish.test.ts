import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { createEvent } from "@/lib/events/commands";
import { inbox, markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";
import { publishNotification } from "@/lib/notifications/publish";
import { isSubscribed, subscribe, subscriptionsOf, unsubscribe } from "@/lib/notifications/subscriptions";
import { createTheme } from "@/lib/themes/commands";
import { createSignedInUser } from "../helpers/request-context";

let ana: Principal;
let ben: Principal;
let cleo: Principal;
let admin: Principal;
let themeId: number;
let otherThemeId: number;
let assetId: number;

beforeAll(async () => {
  admin = (await createSignedInUser("ADMIN", "Ada")).principal;
  ana = (await createSignedInUser("ANALYST", "Ana")).principal;
  ben = (await createSignedInUser("ANALYST", "Ben")).principal;
  cleo = (await createSignedInUser("VIEWER", "Cleo")).principal;
  themeId = (await createTheme(ana, { name: "Korean peninsula", description: "" })).id;
  otherThemeId = (await createTheme(ana, { name: "Black Sea", description: "" })).id;
  assetId = (await db().asset.create({ data: { symbol: "^KS11", name: "KOSPI", assetClass: "EQUITY_INDEX", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul" } })).id;
});

describe("notifications", () => {
  it("a new event in a theme reaches the theme's followers, not its author nor followers of another theme", async () => {
    await subscribe(ben, { target: "theme", id: themeId });
    await subscribe(cleo, { target: "theme", id: themeId });
    await subscribe(ana, { target: "theme", id: themeId });
    await subscribe(admin, { target: "theme", id: otherThemeId });
    const e = await createEvent(ana, { title: "Missile test over the East Sea", occurredAt: "2024-11-05", category: "military", severity: 3, countries: "KP", summary: "", sourceUrls: "", tags: [], themeId });
    const benInbox = await inbox(ben.id);
    expect(benInbox.map((n) => [n.type, n.url])).toEqual([["event.created", `/events/${e.id}`]]);
    expect(benInbox[0]!.title).toContain("Missile test over the East Sea");
    expect(await unreadCount(cleo.id)).toBe(1);
    expect(await unreadCount(ana.id)).toBe(0);
    expect(await unreadCount(admin.id)).toBe(0);
  });

  it("keeps read state per user: one reading does not mark it for another", async () => {
    const [first] = await inbox(ben.id);
    await markRead(ben, { id: first!.id });
    expect(await unreadCount(ben.id)).toBe(0);
    expect(await unreadCount(cleo.id)).toBe(1);
    // Marking someone else's notification changes nothing.
    const [cleos] = await inbox(cleo.id);
    await markRead(ben, { id: cleos!.id });
    expect(await unreadCount(cleo.id)).toBe(1);
    expect(await markAllRead(cleo)).toBe(1);
    expect(await unreadCount(cleo.id)).toBe(0);
  });

  it("fans out once per user across asset, theme and explicit recipients, and a repeated key adds nothing", async () => {
    await subscribe(cleo, { target: "asset", id: assetId });
    const move = {
      type: "move.detected" as const,
      key: "move.detected:2024-12-04:^KS11",
      title: "^KS11 moved −3.9σ on 2024-12-04",
      text: "No logged event explains it.",
      url: "/triage",
      assetIds: [assetId],
      themeIds: [themeId],
      userIds: [admin.id],
    };
    const first = await publishNotification(move);
    // Cleo follows both the asset and the theme: one row. Ben and Ana follow the theme; Ada is named.
    expect(first.notified).toBe(4);
    const again = await publishNotification(move);
    expect(again.notified).toBe(0);
    expect((await inbox(cleo.id, { unreadOnly: true })).map((n) => n.title)).toEqual(["^KS11 moved −3.9σ on 2024-12-04"]);
  });

  it("inside the caller's transaction a notification rolls back with it", async () => {
    const before = await unreadCount(ben.id);
    await expect(
      db().$transaction(async (tx) => {
        await publishNotification({ type: "verdict.scored", title: "t", text: "", url: "/", userIds: [ben.id] }, tx);
        throw new Error("the caller's write failed");
      }),
    ).rejects.toThrow("the caller's write failed");
    expect(await unreadCount(ben.id)).toBe(before);
  });

  it("reaches every admin for a role-wide notification", async () => {
    const r = await publishNotification({ type: "refresh.failing", title: "^KS11 has not refreshed for 3 hours", text: "", url: "/admin/jobs", role: "ADMIN" });
    expect(r.notified).toBe(1);
    expect((await inbox(admin.id))[0]!.type).toBe("refresh.failing");
  });

  it("lists and removes subscriptions", async () => {
    expect((await subscriptionsOf(cleo.id)).map((s) => [s.target, s.label])).toEqual([["theme", "Korean peninsula"], ["asset", "^KS11 · KOSPI"]]);
    await unsubscribe(cleo, { target: "asset", id: assetId });
    expect(await isSubscribed(cleo.id, "asset", assetId)).toBe(false);
    await expect(subscribe(cleo, { target: "event", id: 999_999 })).rejects.toThrow(/no event/);
  });
});
