// The hostile battery through the front door: the production build, its own PostgreSQL, real HTTP. Every route
// handler, every better-auth endpoint and every server action (all discovered, see surface.ts) is attacked as every
// caller (callers.ts) with hostile bodies, queries, paths, methods, content types and forged origins; then the
// framework's own edges (path decoding, methods, headers). Asserted over the whole run:
// - no 5xx and no dropped connection;
// - no stack trace, server path or database error in any body;
// - no authorization bypass: a caller without the right gets a refusal, never a success;
// - after every refused write, every table is unchanged (a fingerprint of each table's rows).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTS } from "@/lib/reports/registry";
import { changedTables, tableFingerprints, writeSnapshot } from "../security/hostile-db";
import { db } from "@/lib/db/client";
import { updatePendingMovesIfAny } from "@/lib/triage/update-moves";
import { signIn } from "@/scripts/reliability/harness";
import { castOf } from "./cast";
import { callers, type Caller } from "./callers";
import { Ledger, send, type Answer, type HostileRequest } from "./front-door";
import { EVIL_ORIGIN, HOSTILE_FORM_FIELDS, HOSTILE_JSON_BODIES, HOSTILE_QUERIES, PATH_SEGMENTS, actionForm, deeplyNested, multipart } from "./payloads";
import { authEndpoints, routeHandlers, serverActions, type Rank, type Route, type ServerAction } from "./surface";

const cast = castOf();
const everyone = callers(cast);
const ledger = new Ledger();
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Rows that change while requests are refused, by design: failed sign-ins are counted (that is the lock-out), the
// job queue runs on its own schedule, a token's "last used" stamp is written after an allowed read, and a refresh
// job records its outcome on the asset when it runs — a failed one (an asset created with a symbol the provider does
// not know) is retried minutes later, in the middle of other callers' requests.
const FINGERPRINT = {
  digest: "sum" as const,
  skip: ["pgboss.*", "public.login_throttle", "public._prisma_migrations"],
  skipColumns: { "public.api_token": ["last_used_at"], "public.asset": ["refreshed_at", "refresh_error", "refresh_error_at", "updated_at"] },
};
let fingerprint: Record<string, string> = {};
/** The snapshot the fingerprint was taken at: the full fingerprint is only taken again once a transaction wrote. */
let fingerprintSnapshot = "";
let refusedWrites = 0;
let bypasses = 0;
let changedByRefusal = 0;

/** Real ids for path parameters, read over HTTP as the admin. */
const ids: Record<string, string> = {};

type Kind = "api" | "action" | "auth" | "edge";

/** The server said no: an error status, a redirect to sign-in or "forbidden", or an action result with ok:false. */
function refused(kind: Kind, a: Answer): boolean {
  if (a.status >= 400) return true;
  if (kind !== "action") return false;
  const redirect = String(a.headers["x-action-redirect"] ?? a.headers.location ?? "");
  if (/^\/(login|forbidden)\b/.test(redirect)) return true;
  return /"ok":\s*false/.test(a.body) && !/"ok":\s*true/.test(a.body);
}

interface Attempt {
  kind: Kind;
  caller: Caller;
  req: HostileRequest;
  /** The caller has the right to do this (it may still be refused for its content). */
  allowed: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 20 s) until the job queue holds no job that is due or running. */
async function queuedWorkDone(): Promise<void> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`;
    if (row!.n === 0) return;
    await sleep(100);
  }
}

/**
 * Rescoring that accepted writes queued (an event or exposure saved queues its assets for triage) is written by the
 * worker's minute sweep, which could land in the middle of a later, refused request. It belongs to the writes that
 * queued it, so it is done here before a fingerprint is taken — and an in-flight sweep is waited for — leaving the
 * sweep nothing to write.
 */
async function backgroundWorkSettled(): Promise<void> {
  await updatePendingMovesIfAny();
  await queuedWorkDone();
}

async function attempt({ kind, caller, req, allowed }: Attempt): Promise<Answer> {
  const labelled = { ...req, label: `${caller.name} · ${req.label}` };
  const answer = await send(cast.baseUrl, labelled);
  ledger.record(labelled, answer);
  const wasRefused = refused(kind, answer);
  if (!allowed && !wasRefused) {
    bypasses++;
    ledger.flag(labelled, answer, "authorization bypass: a caller without the right was not refused");
  }
  if (caller.lockedOut && kind === "auth" && /"user"\s*:\s*\{/.test(answer.body)) {
    bypasses++;
    ledger.flag(labelled, answer, "a suspended or deleted account still has a session");
  }
  if (WRITE_METHODS.has(req.method)) {
    // Work accepted for later (a price refresh) writes from the job queue: it belongs to this request, not the next.
    if (answer.status === 202) await queuedWorkDone();
    await backgroundWorkSettled();
    const snapshot = await writeSnapshot();
    const after = snapshot === fingerprintSnapshot ? fingerprint : await tableFingerprints(FINGERPRINT);
    fingerprintSnapshot = snapshot;
    const changed = changedTables(fingerprint, after);
    if (wasRefused || !allowed || caller.lockedOut) {
      refusedWrites++;
      if (changed.length) {
        changedByRefusal++;
        ledger.flag(labelled, answer, `a refused write changed ${changed.join(", ")}`);
      }
    }
    fingerprint = after;
  }
  return answer;
}

const json = (caller: Caller, contentType = "application/json", origin: string | null = cast.baseUrl) => ({
  ...caller.headers,
  "content-type": contentType,
  ...(origin && caller.headers.cookie ? { origin } : {}),
});

function concretePath(pattern: string): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    if (name === "id") {
      const resource = /\/(\w+)\/\[id\]/.exec(pattern)?.[1] ?? "events";
      return ids[resource] ?? "1";
    }
    return ids[name] ?? "1";
  });
}

const can = (rank: Rank, minRank: Rank) => rank >= minRank;

async function getAsAdmin(path: string): Promise<unknown> {
  const res = await fetch(`${cast.baseUrl}${path}`, { headers: { cookie: cast.cookies.admin } });
  return res.json();
}

beforeAll(async () => {
  const first = async (path: string, pick: (body: { data?: { id?: number; symbol?: string }[] }) => string | undefined) => pick((await getAsAdmin(path)) as { data?: { id?: number; symbol?: string }[] });
  ids.events = (await first("/api/v1/events?pageSize=1", (b) => String(b.data?.[0]?.id ?? "1")))!;
  ids.themes = (await first("/api/v1/themes", (b) => String(b.data?.[0]?.id ?? "1")))!;
  ids.annotations = (await first("/api/v1/annotations", (b) => String(b.data?.[0]?.id ?? "1")))!;
  ids.triage = (await first("/api/v1/triage?status=ALL", (b) => String(b.data?.[0]?.id ?? "1")))!;
  ids.symbol = encodeURIComponent((await first("/api/v1/assets", (b) => b.data?.[0]?.symbol)) ?? "BZ=F");
  ids.report = REPORTS[0]!.slug;
  await backgroundWorkSettled();
  fingerprintSnapshot = await writeSnapshot();
  fingerprint = await tableFingerprints(FINGERPRINT);
});

afterAll(() => {
  if (ledger.findings.length) console.log(`front-door findings:\n${ledger.report().split("\n").slice(0, 200).join("\n")}`);
  const counts = [...ledger.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n}× ${s}`).join(", ");
  console.log(`front-door battery: ${ledger.sent} requests (${counts}); ${ledger.fiveHundreds} × 5xx; ${refusedWrites} refused writes fingerprinted, ${changedByRefusal} changed a table; ${bypasses} bypasses`);
});

/** Sessions the battery must not end mid-run: these endpoints and actions are attacked with live cookies last. */
const SESSION_ENDING = /sign-?out|revoke|change-password|changePassword|delete-user|update-user|change-email|unlink|link-social/i;

describe("route handlers under attack, as every caller", () => {
  const routes = routeHandlers().filter((r) => !r.pattern.startsWith("/api/auth"));

  it("finds the API's routes", () => {
    expect(routes.map((r) => `${r.method} ${r.pattern}`)).toEqual(expect.arrayContaining(["GET /api/v1/events", "POST /api/v1/events", "PATCH /api/v1/events/[id]", "GET /api/reports/[report]"]));
  });

  it("refuses what each caller may not do, and never answers 5xx", { timeout: 600_000 }, async () => {
    const mark = ledger.findings.length;
    for (const caller of everyone) {
      for (const route of routes) {
        const allowed = can(caller.apiRank, route.minRank);
        const path = concretePath(route.pattern);
        const base = { kind: "api" as const, caller, allowed };
        if (!WRITE_METHODS.has(route.method)) {
          await attempt({ ...base, req: { label: `${route.method} ${route.pattern}`, method: route.method, path, headers: caller.headers } });
          // Queries only where they reach validation (a refused caller is turned away before reading them), as the
          // least reader: every reader gets the same validation.
          if (allowed && caller.name === "viewer") for (const q of HOSTILE_QUERIES) await attempt({ ...base, req: { label: `${route.method} ${route.pattern} hostile query`, method: route.method, path: `${path}${q}`, headers: caller.headers } });
          continue;
        }
        // Every hostile body reaches validation as the analyst; the token writer gets a sample; a caller without the
        // right is refused before its body is read, so one body proves the refusal.
        const bodies =
          caller.name === "analyst"
            ? HOSTILE_JSON_BODIES
            : HOSTILE_JSON_BODIES.filter((b) => (allowed ? /empty object|injection|nested 10,000 deep \(array\)|text\/plain/ : /injection/).test(b.label));
        for (const b of bodies) {
          await attempt({ ...base, req: { label: `${route.method} ${route.pattern} ${b.label}`, method: route.method, path, headers: json(caller, b.contentType), body: b.body } });
        }
        if (caller.headers.cookie && allowed) {
          // A forged cross-site write riding on the cookie of a caller who may write: refused whatever the role.
          for (const origin of [EVIL_ORIGIN, "null", cast.baseUrl.replace("http://", "https://")]) {
            await attempt({ ...base, allowed: allowed && route.minRank < 0, req: { label: `${route.method} ${route.pattern} from origin ${origin}`, method: route.method, path, headers: { ...caller.headers, "content-type": "application/json", origin, "sec-fetch-site": origin === EVIL_ORIGIN ? "cross-site" : "same-origin" }, body: "{}" } });
          }
        }
      }
    }
    expect(ledger.report(mark)).toBe("");
  });

  it("refuses hostile ids, symbols and report names in the path", { timeout: 600_000 }, async () => {
    const mark = ledger.findings.length;
    const withParams = routes.filter((r: Route) => /\[\w+\]/.test(r.pattern));
    // As the analyst, who passes every route's role check, so each segment reaches the route's own parsing.
    for (const caller of everyone.filter((c) => c.name === "analyst")) {
      for (const route of withParams) {
        for (const segment of PATH_SEGMENTS) {
          const path = route.pattern.replace(/\[\w+\]/, segment).replace(/\[(\w+)\]/g, (_, n: string) => ids[n] ?? "1");
          const allowed = can(caller.apiRank, route.minRank);
          const body = WRITE_METHODS.has(route.method) ? "{}" : undefined;
          await attempt({ kind: "api", caller, allowed, req: { label: `${route.method} ${route.pattern} with ${segment.slice(0, 40)}`, method: route.method, path, headers: body ? json(caller) : caller.headers, body } });
        }
      }
    }
    expect(ledger.report(mark)).toBe("");
  });
});

describe("better-auth's endpoints under attack", () => {
  const endpoints = authEndpoints();

  it("finds better-auth's router", () => {
    expect(endpoints.map((e) => e.path)).toEqual(expect.arrayContaining(["/sign-in/email", "/get-session", "/sign-out", "/change-password", "/update-user"]));
  });

  it("answers every endpoint with hostile input without a 5xx, and a suspended or deleted account gets nothing", { timeout: 600_000 }, async () => {
    const mark = ledger.findings.length;
    // Live sessions try only what cannot end them here; the session-ending endpoints get them at the very end. Tokens
    // are no credential for better-auth: one token caller stands for all of them.
    const who = everyone.filter((c) => !c.liveSession && (!c.headers.authorization || c.name === "suspended account's token"));
    let ip = 0;
    for (const caller of who) {
      for (const endpoint of endpoints) {
        const path = `/api/auth${endpoint.path.replace(/:(\w+)/g, "hostile-$1")}`;
        for (const method of endpoint.methods) {
          const headers = (extra: Record<string, string> = {}) => ({ ...caller.headers, origin: cast.baseUrl, "x-forwarded-for": `203.0.113.${ip++ % 250}`, ...extra });
          if (method === "GET") {
            await attempt({ kind: "auth", caller, allowed: true, req: { label: `GET ${endpoint.path}`, method, path, headers: headers() } });
            await attempt({ kind: "auth", caller, allowed: true, req: { label: `GET ${endpoint.path} hostile query`, method, path: `${path}${HOSTILE_QUERIES[2]}&token=%00&callbackURL=https://evil.example`, headers: headers() } });
            continue;
          }
          const bodies = [
            { label: "empty", body: "{}" },
            { label: "wrong types", body: JSON.stringify({ email: { $ne: "" }, password: ["x"], name: { a: 1 }, image: 5, newPassword: 1, currentPassword: null, token: [], callbackURL: 7, revokeOtherSessions: "no" }) },
            { label: "NUL", body: JSON.stringify({ email: `x${"\u0000"}@example.test`, password: "a\u0000".repeat(10), name: "a\u0000b", newPassword: "b\u0000".repeat(8), currentPassword: "c\u0000" }) },
            { label: "nested 10,000 deep", body: deeplyNested(10_000) },
            { label: "truncated", body: '{"email":' },
            { label: "open redirect", body: JSON.stringify({ email: "nobody@example.test", password: "wrong password 123", callbackURL: "https://evil.example/", redirectTo: "//evil.example" }) },
          ];
          // The whole set anonymously; the suspended and deleted accounts' credentials with a sample (what matters for
          // them is that nothing answers with their user).
          for (const b of caller.name === "anonymous" ? bodies : bodies.slice(0, 2)) await attempt({ kind: "auth", caller, allowed: true, req: { label: `${method} ${endpoint.path} ${b.label}`, method, path, headers: headers({ "content-type": "application/json" }), body: b.body } });
          if (caller.name !== "anonymous") continue;
          await attempt({ kind: "auth", caller, allowed: true, req: { label: `${method} ${endpoint.path} as a form`, method, path, headers: headers({ "content-type": "application/x-www-form-urlencoded" }), body: "email=a%40b.c&password=%ZZ" } });
          await attempt({ kind: "auth", caller, allowed: true, req: { label: `${method} ${endpoint.path} from another origin`, method, path, headers: headers({ "content-type": "application/json", origin: EVIL_ORIGIN }), body: "{}" } });
        }
      }
    }
    expect(ledger.report(mark)).toBe("");
  });

  it("does not let a suspended or deleted account sign in", () => {
    expect(cast.signInAfter.suspended).toBeGreaterThanOrEqual(400);
    expect(cast.signInAfter.deleted).toBeGreaterThanOrEqual(400);
  });
});

describe("server actions under attack, posted the way a browser posts them", () => {
  const actions = serverActions();
  // Tokens are not credentials for actions: one token caller stands for all of them.
  const who = everyone.filter((c) => c.headers.cookie || c.name === "anonymous" || c.name === "read-write token");

  it("finds the build's server actions", () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["events/actions.createEventAction", "login/actions.signInAction", "admin/users/actions.banUserAction"]));
  });

  const post = (action: ServerAction, caller: Caller, label: string, body: Buffer | string, contentType: string, extra: Record<string, string> = {}): HostileRequest => ({
    label: `${action.name} ${label}`,
    method: "POST",
    path: concretePath(action.page),
    headers: { ...caller.headers, "next-action": action.id, accept: "text/x-component", origin: cast.baseUrl, "content-type": contentType, ...extra },
    body,
  });

  it("refuses callers without the right, refuses forged origins and malformed bodies with a 4xx, and never answers 5xx", { timeout: 600_000 }, async () => {
    const mark = ledger.findings.length;
    for (const caller of who) {
      for (const action of actions) {
        if (caller.liveSession && SESSION_ENDING.test(action.name)) continue;
        const allowed = can(caller.actionRank, action.minRank);
        const go = (req: HostileRequest, ok = allowed) => attempt({ kind: "action", caller, allowed: ok, req });
        // Every hostile form as the analyst and as whoever else may run the action; one form proves a refusal.
        const forms = caller.name === "analyst" || (allowed && caller.name !== "anonymous") ? HOSTILE_FORM_FIELDS : HOSTILE_FORM_FIELDS.slice(1, 2);
        for (const fields of forms) {
          const file = { name: "file", value: "date,close\n2024-01-02,=cmd|' /C calc'!A0\n", filename: "prices.csv", type: "text/csv" };
          const m = multipart(actionForm(fields, [file]));
          await go(post(action, caller, `fields ${Object.keys(fields).join(",") || "none"}`, m.body, m.contentType));
        }
        // Malformed posts are refused before any caller's rights are looked at: the analyst sends them for everyone.
        if (caller.name !== "analyst") continue;
        const notForm = multipart([{ name: "0", value: JSON.stringify(["x", "y"]) }]);
        await go(post(action, caller, "non-FormData argument", notForm.body, notForm.contentType));
        await go(post(action, caller, "non-FormData argument as text", JSON.stringify([null, { id: 1 }]), "text/plain;charset=UTF-8"));
        const badJson = multipart([{ name: "0", value: "[null,$K1" }, { name: "1_id", value: "1" }]);
        await go(post(action, caller, "malformed argument list", badJson.body, badJson.contentType));
        await go(post(action, caller, "truncated multipart", "------x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[nu", "multipart/form-data; boundary=----x"));
        await go(post(action, caller, "multipart without boundary", "garbage", "multipart/form-data"));
        await go(post(action, caller, "deeply nested argument", deeplyNested(10_000), "text/plain;charset=UTF-8"));
        const ok = multipart(actionForm({}));
        await go(post(action, caller, "from another origin", ok.body, ok.contentType, { origin: EVIL_ORIGIN }), false);
        await go(post(action, caller, "from a null origin", ok.body, ok.contentType, { origin: "null" }), false);
      }
      const unknown = multipart(actionForm({}));
      await attempt({ kind: "action", caller, allowed: false, req: { label: "unknown action id", method: "POST", path: "/events", headers: { ...caller.headers, "next-action": "0".repeat(42), origin: cast.baseUrl, "content-type": unknown.contentType }, body: unknown.body } });
    }
    expect(ledger.report(mark)).toBe("");
  });
});

describe("the framework's own edges", () => {
  const viewer = everyone.find((c) => c.name === "viewer")!;
  const anonymous = everyone.find((c) => c.name === "anonymous")!;

  it("answers bad paths, methods and headers with a 4xx", { timeout: 600_000 }, async () => {
    const mark = ledger.findings.length;
    const paths = [
      "/api/v1/events/%ED%A0%80", "/api/v1/events/%C0%AF", "/api/v1/%", "/api/v1/events/%", "/%", "/events/%ED%A0%80", "/assets/%25", "/assets/%255EKS11",
      "/api/v1/assets/%25/prices", "/api/v1/assets/%255EKS11/prices", "/api/v1/assets/%25/risk", "/api/v1/events/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/events/%00",
      "//api/v1/events", "/api/v1//events", "/api/v1/events;x=1", "/api/v1/events/.%2e/.%2e/health", "/api/v1/nope", "/api/reports/%ED%A0%80", "/api/auth/%ED%A0%80",
      `/api/v1/events/${"a".repeat(6_000)}`, "/_next/%ED%A0%80", "/_next/static/..%2f..%2fserver/app/page.js", "/.env", "/.next/BUILD_ID", "/api/v1/events/1/study?window=%ED%A0%80",
    ];
    for (const caller of [anonymous, viewer]) {
      for (const p of paths) {
        await attempt({ kind: "edge", caller, allowed: true, req: { label: `GET ${p.slice(0, 60)}`, method: "GET", path: p, headers: caller.headers } });
      }
      for (const method of ["TRACE", "TRACK", "PROPFIND", "MKCOL", "PURGE", "OPTIONS", "HEAD", "PUT", "PATCH", "DELETE"]) {
        for (const p of ["/api/v1/events", "/api/health", "/events", "/api/auth/get-session", "/api/reports/events", "/"]) {
          // A write method the route does not export is refused by Next; the fingerprint proves nothing ran.
          await attempt({ kind: "edge", caller, allowed: !WRITE_METHODS.has(method), req: { label: `${method} ${p}`, method, path: p, headers: caller.headers } });
        }
      }
    }
    const headerAttacks: { label: string; headers: Record<string, string> }[] = [
      { label: "huge cookie", headers: { cookie: `faultline.session_token=${"a".repeat(20_000)}` } },
      { label: "malformed cookie", headers: { cookie: "faultline.session_token=%ZZ%; ;;=;faultline.session_token" } },
      { label: "forged session cookie", headers: { cookie: "faultline.session_token=forged.signature" } },
      { label: "bearer without token", headers: { authorization: "Bearer" } },
      { label: "basic auth", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } },
      { label: "forged token", headers: { authorization: "Bearer flt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } },
      // Node's client will not send a NUL or other control character in a header; raw bytes above 0x7f it will.
      { label: "token with raw non-ASCII bytes", headers: { authorization: "Bearer flt_\u00ff\u0080\u00fe" } },
      { label: "two tokens", headers: { authorization: `Bearer ${cast.tokens.read} Bearer ${cast.tokens.readWrite}` } },
      { label: "forged host", headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } },
      { label: "hostile request id", headers: { "x-request-id": "<script>alert(1)</script>" } },
      { label: "odd accept", headers: { accept: "text/x-component", rsc: "1", "next-router-state-tree": "%ED%A0%80" } },
      { label: "malformed router state", headers: { rsc: "1", "next-router-state-tree": "not json", "next-router-prefetch": "1" } },
      { label: "bad range", headers: { range: "bytes=999999999-1" } },
    ];
    for (const h of headerAttacks) {
      for (const p of ["/api/v1/events", "/events", "/api/auth/get-session", "/api/reports/events"]) {
        await attempt({ kind: "edge", caller: anonymous, allowed: true, req: { label: `${h.label} on ${p}`, method: "GET", path: p, headers: h.headers } });
      }
    }
    expect(ledger.report(mark)).toBe("");
  });
});

describe("session-ending endpoints and actions, with the live sessions, last", () => {
  it("answers without a 5xx", { timeout: 300_000 }, async () => {
    const mark = ledger.findings.length;
    // Fresh sessions of the same accounts: these requests may end the sessions they carry.
    const fresh: Record<string, { email: string; password: string }> = { viewer: cast.credentials.viewer, analyst: cast.credentials.analyst, admin: cast.credentials.admin };
    const live: Caller[] = [];
    let ip = 20;
    for (const c of everyone.filter((x) => x.liveSession)) {
      const who = fresh[c.name]!;
      live.push({ ...c, headers: { cookie: await signIn(cast.baseUrl, who.email, who.password, `198.51.100.${ip++}`) } });
    }
    // The sign-ins above wrote their sessions: the fingerprint starts again from here.
    await backgroundWorkSettled();
    fingerprintSnapshot = await writeSnapshot();
    fingerprint = await tableFingerprints(FINGERPRINT);
    const endpoints = authEndpoints().filter((e) => SESSION_ENDING.test(e.path));
    for (const caller of live) {
      for (const e of endpoints) {
        for (const method of e.methods.filter((m) => m !== "GET")) {
          for (const body of [JSON.stringify({ name: { a: 1 }, newPassword: "aaaaaaaaaaaa", currentPassword: "wrong", revokeOtherSessions: false }), deeplyNested(10_000), "{}"]) {
            await attempt({ kind: "auth", caller, allowed: true, req: { label: `${method} ${e.path}`, method, path: `/api/auth${e.path.replace(/:(\w+)/g, "hostile-$1")}`, headers: { ...caller.headers, origin: cast.baseUrl, "content-type": "application/json" }, body } });
          }
        }
      }
      for (const action of serverActions().filter((a) => SESSION_ENDING.test(a.name))) {
        const m = multipart(actionForm(HOSTILE_FORM_FIELDS[3]!));
        await attempt({ kind: "action", caller, allowed: can(caller.actionRank, action.minRank), req: { label: action.name, method: "POST", path: concretePath(action.page), headers: { ...caller.headers, "next-action": action.id, origin: cast.baseUrl, "content-type": m.contentType }, body: m.body } });
      }
    }
    expect(ledger.report(mark)).toBe("");
  });

  it("sent at least 1,000 hostile requests, none answered 5xx", () => {
    expect(ledger.sent).toBeGreaterThanOrEqual(1_000);
    expect(ledger.fiveHundreds).toBe(0);
    expect(bypasses).toBe(0);
    expect(changedByRefusal).toBe(0);
  });
});
