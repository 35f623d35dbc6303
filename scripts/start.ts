// `npm start` (and `npm run dev` with --dev): database, migrations, first-run content, build if needed, then the
// Next.js server. Ctrl-C / SIGTERM stops the web server first and PostgreSQL last.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";
import { disconnectDb } from "@/lib/db/client";
import { assertPortFree } from "@/lib/db/embedded-postgres";
import { bootstrapContent } from "@/lib/runtime/bootstrap";
import { prepareDatabase } from "@/lib/runtime/database";

const require = createRequire(import.meta.url);
const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`faultline: ${line}`);
const STAMP = path.join(".next", "faultline-source-stamp");
const SOURCES = ["app", "lib", "prisma", "package-lock.json", "next.config.js", "tailwind.config.ts", "postcss.config.js"];

/** Newest modification time among the app's sources: a build older than that is rebuilt. */
function sourceStamp(): string {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      if (p.endsWith("generated") || p.endsWith("node_modules")) return;
      for (const entry of readdirSync(p)) walk(path.join(p, entry));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  SOURCES.forEach(walk);
  return String(Math.floor(newest));
}

function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const stamp = sourceStamp();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
  if (built) return;
  log("building the app (first start or sources changed; about 30 s)…");
  const res = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", env });
  if (res.status !== 0) throw new StartupError("`next build` failed (see above)", "fix the build error, then run `npm start` again");
  writeFileSync(STAMP, stamp);
}

async function main() {
  const env = parseEnv();
  await assertPortFree(env.PORT, "web server", "PORT");
  const database = await prepareDatabase(env, log);
  process.env.DATABASE_URL = database.url;

  let next: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((r) => next!.once("exit", r));
      next.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (next.exitCode === null && next.signalCode === null) next.kill("SIGKILL");
    }
    await disconnectDb();
    await database.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await bootstrapContent(env, log);
    await disconnectDb();
    const childEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
    if (!dev) buildIfNeeded(childEnv);
    const args = [require.resolve("next/dist/bin/next"), dev ? "dev" : "start", "-p", String(env.PORT), "-H", env.HOSTNAME];
    next = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
    log(`serving http://localhost:${env.PORT} (Ctrl-C to stop)`);
    next.on("exit", (code, signal) => {
      if (!stopping) {
        log(`the web server exited (${signal ?? `code ${code}`})`);
        void shutdown(code ?? 1);
      }
    });
  } catch (err) {
    await database.stop();
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`faultline: cannot start: ${err.reason} — ${err.fix}`);
  else console.error(`faultline: cannot start: ${(err as Error).message}`);
  if (process.env.DEBUG) console.error(err);
  process.exit(1);
});
