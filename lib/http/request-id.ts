// One id per request, so a user's error message, the proxy's access log and our log lines can be matched up.
// The front door at the Node server (lib/runtime/http-front-door.mjs, same rule as SAFE_ID below) accepts an incoming
// `x-request-id` (from a load balancer) when it looks like an id, otherwise makes one, and puts it on the request for
// route handlers, server actions and proxy.ts, and on the response; error bodies carry it too.
export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The caller's id when it is a plausible one (no log injection through it), or a fresh UUID. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** The id the front door put on this request, if any (tests calling route handlers directly may lack it). */
export function requestIdOf(headers: Headers): string | undefined {
  const id = headers.get(REQUEST_ID_HEADER);
  return id && SAFE_ID.test(id) ? id : undefined;
}
