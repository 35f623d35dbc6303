// `npm start` (and `npm run dev` with --dev): database, migrations, first-run content, build if needed, then the
// Next.js server. Ctrl-C / SIGTERM stops the web server first and PostgreSQL last.
import { spawn, type ChildProcess } from "node:child_process";
import { childEnvironment, config, overrideConfig } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";
import { disconnectDb } from "@/lib/db/client";
import { endPgPool } from "@/lib/db/pool";
import { assertPortFree } from "@/lib/db/embedded-postgres";
import { bootstrapAccounts, bootstrapContent } from "@/lib/runtime/bootstrap";
import { build, isBuildCurrent, nextServerArgs } from "@/lib/runtime/build";
import { prepareDatabase } from "@/lib/runtime/database";
import { startWorker } from "@/lib/runtime/worker";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`faultline: ${line}`);

async function main() {
  const env = config();
  await assertPortFree(env.PORT, "web server", "PORT");
  const database = await prepareDatabase(env, log);
  overrideConfig({ DATABASE_URL: database.url });

  let next: ChildProcess | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
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
    await stopWorker?.().catch(() => undefined);
    await disconnectDb();
    await endPgPool();
    await database.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await bootstrapContent(env, log);
    await bootstrapAccounts(env, log);
    stopWorker = await startWorker(env, database.url, log);
    const childEnv = childEnvironment({ NEXT_TELEMETRY_DISABLED: "1" });
    if (!dev && !isBuildCurrent()) {
      log("building the app (first start or sources changed; about 30 s)…");
      build(childEnv);
    }
    // The front door (request ids, methods and paths Next cannot route) runs in the server process before Next.
    next = spawn(process.execPath, nextServerArgs(dev ? "dev" : "start", env.PORT, env.HOSTNAME), { stdio: "inherit", env: childEnv });
    log(`serving http://localhost:${env.PORT} (Ctrl-C to stop)`);
    next.on("exit", (code, signal) => {
      if (!stopping) {
        log(`the web server exited (${signal ?? `code ${code}`})`);
        void shutdown(code ?? 1);
      }
    });
  } catch (err) {
    await stopWorker?.().catch(() => undefined);
    await disconnectDb();
    await database.stop();
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`faultline: cannot start: ${err.reason} — ${err.fix}`);
  // An unexpected failure is a bug: its stack belongs in the report.
  else console.error(`faultline: cannot start: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
