// Preloaded into the Next.js server process (`node --import` this file, see scripts/start.ts). TRACE and TRACK cannot
// be represented as a Fetch `Request`, so Next fails on them before proxy.ts or any route runs and answers 500. They
// are refused here, at the Node HTTP server, with 405 — in the API's error shape with a request id under /api.
// (CONNECT never reaches a request handler: Node emits it as its own event and closes the socket.)
import { randomUUID } from "node:crypto";
import http from "node:http";

const REFUSED = new Set(["TRACE", "TRACK"]);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function refuseUntransportableMethods(event, ...args) {
  const [req, res] = args;
  if (event === "request" && req && res && REFUSED.has(String(req.method).toUpperCase())) {
    const requestId = randomUUID();
    const message = `The method ${String(req.method).slice(0, 20)} is not allowed here.`;
    const api = String(req.url ?? "").startsWith("/api/");
    const body = api ? JSON.stringify({ error: { status: 405, code: "method_not_allowed", message, requestId } }) : `${message}\n\nRequest id: ${requestId}\n`;
    res.writeHead(405, {
      allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      "content-type": api ? "application/json" : "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-request-id": requestId,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
    return true;
  }
  return emit.call(this, event, ...args);
};
