// Who attacks the front door, as handed from global-app.ts to the suites (vitest's provide/inject).
import { inject } from "vitest";
import { overrideConfig } from "@/lib/config/env";

export interface Cast {
  baseUrl: string;
  databaseUrl: string;
  cookies: Record<"viewer" | "analyst" | "admin" | "suspended" | "deleted", string>;
  tokens: Record<"read" | "readWrite" | "viewerReadWrite" | "suspended" | "deleted", string>;
  /** HTTP status of the suspended and deleted accounts' sign-in attempts made after the suspension/deletion. */
  signInAfter: Record<"suspended" | "deleted", number>;
  credentials: Record<"viewer" | "analyst" | "admin", { email: string; password: string }> & { suspended: string; deleted: string; password: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    cast: Cast;
  }
}

/** The cast, with DATABASE_URL pointed at the suite's database so fingerprints read the server's own data. */
export function castOf(): Cast {
  const cast = inject("cast");
  overrideConfig({ DATABASE_URL: cast.databaseUrl });
  return cast;
}
