// Talking to the production build over plain HTTP, as a script or a browser would: better-auth's sign-in endpoint,
// session cookies, and server actions posted the way React posts them (Next-Action header, multipart reply).
import { readFileSync } from "node:fs";
import path from "node:path";

export const SESSION_COOKIE = /(^|; )(__Secure-)?faultline\.session_token=/;

export interface SignInAnswer {
  status: number;
  /** The cookies the answer set, as a Cookie header ("" when none). */
  cookie: string;
  body: string;
}

/**
 * POST /api/auth/sign-in/email. `ip` stands for the caller's machine (better-auth limits sign-ins per address).
 * better-auth only accepts the origin named by BETTER_AUTH_URL, so the app must be started with it.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, ip: string): Promise<SignInAnswer> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
  return { status: res.status, cookie, body: await res.text() };
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  exportedName?: string;
}

/** The id of a server action, found in the build's server-reference manifest by the page using it and its name. */
export function serverActionId(page: string, exportedName: string): string {
  const file = path.join(".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const worker = `app${page === "/" ? "" : page}/page`;
  const found = Object.entries(manifest.node).find(([, e]) => e.exportedName === exportedName && worker in e.workers);
  if (!found) throw new Error(`no server action ${exportedName} used by ${page} in ${file}`);
  return found[0];
}

export interface ActionAnswer {
  status: number;
  /** Where the action sent the browser (x-action-redirect), e.g. "/login", or null. */
  redirectedTo: string | null;
  body: string;
}

/**
 * Posts a `(previousState, formData)` server action exactly as React's client does after a form submit: the form's
 * fields prefixed with the reference of the FormData argument ("_1_"), then the argument list in part "0".
 */
export async function postServerAction(
  baseUrl: string,
  page: string,
  exportedName: string,
  fields: Record<string, string>,
  cookie: string,
): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  // Last, as React sends it: the server resolves the arguments when it reads this part.
  body.set("0", JSON.stringify([null, "$K1"]));
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: { "next-action": serverActionId(page, exportedName), accept: "text/x-component", origin: baseUrl, cookie },
    body,
    redirect: "manual",
  });
  const location = res.headers.get("x-action-redirect");
  return { status: res.status, redirectedTo: location ? location.split(";")[0]! : null, body: await res.text() };
}
