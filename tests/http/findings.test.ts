// Regression tests for the findings of the front-door review that live in the transport layers (Next's body limit,
// path decoding and server-action handling, the report manifest), each sent over real HTTP to the production build.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { castOf } from "./cast";
import { send, type Answer } from "./front-door";
import { EVIL_ORIGIN, actionForm, deeplyNested, multipart, type MultipartPart } from "./payloads";
import { serverActions } from "./surface";

const cast = castOf();
const viewer = { cookie: cast.cookies.viewer };
const analyst = { cookie: cast.cookies.analyst };

function action(name: string) {
  const found = serverActions().find((a) => a.name === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/** Posts a server action as React does: multipart, Next-Action header, same origin. */
function postAction(name: string, parts: MultipartPart[], headers: Record<string, string> = {}, path?: string): Promise<Answer> {
  const a = action(name);
  const m = multipart(parts);
  return send(cast.baseUrl, {
    label: name,
    method: "POST",
    path: path ?? a.page,
    headers: { ...analyst, "next-action": a.id, accept: "text/x-component", origin: cast.baseUrl, "content-type": m.contentType, ...headers },
    body: m.body,
  });
}

function jsonError(a: Answer) {
  return JSON.parse(a.body) as { error: { status: number; code: string; message: string; requestId?: string } };
}

/** An events CSV of about `bytes` bytes: valid rows, so the import reads all of it. */
function eventsCsv(bytes: number): string {
  const rows = ["date,title,category,countries,source_url"];
  let size = rows[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const row = `2019-01-${String((i % 28) + 1).padStart(2, "0")},Front-door import row ${i} ${"x".repeat(120)},SANCTIONS,RU,https://example.test/${i}`;
    rows.push(row);
    size += row.length + 1;
  }
  return rows.join("\n");
}

describe("finding 3: imports through the forms up to the documented 5 MB", () => {
  it("reads a 2 MB file posted to the import form (Next's default 1 MB action limit answered 500)", { timeout: 120_000 }, async () => {
    const csv = eventsCsv(2_000_000);
    const a = await postAction("events/actions.importEventsAction", actionForm({ format: "csv" }, [{ name: "file", value: csv, filename: "events.csv", type: "text/csv" }]));
    expect(a.status).toBe(200);
    // The action ran and answered with its own result (an import report or its validation), not a framework error.
    expect(a.body).toMatch(/"ok":(true|false)/);
    expect(a.body).not.toMatch(/"status":500/);
  });

  it("refuses a form over the limit with 413 and a message naming the limit", async () => {
    const big = "x".repeat(7 * 1024 * 1024);
    const a = await postAction("events/actions.importEventsAction", actionForm({ format: "csv" }, [{ name: "file", value: big, filename: "events.csv", type: "text/csv" }]));
    expect(a.status).toBe(413);
    expect(a.body).toMatch(/5 MB/);
  });
});

describe("finding 6: asset symbols are decoded once", () => {
  it("answers a lone %25 with 404, not a URIError 500", async () => {
    for (const tail of ["prices", "risk"]) {
      const a = await send(cast.baseUrl, { label: "%25", method: "GET", path: `/api/v1/assets/%25/${tail}`, headers: viewer });
      expect(a.status).toBe(404);
      expect(jsonError(a).error.code).toBe("not_found");
    }
  });

  it("does not resolve %255EKS11 to ^KS11, while %5EKS11 is ^KS11", async () => {
    const twice = await send(cast.baseUrl, { label: "%255E", method: "GET", path: "/api/v1/assets/%255EKS11/prices", headers: viewer });
    expect(twice.status).toBe(404);
    const once = await send(cast.baseUrl, { label: "%5E", method: "GET", path: "/api/v1/assets/%5EKS11/prices", headers: viewer });
    expect(once.status).toBe(200);
    expect(JSON.parse(once.body)).toMatchObject({ symbol: "^KS11" });
  });
});

describe("finding 7: framework-level errors answered with the right 4xx", () => {
  it("refuses a path that is not valid UTF-8 with 400, in the API's error shape with a request id", async () => {
    const a = await send(cast.baseUrl, { label: "bad utf-8", method: "GET", path: "/api/v1/events/%ED%A0%80", headers: viewer });
    expect(a.status).toBe(400);
    expect(jsonError(a).error).toMatchObject({ status: 400, code: "bad_request", requestId: expect.any(String) });
    expect(a.headers["x-request-id"]).toBe(jsonError(a).error.requestId);
    const page = await send(cast.baseUrl, { label: "bad utf-8 page", method: "GET", path: "/events/%ED%A0%80", headers: viewer });
    expect(page.status).toBe(400);
  });

  it("refuses undecodable paths on every kind of API route (the API does not pass through proxy.ts)", async () => {
    for (const path of ["/api/v1/assets/%FF/prices", "/api/v1/assets/%C0%AF/risk", "/api/reports/%ED%A0%80", "/api/auth/%FF", "/api/v1/no-such-route%FF?x=1"]) {
      const a = await send(cast.baseUrl, { label: `bad utf-8 ${path}`, method: "GET", path, headers: viewer });
      expect(a.status, path).toBe(400);
      expect(jsonError(a).error, path).toMatchObject({ status: 400, code: "bad_request", requestId: a.headers["x-request-id"] });
    }
    // A percent sign in the query string is the route's business (a 422 or a default), not the door's.
    const query = await send(cast.baseUrl, { label: "bad utf-8 in the query", method: "GET", path: "/api/v1/events?q=%FF", headers: viewer });
    expect(query.status).toBeLessThan(500);
    expect(query.status).not.toBe(400);
  });

  it("gives every API answer a request id: a sane incoming one is kept, a hostile one replaced, and the id is the body's", async () => {
    const kept = await send(cast.baseUrl, { label: "incoming id", method: "GET", path: "/api/v1/events?pageSize=1", headers: { ...viewer, "x-request-id": "lb-7f3a9c21" } });
    expect(kept.status).toBe(200);
    expect(kept.headers["x-request-id"]).toBe("lb-7f3a9c21");
    const hostile = await send(cast.baseUrl, { label: "hostile id", method: "GET", path: "/api/v1/events/0", headers: { ...viewer, "x-request-id": '<script>"{level:60}' } });
    expect(hostile.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(jsonError(hostile).error.requestId).toBe(hostile.headers["x-request-id"]);
    const anonymous = await send(cast.baseUrl, { label: "no session", method: "GET", path: "/api/v1/events" });
    expect(anonymous.status).toBe(401);
    expect(jsonError(anonymous).error.requestId).toBe(anonymous.headers["x-request-id"]);
  });

  it("refuses methods no route serves with 405, for the API and pages alike", async () => {
    for (const method of ["PROPFIND", "MKCOL", "PURGE"]) {
      const api = await send(cast.baseUrl, { label: `${method} api`, method, path: "/api/v1/events", headers: viewer });
      expect(api.status, method).toBe(405);
      expect(jsonError(api).error, method).toMatchObject({ status: 405, code: "method_not_allowed", requestId: api.headers["x-request-id"] });
      const page = await send(cast.baseUrl, { label: `${method} page`, method, path: "/events", headers: viewer });
      expect(page.status, method).toBe(405);
      expect(page.body).toContain(page.headers["x-request-id"]);
    }
  });

  it("treats a Next-Action header on an API post as what it is, an API call: authenticated, origin-checked, validated", async () => {
    const forged = { "next-action": "0".repeat(40), "content-type": "application/json" };
    const anonymous = await send(cast.baseUrl, { label: "action header, no session", method: "POST", path: "/api/v1/themes", headers: forged, body: JSON.stringify({ name: "Door theme" }) });
    expect(anonymous.status).toBe(401);
    const crossSite = await send(cast.baseUrl, { label: "action header, other origin", method: "POST", path: "/api/v1/themes", headers: { ...analyst, ...forged, origin: EVIL_ORIGIN }, body: JSON.stringify({ name: "Door theme" }) });
    expect(crossSite.status).toBe(403);
    const invalid = await send(cast.baseUrl, { label: "action header, invalid", method: "POST", path: "/api/v1/themes", headers: { ...analyst, ...forged, origin: cast.baseUrl }, body: JSON.stringify({ name: "" }) });
    expect(invalid.status).toBe(422);
  });

  it("refuses TRACE with 405", async () => {
    const api = await send(cast.baseUrl, { label: "TRACE api", method: "TRACE", path: "/api/v1/events", headers: viewer });
    expect(api.status).toBe(405);
    expect(jsonError(api).error).toMatchObject({ status: 405, requestId: expect.any(String) });
    const page = await send(cast.baseUrl, { label: "TRACE page", method: "TRACE", path: "/events", headers: viewer });
    expect(page.status).toBe(405);
  });

  it("refuses a server action from another origin or a null origin with 403", async () => {
    for (const origin of [EVIL_ORIGIN, "null"]) {
      const a = await postAction("themes/actions.createThemeAction", actionForm({ name: "Forged theme" }), { origin });
      expect(a.status).toBe(403);
      expect(a.body).not.toMatch(/Forged theme/);
    }
  });

  it("refuses malformed action bodies with 400", async () => {
    const a = action("themes/actions.createThemeAction");
    const base = { method: "POST", path: a.page, headers: { ...analyst, "next-action": a.id, origin: cast.baseUrl } };
    const truncated = await send(cast.baseUrl, { ...base, label: "truncated", headers: { ...base.headers, "content-type": "multipart/form-data; boundary=----x" }, body: '------x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[nu' });
    expect(truncated.status).toBe(400);
    const badArgs = await postAction("themes/actions.createThemeAction", [{ name: "0", value: "[null,$K1" }]);
    expect(badArgs.status).toBe(400);
    const plain = await send(cast.baseUrl, { ...base, label: "text/plain", headers: { ...base.headers, "content-type": "text/plain;charset=UTF-8" }, body: deeplyNested(10_000) });
    expect(plain.status).toBe(415);
  });

  it("refuses a non-FormData action argument with 400 instead of running the action into a 500 result", async () => {
    const a = await postAction("themes/actions.createThemeAction", [{ name: "0", value: JSON.stringify(["x", "y"]) }]);
    expect(a.status).toBe(400);
    expect(a.body).not.toMatch(/"status":500/);
  });
});

describe("finding 8: report requests", () => {
  it("refuses a parameter object nested 10,000 levels deep with 400 and the request id", async () => {
    // An extra parameter: the report's schema ignores it, and the bundle's manifest records it as sent.
    const body = `{"bundle":true,"note":${deeplyNested(10_000)}}`;
    const a = await send(cast.baseUrl, { label: "deep report", method: "POST", path: "/api/reports/events", headers: { ...viewer, origin: cast.baseUrl, "content-type": "application/json" }, body });
    expect(a.status).toBe(400);
    expect(jsonError(a).error).toMatchObject({ code: "bad_request", requestId: expect.any(String) });
  });

  it("puts the request id on every report error", async () => {
    const a = await send(cast.baseUrl, { label: "unknown report", method: "GET", path: "/api/reports/no-such-report", headers: viewer });
    expect(a.status).toBe(404);
    expect(jsonError(a).error.requestId).toBe(a.headers["x-request-id"]);
  });
});

describe("found by the front-door battery", () => {
  it("answers a sign-in whose address carries a NUL with 400, not a 500 from the database", async () => {
    const a = await send(cast.baseUrl, {
      label: "NUL sign-in",
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: { origin: cast.baseUrl, "content-type": "application/json", "x-forwarded-for": "198.51.100.70" },
      body: JSON.stringify({ email: "x\u0000@example.test", password: "a\u0000".repeat(10) }),
    });
    expect(a.status).toBe(400);
    expect(a.headers["set-cookie"] ?? []).toHaveLength(0);
  });

  it("refuses PUT, PATCH and DELETE on pages with 405 instead of rendering the page", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      for (const [who, headers] of [["anonymous", {}], ["viewer", viewer]] as const) {
        const a = await send(cast.baseUrl, { label: `${method} /events`, method, path: "/events", headers });
        expect(a.status, `${method} /events as ${who}`).toBe(405);
        expect(a.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
        expect(a.body).not.toMatch(/<html/);
      }
    }
  });
});

describe("response writes", () => {
  /** The sizes of the reads a raw socket sees for one request (Connection: close, so the answer ends the stream). */
  function reads(path: string, cookie: string): Promise<{ sizes: number[]; text: string }> {
    const url = new URL(cast.baseUrl);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
      });
      const chunks: Buffer[] = [];
      socket.on("data", (d: Buffer) => chunks.push(d));
      socket.on("error", reject);
      socket.on("end", () => resolve({ sizes: chunks.map((c) => c.length), text: Buffer.concat(chunks).toString("utf8") }));
    });
  }

  it("sends a small API answer's head, body and end in one write, where Next wrote them in three", async () => {
    for (let i = 0; i < 5; i++) {
      const { sizes, text } = await reads("/api/v1/assets/%5EKS11/prices?from=2024-01-01&to=2024-01-31", cast.cookies.viewer);
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      expect(text).toMatch(/\r\n0\r\n\r\n$/);
      expect(sizes).toHaveLength(1);
    }
  });

  // Above Node's default 16 kB socket buffer (where the body's write asked Next to wait for a drain, so the end left on
  // its own), below the 32 kB a loopback read hands over at once.
  it("sends an answer larger than a socket's default 16 kB buffer with its end in one write", async () => {
    for (let i = 0; i < 5; i++) {
      const { sizes, text } = await reads("/api/v1/assets/%5EKS11/prices?from=2024-01-01&to=2024-05-31", cast.cookies.viewer);
      expect(text).toMatch(/\r\n0\r\n\r\n$/);
      expect(text.length).toBeGreaterThan(16 * 1024);
      expect(text.length).toBeLessThan(32 * 1024);
      expect(sizes).toHaveLength(1);
    }
  });

  it("still streams a page to its end", async () => {
    const { text } = await reads("/", cast.cookies.viewer);
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/<\/html>(\r\n)?[\s\S]*0\r\n\r\n$/);
  });
});
