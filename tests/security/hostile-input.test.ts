// Hostile input battery: hundreds of crafted requests against every write route, server action, import and query
// parameter. Each must be refused with a 4xx carrying a specific message (never a 5xx, never the generic "something
// went wrong"), and every table must be byte-identical afterwards — a refused request writes nothing. Server actions
// are called directly, as Next would after its own origin check; cross-origin requests to the API are refused by
// authenticateRequest itself.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as accountActions from "@/app/account/actions";
import * as userActions from "@/app/admin/users/actions";
import * as tokenActions from "@/app/admin/tokens/actions";
import * as annotationActions from "@/app/annotations/actions";
import * as assetActions from "@/app/assets/actions";
import * as eventActions from "@/app/events/actions";
import * as loginActions from "@/app/login/actions";
import * as setupActions from "@/app/setup/actions";
import * as themeActions from "@/app/themes/actions";
import { GET as listAnnotations, POST as postAnnotation } from "@/app/api/v1/annotations/route";
import { GET as riskRoute } from "@/app/api/v1/assets/[symbol]/risk/route";
import { GET as pricesRoute } from "@/app/api/v1/assets/[symbol]/prices/route";
import { DELETE as deleteEventRoute, GET as getEventRoute, PATCH as patchEventRoute } from "@/app/api/v1/events/[id]/route";
import { GET as studyRoute } from "@/app/api/v1/events/[id]/study/route";
import { POST as importRoute } from "@/app/api/v1/events/import/route";
import { GET as listEventsRoute, POST as createEventRoute } from "@/app/api/v1/events/route";
import { POST as createThemeRoute } from "@/app/api/v1/themes/route";
import { GET as reportGet, POST as reportPost } from "@/app/api/reports/[report]/route";
import { issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createAnnotation } from "@/lib/annotations/commands";
import { db } from "@/lib/db/client";
import { createEvent } from "@/lib/events/commands";
import { setExposure } from "@/lib/events/exposures";
import { seedStoryline } from "@/lib/seed/seed";
import { createTheme } from "@/lib/themes/commands";
import { actAs, createSignedInUser, redirectTarget, signIn, TEST_PASSWORD, type TestUser } from "../helpers/request-context";
import { changedTables, tableFingerprints } from "./hostile-db";
import { DATE_PAYLOADS, ID_PAYLOADS, INJECTION_PAYLOADS, TEXT_WITH_NUL } from "./hostile-payloads";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);
vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheModule);

interface Outcome {
  status: number;
  message: string;
}
interface Case {
  name: string;
  run: () => Promise<Outcome>;
  /** Tables a refusal is meant to write to (failed sign-ins are counted for the login throttle). */
  mayChange?: string[];
}

type Who = TestUser | { token: string } | { cookie: string } | null;
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

const ORIGIN = "http://localhost:3000";
let admin: TestUser, ana: TestUser, ben: TestUser, vera: TestUser;
let readToken: string, revokedToken: string, writeToken: string;
let expiredCookie: string, signedOutCookie: string;
let eventId: number, deletedEventId: number, benNoteId: number, themeId: number, otherThemeId: number;
const cases: Case[] = [];

function headersFor(who: Who, extra: Record<string, string> = {}): Headers {
  const h = new Headers({ "content-type": "application/json", ...extra });
  if (who && "cookie" in who) h.set("cookie", who.cookie);
  if (who && "token" in who) h.set("authorization", `Bearer ${who.token}`);
  return h;
}

async function outcomeOf(res: Response): Promise<Outcome> {
  const text = await res.text();
  let message = text;
  try {
    const body = JSON.parse(text) as { error?: { message?: string; fieldErrors?: Record<string, string[]> }; errors?: { message: string }[] };
    const fields = body.error?.fieldErrors ? Object.values(body.error.fieldErrors).flat() : [];
    message = [body.error?.message, ...fields, ...(body.errors ?? []).map((e) => e.message)].filter(Boolean).join(" | ");
  } catch {
    // not JSON: the raw text is the message
  }
  return { status: res.status, message };
}

/** A route handler call: `body` is sent as is when a string, as JSON otherwise. */
function route(
  name: string,
  handler: Handler,
  url: string,
  init: { method?: string; who?: Who; body?: unknown; params?: Record<string, string>; headers?: Record<string, string>; mayChange?: string[] } = {},
): void {
  cases.push({
    name,
    mayChange: init.mayChange,
    run: async () => {
      const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      const req = new Request(new URL(url, ORIGIN), { method: init.method ?? "GET", headers: headersFor(init.who === undefined ? ana : init.who, init.headers), body });
      return outcomeOf(await handler(req, { params: Promise.resolve((init.params ?? {}) as never) }));
    },
  });
}

type Action = (prev: never, form: FormData) => Promise<unknown>;

function formOf(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** A server action called directly as `who`; requireUser's redirects count as 401 (to /login) and 403 (/forbidden). */
function action(name: string, fn: Action, fields: Record<string, string | File>, who: Who | "anonymous" = ana, mayChange?: string[]): void {
  cases.push({
    name,
    mayChange,
    run: async () => {
      actAs(who === "anonymous" || who === null ? null : "cookie" in who ? (who as TestUser) : null);
      try {
        const r = (await fn(null as never, formOf(fields))) as { ok: boolean; status?: number; message?: string; fieldErrors?: Record<string, string[]>; data?: { ok?: boolean; errors?: { message: string }[] } };
        // The event import answers with a report: ok:false carries the rows' errors and means nothing was written.
        if (r.ok && r.data?.ok === false) return { status: 422, message: (r.data.errors ?? []).map((e) => e.message).join(" | ") };
        if (r.ok) return { status: 200, message: "accepted" };
        const details = r.fieldErrors ? Object.values(r.fieldErrors).flat() : [];
        return { status: r.status ?? 0, message: [r.message, ...details].join(" | ") };
      } catch (err) {
        const target = redirectTarget(err);
        if (target === "/login") return { status: 401, message: "redirected to /login" };
        if (target === "/forbidden") return { status: 403, message: "redirected to /forbidden" };
        if (target) return { status: 303, message: `redirected to ${target}` };
        throw err;
      }
    },
  });
}

const validEvent = { title: "Valid hostile-suite event", occurredAt: "2024-05-05", category: "DIPLOMACY", severity: 2, countries: ["RU"] };
const eventFieldAttacks: Record<string, unknown[]> = {
  title: [undefined, null, 123, [], {}, "", "   ", "x".repeat(201), "x".repeat(1_000_000), TEXT_WITH_NUL],
  occurredAt: [undefined, null, 1718755200000, [], ...DATE_PAYLOADS],
  category: [undefined, null, 5, ["TREATY"], "WAR", "ＴＲＥＡＴＹ", "treaty\u0000", ...INJECTION_PAYLOADS],
  severity: [undefined, null, 0, 6, 2.5, -1, "high", "Infinity", "", [], ...INJECTION_PAYLOADS],
  countries: [["XX"], ["../../etc/passwd"], "RU;'; DROP TABLE event; --", [1], ["<script>alert(1)</script>"], Array.from({ length: 31 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}`), { RU: true }],
  sourceUrls: [["javascript:alert(1)"], ["file:///etc/passwd"], ["data:text/html,<script>alert(1)</script>"], ["http://"], [`https://x.test/${"a".repeat(3000)}`], Array.from({ length: 21 }, (_, i) => `https://x.test/${i}`), ["=HYPERLINK(\"http://evil.test\")"]],
  tags: [Array.from({ length: 21 }, (_, i) => `tag${i}`), ["t".repeat(51)], [{ $ne: null }]],
  summary: ["s".repeat(10_001), 42, TEXT_WITH_NUL],
  themeId: [-1, 0, "abc", 99_999_999_999, "1 OR 1=1", 999_999, 1.5],
};

function eachEventAttack(visit: (label: string, body: Record<string, unknown>, value: unknown) => void): void {
  for (const [field, values] of Object.entries(eventFieldAttacks)) {
    values.forEach((value, i) => {
      const body: Record<string, unknown> = { ...validEvent };
      if (value === undefined) delete body[field];
      else body[field] = value;
      visit(`${field} #${i} (${JSON.stringify(value)?.slice(0, 40) ?? "missing"})`, body, value);
    });
  }
}

/** FormData carries strings only: a JSON attack value becomes the text a form could send. */
const asFormFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.join(";") : v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)]));

function defineCases(): void {
  const forged: [string, Who][] = [
    ["no credentials", null],
    ["forged session cookie", { cookie: "faultline.session_token=forged.c2lnbmF0dXJl" }],
    ["tampered signature", { cookie: ana.cookie.replace(/\.[^.;]+(;|$)/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$1") }],
    ["expired session", { cookie: expiredCookie }],
    ["signed-out session", { cookie: signedOutCookie }],
    ["garbage bearer token", { token: "not-a-token" }],
    ["revoked token", { token: revokedToken }],
    ["read token on a write", { token: readToken }],
    ["5,000-character token", { token: "f".repeat(5_000) }],
    ["viewer session on a write", vera],
  ];
  const writes: [string, Handler, string, string, Record<string, string>?][] = [
    ["POST /events", createEventRoute as Handler, "/api/v1/events", "POST"],
    ["PATCH /events/id", patchEventRoute as Handler, `/api/v1/events/${eventId}`, "PATCH", { id: String(eventId) }],
    ["DELETE /events/id", deleteEventRoute as Handler, `/api/v1/events/${eventId}?version=1`, "DELETE", { id: String(eventId) }],
    ["POST /events/import", importRoute as Handler, "/api/v1/events/import", "POST"],
    ["POST /themes", createThemeRoute as Handler, "/api/v1/themes", "POST"],
    ["POST /annotations", postAnnotation as Handler, "/api/v1/annotations", "POST"],
  ];
  for (const [label, who] of forged) {
    for (const [name, handler, url, method, params] of writes) {
      const body = name.includes("import") ? "date,title,category,countries,source_url\n2024-01-01,x,treaty,RU,https://x.test" : name.includes("annot") ? { eventId, body: "hi" } : name.includes("themes") ? { name: "Forged" } : { ...validEvent, version: 1 };
      // better-auth deletes an expired session when it is presented: housekeeping, not the refused write.
      route(`${label}: ${name}`, handler, url, { method, who, body, params, mayChange: label === "expired session" ? ["public.session"] : [] });
    }
  }
  route("Basic auth instead of bearer", createEventRoute as Handler, "/api/v1/events", { method: "POST", who: null, body: validEvent, headers: { authorization: "Basic YWRtaW46YWRtaW4=" } });
  route("empty bearer", createEventRoute as Handler, "/api/v1/events", { method: "POST", who: null, body: validEvent, headers: { authorization: "Bearer " } });
  route("bearer that is not ASCII", createEventRoute as Handler, "/api/v1/events", { method: "POST", who: null, body: validEvent, headers: { authorization: "Bearer fl_ñ" } });

  // CSRF: a page on another site making the analyst's browser POST with their cookie.
  const csrfHeaders: [string, Record<string, string>][] = [
    ["Origin of another site", { origin: "https://evil.example" }],
    ["Origin null (sandboxed frame)", { origin: "null" }],
    ["Origin on a look-alike host", { origin: "http://localhost:3000.evil.example" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["text/plain form posing as JSON", { origin: "https://evil.example", "content-type": "text/plain" }],
  ];
  for (const [label, headers] of csrfHeaders) {
    for (const [name, handler, url, method, params] of writes) {
      const body = name.includes("import") ? "date,title,category,countries,source_url\n2024-01-01,csrf,treaty,RU,https://x.test" : name.includes("annot") ? { eventId, body: "csrf" } : name.includes("themes") ? { name: "CSRF" } : { ...validEvent, title: "CSRF", version: 1 };
      route(`CSRF ${label}: ${name}`, handler, url, { method, body, params, headers });
    }
  }

  // Bodies that are not the object a route expects.
  const notObjects = ["", "null", "[]", '"a string"', "42", "{not json", "\u0000", "[".repeat(10_000) + "]".repeat(10_000), `{"title": "${"x".repeat(2_000_000)}"}`];
  notObjects.forEach((raw, i) => {
    route(`POST /events non-object body #${i}`, createEventRoute as Handler, "/api/v1/events", { method: "POST", body: raw });
    route(`PATCH /events non-object body #${i}`, patchEventRoute as Handler, `/api/v1/events/${eventId}`, { method: "PATCH", body: raw, params: { id: String(eventId) } });
    route(`POST /themes non-object body #${i}`, createThemeRoute as Handler, "/api/v1/themes", { method: "POST", body: raw });
    route(`POST /annotations non-object body #${i}`, postAnnotation as Handler, "/api/v1/annotations", { method: "POST", body: raw });
  });

  // Bodies past the size limits are refused before they are buffered: 413, whether the length is declared or not.
  route("POST /events 3 MB JSON body", createEventRoute as Handler, "/api/v1/events", { method: "POST", body: JSON.stringify({ ...validEvent, summary: "s".repeat(3_000_000) }) });
  route("POST /annotations 3 MB JSON body", postAnnotation as Handler, "/api/v1/annotations", { method: "POST", body: JSON.stringify({ eventId, body: "n".repeat(3_000_000) }) });
  route("POST /events/import 6 MB CSV body", importRoute as Handler, "/api/v1/events/import", { method: "POST", body: `date,title,category,countries,source_url\n${"2024-01-01,x,treaty,RU,https://x.test\n".repeat(160_000)}`, headers: { "content-type": "text/csv" } });
  route("POST /events body lying about its length", createEventRoute as Handler, "/api/v1/events", { method: "POST", body: JSON.stringify(validEvent), headers: { "content-length": "999999999" } });

  // Every event field, through the API and through the form's server action.
  eachEventAttack((label, body, value) => {
    route(`POST /events ${label}`, createEventRoute as Handler, "/api/v1/events", { method: "POST", body });
    // A form sends text only: 123 or ["TREATY"] arrive as "123" and "TREATY", which are valid, so only text attacks.
    if (typeof value === "string" || value === undefined || value === null) action(`createEventAction ${label}`, eventActions.createEventAction as Action, asFormFields(body));
  });
  for (const [field, values] of Object.entries(eventFieldAttacks)) {
    for (const value of values.filter((v) => v !== undefined).slice(0, 4)) {
      route(`PATCH /events ${field}=${JSON.stringify(value)?.slice(0, 30)}`, patchEventRoute as Handler, `/api/v1/events/${eventId}`, { method: "PATCH", body: { version: 1, [field]: value }, params: { id: String(eventId) } });
    }
  }
  route("PATCH /events stale version", patchEventRoute as Handler, `/api/v1/events/${eventId}`, { method: "PATCH", body: { version: 99, severity: 1 }, params: { id: String(eventId) } });
  route("PATCH /events missing version", patchEventRoute as Handler, `/api/v1/events/${eventId}`, { method: "PATCH", body: { severity: 1 }, params: { id: String(eventId) } });
  route("PATCH /events extra fields with a missing version (mass assignment)", patchEventRoute as Handler, `/api/v1/events/${eventId}`, { method: "PATCH", body: { createdById: ben.principal.id, deletedAt: null, id: 1 }, params: { id: String(eventId) } });
  route("POST /events extra fields with a missing title", createEventRoute as Handler, "/api/v1/events", { method: "POST", body: { ...validEvent, title: undefined, createdById: ben.principal.id, id: 1, version: 7, deletedAt: "2024-01-01" } });
  route("PATCH a deleted event", patchEventRoute as Handler, `/api/v1/events/${deletedEventId}`, { method: "PATCH", body: { version: 2, severity: 1 }, params: { id: String(deletedEventId) } });
  for (const id of ID_PAYLOADS) {
    route(`GET /events/${id}`, getEventRoute as Handler, `/api/v1/events/${encodeURIComponent(id)}`, { params: { id } });
    route(`PATCH /events/${id}`, patchEventRoute as Handler, `/api/v1/events/${encodeURIComponent(id)}`, { method: "PATCH", body: { version: 1, severity: 1 }, params: { id } });
    route(`DELETE /events/${id}`, deleteEventRoute as Handler, `/api/v1/events/${encodeURIComponent(id)}?version=1`, { method: "DELETE", params: { id } });
    route(`GET /events/${id}/study`, studyRoute as Handler, `/api/v1/events/${encodeURIComponent(id)}/study`, { params: { id } });
    action(`deleteEventAction id=${id}`, eventActions.deleteEventAction as Action, { id, version: "1" });
    action(`updateEventAction id=${id}`, eventActions.updateEventAction as Action, { ...asFormFields(validEvent), id, version: "1" });
    action(`editAnnotationAction id=${id}`, annotationActions.editAnnotationAction as Action, { id, body: "x", version: "1" });
  }
  for (const version of ["", "abc", "0", "-1", "1.5", "99", "1; DROP TABLE event", "１"]) {
    route(`DELETE /events version=${version}`, deleteEventRoute as Handler, `/api/v1/events/${eventId}?version=${encodeURIComponent(version)}`, { method: "DELETE", params: { id: String(eventId) } });
    action(`deleteEventAction version=${version}`, eventActions.deleteEventAction as Action, { id: String(eventId), version });
  }
  action("restoreEventAction by an analyst", eventActions.restoreEventAction as Action, { id: String(deletedEventId), version: "2" });
  action("restoreEventAction of a live event", eventActions.restoreEventAction as Action, { id: String(eventId), version: "1" }, admin);

  // Exposures.
  const exposure = { eventId: String(eventId), assetSymbol: "^KS11", direction: "UP", rationale: "" };
  const exposureAttacks: Record<string, string[]> = {
    eventId: ["", "abc", "0", "999999", String(deletedEventId), "1 OR 1=1"],
    assetSymbol: ["", "NOPE", "../../etc/passwd", "'; DROP TABLE asset; --", "<script>alert(1)</script>", "x".repeat(41), "^KS11\u0000"],
    direction: ["", "SIDEWAYS", "<b>UP</b>", "UP'; --"],
    rationale: ["r".repeat(2_001)],
  };
  for (const [field, values] of Object.entries(exposureAttacks)) {
    for (const v of values) action(`setExposureAction ${field}=${v.slice(0, 30)}`, eventActions.setExposureAction as Action, { ...exposure, [field]: v });
  }
  action("removeExposureAction that does not exist", eventActions.removeExposureAction as Action, { eventId: String(eventId), assetSymbol: "GC=F" });
  action("removeExposureAction unknown asset", eventActions.removeExposureAction as Action, { eventId: String(eventId), assetSymbol: "../../x" });

  // Event import: all or nothing, through the API and the form.
  const header = "date,title,category,countries,source_url";
  const goodRow = "2024-03-03,Imported fine,treaty,RU,https://x.test/a";
  const badImports: [string, string][] = [
    ["empty", ""],
    ["header only", header],
    ["binary garbage", "\u0000\u0001\u0002\uFFFD\uFFFE"],
    ["missing columns", "date,title\n2024-01-01,x"],
    ["one bad row among good ones", `${header}\n${goodRow}\n2024-02-30,Bad date,treaty,RU,https://x.test`],
    ["formula in date", `${header}\n=NOW(),x,treaty,RU,https://x.test`],
    ["formula in category", `${header}\n2024-01-01,x,@SUM(A1),RU,https://x.test`],
    ["formula in country", `${header}\n2024-01-01,x,treaty,+RU,https://x.test`],
    ["formula in url", `${header}\n2024-01-01,x,treaty,RU,"=HYPERLINK(""http://evil.test"")"`],
    ["formula severity", `${header},severity\n2024-01-01,x,treaty,RU,https://x.test,=1+2`],
    ["javascript url", `${header}\n2024-01-01,x,treaty,RU,javascript:alert(1)`],
    ["NUL in title", `${header}\n2024-01-01,a\u0000b,treaty,RU,https://x.test`],
    ["unterminated quote", `${header}\n2024-01-01,"open,treaty,RU,https://x.test`],
    ["5,001 rows", [header, ...Array.from({ length: 5_001 }, (_, i) => `2024-01-01,row ${i},treaty,RU,https://x.test`)].join("\n")],
    ["JSON object, not an array", '{"title": "x"}'],
    ["JSON array of numbers", "[1, 2, 3]"],
    ["JSON with a bad row", JSON.stringify([{ date: "2024-01-01", title: "ok", category: "treaty", countries: "RU", source_url: "https://x.test" }, { date: "2024-13-01", title: "bad", category: "treaty" }])],
    ["JSON prototype pollution", '[{"__proto__": {"admin": true}, "date": "2024-01-01", "title": "x", "category": "nope"}]'],
    ["SQL in title with a bad date", `${header}\n2024-99-01,"'); DROP TABLE event; --",treaty,RU,https://x.test`],
    ["script title with a bad category", `${header}\n2024-01-01,<script>alert(1)</script>,<img src=x onerror=alert(1)>,RU,https://x.test`],
  ];
  for (const [label, text] of badImports) {
    const json = text.trimStart().startsWith("[") || text.trimStart().startsWith("{");
    route(`POST /events/import ${label}`, importRoute as Handler, "/api/v1/events/import", { method: "POST", body: text, headers: { "content-type": json ? "application/json" : "text/csv" } });
    action(`importEventsAction pasted ${label}`, eventActions.importEventsAction as Action, { text, format: json ? "json" : "csv" });
  }
  for (const name of ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "events.csv\u0000.exe", "%2e%2e%2fevents.csv", "\u202Evsc.exe"]) {
    action(`importEventsAction file named ${JSON.stringify(name)} with a bad row`, eventActions.importEventsAction as Action, { file: new File([`${header}\n2024-02-30,x,treaty,RU,https://x.test`], name) });
  }
  action("importEventsAction file over 5 MB", eventActions.importEventsAction as Action, { file: new File(["x".repeat(5_000_001)], "big.csv") });
  action("importEventsAction nothing chosen", eventActions.importEventsAction as Action, { text: "   " });

  // Themes.
  const themeAttacks: unknown[] = [{}, { name: "" }, { name: "   " }, { name: 123 }, { name: "n".repeat(101) }, { name: "ok", description: "d".repeat(2_001) }, { name: null }, { name: ["a"] }, { name: TEXT_WITH_NUL }];
  themeAttacks.forEach((body, i) => {
    route(`POST /themes #${i}`, createThemeRoute as Handler, "/api/v1/themes", { method: "POST", body });
    if (Object.values(body as object).every((v) => typeof v === "string" || v === null)) action(`createThemeAction #${i}`, themeActions.createThemeAction as Action, asFormFields(body as Record<string, unknown>));
  });
  action("createThemeAction duplicate name", themeActions.createThemeAction as Action, { name: "Hostile theme A" });
  for (const id of ["abc", "0", "999999", "1 OR 1=1"]) action(`updateThemeAction id=${id}`, themeActions.updateThemeAction as Action, { id, name: "Renamed" });
  for (const [s, t] of [[String(themeId), String(themeId)], [String(themeId), "999999"], ["999999", String(themeId)], ["abc", String(themeId)], ["", ""]]) {
    action(`mergeThemesAction ${s} → ${t}`, themeActions.mergeThemesAction as Action, { sourceId: s!, targetId: t! });
  }
  action("mergeThemesAction by a viewer", themeActions.mergeThemesAction as Action, { sourceId: String(otherThemeId), targetId: String(themeId) }, vera);

  // Notes: someone else's, stale, malformed.
  action("editAnnotationAction on Ben's note by Ana", annotationActions.editAnnotationAction as Action, { id: String(benNoteId), body: "hijacked", version: "1" });
  action("deleteAnnotationAction on Ben's note by Ana", annotationActions.deleteAnnotationAction as Action, { id: String(benNoteId), version: "1" });
  action("editAnnotationAction stale version", annotationActions.editAnnotationAction as Action, { id: String(benNoteId), body: "x", version: "9" }, ben);
  action("editAnnotationAction empty body", annotationActions.editAnnotationAction as Action, { id: String(benNoteId), body: "  ", version: "1" }, ben);
  action("editAnnotationAction by a viewer", annotationActions.editAnnotationAction as Action, { id: String(benNoteId), body: "x", version: "1" }, vera);
  const noteAttacks: Record<string, unknown>[] = [
    {}, { body: "" }, { body: "   " }, { body: "n".repeat(20_001) }, { body: 5 }, { body: "x" },
    { body: "x", eventId, assetSymbol: "^KS11", pinnedDate: "2024-06-19" },
    { body: "x", eventId: 999_999 }, { body: "x", eventId: deletedEventId }, { body: "x", eventId: "1 OR 1=1" },
    { body: "x", parentId: benNoteId, assetSymbol: "^KS11", pinnedDate: "2024-06-19" },
    { body: "x", eventId, parentId: 999_999 },
    { body: "x", assetSymbol: "../../etc/passwd", pinnedDate: "2024-06-19" }, { body: "x", assetSymbol: "'; DROP TABLE asset; --", pinnedDate: "2024-06-19" },
    { body: "x", assetSymbol: "^KS11" }, { body: "x", pinnedDate: "2024-06-19" },
    ...DATE_PAYLOADS.map((d) => ({ body: "x", assetSymbol: "^KS11", pinnedDate: d })),
    { body: TEXT_WITH_NUL, eventId },
  ];
  noteAttacks.forEach((body, i) => {
    route(`POST /annotations #${i} ${JSON.stringify(body).slice(0, 50)}`, postAnnotation as Handler, "/api/v1/annotations", { method: "POST", body });
    action(`createAnnotationAction #${i}`, annotationActions.createAnnotationAction as Action, asFormFields(body));
  });

  // Assets and price imports.
  for (const symbol of ["", "'; DROP TABLE asset; --", "../../etc/passwd", "<script>", "s".repeat(41), "A B", "^KS11"]) {
    action(`addAssetAction symbol=${symbol.slice(0, 30)}`, assetActions.addAssetAction as Action, { symbol, benchmark: "" });
  }
  action("addAssetAction unknown benchmark", assetActions.addAssetAction as Action, { symbol: "NEWSYM", benchmark: "NOPE" });
  for (const symbol of ["", "NOPE", "../../etc/passwd", "'; DROP TABLE asset; --"]) action(`refreshNowAction symbol=${symbol}`, assetActions.refreshNowAction as Action, { symbol });
  const priceHeader = "date,open,high,low,close,adj_close,volume";
  const badPrices: [string, string][] = [
    ["header only", priceHeader],
    ["bad date", `${priceHeader}\n2024-02-30,1,2,0.5,1.5,1.5,100`],
    ["formula in close", `${priceHeader}\n2024-01-02,1,2,0.5,=1+2,1.5,100`],
    ["formula in date", `${priceHeader}\n=TODAY(),1,2,0.5,1.5,1.5,100`],
    ["negative close", `${priceHeader}\n2024-01-02,1,2,0.5,-1.5,-1.5,100`],
    ["NaN close", `${priceHeader}\n2024-01-02,1,2,0.5,NaN,NaN,100`],
    ["Infinity close", `${priceHeader}\n2024-01-02,1,2,0.5,Infinity,1,100`],
    ["1e400 close", `${priceHeader}\n2024-01-02,1,2,0.5,1e400,1,100`],
    ["duplicate dates", `${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,100\n2024-01-02,1,2,0.5,1.5,1.5,100`],
    ["no date column", "open,close\n1,2"],
    ["SQL in volume", `${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,1; DROP TABLE price_bar`],
    ["good row then a bad one", `${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,100\n2024-01-03,1,2,0.5,abc,1.5,100`],
    ["time of day in the date", `${priceHeader}\n2024-01-02T15:30+09:00,1,2,0.5,1.5,1.5,100`],
  ];
  for (const [label, text] of badPrices) action(`importPricesAction ${label}`, assetActions.importPricesAction as Action, { symbol: "^KS11", file: new File([text], "prices.csv") });
  for (const name of ["../../etc/passwd", "..\\prices.csv", "prices.csv\u0000.sh"]) action(`importPricesAction file named ${JSON.stringify(name)} with a bad row`, assetActions.importPricesAction as Action, { symbol: "^KS11", file: new File([`${priceHeader}\n2024-02-30,1,2,0.5,1.5,1.5,100`], name) });
  action("importPricesAction no file", assetActions.importPricesAction as Action, { symbol: "^KS11" });
  action("importPricesAction empty file", assetActions.importPricesAction as Action, { symbol: "^KS11", file: new File([], "p.csv") });
  action("importPricesAction unknown asset", assetActions.importPricesAction as Action, { symbol: "NOPE", file: new File([`${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,100`], "p.csv") });
  action("importPricesAction traversal symbol", assetActions.importPricesAction as Action, { symbol: "../../etc/passwd", file: new File([`${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,100`], "p.csv") });
  action("importPricesAction by a viewer", assetActions.importPricesAction as Action, { symbol: "^KS11", file: new File([`${priceHeader}\n2024-01-02,1,2,0.5,1.5,1.5,100`], "p.csv") }, vera);

  // Accounts, tokens, sign-in, setup.
  action("createUserAction by an analyst", userActions.createUserAction as Action, { name: "Eve", email: "eve@example.test", password: "a-long-enough-password", role: "ADMIN" });
  for (const [label, input] of [
    ["bad email", { name: "Eve", email: "not-an-email", password: "a-long-enough-password", role: "VIEWER" }],
    ["short password", { name: "Eve", email: "eve@example.test", password: "short", role: "VIEWER" }],
    ["repeated password", { name: "Eve", email: "eve@example.test", password: "aaaaaaaaaaaaaaaa", role: "VIEWER" }],
    ["role SUPERUSER", { name: "Eve", email: "eve@example.test", password: "a-long-enough-password", role: "SUPERUSER" }],
    ["duplicate email", { name: "Ana 2", email: ana.principal.email, password: "a-long-enough-password", role: "VIEWER" }],
    ["script name", { name: "", email: "eve@example.test", password: "a-long-enough-password", role: "VIEWER" }],
  ] as const) {
    action(`createUserAction ${label}`, userActions.createUserAction as Action, { ...input }, admin);
  }
  action("changeRoleAction: Ana makes herself admin", userActions.changeRoleAction as Action, { userId: ana.principal.id, role: "ADMIN" });
  action("changeRoleAction bogus role", userActions.changeRoleAction as Action, { userId: ana.principal.id, role: "ROOT" }, admin);
  action("changeRoleAction unknown user", userActions.changeRoleAction as Action, { userId: "' OR 1=1 --", role: "VIEWER" }, admin);
  action("changeRoleAction: the last admin demotes themself", userActions.changeRoleAction as Action, { userId: admin.principal.id, role: "VIEWER" }, admin);
  action("issueTokenAction by an analyst", tokenActions.issueTokenAction as Action, { name: "mine", userId: ana.principal.id, scope: "READ_WRITE" });
  action("issueTokenAction bad scope", tokenActions.issueTokenAction as Action, { name: "x", userId: ana.principal.id, scope: "ROOT" }, admin);
  action("issueTokenAction unknown user", tokenActions.issueTokenAction as Action, { name: "x", userId: "nobody", scope: "READ" }, admin);
  action("issueTokenAction empty name", tokenActions.issueTokenAction as Action, { name: "", userId: ana.principal.id, scope: "READ" }, admin);
  action("revokeTokenAction by an analyst", tokenActions.revokeTokenAction as Action, { id: "1" });
  for (const id of ["abc", "-1", "999999"]) action(`revokeTokenAction id=${id}`, tokenActions.revokeTokenAction as Action, { id }, admin);
  action("changePasswordAction wrong current password", accountActions.changePasswordAction as Action, { currentPassword: "wrong password here", newPassword: "another-long-password", confirmPassword: "another-long-password" });
  action("changePasswordAction weak new password", accountActions.changePasswordAction as Action, { currentPassword: TEST_PASSWORD, newPassword: "abcdefghijkl", confirmPassword: "abcdefghijkl" });
  action("changePasswordAction forged session", accountActions.changePasswordAction as Action, { currentPassword: TEST_PASSWORD, newPassword: "another-long-password" }, { cookie: "faultline.session_token=forged" } as TestUser);
  for (const [label, email, password] of [
    ["wrong password", ana.principal.email, "wrong password!!"],
    ["SQL in email", "' OR '1'='1' --@x.test", "whatever-password"],
    ["script email", "<script>alert(1)</script>", "whatever-password"],
    ["empty", "", ""],
    ["huge password", ana.principal.email, "p".repeat(100_000)],
  ] as const) {
    action(`signInAction ${label}`, loginActions.signInAction as Action, { email, password }, "anonymous", ["public.login_throttle"]);
  }
  action("createFirstAdminAction once an admin exists", setupActions.createFirstAdminAction as Action, { name: "Mallory", email: "mallory@example.test", password: "a-long-enough-password" }, "anonymous");

  // Query parameters of every read route (they write nothing, and must still refuse with a reason).
  const eventQueries = ["page=-1", "page=abc", "pageSize=201", "pageSize=0", "from=2024-02-30", "to=2024-13-01", "from=2024-06-01&to=2024-01-01", "severityMin=9", "severityMax=0", "category=WAR", "country=XX", "themeId=abc", "themeId=1%20OR%201%3D1", "from=%27%3B%20DROP%20TABLE%20event%3B--", "from=2024-06-19T10:00%2B25:00", "page=1e309"];
  for (const q of eventQueries) route(`GET /events?${q}`, listEventsRoute as Handler, `/api/v1/events?${q}`);
  const dateQueries = DATE_PAYLOADS.map((d) => encodeURIComponent(d));
  for (const d of dateQueries) {
    route(`GET prices from=${d}`, pricesRoute as Handler, `/api/v1/assets/%5EKS11/prices?from=${d}`, { params: { symbol: "^KS11" } });
    route(`GET risk asOf=${d}`, riskRoute as Handler, `/api/v1/assets/%5EKS11/risk?asOf=${d}`, { params: { symbol: "^KS11" } });
    route(`GET annotations from=${d}`, listAnnotations as Handler, `/api/v1/annotations?asset=%5EKS11&from=${d}`);
  }
  for (const symbol of ["..%2F..%2Fetc%2Fpasswd", "%27%3B%20DROP%20TABLE%20asset%3B--", "%3Cscript%3E", "%00", "NOPE"]) {
    route(`GET prices of ${symbol}`, pricesRoute as Handler, `/api/v1/assets/${symbol}/prices`, { params: { symbol } });
    route(`GET risk of ${symbol}`, riskRoute as Handler, `/api/v1/assets/${symbol}/risk`, { params: { symbol } });
  }
  route("GET prices to before from", pricesRoute as Handler, "/api/v1/assets/%5EKS11/prices?from=2024-06-01&to=2024-01-01", { params: { symbol: "^KS11" } });
  for (const q of ["eventId=abc", "eventId=-1", "page=0", "pageSize=100000", "asset=%5EKS11&to=2024-02-30"]) route(`GET /annotations?${q}`, listAnnotations as Handler, `/api/v1/annotations?${q}`);
  const studyQueries = ["model=garch", "est=-5,-1", "est=abc", "win=10,-10", "win=-99999,5", "car=-1,1;-2,2;-3,3;-4,4;-5,5;-6,6", "car=x", "est=-250,-11&win=-300,10", "model=%3Cscript%3E", "est=-10,-11"];
  for (const q of studyQueries) route(`GET study ?${q}`, studyRoute as Handler, `/api/v1/events/${eventId}/study?${q}`, { params: { id: String(eventId) } });
  for (const slug of ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "nope", "events.csv", "%00"]) route(`GET report ${slug}`, reportGet as Handler, `/api/reports/${slug}`, { params: { report: slug } });
  const reportQueries = ["from=2024-02-30", "from=2024-06-01&to=2024-01-01", `assets=${Array.from({ length: 101 }, (_, i) => `S${i}`).join(",")}`, "bom=maybe", "bundle=%27%3B--", "assets=..%2F..%2Fetc%2Fpasswd"];
  for (const q of reportQueries) route(`GET prices-with-events ?${q}`, reportGet as Handler, `/api/reports/prices-with-events?${q}`, { params: { report: "prices-with-events" } });
  route("POST report with a JSON array", reportPost as Handler, "/api/reports/events", { method: "POST", body: "[]", params: { report: "events" } });
  route("POST report with text/plain", reportPost as Handler, "/api/reports/events", { method: "POST", body: "from=x", params: { report: "events" }, headers: { "content-type": "text/plain" } });
}

beforeAll(async () => {
  await seedStoryline("DEMO");
  admin = await createSignedInUser("ADMIN", "Admin");
  ana = await createSignedInUser("ANALYST", "Ana");
  ben = await createSignedInUser("ANALYST", "Ben");
  vera = await createSignedInUser("VIEWER", "Vera");
  readToken = (await issueApiToken(admin.principal, { name: "read", userId: ana.principal.id, scope: "READ" })).token;
  writeToken = (await issueApiToken(admin.principal, { name: "write", userId: ana.principal.id, scope: "READ_WRITE" })).token;
  const revoked = await issueApiToken(admin.principal, { name: "revoked", userId: ana.principal.id, scope: "READ_WRITE" });
  await revokeApiToken(admin.principal, revoked.id);
  revokedToken = revoked.token;
  // A real session whose lifetime has passed, and one that was signed out.
  expiredCookie = await signIn(ben.principal.email, TEST_PASSWORD, "203.0.113.20");
  await db().session.updateMany({ where: { userId: ben.principal.id, token: { in: [decodeURIComponent(expiredCookie.split("=")[1]!.split(".")[0]!)] } }, data: { expiresAt: new Date("2020-01-01") } });
  signedOutCookie = await signIn(vera.principal.email, TEST_PASSWORD, "203.0.113.21");
  await db().session.deleteMany({ where: { token: decodeURIComponent(signedOutCookie.split("=")[1]!.split(".")[0]!) } });

  themeId = (await createTheme(ana.principal, { name: "Hostile theme A" })).id;
  otherThemeId = (await createTheme(ana.principal, { name: "Hostile theme B" })).id;
  eventId = (await createEvent(ana.principal, { ...validEvent, title: "Target event" })).id;
  await setExposure(ana.principal, { eventId, assetSymbol: "^KS11", direction: "UP" });
  const doomed = await createEvent(ana.principal, { ...validEvent, title: "Deleted event" });
  await db().event.update({ where: { id: doomed.id }, data: { deletedAt: new Date(), version: 2 } });
  deletedEventId = doomed.id;
  benNoteId = (await createAnnotation(ben.principal, { eventId, body: "Ben's note" })).id;
  defineCases();
}, 120_000);

describe("hostile input battery", () => {
  it("has at least 300 crafted requests", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it("refuses every one with a specific 4xx and writes nothing", async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let before = await tableFingerprints();
    for (const c of cases) {
      let outcome: Outcome;
      try {
        outcome = await c.run();
      } catch (err) {
        failures.push(`${c.name}: threw ${(err as Error).message}`);
        before = await tableFingerprints();
        continue;
      }
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      if (outcome.status < 400 || outcome.status > 499) failures.push(`${c.name}: status ${outcome.status} (${outcome.message.slice(0, 120)})`);
      else if (!outcome.message.trim() || /something went wrong/i.test(outcome.message)) failures.push(`${c.name}: no specific message`);
      const after = await tableFingerprints();
      const changed = changedTables(before, after).filter((t) => !(c.mayChange ?? []).includes(t));
      if (changed.length) failures.push(`${c.name}: changed ${changed.join(", ")}`);
      before = after;
    }
    // Printed so a run shows the spread of refusals (401/403/404/409/422/…), not just a pass.
    console.info(`hostile input: ${cases.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures).toEqual([]);
  }, 600_000);

  it("stores hostile text in free-text fields verbatim, as data", async () => {
    const res = await createEventRoute(
      new Request(`${ORIGIN}/api/v1/events`, { method: "POST", headers: headersFor({ token: writeToken }), body: JSON.stringify({ ...validEvent, title: "'); DROP TABLE event; -- <script>alert(1)</script> =cmd|' /C calc'!A0 \u202Eevil" }) }),
      { params: Promise.resolve({} as never) },
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect((await db().event.findUniqueOrThrow({ where: { id } })).title).toBe("'); DROP TABLE event; -- <script>alert(1)</script> =cmd|' /C calc'!A0 \u202Eevil");
  });

  it("ignores fields a client may not set on an accepted write (mass assignment)", async () => {
    const res = await createEventRoute(
      new Request(`${ORIGIN}/api/v1/events`, { method: "POST", headers: headersFor(ana), body: JSON.stringify({ ...validEvent, title: "Mass assignment", createdById: ben.principal.id, version: 42, deletedAt: "2024-01-01T00:00:00Z" }) }),
      { params: Promise.resolve({} as never) },
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const stored = await db().event.findUniqueOrThrow({ where: { id } });
    expect({ createdById: stored.createdById, version: stored.version, deletedAt: stored.deletedAt }).toEqual({ createdById: ana.principal.id, version: 1, deletedAt: null });
  });
});
