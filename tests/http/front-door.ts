// A raw HTTP client for hostile requests (node:http, so any method, path and header goes out exactly as written —
// fetch normalises paths and refuses TRACE) and the ledger the suites assert on: every answer is kept, and the
// checks run over all of them at the end so one failure does not hide the next.
import http from "node:http";

export interface HostileRequest {
  /** What this request attacks, for the failure list. */
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request as written; a connection the server closes without answering counts as status 0. */
export function send(baseUrl: string, req: HostileRequest, timeoutMs = 30_000): Promise<Answer> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  return new Promise((resolve) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...req.headers },
        timeout: timeoutMs,
        // Header values are sent as written (a hostile suite must be able to send what browsers would not).
        insecureHTTPParser: true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    r.on("timeout", () => r.destroy(new Error("timeout")));
    r.on("error", (err) => resolve({ status: 0, headers: {}, body: `client error: ${err.message}` }));
    if (body) r.write(body);
    r.end();
  });
}

/** Stack frames, server file paths and framework internals: none may reach a client, whatever the status. */
export function leaks(body: string, cwd = process.cwd()): string | null {
  const checks: [string, RegExp | string][] = [
    ["a stack frame", /\bat [\w.<>$[\] ]+ \((?:file:\/\/|\/|node:)[^)]*:\d+:\d+\)/],
    ["a stack frame", /\n\s+at (?:file:\/\/|\/|node:)\S+:\d+:\d+/],
    ["the server's directory", cwd],
    ["a node_modules path", "/node_modules/"],
    ["a build path", ".next/server"],
    ["a database error", /PrismaClient|prisma\.\w+\.\w+\(|ECONNREFUSED|duplicate key value|syntax error at or near/],
  ];
  for (const [what, pattern] of checks) {
    if (typeof pattern === "string" ? body.includes(pattern) : pattern.test(body)) return what;
  }
  return null;
}

export interface Finding {
  label: string;
  method: string;
  path: string;
  status: number;
  problem: string;
  excerpt: string;
}

export class Ledger {
  readonly findings: Finding[] = [];
  sent = 0;
  fiveHundreds = 0;
  readonly statuses = new Map<number, number>();

  record(req: HostileRequest, answer: Answer): void {
    this.sent++;
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500 || answer.status === 0) {
      this.fiveHundreds++;
      this.flag(req, answer, answer.status === 0 ? "no answer (connection dropped or timed out)" : `HTTP ${answer.status}`);
    }
    const leak = leaks(answer.body);
    if (leak) this.flag(req, answer, `the body shows ${leak}`);
  }

  flag(req: HostileRequest, answer: Answer, problem: string): void {
    this.findings.push({ label: req.label, method: req.method, path: req.path.slice(0, 200), status: answer.status, problem, excerpt: answer.body.slice(0, 300) });
  }

  /** One line per finding since `from` (an earlier length of `findings`), for the assertion message. */
  report(from = 0): string {
    return this.findings.slice(from).map((f) => `${f.problem} · ${f.label} · ${f.method} ${f.path} → ${f.status}: ${f.excerpt.replace(/\s+/g, " ").slice(0, 160)}`).join("\n");
  }
}
