// Production build with a stamp of the sources it was built from, so `npm start` rebuilds only when they changed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { childEnvironment } from "@/lib/config/env";
import { StartupError } from "@/lib/config/startup-error";

const require = createRequire(import.meta.url);
const STAMP = path.join(".next", "faultline-source-stamp");
const SOURCES = ["app", "lib", "prisma", "package-lock.json", "next.config.js", "tailwind.config.ts", "postcss.config.js"];

export const NEXT_BIN = require.resolve("next/dist/bin/next");

/** The front door every request of the Next server passes first (request ids, door checks, one write per answer). */
const FRONT_DOOR = pathToFileURL(path.resolve(import.meta.dirname, "http-front-door.mjs")).href;

/** Node's arguments for the Next server as `npm start` runs it: the front door preloaded, then `next start|dev`. */
export function nextServerArgs(mode: "start" | "dev", port: number, hostname: string): string[] {
  return ["--import", FRONT_DOOR, NEXT_BIN, mode, "-p", String(port), "-H", hostname];
}

/** Newest modification time among the app's sources. */
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

export function isBuildCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}

export function build(env: NodeJS.ProcessEnv = childEnvironment()): void {
  const stamp = sourceStamp();
  const res = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) throw new StartupError("`next build` failed (see above)", "fix the build error, then start again");
  writeFileSync(STAMP, stamp);
}
