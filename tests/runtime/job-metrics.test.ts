// The admins' Jobs page data: counts by state from pg-boss's own table, the last failure's message without its
// stack, and each asset's refresh status; and a sensible answer before the queue is installed.
import { afterAll, describe, expect, it } from "vitest";
import type { PgBoss } from "@/lib/jobs/boss";
import { startBoss } from "@/lib/jobs/boss";
import { jobMetrics } from "@/lib/jobs/job-metrics";
import { seedStoryline } from "@/lib/seed/seed";

let boss: PgBoss | undefined;
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

describe("job metrics", () => {
  it("says the queue is not installed yet, and still lists the assets", async () => {
    await seedStoryline("DEMO");
    const m = await jobMetrics();
    expect(m.installed).toBe(false);
    expect(m.assets.map((a) => a.symbol)).toContain("^KS11");
    expect(m.assets.find((a) => a.symbol === "^KS11")).toMatchObject({ latestBar: null, refreshError: null });
  });

  it("counts jobs by state and shows the last failure's message only", async () => {
    boss = await startBoss({ connectionString: process.env.DATABASE_URL!, supervise: false });
    await boss.createQueue("test.metrics");
    await boss.createQueue("test.failing");
    await boss.send("test.metrics", { n: 1 });
    await boss.send("test.metrics", { n: 2 });
    const [ok] = await boss.fetch("test.metrics");
    await boss.complete("test.metrics", ok!.id);
    await boss.send("test.failing", { n: 3 }, { retryLimit: 0 });
    const [bad] = await boss.fetch("test.failing");
    await boss.fail("test.failing", bad!.id, new Error("Yahoo is rate-limiting requests (tried 5 times).\n    at secret/stack.ts:1"));
    const m = await jobMetrics();
    expect(m.installed).toBe(true);
    const ran = m.queues.find((x) => x.name === "test.metrics");
    expect(ran?.states).toEqual({ completed: 1, created: 1 });
    expect(ran?.lastCompletedAt).toBeInstanceOf(Date);
    expect(ran?.medianSeconds).toBeGreaterThanOrEqual(0);
    const failing = m.queues.find((x) => x.name === "test.failing");
    expect(failing?.states).toEqual({ failed: 1 });
    expect(failing?.lastFailure?.message).toBe("Yahoo is rate-limiting requests (tried 5 times).");
  });
});
