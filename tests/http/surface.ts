// The attack surface, discovered rather than listed, so a new route, better-auth endpoint or server action is attacked
// without anyone remembering to add it: route handlers from the files under app/api, better-auth's endpoints from its
// own router, server actions from the production build's server-reference manifest.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { auth } from "@/lib/auth/better-auth";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Rights as ranks: -1 anyone, 0 viewer, 1 analyst, 2 admin. */
export type Rank = -1 | 0 | 1 | 2;

export interface Route {
  /** The file's route, e.g. /api/v1/events/[id]. */
  pattern: string;
  method: string;
  /** The least rank allowed to call it, by the product's rule (not read from the code under test). */
  minRank: Rank;
}

function filesNamed(name: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesNamed(name, p) : d.name === name ? [p] : [];
  });
}

/** The rule every route follows: probes and the API description are public, reads (and one's own inbox) need a viewer, writes an analyst. */
function minRankOf(pattern: string, method: string): Rank {
  if (/^\/api\/(auth|health|ready)(\/|$)|^\/api\/v1\/openapi\.json$/.test(pattern)) return -1;
  // A report download is a read, whichever method carries its parameters; so is a scenario computed on a posted book.
  // Deleting a saved scenario is a write.
  if (pattern.startsWith("/api/reports/") || (pattern.startsWith("/api/v1/scenarios/") && method !== "DELETE")) return 0;
  // One's own inbox is self-service, as on the inbox page: marking one's notifications read changes nobody else's.
  if (pattern.startsWith("/api/v1/notifications")) return 0;
  return method === "GET" ? 0 : 1;
}

/** Every exported method of every route.ts under app/api (better-auth's catch-all is attacked endpoint by endpoint). */
export function routeHandlers(): Route[] {
  const app = path.join(ROOT, "app");
  return filesNamed("route.ts", path.join(app, "api")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const pattern = `/${path.relative(app, path.dirname(file)).split(path.sep).join("/")}`;
    const exported = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) exported.add(m[1]!);
    for (const m of source.matchAll(/export\s+const\s+\{([^}]+)\}/g)) for (const name of m[1]!.split(",")) if ((HTTP_METHODS as readonly string[]).includes(name.trim())) exported.add(name.trim());
    return [...exported].map((method) => ({ pattern, method, minRank: minRankOf(pattern, method) }));
  });
}

export interface AuthEndpoint {
  /** Under /api/auth, e.g. /sign-in/email or /reset-password/:token. */
  path: string;
  methods: string[];
}

/** Every endpoint better-auth's router serves (server-only endpoints are not reachable over HTTP and are skipped). */
export function authEndpoints(): AuthEndpoint[] {
  const out = new Map<string, Set<string>>();
  for (const endpoint of Object.values(auth().api) as { path?: string; options?: { method?: string | string[]; metadata?: { SERVER_ONLY?: boolean } } }[]) {
    if (!endpoint?.path || !endpoint.options || endpoint.options.metadata?.SERVER_ONLY) continue;
    const methods = [endpoint.options.method ?? "GET"].flat().flatMap((m) => (m === "*" ? ["GET", "POST"] : [m]));
    const set = out.get(endpoint.path) ?? new Set<string>();
    methods.forEach((m) => set.add(m.toUpperCase()));
    out.set(endpoint.path, set);
  }
  return [...out].map(([p, methods]) => ({ path: p, methods: [...methods].sort() })).sort((a, b) => a.path.localeCompare(b.path));
}

export interface ServerAction {
  id: string;
  /** e.g. "events/actions.createEventAction", as in the authorization matrix. */
  name: string;
  /** A page that carries the action, as its route pattern (/events/[id]). */
  page: string;
  minRank: Rank;
}

interface ManifestEntry {
  workers: Record<string, { exportedName?: string; filename?: string }>;
  exportedName?: string;
  filename?: string;
}

/** The product's rule for actions: signing in and first-run setup are public, account self-service (the account page, one's own inbox and subscriptions) needs a session, the admin area an admin, the rest an analyst. */
function actionRank(name: string): Rank {
  if (/^(login|setup)\//.test(name)) return -1;
  if (name.startsWith("account/") || name.startsWith("inbox/")) return 0;
  if (name.startsWith("admin/") || /\.restore\w*Action$/.test(name)) return 2;
  return 1;
}

/** Every server action of the production build in .next (run `npm run build` first). */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      // Next's own pages (app/_not-found) carry every shared action but are not where a form posts.
      const [worker, info] = Object.entries(entry.workers).filter(([w]) => !w.startsWith("app/_")).sort(([a], [b]) => a.length - b.length)[0]!;
      const filename = (entry.filename ?? info.filename ?? "").replace(/^\.?\/?app\//, "").replace(/\.tsx?$/, "");
      const exportedName = entry.exportedName ?? info.exportedName ?? id;
      const name = `${filename}.${exportedName}`;
      const page = `/${worker.replace(/^app\//, "").replace(/\/?page$/, "")}`.replace(/\/$/, "") || "/";
      return { id, name, page: page === "" ? "/" : page, minRank: actionRank(name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
