// One id per request, so a user's error message, the proxy's access log and our log lines can be matched up.
// proxy.ts accepts an incoming `x-request-id` (from a load balancer) when it looks like an id, otherwise makes one,
// and passes it on to route handlers and server actions in the request headers; error responses carry it back.
export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The caller's id when it is a plausible one (no log injection through it), or a fresh UUID. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** The id proxy.ts put on this request, if any (route handlers, and tests calling them directly, may lack it). */
export function requestIdOf(headers: Headers): string | undefined {
  const id = headers.get(REQUEST_ID_HEADER);
  return id && SAFE_ID.test(id) ? id : undefined;
}
