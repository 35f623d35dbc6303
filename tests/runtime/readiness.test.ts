import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { startBoss } from "@/lib/jobs/boss";
import { pgPool } from "@/lib/db/pool";

describe("health and readiness", () => {
  it("liveness answers without touching the database", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("is not ready until the job queue is installed, then ready", async () => {
    const before = await ready();
    expect(before.status).toBe(503);
    const body = (await before.json()) as { checks: { name: string; ok: boolean; detail: string }[] };
    expect(body.checks.find((c) => c.name === "database")?.ok).toBe(true);
    expect(body.checks.find((c) => c.name === "migrations")?.ok).toBe(true);
    expect(body.checks.find((c) => c.name === "jobs")).toMatchObject({ ok: false, detail: expect.stringMatching(/not installed/) });

    const boss = await startBoss({ connectionString: process.env.DATABASE_URL!, supervise: false });
    await boss.stop({ graceful: false, wait: true });
    const after = await ready();
    expect(after.status).toBe(200);
  });

  it("reports a migration this build has but the database lacks", async () => {
    const [last] = (await pgPool().query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1")).rows;
    await pgPool().query("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1", [last!.migration_name]);
    const res = await ready();
    expect(res.status).toBe(503);
    const body = (await res.json()) as { checks: { name: string; ok: boolean; detail: string }[] };
    expect(body.checks.find((c) => c.name === "migrations")?.detail).toContain(last!.migration_name);
  });
});
