// Domain errors: what went wrong, in the domain's words. Each carries a `kind`; only lib/http turns a kind into an
// HTTP status, so domain code never knows which protocol will report its failure.
import { ZodError } from "zod";

export type FieldErrors = Record<string, string[]>;

export type ErrorKind =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "too_many_requests"
  | "payload_too_large"
  | "database_unavailable"
  | "market_data_unavailable"
  | "conflict"
  | "validation_failed";

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super("bad_request", message);
  }
}

export class AuthenticationError extends DomainError {
  constructor(message = "Sign in first, or send an API token as `Authorization: Bearer <token>`.") {
    super("unauthenticated", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Your role does not allow this.") {
    super("forbidden", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super("not_found", message);
  }
}

/** A method no route of Faultline serves (TRACE, WebDAV verbs…). */
export class MethodNotAllowedError extends DomainError {
  constructor(method: string) {
    super("method_not_allowed", `The method ${method.slice(0, 20)} is not allowed here.`);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super("unsupported_media_type", message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string) {
    super("too_many_requests", message);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super("payload_too_large", message);
  }
}

/** The database is down or restarting: nothing was saved, and the same request can be sent again shortly. */
export class ServiceUnavailableError extends DomainError {
  constructor(message = "The database is not reachable right now; nothing was saved. Try again in a few seconds.") {
    super("database_unavailable", message);
  }
}

export const MARKET_DATA_UNAVAILABLE_ADVICE = "Yahoo can't be reached — add the symbol by hand or import a CSV.";

/** The market-data provider failed, was slow or answered in a shape we do not know: nothing depends on it but the
 * request at hand, so the message says what the analyst can do without it. */
export class MarketDataUnavailableError extends DomainError {
  constructor(readonly detail: string) {
    super("market_data_unavailable", `${MARKET_DATA_UNAVAILABLE_ADVICE} (${detail})`);
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
    super("conflict", message);
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Some fields need attention.",
  ) {
    super("validation_failed", message);
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
