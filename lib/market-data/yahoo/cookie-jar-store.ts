// Yahoo's quote endpoint wants a session cookie plus a "crumb" token, and fetching them costs two or three extra
// requests (more behind an EU consent page) — the requests Yahoo rate-limits most. yahoo-finance2 keeps both in its
// cookie jar (the crumb as a cookie on a fake host), so persisting the jar lets the crumb survive restarts.
import "server-only";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { CookieJar } from "tough-cookie";
import { ExtendedCookieJar } from "yahoo-finance2/lib/cookieJar";

/** Where a serialized cookie jar lives between runs: a file, a database row, anything. */
export interface CookieJarStore {
  load(): Promise<string | null>;
  save(serialized: string): Promise<void>;
}

/** A JSON file, written atomically (temp file + rename) so a crash never leaves half a jar. */
export function fileCookieJarStore(filePath: string): CookieJarStore {
  return {
    async load() {
      try {
        return await readFile(filePath, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async save(serialized) {
      await mkdir(path.dirname(filePath), { recursive: true });
      const temp = `${filePath}.${process.pid}.tmp`;
      await writeFile(temp, serialized, { mode: 0o600 });
      await rename(temp, filePath);
    },
  };
}

/** Restores a jar from `store`; an unreadable or corrupt jar just means starting a fresh session. */
export async function loadCookieJar(store: CookieJarStore | undefined, onError: (error: unknown) => void): Promise<ExtendedCookieJar> {
  if (!store) return new ExtendedCookieJar();
  try {
    const serialized = await store.load();
    if (!serialized) return new ExtendedCookieJar();
    const restored = await CookieJar.deserialize(serialized);
    return new ExtendedCookieJar(restored.store);
  } catch (error) {
    onError(error);
    return new ExtendedCookieJar();
  }
}

export async function serializeCookieJar(jar: CookieJar): Promise<string> {
  return JSON.stringify(await jar.serialize());
}
