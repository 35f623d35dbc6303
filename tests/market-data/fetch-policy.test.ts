// The request policy on its own: backoff arithmetic, Retry-After parsing, the concurrency limit and the per-window cap.
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { backoffDelay, createRequestGate, DEFAULT_FETCH_POLICY, parseRetryAfter, policedFetch } from "@/lib/market-data/fetch-policy";
import { mswServer } from "../msw/server";

const URL_UNDER_TEST = "https://api.example.test/thing";

describe("backoffDelay", () => {
  it("doubles from the base and stops at the cap (full jitter: the ceiling at random = 1)", () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, DEFAULT_FETCH_POLICY, () => 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("draws uniformly below the ceiling", () => {
    expect(backoffDelay(3, DEFAULT_FETCH_POLICY, () => 0.25)).toBe(2_000);
    expect(backoffDelay(3, DEFAULT_FETCH_POLICY, () => 0)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-01T14:00:00Z");
  it("reads delta-seconds and HTTP dates, ignores anything else", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 14:05:00 GMT", now)).toBe(300_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 13:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("request gate", () => {
  it("never has more requests in flight than the concurrency limit", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    mswServer.use(
      http.get(URL_UNDER_TEST, async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await delay(20);
        inFlight--;
        return HttpResponse.json({ ok: true });
      }),
    );
    const fetchPoliced = policedFetch(() => fetch, createRequestGate({ concurrency: 2 }));
    await Promise.all(Array.from({ length: 6 }, () => fetchPoliced(URL_UNDER_TEST)));
    expect(maxInFlight).toBe(2);
  });

  it("starts no more than requestsPerMinute requests per rate window", async () => {
    const startedAt: number[] = [];
    mswServer.use(
      http.get(URL_UNDER_TEST, () => {
        startedAt.push(Date.now());
        return HttpResponse.json({ ok: true });
      }),
    );
    const gate = createRequestGate({ concurrency: 10, requestsPerMinute: 2, rateWindowMs: 150 });
    const fetchPoliced = policedFetch(() => fetch, gate);
    await Promise.all(Array.from({ length: 5 }, () => fetchPoliced(URL_UNDER_TEST)));
    expect(startedAt).toHaveLength(5);
    const first = startedAt[0] ?? 0;
    const windows = startedAt.map((t) => Math.floor((t - first) / 140)); // a little slack for timer jitter
    for (const w of new Set(windows)) expect(windows.filter((x) => x === w).length).toBeLessThanOrEqual(2);
    expect((startedAt[4] ?? 0) - first).toBeGreaterThanOrEqual(280);
  });

  it("retries share the gate: a retry waits for its slot like any request", async () => {
    let requests = 0;
    mswServer.use(
      http.get(URL_UNDER_TEST, () => (++requests === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }))),
    );
    const retries: number[] = [];
    const fetchPoliced = policedFetch(() => fetch, createRequestGate({ baseDelayMs: 1 }), {
      onRetry: ({ attempt }) => void retries.push(attempt),
    });
    const response = await fetchPoliced(URL_UNDER_TEST);
    expect(await response.json()).toEqual({ ok: true });
    expect(requests).toBe(2);
    expect(retries).toEqual([1]);
  });

  it("passes non-retryable statuses (404) straight through, unretried", async () => {
    let requests = 0;
    mswServer.use(http.get(URL_UNDER_TEST, () => (requests++, new HttpResponse("nope", { status: 404 }))));
    const response = await policedFetch(() => fetch, createRequestGate())(URL_UNDER_TEST);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("nope");
    expect(requests).toBe(1);
  });

  it("does not retry when the caller aborts", async () => {
    let requests = 0;
    mswServer.use(
      http.get(URL_UNDER_TEST, async () => {
        requests++;
        await delay(1_000);
        return HttpResponse.json({ ok: true });
      }),
    );
    const controller = new AbortController();
    const pending = policedFetch(() => fetch, createRequestGate())(URL_UNDER_TEST, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow();
    expect(requests).toBe(1);
  });
});
