// Recognises the database errors that are not bugs, whichever layer raised them (node-postgres directly, Prisma's
// driver adapter, pg-boss): the database being unreachable or restarting — a 503 the client can retry — and text
// PostgreSQL cannot store (a NUL character), which is the client's input, not our fault.
const UNAVAILABLE_CODES = new Set([
  // Sockets: nothing listening, connection cut, name or route gone.
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN",
  // PostgreSQL: connection exceptions (08…), shutdown / crash / starting up (57P01–57P03), too many connections.
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300",
  // Prisma: cannot reach, closed the connection, pool timeout.
  "P1001", "P1002", "P1017", "P2024",
  // Prisma's driver-adapter error kinds for the same situations.
  "DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections",
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|server closed the connection/i;

/** PostgreSQL's "invalid byte sequence" / "unsupported Unicode escape": text that cannot be stored. */
const BAD_TEXT_CODES = new Set(["22021", "22P05"]);

/** Every code and message on the error, its causes, and Prisma's wrapped driver error. */
function facts(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 6) return;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
    for (const c of [o.code, o.originalCode, o.kind]) if (typeof c === "string") codes.push(c);
    if (typeof o.message === "string") messages.push(o.message);
    visit(o.cause, depth + 1);
    visit(o.meta?.driverAdapterError, depth + 1);
    // AggregateError (a connect that tried IPv4 and IPv6) keeps the socket errors in `errors`.
    if (Array.isArray(o.errors)) for (const inner of o.errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return { codes, messages };
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const { codes, messages } = facts(err);
  return codes.some((c) => UNAVAILABLE_CODES.has(c)) || messages.some((m) => UNAVAILABLE_MESSAGES.test(m));
}

export function isUnstorableText(err: unknown): boolean {
  return facts(err).codes.some((c) => BAD_TEXT_CODES.has(c));
}
