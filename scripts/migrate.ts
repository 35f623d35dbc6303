// `npm run db:migrate`: applies pending migrations to DATABASE_URL without Prisma's native engine.
import { config } from "@/lib/config/env";
import { applyMigrations } from "@/lib/db/migrations";
import { checkConnection } from "@/lib/runtime/database";

const env = config();
if (!env.DATABASE_URL) {
  console.error("faultline: set DATABASE_URL to the database to migrate (npm start migrates the embedded one itself)");
  process.exit(1);
}
try {
  await checkConnection(env.DATABASE_URL);
  const applied = await applyMigrations(env.DATABASE_URL);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
} catch (err) {
  console.error(`faultline: ${(err as Error).message}`);
  process.exit(1);
}
