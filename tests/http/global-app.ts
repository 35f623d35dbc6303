// One production server for the front-door suites: embedded PostgreSQL, `scripts/start.ts`, and a cast of callers —
// each role signed in over HTTP, a suspended and a deleted account (signed in before they were suspended or
// deleted, so their old cookies are tried too), and API tokens of each scope, including the suspended and deleted
// accounts' tokens. Everything is stopped and removed at the end.
import type { TestProject } from "vitest/node";
import { issueApiToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { banUser, deleteUser } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { ADMIN, PASSWORD, createAccounts, signIn, startDatabase, startFaultline } from "@/scripts/reliability/harness";
import type { Cast } from "./cast";


async function userId(email: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A sign-in over HTTP that may be refused: the status and, when it succeeded, the cookie. */
async function trySignIn(baseUrl: string, email: string, ip: string): Promise<{ status: number; cookie: string | null }> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => !/=$/.test(c)).join("; ");
  return { status: res.status, cookie: res.ok && cookie ? cookie : null };
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const database = await startDatabase();
  // No scheduled price refresh: it writes on its own clock, and the battery proves refused requests write nothing.
  const app = await startFaultline(database.url, { REFRESH_INTERVAL_MINUTES: "0" }).catch(async (err: unknown) => {
    await database.remove();
    throw err;
  });
  try {
    // After the start: the first start creates the admin from ADMIN_EMAIL only while there is no account yet.
    const [viewer] = await createAccounts("VIEWER", 1, "http-viewer");
    const [analyst] = await createAccounts("ANALYST", 1, "http-analyst");
    const [suspended] = await createAccounts("ANALYST", 1, "http-suspended");
    const [deleted] = await createAccounts("ANALYST", 1, "http-deleted");
    const cookies = {
      viewer: await signIn(app.baseUrl, viewer!.email, PASSWORD, "198.51.100.11"),
      analyst: await signIn(app.baseUrl, analyst!.email, PASSWORD, "198.51.100.12"),
      admin: await signIn(app.baseUrl, ADMIN.email, ADMIN.password, "198.51.100.13"),
      suspendedBefore: await signIn(app.baseUrl, suspended!.email, PASSWORD, "198.51.100.14"),
      deletedBefore: await signIn(app.baseUrl, deleted!.email, PASSWORD, "198.51.100.15"),
    };
    // The admin created at start acts for the suite (tokens record who issued them).
    const actingAdmin: Principal = { id: await userId(ADMIN.email), name: "Admin", email: ADMIN.email, role: "ADMIN", via: "session" };
    const ids = {
      viewer: await userId(viewer!.email),
      analyst: await userId(analyst!.email),
      suspended: await userId(suspended!.email),
      deleted: await userId(deleted!.email),
    };
    const token = async (owner: string, scope: "READ" | "READ_WRITE") => (await issueApiToken(actingAdmin, { name: `http suite ${scope}`, userId: owner, scope })).token;
    const tokens = {
      read: await token(ids.analyst, "READ"),
      readWrite: await token(ids.analyst, "READ_WRITE"),
      viewerReadWrite: await token(ids.viewer, "READ_WRITE"),
      suspended: await token(ids.suspended, "READ_WRITE"),
      deleted: await token(ids.deleted, "READ_WRITE"),
    };
    await banUser(actingAdmin, { userId: ids.suspended, reason: "HTTP suite" });
    await deleteUser(actingAdmin, { userId: ids.deleted });
    // After the suspension: the account's own attempt to come back in. Refused once suspended accounts are locked
    // out; if it is not, the cookie it got is the one the suite attacks with (and must be refused everywhere).
    const suspendedSignIn = await trySignIn(app.baseUrl, suspended!.email, "198.51.100.16");
    const deletedSignIn = await trySignIn(app.baseUrl, deleted!.email, "198.51.100.17");
    const cast: Cast = {
      baseUrl: app.baseUrl,
      databaseUrl: database.url,
      cookies: {
        viewer: cookies.viewer,
        analyst: cookies.analyst,
        admin: cookies.admin,
        suspended: suspendedSignIn.cookie ?? cookies.suspendedBefore,
        deleted: deletedSignIn.cookie ?? cookies.deletedBefore,
      },
      tokens,
      signInAfter: { suspended: suspendedSignIn.status, deleted: deletedSignIn.status },
      credentials: {
        viewer: { email: viewer!.email, password: PASSWORD },
        analyst: { email: analyst!.email, password: PASSWORD },
        admin: { email: ADMIN.email, password: ADMIN.password },
        suspended: suspended!.email,
        deleted: deleted!.email,
        password: PASSWORD,
      },
    };
    project.provide("cast", cast);
    console.log(`front-door suite: Faultline up on ${app.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(app.output().slice(-4_000));
    await app.stop();
    await database.remove();
    throw err;
  }
  return async () => {
    await app.stop();
    await database.remove();
  };
}
