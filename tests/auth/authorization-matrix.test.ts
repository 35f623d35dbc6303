// Every page, route handler and server action, for anonymous / viewer / analyst / admin. The policy below is the
// single list; the files are discovered on disk, so a new route or action without an entry here fails the suite,
// and an entry whose code does not check the role fails too.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { issueApiToken } from "@/lib/auth/api-tokens";
import type { Role } from "@/lib/auth/roles";
import { seedStoryline } from "@/lib/seed/seed";
import { actAs, createSignedInUser, redirectTarget, requestAs, signIn, TEST_PASSWORD, type TestUser } from "../helpers/request-context";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

type Access = "PUBLIC" | Role;

const PAGES: Record<string, Access> = {
  "/": "VIEWER",
  "/login": "PUBLIC",
  "/setup": "PUBLIC",
  "/forbidden": "PUBLIC",
  "/account": "VIEWER",
  "/events": "VIEWER",
  "/events/[id]": "VIEWER",
  "/events/[id]/edit": "ANALYST",
  "/events/new": "ANALYST",
  "/events/import": "ANALYST",
  "/themes": "VIEWER",
  "/assets": "VIEWER",
  "/assets/[symbol]": "VIEWER",
  "/reports": "VIEWER",
  "/help/reports": "VIEWER",
  "/themes/[id]": "VIEWER",
  "/triage": "VIEWER",
  "/admin/users": "ADMIN",
  "/admin/tokens": "ADMIN",
  "/admin/deleted": "ADMIN",
  "/admin/jobs": "ADMIN",
  "/admin/history": "ADMIN",
  "/portfolios": "VIEWER",
  "/portfolios/[id]": "VIEWER",
  "/portfolios/[id]/edit": "ANALYST",
  "/portfolios/new": "ANALYST",
  "/portfolios/import": "ANALYST",
  "/admin/webhooks": "ADMIN",
  "/inbox": "VIEWER",
  "/portfolios/[id]/scenarios/[sid]": "VIEWER",
};

const ROUTES: Record<string, Access> = {
  "GET /api/auth/[...all]": "PUBLIC",
  "POST /api/auth/[...all]": "PUBLIC",
  "GET /api/v1/openapi.json": "PUBLIC",
  // Liveness/readiness probes for orchestrators: no credentials, no data.
  "GET /api/health": "PUBLIC",
  "GET /api/ready": "PUBLIC",
  "GET /api/v1/events": "VIEWER",
  "POST /api/v1/events": "ANALYST",
  "GET /api/v1/events/[id]": "VIEWER",
  "PATCH /api/v1/events/[id]": "ANALYST",
  "DELETE /api/v1/events/[id]": "ANALYST",
  "POST /api/v1/events/import": "ANALYST",
  "GET /api/v1/themes": "VIEWER",
  "POST /api/v1/themes": "ANALYST",
  "PATCH /api/v1/themes/[id]": "ANALYST",
  "DELETE /api/v1/themes/[id]": "ANALYST",
  "POST /api/v1/themes/merge": "ANALYST",
  "GET /api/v1/assets": "VIEWER",
  "POST /api/v1/assets": "ANALYST",
  "GET /api/v1/assets/[symbol]": "VIEWER",
  "PATCH /api/v1/assets/[symbol]": "ANALYST",
  "DELETE /api/v1/assets/[symbol]": "ANALYST",
  "POST /api/v1/assets/[symbol]/prices": "ANALYST",
  "POST /api/v1/assets/[symbol]/refresh": "ANALYST",
  "GET /api/v1/events/[id]/exposures": "VIEWER",
  "POST /api/v1/events/[id]/exposures": "ANALYST",
  "PATCH /api/v1/events/[id]/exposures/[symbol]": "ANALYST",
  "DELETE /api/v1/events/[id]/exposures/[symbol]": "ANALYST",
  "GET /api/v1/themes/[id]/study": "VIEWER",
  "GET /api/v1/assets/[symbol]/prices": "VIEWER",
  "GET /api/v1/assets/[symbol]/risk": "VIEWER",
  "GET /api/v1/symbol-search": "VIEWER",
  "GET /api/v1/events/[id]/study": "VIEWER",
  "GET /api/v1/annotations": "VIEWER",
  "POST /api/v1/annotations": "ANALYST",
  "PATCH /api/v1/annotations/[id]": "ANALYST",
  "DELETE /api/v1/annotations/[id]": "ANALYST",
  "GET /api/v1/portfolios": "VIEWER",
  "POST /api/v1/portfolios": "ANALYST",
  "GET /api/v1/portfolios/[id]": "VIEWER",
  "PATCH /api/v1/portfolios/[id]": "ANALYST",
  "DELETE /api/v1/portfolios/[id]": "ANALYST",
  "GET /api/v1/portfolios/[id]/valuation": "VIEWER",
  "GET /api/v1/portfolios/[id]/scenarios": "VIEWER",
  "POST /api/v1/portfolios/[id]/scenarios": "ANALYST",
  "GET /api/v1/scenarios/[id]": "VIEWER",
  "DELETE /api/v1/scenarios/[id]": "ANALYST",
  "GET /api/v1/scenarios/[id]/bundle": "VIEWER",
  "GET /api/v1/triage": "VIEWER",
  "GET /api/v1/triage/[id]": "VIEWER",
  "POST /api/v1/triage/[id]/dismiss": "ANALYST",
  "POST /api/v1/triage/[id]/link": "ANALYST",
  "POST /api/v1/triage/[id]/reopen": "ANALYST",
  // The caller's own inbox: marking read changes only the caller's read state, as on the inbox page.
  "GET /api/v1/notifications": "VIEWER",
  "GET /api/v1/notifications/unread": "VIEWER",
  "POST /api/v1/notifications/read": "VIEWER",
  "GET /api/reports/[report]": "VIEWER",
  "POST /api/reports/[report]": "VIEWER",
  // Computations on a book sent in the body: nothing is written, so they are reads.
  "POST /api/v1/scenarios/analogues": "VIEWER",
  "POST /api/v1/scenarios/shocks": "VIEWER",
};

const ACTIONS: Record<string, Access> = {
  "login/actions.signInAction": "PUBLIC",
  "setup/actions.createFirstAdminAction": "PUBLIC",
  "account/actions.changePasswordAction": "VIEWER",
  "account/actions.signOutAction": "VIEWER",
  "account/actions.signOutEverywhereAction": "VIEWER",
  "admin/users/actions.createUserAction": "ADMIN",
  "admin/users/actions.changeRoleAction": "ADMIN",
  "admin/users/actions.banUserAction": "ADMIN",
  "admin/users/actions.unbanUserAction": "ADMIN",
  "admin/users/actions.deleteUserAction": "ADMIN",
  "admin/tokens/actions.issueTokenAction": "ADMIN",
  "admin/tokens/actions.revokeTokenAction": "ADMIN",
  "admin/webhooks/actions.createWebhookAction": "ADMIN",
  "admin/webhooks/actions.updateWebhookAction": "ADMIN",
  "admin/webhooks/actions.revokeWebhookAction": "ADMIN",
  "admin/webhooks/actions.pingWebhookAction": "ADMIN",
  "admin/webhooks/actions.retryDeliveryAction": "ADMIN",
  "inbox/actions.markReadAction": "VIEWER",
  "inbox/actions.markAllReadAction": "VIEWER",
  "inbox/actions.toggleSubscriptionAction": "VIEWER",
  "events/actions.createEventAction": "ANALYST",
  "events/actions.updateEventAction": "ANALYST",
  "events/actions.deleteEventAction": "ANALYST",
  "events/actions.restoreEventAction": "ADMIN",
  "events/actions.setExposureAction": "ANALYST",
  "events/actions.removeExposureAction": "ANALYST",
  "events/actions.importEventsAction": "ANALYST",
  "themes/actions.createThemeAction": "ANALYST",
  "themes/actions.updateThemeAction": "ANALYST",
  "themes/actions.mergeThemesAction": "ANALYST",
  "triage/actions.dismissMoveAction": "ANALYST",
  "triage/actions.linkMoveAction": "ANALYST",
  "triage/actions.reopenMoveAction": "ANALYST",
  "triage/actions.setThresholdAction": "ANALYST",
  "themes/actions.deleteThemeAction": "ANALYST",
  "assets/actions.addAssetAction": "ANALYST",
  "assets/actions.refreshNowAction": "ANALYST",
  "assets/actions.importPricesAction": "ANALYST",
  "assets/actions.updateAssetAction": "ANALYST",
  "assets/actions.switchToProviderAction": "ANALYST",
  "annotations/actions.createAnnotationAction": "ANALYST",
  "annotations/actions.editAnnotationAction": "ANALYST",
  "annotations/actions.deleteAnnotationAction": "ANALYST",
  "portfolios/actions.createPortfolioAction": "ANALYST",
  "portfolios/actions.updatePortfolioAction": "ANALYST",
  "portfolios/actions.deletePortfolioAction": "ANALYST",
  "portfolios/actions.importPortfolioAction": "ANALYST",
  "portfolios/actions.saveScenarioAction": "ANALYST",
  "portfolios/actions.deleteSavedScenarioAction": "ANALYST",
  "portfolios/actions.restoreSavedScenarioAction": "ADMIN",
};

/** Actions whose success is itself a redirect to /login. */
const SIGNS_OUT = new Set(["account/actions.signOutAction", "account/actions.signOutEverywhereAction"]);

const APP = path.resolve(import.meta.dirname, "../../app");
const RANK: Record<Access, number> = { PUBLIC: -1, VIEWER: 0, ANALYST: 1, ADMIN: 2 };
const ROLES: Role[] = ["VIEWER", "ANALYST", "ADMIN"];

function filesNamed(name: RegExp, dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesNamed(name, p) : name.test(d.name) ? [p] : [];
  });
}

const routeOf = (file: string) => `/${path.relative(APP, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "") || "/";

const users = {} as Record<Role, TestUser>;

beforeAll(async () => {
  await seedStoryline("DEMO");
  for (const r of ["ADMIN", "ANALYST", "VIEWER"] as Role[]) users[r] = await createSignedInUser(r);
});

/** A fresh session, since some actions (sign out, password change) end the one they ran in. */
async function freshSession(role: Role): Promise<TestUser> {
  return { ...users[role], cookie: await signIn(users[role].principal.email, TEST_PASSWORD) };
}

describe("the policy lists every page, route and action on disk", () => {
  it("pages", () => {
    expect(filesNamed(/^page\.tsx$/).map(routeOf).sort()).toEqual(Object.keys(PAGES).sort());
  });
  it("route handlers", async () => {
    const found: string[] = [];
    for (const file of filesNamed(/^route\.ts$/)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[method] === "function") found.push(`${method} ${routeOf(file)}`);
    }
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
  });
  it("server actions", async () => {
    const found: string[] = [];
    for (const file of filesNamed(/^actions\.ts$/)) {
      const mod = (await import(file)) as Record<string, unknown>;
      const rel = path.relative(APP, file).replace(/\.ts$/, "").split(path.sep).join("/");
      for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") found.push(`${rel}.${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

const PARAMS = { id: "1", symbol: "^KS11", all: ["get-session"] };

describe.each(Object.entries(PAGES).filter(([, a]) => a !== "PUBLIC"))("page %s", (route, min) => {
  const file = path.join(APP, route, "page.tsx");
  const render = async () => {
    const mod = (await import(file)) as { default: (props: unknown) => Promise<unknown> };
    return mod.default({ params: Promise.resolve(PARAMS), searchParams: Promise.resolve({}) }).catch((e: unknown) => e);
  };
  it("sends anonymous visitors to /login", async () => {
    actAs(null);
    expect(redirectTarget(await render())).toBe("/login");
  });
  it.each(ROLES)("as %s", async (role) => {
    actAs(users[role]);
    const outcome = redirectTarget(await render());
    if (RANK[role] < RANK[min]) expect(outcome).toBe("/forbidden");
    else expect(outcome ?? "").not.toMatch(/^\/(login|forbidden)$/);
  });
});

describe.each(Object.entries(ROUTES))("route %s", (key, min) => {
  const [method, route] = key.split(" ") as [string, string];
  const call = async (who: TestUser | { token: string } | null) => {
    const mod = (await import(path.join(APP, route, "route.ts"))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const url = route.replace("[id]", "1").replace("[symbol]", "%5EKS11").replace("[...all]", "get-session");
    const body = ["POST", "PATCH"].includes(method) ? {} : undefined;
    return (await mod[method]!(requestAs(who, url, { method, body }), { params: Promise.resolve(PARAMS) })).status;
  };
  it("anonymous", async () => {
    const status = await call(null);
    // Public routes answer without credentials (a readiness probe may still say 503: not ready is not "forbidden").
    if (min === "PUBLIC") expect([401, 403]).not.toContain(status);
    else expect(status).toBe(401);
  });
  it.each(ROLES)("as %s", async (role) => {
    const status = await call(users[role]);
    if (RANK[role] < RANK[min]) expect(status).toBe(403);
    else expect([401, 403]).not.toContain(status);
  });
  it("with READ and READ_WRITE tokens of an admin", async () => {
    const admin = users.ADMIN.principal;
    const read = await issueApiToken(admin, { name: "r", userId: admin.id, scope: "READ" });
    const write = await issueApiToken(admin, { name: "w", userId: admin.id, scope: "READ_WRITE" });
    if (min === "PUBLIC") {
      // A public route ignores credentials: no token, good or bad, turns it into a 401/403.
      for (const token of [read.token, write.token, "flt_not-a-token"]) expect([401, 403]).not.toContain(await call({ token }));
      return;
    }
    const readStatus = await call({ token: read.token });
    if (min === "VIEWER") expect([401, 403]).not.toContain(readStatus);
    else expect(readStatus).toBe(403);
    expect([401, 403]).not.toContain(await call({ token: write.token }));
    expect(await call({ token: "flt_not-a-token" })).toBe(401);
  });
});

describe.each(Object.entries(ACTIONS))("action %s", (key, min) => {
  const [file, name] = key.split(".") as [string, string];
  const run = async () => {
    const mod = (await import(path.join(APP, `${file}.ts`))) as Record<string, (prev: unknown, form: FormData) => Promise<unknown>>;
    return mod[name]!(null, new FormData()).catch((e: unknown) => e);
  };
  it("anonymous", async () => {
    actAs(null);
    const target = redirectTarget(await run());
    if (min === "PUBLIC") expect(target).not.toBe("/login");
    else expect(target).toBe("/login");
  });
  it.each(ROLES)("as %s", async (role) => {
    actAs(await freshSession(role));
    const target = redirectTarget(await run());
    if (RANK[role] < RANK[min]) expect(target).toBe("/forbidden");
    else if (SIGNS_OUT.has(key)) expect(target).toBe("/login");
    else expect(target ?? "").not.toMatch(/^\/(login\b|forbidden)/);
  });
});
