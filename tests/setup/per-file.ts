// Every test file runs against its own database cloned from the migrated template, with all outgoing HTTP
// intercepted by msw: a request no handler expects fails the test instead of reaching the network.
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { endPgPool } from "@/lib/db/pool";
import { mswServer } from "../msw/server";
import { createTestDatabase } from "./test-database";

let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  mswServer.listen({ onUnhandledRequest: "error" });
  const database = await createTestDatabase(inject("testServerUrl"));
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
});

afterEach(() => {
  mswServer.resetHandlers();
});

afterAll(async () => {
  mswServer.close();
  await disconnectDb();
  await endPgPool();
  await dropDatabase?.();
});
