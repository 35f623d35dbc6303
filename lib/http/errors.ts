// The one place where errors become HTTP statuses and action results. Route handlers and server actions throw these
// domain errors (or let zod/unknown errors through) and call `toErrorResponse` / `toActionFailure`:
// validation → 422 with per-field messages, bad request → 400, no credentials → 401, role too low → 403,
// missing → 404, method → 405, stale version → 409 naming who changed it, database unreachable or restarting → 503 (retry),
// anything else → a generic 500 that hides internals.
import { ZodError } from "zod";
import { isDatabaseUnavailable, isUnstorableText } from "@/lib/http/database-errors";
import { logger } from "@/lib/http/logger";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-id";

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super(400, "bad_request", message);
  }
}

export class AuthenticationError extends DomainError {
  constructor(message = "Sign in first, or send an API token as `Authorization: Bearer <token>`.") {
    super(401, "unauthenticated", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this.") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

/** A method no route of Faultline serves (TRACE, WebDAV verbs…). */
export class MethodNotAllowedError extends DomainError {
  constructor(method: string) {
    super(405, "method_not_allowed", `The method ${method.slice(0, 20)} is not allowed here.`);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super(415, "unsupported_media_type", message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string) {
    super(429, "too_many_requests", message);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(413, "payload_too_large", message);
  }
}

/** The database is down or restarting: nothing was saved, and the same request can be sent again shortly. */
export class ServiceUnavailableError extends DomainError {
  constructor(message = "The database is not reachable right now; nothing was saved. Try again in a few seconds.") {
    super(503, "database_unavailable", message);
  }
}

/** Another writer saved first: names who and when so the user can review their change, then save again. */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly changedBy: string | null = null,
    readonly changedAt: Date | null = null,
    readonly currentVersion: number | null = null,
  ) {
    super(409, "conflict", message);
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Some fields need attention.",
  ) {
    super(422, "validation_failed", message);
  }

  static fromZod(error: ZodError): ValidationError {
    return new ValidationError(fieldErrorsOf(error));
  }
}

/** Per-field messages keyed by the dotted path ("countries.2"); form-level issues under "_form". */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

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
    const body: ErrorBody = { error: { status: err.status, code: err.code, message: err.message } };
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
