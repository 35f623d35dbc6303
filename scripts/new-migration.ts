// `npm run db:migration:new -- <name words>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that turns the schema snapshot of the last migration into the current prisma/schema.prisma, and stores the new
// snapshot beside it. Works offline: the diff runs in Prisma's wasm schema engine, datamodel to datamodel.
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { config } from "@/lib/config/env";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { diffDatamodels, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/migrations";

const SNAPSHOT = "schema.prisma.snapshot";
const words = process.argv.slice(2).join(" ").trim();
if (!/^[a-z0-9 _-]{3,80}$/i.test(words)) {
  console.error('usage: npm run db:migration:new -- "add refresh status to assets"  (letters, digits, spaces)');
  process.exit(1);
}
const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const last = dirs.at(-1);
const previous = last && existsSync(path.join(MIGRATIONS_DIR, last, SNAPSHOT)) ? await readFile(path.join(MIGRATIONS_DIR, last, SNAPSHOT), "utf8") : "";
const current = await readFile(SCHEMA_PATH, "utf8");
// The engine opens a connection even for a datamodel-to-datamodel diff (nothing is read from it): use
// DATABASE_URL when set, otherwise a throwaway embedded server.
let sql: string;
const configuredUrl = config().DATABASE_URL;
if (configuredUrl) {
  sql = await diffDatamodels(previous, current, configuredUrl);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-diff-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pgdata"), port: await freePort(), database: "postgres", ephemeral: true });
  try {
    sql = await diffDatamodels(previous, current, pg.url);
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
if (!sql.trim() || /^-- This is an empty migration\.?\s*$/m.test(sql.trim())) {
  console.log("prisma/schema.prisma matches the last migration: nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const name = `${stamp}_${words.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
await mkdir(path.join(MIGRATIONS_DIR, name));
await writeFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), sql);
await writeFile(path.join(MIGRATIONS_DIR, name, SNAPSHOT), current);
console.log(`wrote prisma/migrations/${name}/migration.sql — review it, then commit it with the schema change`);
