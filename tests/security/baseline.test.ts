// Security baseline: response headers and the page CSP, session cookies marked Secure behind https, credentials
// redacted from logs, and internals never in an error response.
import { Writable } from "node:stream";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import pino from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/better-auth";
import { createFirstAdmin } from "@/lib/auth/users";
import { toErrorResponse } from "@/lib/http/errors";
import { loggerOptions } from "@/lib/logger";
import { proxy } from "@/proxy";

// next.config.js is plain JavaScript (Next loads it untranspiled): typed here with Next's own config type.
const nextConfig = (await import("@/next.config.js" as string)).default as NextConfig;

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("headers", () => {
  it("every response: nosniff, a referrer policy, no framing, no X-Powered-By", async () => {
    const rules = await nextConfig.headers!();
    const all = Object.fromEntries(rules.find((r) => r.source === "/:path*")!.headers.map((h) => [h.key, h.value]));
    expect(all).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin", "X-Frame-Options": "DENY" });
    expect(nextConfig.poweredByHeader).toBe(false);
  });

  it("pages: a nonce CSP without unsafe-inline or unsafe-eval scripts in production, and no framing", () => {
    vi.stubEnv("NODE_ENV", "production");
    const res = proxy(new NextRequest("http://localhost:3000/events", { headers: { cookie: "faultline.session_token=x" } }));
    const csp = res.headers.get("content-security-policy")!;
    const scripts = /script-src ([^;]+)/.exec(csp)![1]!;
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    // A fresh nonce per request: a nonce seen once cannot be reused by injected markup.
    const again = proxy(new NextRequest("http://localhost:3000/events", { headers: { cookie: "faultline.session_token=x" } }));
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
    vi.unstubAllEnvs();
  });
});

describe("session cookies", () => {
  it("are Secure (and __Secure- prefixed), httpOnly and SameSite=Lax when BETTER_AUTH_URL is https", async () => {
    vi.stubEnv("BETTER_AUTH_URL", "https://faultline.example.com");
    const admin = await createFirstAdmin({ name: "Admin", email: "secure@example.test", password: "correct horse battery staple" });
    const res = await auth().api.signInEmail({ body: { email: admin.email, password: "correct horse battery staple" }, headers: new Headers({ origin: "https://faultline.example.com" }), asResponse: true });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/^__Secure-faultline\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});

describe("no secrets in logs or error responses", () => {
  it("redacts passwords, cookies, tokens and connection strings from logged objects", () => {
    let out = "";
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
    const log = pino(loggerOptions("info"), sink);
    log.info({ password: "hunter2-password", body: { newPassword: "another-secret-pw" }, req: { headers: { cookie: "faultline.session_token=abc.sig", authorization: "Bearer flt_secret" } }, pool: { connectionString: "postgresql://u:dbpass@h/db" } }, "request");
    expect(out).toContain("[redacted]");
    for (const secret of ["hunter2-password", "another-secret-pw", "abc.sig", "flt_secret", "dbpass"]) expect(out).not.toContain(secret);
  });

  it("an unexpected error answers a generic 500 with no message, stack or connection string", async () => {
    const err = new Error("connect failed for postgresql://faultline:s3cret@db.internal:5432/faultline");
    const res = toErrorResponse(err, { requestId: "req-12345678" });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toMatch(/s3cret|db\.internal|at .*\.ts|Error:/);
    expect(JSON.parse(text)).toEqual({ error: { status: 500, code: "internal", message: "Something went wrong on our side. It has been logged.", requestId: "req-12345678" } });
  });
});
