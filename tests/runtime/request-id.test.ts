// Request ids: proxy.ts passes a page request's id on (keeping a sane incoming id), route handlers' error responses
// carry it back in a header and in the body, and a hostile id is replaced rather than logged. The front door at the
// Node server, which gives every request its id, is tested over HTTP (tests/http/findings.test.ts).
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { requestIdFrom } from "@/lib/http/request-id";
import { proxy } from "@/proxy";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

describe("request ids", () => {
  it("proxy.ts keeps a well-formed incoming id and passes it to the page and back to the client", async () => {
    const res = await proxy(new NextRequest("http://localhost:3000/events", { headers: { "x-request-id": "lb-1234abcd", cookie: "faultline.session_token=x" } }));
    expect(res.headers.get("x-request-id")).toBe("lb-1234abcd");
    // NextResponse.next({ request: { headers } }) forwards overridden request headers under this prefix.
    expect(res.headers.get("x-middleware-request-x-request-id")).toBe("lb-1234abcd");
  });

  it("proxy.ts makes a fresh id for pages, and replaces ids that could inject into logs", async () => {
    const page = await proxy(new NextRequest("http://localhost:3000/events", { headers: { cookie: "faultline.session_token=x" } }));
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('x"\n{"level":60}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom("short")).not.toBe("short");
  });

  it("an API error answers with the request id in a header and in the body", async () => {
    const res = await listEvents(new Request("http://localhost:3000/api/v1/events", { headers: { "x-request-id": "req-00000001" } }), { params: Promise.resolve({} as never) });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("req-00000001");
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe("req-00000001");
  });
});
