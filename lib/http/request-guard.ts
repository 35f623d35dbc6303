// Page requests refused in proxy.ts before Next.js renders or runs anything — each of these otherwise ends in a
// framework-level 500 or a page rendered for the wrong verb: PUT, PATCH or DELETE on a page, and form posts that cannot
// be genuine: from another origin, larger than the forms accept, or — for server actions — a body that is not the
// multipart form a browser sends (every Faultline action takes the form as its last argument). The answer is the
// message as plain text with the request id. Unknown methods and paths that do not decode are refused earlier, for
// pages and the API alike, at the Node server (lib/runtime/http-front-door.mjs); the API does its own checks.
import { BadRequestError, ForbiddenError, MethodNotAllowedError, PayloadTooLargeError, UnsupportedMediaTypeError, type DomainError } from "@/lib/errors";
import { STATUS_OF_KIND } from "@/lib/http/errors";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { MAX_FORM_BODY_BYTES, MAX_FORM_FILE_BYTES } from "@/lib/validation/upload-limits";

/** Methods only the API serves (route handlers under /api). */
const PAGE_REFUSED_METHODS = new Set(["PUT", "PATCH", "DELETE"]);

function refusal(err: DomainError, requestId: string): Response {
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

/** The refusal for a page request that must not reach the router, or null to let it through. */
export async function refuseAtTheDoor(req: Request, requestId: string): Promise<Response | null> {
  const method = req.method.toUpperCase();
  // Pages are read (GET, HEAD) and take forms (POST); Next would render a page for PUT, PATCH or DELETE as if read.
  if (PAGE_REFUSED_METHODS.has(method)) return refusal(new MethodNotAllowedError(method), requestId);
  const isAction = req.headers.has("next-action");
  // Pages take POSTs only for server actions (with or without JavaScript).
  if (!isAction && method !== "POST") return null;
  if (isForeignOrigin(req)) return refusal(new ForbiddenError("Refused a form posted from another origin."), requestId);
  if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_BODY_BYTES) {
    return refusal(new PayloadTooLargeError(`The form is too large: files up to ${MAX_FORM_FILE_BYTES / 1_000_000} MB can be imported (the file is checked before it is sent when JavaScript runs).`), requestId);
  }
  if (!isAction) return null;
  if (method !== "POST") return refusal(new MethodNotAllowedError(method), requestId);
  const problem = await actionBodyProblem(req.clone());
  return problem ? refusal(problem, requestId) : null;
}
