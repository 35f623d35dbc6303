// The CSRF check on cookie-authenticated writes compares whole origins (scheme, host and port), not just the host.
import { afterEach, describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "@/lib/auth/same-origin";

const saved = process.env.BETTER_AUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = saved;
});

function post(url: string, headers: Record<string, string>): Request {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });
}

describe("same-origin check for writes made with the session cookie", () => {
  it("accepts the app's own origin, and requests without Origin (scripts cannot carry a victim's cookie)", () => {
    delete process.env.BETTER_AUTH_URL;
    expect(() => assertSameOriginWrite(post("http://faultline.test:3000/api/v1/events", { origin: "http://faultline.test:3000", host: "faultline.test:3000" }))).not.toThrow();
    expect(() => assertSameOriginWrite(post("http://faultline.test:3000/api/v1/events", {}))).not.toThrow();
  });

  it("refuses an https Origin on an http deployment, and an http Origin on an https one", () => {
    delete process.env.BETTER_AUTH_URL;
    expect(() => assertSameOriginWrite(post("http://faultline.test:3000/api/v1/events", { origin: "https://faultline.test:3000", host: "faultline.test:3000" }))).toThrow(/another origin/);
    process.env.BETTER_AUTH_URL = "https://risk.example.com";
    // Behind a TLS proxy the app itself is reached over http on another port: the public origin is BETTER_AUTH_URL's.
    const behindProxy = "http://127.0.0.1:3000/api/v1/events";
    expect(() => assertSameOriginWrite(post(behindProxy, { origin: "https://risk.example.com", host: "risk.example.com", "x-forwarded-proto": "https" }))).not.toThrow();
    expect(() => assertSameOriginWrite(post(behindProxy, { origin: "http://risk.example.com", host: "risk.example.com", "x-forwarded-proto": "https" }))).toThrow(/another origin/);
  });

  it("refuses the right host on another port, a look-alike host and an unparsable Origin", () => {
    delete process.env.BETTER_AUTH_URL;
    const url = "http://faultline.test:3000/api/v1/events";
    for (const origin of ["http://faultline.test:3001", "http://faultline.test", "http://faultline.test:3000.evil.example", "null", "not a url"]) {
      expect(() => assertSameOriginWrite(post(url, { origin, host: "faultline.test:3000" })), origin).toThrow(/another origin/);
    }
  });
});
