// The one Prisma client of the process. Code outside lib/ never imports it: it goes through the domain modules.
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config/env";
import { PrismaClient } from "@/lib/db/generated/client";

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: PrismaClient; faultlinePrismaUrl?: string };

export function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Faultline with `npm start`, which provides it");
  return url;
}

function createClient(url: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: config().FAULTLINE_DB_POOL,
    // Fail fast when the database is down instead of queueing requests until they time out.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

/** Kept on globalThis so Next's hot reload does not open a new pool on every edit. */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (!globalForPrisma.faultlinePrisma || globalForPrisma.faultlinePrismaUrl !== url) {
    void globalForPrisma.faultlinePrisma?.$disconnect();
    globalForPrisma.faultlinePrisma = createClient(url);
    globalForPrisma.faultlinePrismaUrl = url;
  }
  return globalForPrisma.faultlinePrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.faultlinePrisma?.$disconnect();
  globalForPrisma.faultlinePrisma = undefined;
}

export type { PrismaClient };
export * as Db from "@/lib/db/generated/client";
