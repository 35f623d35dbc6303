// Pages during a database outage: rather than let every page render into a 500 (and Next log a stack per page),
// proxy.ts asks here whether PostgreSQL is reachable and answers 503 with Retry-After while it is not. The answer is
// a TCP connect to the database's port, made at most once a second and shared by all requests meanwhile, so a
// healthy server pays one connect a second and an outage costs one log line when it starts and one when it ends.
import net from "node:net";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";

const RECHECK_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;
export const RETRY_AFTER_SECONDS = 5;

interface OutageState {
  down: boolean;
  checkedAt: number;
  pending: Promise<boolean> | null;
}

// On globalThis: the proxy and the rest of the server are separate bundles in one process.
const shared = globalThis as unknown as { faultlineDatabaseOutage?: OutageState };
const state = (shared.faultlineDatabaseOutage ??= { down: false, checkedAt: 0, pending: null });

function connects(databaseUrl: string): Promise<{ ok: boolean; reason: string }> {
  let target: { host: string; port: number };
  try {
    const u = new URL(databaseUrl);
    target = { host: u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", port: Number(u.port || 5432) };
  } catch {
    // Not a URL this check understands (e.g. a socket directory): the pages report failures themselves.
    return Promise.resolve({ ok: true, reason: "" });
  }
  return new Promise((resolve) => {
    const socket = net.connect(target);
    const done = (ok: boolean, reason: string) => {
      socket.destroy();
      resolve({ ok, reason });
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(false, `no answer within ${CONNECT_TIMEOUT_MS} ms`));
    socket.once("connect", () => done(true, ""));
    socket.once("error", (err: NodeJS.ErrnoException) => done(false, err.code ?? err.message));
  });
}

/** False while PostgreSQL cannot be reached; logs once when an outage starts and once when it ends. */
export function databaseReachable(databaseUrl: string | undefined, now = Date.now()): Promise<boolean> | boolean {
  if (!databaseUrl) return true;
  if (now - state.checkedAt < RECHECK_MS) return !state.down;
  state.pending ??= connects(databaseUrl).then(({ ok, reason }) => {
    if (!ok && !state.down) logger().warn({ reason }, "database unavailable: pages answer 503 until it is back");
    if (ok && state.down) logger().warn("database reachable again");
    state.down = !ok;
    state.checkedAt = Date.now();
    state.pending = null;
    return ok;
  });
  return state.pending;
}

/** The page shown instead of a page that would fail: the same words as the error page, with 503 and Retry-After. */
export function databaseOutagePage(requestId: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Faultline · database unavailable</title><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center;color-scheme:light dark" role="alert">
<h1 style="font-size:1.25rem">The database is not answering</h1>
<p>Faultline cannot reach PostgreSQL right now. Nothing you saved is lost; this page tries again in ${RETRY_AFTER_SECONDS} seconds.</p>
<p style="opacity:.7;font-size:.85rem">Request id ${requestId}</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId },
  });
}
