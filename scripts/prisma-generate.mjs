// Generates the Prisma client without network access.
// Prisma's CLI insists on locating a native schema engine before any command, and downloads one when it is
// missing; `generate` never executes it, so pointing the variable at any existing file is enough here.
// Never use this trick for `migrate`: with a stub engine it silently does nothing (see lib/db/migrations.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
