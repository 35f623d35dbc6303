import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, pendingMigrations, readMigrationList } from "@/lib/db/migrations";

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations applied without Prisma's native engine", () => {
  it("records every migration folder in _prisma_migrations, as `prisma migrate deploy` does", async () => {
    const list = await readMigrationList();
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("creates the tables of the schema", async () => {
    const rows = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["asset", "price_bar", "event", "exposure", "theme", "annotation", "user", "session"]),
    );
  });

  it("is a no-op on an up-to-date database", async () => {
    const url = process.env.DATABASE_URL!;
    expect(await pendingMigrations(url)).toEqual([]);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("enforces one bar per asset and trading date", async () => {
    await query(
      "INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, updated_at) VALUES ('T1', 'T', 'ETF', 'USD', 'NYSE', 'America/New_York', now())",
    );
    const insert = "INSERT INTO price_bar (asset_id, date, close) SELECT id, '2024-06-19', 1 FROM asset WHERE symbol = 'T1'";
    await query(insert);
    await expect(query(insert)).rejects.toThrow(/duplicate key/);
  });
});
