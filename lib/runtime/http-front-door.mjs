// Preloaded into the Next.js server process (`node --import` this file, see scripts/start.ts): the front door every
// request passes before Next.js parses it, at the Node HTTP server.
// 1. A request id for every request: the caller's `x-request-id` when it looks like an id (from a load balancer),
//    otherwise a fresh one — never the caller's text when it could inject into a log line. It is put on the request,
//    where route handlers, server actions and proxy.ts read it (lib/http/request-id.ts), and on the response.
// 2. Requests Next.js cannot route are refused here, in the API's error shape with the request id under /api and as
//    plain text for pages, instead of the framework's empty 400 or its 500:
//    - a method no route serves (TRACE and TRACK cannot even be represented as a Fetch `Request`, WebDAV verbs…): 405;
//    - a path that does not decode as UTF-8 (Next fails decoding a dynamic segment such as /api/v1/events/%ED%A0%80): 400.
// The API is served without a pass through proxy.ts (its matcher skips /api), so these are its door checks; form posts
// and server actions to pages are checked further in proxy.ts (lib/http/request-guard.ts).
// 3. A response's head, body and end leave in one write when they are ready together. Next sends the head on its own
//    (flushHeaders), then each body chunk, then the chunked encoding's end: three writes, so three TCP segments and three
//    wake-ups of the client for a small JSON answer. The socket is corked when the head is flushed and uncorked after
//    the current turn of the event loop, so whatever was written in that turn leaves together and a streamed page's
//    later chunks still leave as they come. For that to hold, a socket must accept a whole answer without signalling
//    backpressure: with Node's 16 kB default, writing a year of prices (50 kB) into the corked socket returns false, Next
//    waits for the drain that only the uncork brings, and the chunked end leaves in a write of its own. The server's
//    sockets get a 256 kB high-water mark (what a socket may buffer before a writer waits; per connection, not a cap).
// (CONNECT never reaches a request handler: Node emits it as its own event and closes the socket.)
import { randomUUID } from "node:crypto";
import http from "node:http";

const REQUEST_ID_HEADER = "x-request-id";
/** The same rule as lib/http/request-id.ts, which checks ids again wherever they are read. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;
/** Methods some route of Faultline serves. */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function decodesAsUtf8(pathname) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The refusal, shaped as lib/http/errors.ts shapes the API's errors. */
function refuse(req, res, requestId, status, code, message) {
  const api = String(req.url ?? "").startsWith("/api/");
  const body = api ? JSON.stringify({ error: { status, code, message, requestId } }) : `${message}\n\nRequest id: ${requestId}\n`;
  const headers = {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
    [REQUEST_ID_HEADER]: requestId,
    "content-length": Buffer.byteLength(body),
  };
  if (status === 405) headers.allow = api ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, POST, OPTIONS";
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Holds the socket's writes until the end of this turn of the event loop, then sends them as one. */
function coalesceThisTurn(socket) {
  if (!socket || socket.writableCorked || socket.destroyed) return;
  socket.cork();
  setImmediate(() => socket.uncork());
}

/** What a response socket buffers before it asks its writer to wait: a year of daily bars as JSON is about 50 kB. */
const RESPONSE_HIGH_WATER_MARK = 256 * 1024;

const createServer = http.createServer;
http.createServer = function createServerWithRoomForAnAnswer(...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args.shift() : {};
  return createServer.call(this, { highWaterMark: RESPONSE_HIGH_WATER_MARK, ...options }, ...args);
};

const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function frontDoor(event, ...args) {
  const [req, res] = args;
  if (event !== "request" || !req || !res) return emit.call(this, event, ...args);
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const method = String(req.method).toUpperCase();
  if (!KNOWN_METHODS.has(method)) {
    refuse(req, res, requestId, 405, "method_not_allowed", `The method ${String(req.method).slice(0, 20)} is not allowed here.`);
    return true;
  }
  const url = String(req.url ?? "");
  const query = url.indexOf("?");
  if (!decodesAsUtf8(query === -1 ? url : url.slice(0, query))) {
    refuse(req, res, requestId, 400, "bad_request", "The address is not valid: it does not decode as UTF-8.");
    return true;
  }
  const flushHeaders = res.flushHeaders;
  res.flushHeaders = function flushHeadersWithTheBody() {
    coalesceThisTurn(this.socket);
    return flushHeaders.call(this);
  };
  return emit.call(this, event, ...args);
};
