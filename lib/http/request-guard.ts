// Requests refused at the front door (proxy.ts), before Next.js routes them — each of these otherwise ends in a
// framework-level 500: a method no route serves (TRACE), a path that is not valid UTF-8 once decoded, and form posts
// that cannot be genuine: from another origin, larger than the forms accept, or — for server actions — a body that
// is not the multipart form a browser sends (every Faultline action takes the form as its last argument). Under /api
// the answer is the API's JSON error with the request id; pages get the same message as plain text.
import { BadRequestError, ForbiddenError, MethodNotAllowedError, PayloadTooLargeError, UnsupportedMediaTypeError, type DomainError } from "@/lib/errors";
import { STATUS_OF_KIND, toErrorResponse } from "@/lib/http/errors";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { MAX_FORM_BODY_BYTES, MAX_FORM_FILE_BYTES } from "@/lib/validation/upload-limits";

/** Methods some route of Faultline serves; anything else (TRACE, TRACK, WebDAV verbs…) is refused before routing. */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Methods only the API serves (route handlers under /api). */
const PAGE_REFUSED_METHODS = new Set(["PUT", "PATCH", "DELETE"]);


function refusal(err: DomainError, pathname: string, requestId: string): Response {
  if (pathname.startsWith("/api/")) return toErrorResponse(err, { requestId });
  const headers: Record<string, string> = { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: requestId };
  const status = STATUS_OF_KIND[err.kind];
  if (status === 405) headers.allow = "GET, HEAD, POST, OPTIONS";
  return new Response(`${err.message}\n\nRequest id: ${requestId}\n`, { status, headers });
}

function hostOf(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Next's own check for actions compares hosts (the scheme may differ behind a TLS-terminating proxy); so does this. */
function isForeignOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  const host = hostOf(origin);
  if (host === null) return true;
  const own = [req.headers.get("x-forwarded-host"), req.headers.get("host"), new URL(req.url).host]
    .filter((h): h is string => !!h)
    .map((h) => h.split(",")[0]!.trim().toLowerCase());
  return !own.includes(host);
}

/** React's reference to a FormData argument in an action's encoded argument list ("$K1"). */
const FORM_REFERENCE = /^\$K[0-9a-f]+$/;

async function actionBodyProblem(req: Request): Promise<DomainError | null> {
  if (!/^multipart\/form-data;\s*boundary=/i.test(req.headers.get("content-type") ?? "")) {
    return new UnsupportedMediaTypeError("A form must be posted as multipart/form-data.");
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return new BadRequestError("The form could not be read.");
  }
  const encoded = form.get("0");
  if (typeof encoded !== "string") return new BadRequestError("The form does not carry its arguments.");
  let args: unknown;
  try {
    args = JSON.parse(encoded);
  } catch {
    return new BadRequestError("The form's arguments are not valid.");
  }
  // (previous state, form) from useActionState, or (form) from a plain <form action>; sign-out takes the form and ignores it.
  const last: unknown = Array.isArray(args) ? args.at(-1) : undefined;
  if (!Array.isArray(args) || args.length > 2 || (args.length > 0 && (typeof last !== "string" || !FORM_REFERENCE.test(last)))) {
    return new BadRequestError("This action takes a form.");
  }
  return null;
}

function decodesAsUtf8(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The refusal for a request that must not reach the router, or null to let it through. `pathname` is as sent (still percent-encoded). */
export async function refuseAtTheDoor(req: Request, pathname: string, requestId: string): Promise<Response | null> {
  const method = req.method.toUpperCase();
  if (!KNOWN_METHODS.has(method)) return refusal(new MethodNotAllowedError(method), pathname, requestId);
  if (!decodesAsUtf8(pathname)) return refusal(new BadRequestError("The address is not valid: it does not decode as UTF-8."), pathname, requestId);
  // Pages are read (GET, HEAD) and take forms (POST); Next would render a page for PUT, PATCH or DELETE as if read.
  if (PAGE_REFUSED_METHODS.has(method) && !pathname.startsWith("/api/")) return refusal(new MethodNotAllowedError(method), pathname, requestId);
  const isAction = req.headers.has("next-action");
  // Pages take POSTs only for server actions (with or without JavaScript); the API does its own checks.
  if (!isAction && (method !== "POST" || pathname.startsWith("/api/"))) return null;
  if (isForeignOrigin(req)) return refusal(new ForbiddenError("Refused a form posted from another origin."), pathname, requestId);
  if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_BODY_BYTES) {
    return refusal(new PayloadTooLargeError(`The form is too large: files up to ${MAX_FORM_FILE_BYTES / 1_000_000} MB can be imported (the file is checked before it is sent when JavaScript runs).`), pathname, requestId);
  }
  if (!isAction) return null;
  if (method !== "POST") return refusal(new MethodNotAllowedError(method), pathname, requestId);
  const problem = await actionBodyProblem(req.clone());
  return problem ? refusal(problem, pathname, requestId) : null;
}
