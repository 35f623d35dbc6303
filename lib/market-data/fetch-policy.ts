// How Faultline talks to a rate-limited data provider: every HTTP request goes through one gate (a concurrency limit
// plus a per-minute request cap) and is retried with jittered exponential backoff on 429, 5xx, timeouts and network
// failures. A 429's Retry-After is honoured when it is short enough to wait for; when it is not, the request fails at
// once with the wait attached, so a job scheduler can come back later instead of a worker sleeping for minutes.
// The policy lives here and nowhere else; providers wrap their fetch with `policedFetch` and map `HttpFailure`.
import PQueue from "p-queue";

export interface FetchPolicy {
  /** Requests in flight at once, across every caller sharing the gate. */
  concurrency: number;
  /** Requests started per `rateWindowMs` (a fixed window). */
  requestsPerMinute: number;
  /** Length of the rate window; 60 s in production, tiny in tests. */
  rateWindowMs: number;
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number;
  /** First backoff delay; attempt n waits a random time in [0, min(cap, base · 2^n)] ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per-attempt timeout, covering the response headers and body. */
  timeoutMs: number;
  /** A Retry-After longer than this is not waited for: the request fails with `retryAfterMs` for the caller. */
  maxRetryAfterMs: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  concurrency: 4,
  requestsPerMinute: 60,
  rateWindowMs: 60_000,
  retries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 20_000,
  maxRetryAfterMs: 60_000,
};

export type HttpFailureReason = "rate_limited" | "server_error" | "timeout" | "network";

/** The last attempt of a policed request failed in a way worth retrying; thrown once retries are used up. */
export class HttpFailure extends Error {
  constructor(
    readonly reason: HttpFailureReason,
    readonly url: string,
    readonly attempts: number,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${reason}${status ? ` (HTTP ${status})` : ""} after ${attempts} attempt(s): ${url}`);
    this.name = "HttpFailure";
  }
}

export interface RequestGate {
  readonly policy: FetchPolicy;
  /** Runs `task` when a concurrency slot and the rate window allow it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** One gate per upstream service per process: everything that calls that service must share it. */
export function createRequestGate(overrides: Partial<FetchPolicy> = {}): RequestGate {
  const policy = { ...DEFAULT_FETCH_POLICY, ...overrides };
  const queue = new PQueue({
    concurrency: policy.concurrency,
    intervalCap: policy.requestsPerMinute,
    interval: policy.rateWindowMs,
  });
  return { policy, run: (task) => queue.add(task, { throwOnTimeout: true }) };
}

export interface PolicedFetchHooks {
  /** Injected for tests; defaults to setTimeout and Math.random. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: HttpFailureReason; status?: number }) => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delay before retry number `attempt` (0-based): full jitter over an exponentially growing, capped ceiling. */
export function backoffDelay(attempt: number, policy: Pick<FetchPolicy, "baseDelayMs" | "maxDelayMs">, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling * random());
}

/** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type Outcome = { response: Response } | { failure: HttpFailureReason; status?: number; retryAfterMs?: number };

/**
 * Wraps `fetchImpl` so every call goes through `gate`, times out after `policy.timeoutMs`, and is retried as the
 * policy says. Resolves with any response that is not 429/5xx (the caller reads 404 etc. itself); rejects with
 * `HttpFailure` when retries are exhausted, or at once with the caller's own abort.
 */
export function policedFetch(
  fetchImpl: () => typeof fetch,
  gate: RequestGate,
  hooks: PolicedFetchHooks = {},
): typeof fetch {
  const { policy } = gate;
  const sleep = hooks.sleep ?? sleepFor;
  const random = hooks.random ?? Math.random;
  const now = hooks.now ?? Date.now;

  async function attemptOnce(input: RequestInfo | URL, init: RequestInit | undefined): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), policy.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      const response = await fetchImpl()(input, { ...init, signal });
      if (response.status === 429 || response.status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
        await response.arrayBuffer().catch(() => undefined); // drain it so the connection can be reused
        return { failure: response.status === 429 ? "rate_limited" : "server_error", status: response.status, retryAfterMs };
      }
      // Read the body inside the timeout so a server that stalls mid-body counts as a timeout too.
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return { response: new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }) };
    } catch (error) {
      if (init?.signal?.aborted) throw error; // the caller gave up: not ours to retry
      return { failure: timeout.signal.aborted ? "timeout" : "network" };
    } finally {
      clearTimeout(timer);
    }
  }

  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    for (let attempt = 0; ; attempt++) {
      const outcome = await gate.run(() => attemptOnce(input, init));
      if ("response" in outcome) return outcome.response;
      const { failure, status, retryAfterMs } = outcome;
      const attempts = attempt + 1;
      if (attempt >= policy.retries) throw new HttpFailure(failure, url, attempts, status, retryAfterMs);
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
        throw new HttpFailure(failure, url, attempts, status, retryAfterMs);
      }
      const delayMs = Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy, random));
      hooks.onRetry?.({ url, attempt: attempts, delayMs, reason: failure, status });
      await sleep(delayMs);
    }
  };
}
