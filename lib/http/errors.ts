// The one place where errors become HTTP statuses and action results. Route handlers and server actions throw the
// domain errors of lib/errors (or let zod/unknown errors through) and call `toErrorResponse` / `toActionFailure`:
// validation → 422 with per-field messages, bad request → 400, no credentials → 401, role too low → 403,
// missing → 404, method → 405, stale version → 409 naming who changed it, database unreachable or restarting or the
// market-data provider failing → 503 (retry),
// anything else → a generic 500 that hides internals.
import { ZodError } from "zod";
import { isDatabaseUnavailable, isUnstorableText } from "@/lib/db/errors";
import {
  BadRequestError,
  ConflictError,
  DomainError,
  type ErrorKind,
  type FieldErrors,
  ServiceUnavailableError,
  ValidationError,
} from "@/lib/errors";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-id";

/** The HTTP status each kind of domain error is reported with: the only place a kind meets a status. */
export const STATUS_OF_KIND: Record<ErrorKind, 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  too_many_requests: 429,
  payload_too_large: 413,
  database_unavailable: 503,
  market_data_unavailable: 503,
  conflict: 409,
  validation_failed: 422,
};

export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    fieldErrors?: FieldErrors;
    changedBy?: string | null;
    changedAt?: string | null;
    currentVersion?: number | null;
    /** Quote it when reporting a problem: the server's log lines for this request carry the same id. */
    requestId?: string;
  };
}

/** Logged with an unexpected error; only the request id is also returned to the client. */
export interface ErrorContext {
  requestId?: string;
  method?: string;
  path?: string;
}

export function toErrorBody(err: unknown, context: ErrorContext = {}): ErrorBody {
  const body = errorBodyOf(err, context);
  if (context.requestId) body.error.requestId = context.requestId;
  return body;
}

function errorBodyOf(err: unknown, context: ErrorContext): ErrorBody {
  if (err instanceof ZodError) return errorBodyOf(ValidationError.fromZod(err), context);
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { status: STATUS_OF_KIND[err.kind], code: err.kind, message: err.message } };
    if (err instanceof ValidationError) body.error.fieldErrors = err.fieldErrors;
    if (err instanceof ConflictError) {
      body.error.changedBy = err.changedBy;
      body.error.changedAt = err.changedAt?.toISOString() ?? null;
      body.error.currentVersion = err.currentVersion;
    }
    return body;
  }
  if (isDatabaseUnavailable(err)) {
    // Expected during a database restart: one line, no stack, so an outage does not flood the log.
    logger().warn({ ...context, reason: err instanceof Error ? err.message : String(err) }, "database unavailable");
    return errorBodyOf(new ServiceUnavailableError(), context);
  }
  if (isUnstorableText(err)) return errorBodyOf(new BadRequestError("Text may not contain NUL (\\u0000) characters."), context);
  logger().error({ ...context, err }, "unexpected error");
  return { error: { status: 500, code: "internal", message: "Something went wrong on our side. It has been logged." } };
}

export function toErrorResponse(err: unknown, context: ErrorContext = {}): Response {
  const body = toErrorBody(err, context);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
  if (body.error.status === 503) headers["retry-after"] = "5";
  if (body.error.status === 405) headers.allow = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  return Response.json(body, { status: body.error.status, headers });
}

/** What a server action returns when it fails: the form shows these and keeps what the user typed. */
export type ActionFailure = { ok: false } & ErrorBody["error"];
export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

export function toActionFailure(err: unknown, context: ErrorContext = {}): ActionFailure {
  return { ok: false, ...toErrorBody(err, context).error };
}

/** The request id proxy.ts gave the action's request; undefined outside a request (scripts, some tests). */
async function actionRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return requestIdOf(await headers());
  } catch {
    return undefined;
  }
}

/** True for Next's control-flow throws (redirect, notFound), which must propagate untouched. */
export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/** Runs a server action's body, turning domain errors into a result the form can show. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    return toActionFailure(err, { requestId: await actionRequestId() });
  }
}
