// PostgreSQL refuses to run as root. As root, the embedded cluster runs as the `postgres` system user (created when
// missing); when that user cannot reach the binaries or the data directory (a checkout under /root, say), what it
// cannot reach is placed under /var/lib/faultline instead and a pointer file records where the data went.
import "server-only";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "@/lib/config/startup-error";

const ROOT_FALLBACK_DIR = "/var/lib/faultline";

export interface Binaries {
  postgres: string;
  initdb: string;
}

export interface RunAs {
  uid: number;
  gid: number;
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function lookupPostgresUser(): RunAs | undefined {
  const res = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (res.status !== 0) return undefined;
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(res.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function ensurePostgresUser(): RunAs {
  const existing = lookupPostgresUser();
  if (existing) return existing;
  try {
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "ignore",
    });
  } catch {
    throw new StartupError(
      "PostgreSQL cannot run as root and the `postgres` system user could not be created",
      "create it (useradd --system postgres), run Faultline as a normal user, or set DATABASE_URL",
    );
  }
  const created = lookupPostgresUser();
  if (!created) throw new StartupError("the `postgres` system user could not be found after creating it", "set DATABASE_URL");
  return created;
}

/** Whether `user` passes `test <flag> path` (-x on a file: can run it; -x on a folder: can enter it and every parent). */
function userCan(user: RunAs, flag: "-x", target: string): boolean {
  const res = spawnSync("/bin/sh", ["-c", `test ${flag} "$1"`, "sh", target], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return res.status === 0;
}

/**
 * As root, make sure the postgres user can run the binaries and own the data directory. Each is moved under
 * /var/lib/faultline only when that user cannot reach it: binaries inside a checkout only root can enter are copied
 * there, and the data directory follows only when its own folder is out of reach — a data directory the postgres
 * user can reach stays where it was asked to be.
 */
export async function prepareForRoot(bins: Binaries, dataDir: string, onLog: (l: string) => void) {
  const user = ensurePostgresUser();
  await mkdir(path.dirname(dataDir), { recursive: true });
  let binaries = bins;
  let dir = dataDir;
  if (!userCan(user, "-x", bins.initdb)) {
    const version = (await readFile(path.join(path.dirname(bins.postgres), "..", "..", "package.json"), "utf8").then(
      (t) => (JSON.parse(t) as { version: string }).version,
    ));
    const nativeCopy = path.join(ROOT_FALLBACK_DIR, `postgres-${os.platform()}-${os.arch()}-${version}`);
    if (!existsSync(path.join(nativeCopy, "bin", "postgres"))) {
      await mkdir(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
      await cp(path.resolve(bins.postgres, "..", ".."), nativeCopy, { recursive: true, verbatimSymlinks: true });
    }
    await chmod(ROOT_FALLBACK_DIR, 0o755);
    binaries = { postgres: path.join(nativeCopy, "bin", "postgres"), initdb: path.join(nativeCopy, "bin", "initdb") };
  }
  const hash = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  const relocated = path.join(ROOT_FALLBACK_DIR, `data-${hash}`);
  // A cluster already kept there for this data directory (earlier versions moved it along with the binaries) stays in use.
  const keptThere = existsSync(path.join(relocated, "PG_VERSION")) && !existsSync(path.join(dataDir, "PG_VERSION"));
  if (keptThere || !userCan(user, "-x", path.dirname(dataDir))) {
    await mkdir(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
    await chmod(ROOT_FALLBACK_DIR, 0o755);
    dir = relocated;
    await writeFile(path.join(path.dirname(dataDir), "pgdata-location"), `${dir}\n`);
    onLog(`the postgres user cannot enter ${path.dirname(dataDir)}; database files are kept in ${dir}`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  return { binaries, dataDir: dir, user };
}

