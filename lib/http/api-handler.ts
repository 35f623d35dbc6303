// Route handlers of the JSON API are written as `apiHandler(minRole, async (req, user, params) => …)`: it
// authenticates (session cookie or bearer token), checks the role, and turns any error into the one error format.
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { authenticateRequest } from "@/lib/auth/session";
import { BadRequestError, PayloadTooLargeError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import { requestIdOf } from "@/lib/http/request-id";
import { assertJsonDepth } from "@/lib/validation/json-depth";

export type RouteContext<P> = { params: Promise<P> };

export function apiHandler<P = Record<string, never>>(
  minRole: Role,
  handle: (req: Request, user: Principal, params: P) => Promise<Response | unknown>,
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    try {
      const user = await authenticateRequest(req, minRole);
      const out = await handle(req, user, ctx ? await ctx.params : ({} as P));
      return out instanceof Response ? out : Response.json(out, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      const url = new URL(req.url);
      return toErrorResponse(err, { requestId, method: req.method, path: url.pathname });
    }
  };
}

/** JSON bodies of the API are forms' worth of fields: 1 MB is far above any valid one (a 10,000-character summary). */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * The body as text, refusing it with 413 once it passes `maxBytes` — read as a stream, so a client cannot make the
 * server buffer a body of any size (Next sets no limit on route handlers).
 */
export async function bodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${(maxBytes / 1_000_000).toLocaleString("en-US")} MB.`);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function jsonBody(req: Request): Promise<unknown> {
  const text = await bodyText(req, MAX_JSON_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body must be JSON.");
  }
  assertJsonDepth(body);
  return body;
}

/** A JSON body that must be an object (a PATCH or a command's fields): anything else is a 400 saying so. */
export async function jsonObjectBody(req: Request): Promise<Record<string, unknown>> {
  const body = await jsonBody(req);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new BadRequestError("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** Query string as a plain object for the query schemas (repeated keys keep the last value). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
