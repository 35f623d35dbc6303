// Starts one throwaway PostgreSQL for the whole run (or uses TEST_DATABASE_URL), migrates a template database
// once, and hands its address to the workers; each test file then gets its own copy of the template.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { TEMPLATE_DB } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

let server: RunningPostgres | undefined;
let tempDir: string | undefined;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "faultline-test-"));
    // mkdtemp makes the folder private; as root, PostgreSQL runs as the postgres user and must be able to enter it.
    await chmod(tempDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "pgdata"),
      port: await freePort(),
      database: "postgres",
      ephemeral: true,
    });
    serverUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(withDatabase(serverUrl, TEMPLATE_DB));
  project.provide("testServerUrl", withDatabase(serverUrl, "postgres"));

  return async () => {
    await server?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
