// Route handlers of the JSON API are written as `apiHandler(minRole, async (req, user, params) => …)`: it
// authenticates (session cookie or bearer token), checks the role, and turns any error into the one error format.
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { authenticateRequest } from "@/lib/auth/session";
import { BadRequestError, toErrorResponse } from "@/lib/http/errors";
import { requestIdOf } from "@/lib/http/request-id";

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

export async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new BadRequestError("The request body must be JSON.");
  }
}

/** Query string as a plain object for the query schemas (repeated keys keep the last value). */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
