// A fake Yahoo on loopback: a real node http server whose chart endpoint misbehaves as told — slow, 429, 500,
// malformed or schema-invalid bodies, connections reset before or in the middle of a body — then answers healthily.
// The provider reaches it through a fetch that rewrites Yahoo's host, over real sockets (msw lets loopback pass).
import http from "node:http";
import type { AddressInfo } from "node:net";
import chartAapl from "../fixtures/yahoo/chart-AAPL.json";

export type Fault = "slow" | "429" | "500" | "malformed" | "invalid" | "reset" | "reset-mid-body" | "ok";

export interface FakeYahoo {
  baseUrl: string;
  /** Faults served to the next chart requests, in order; afterwards every request gets the healthy fixture. */
  script: Fault[];
  requests: number;
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startFakeYahoo(slowMs = 2_000): Promise<FakeYahoo> {
  const healthy = JSON.stringify(chartAapl);
  const state = { script: [] as Fault[], requests: 0 };
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith("/v8/finance/chart/")) {
      res.writeHead(404).end();
      return;
    }
    state.requests++;
    const fault = state.script.shift() ?? "ok";
    switch (fault) {
      case "slow":
        setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(healthy), slowMs).unref();
        return;
      case "429":
        res.writeHead(429, { "content-type": "text/plain" }).end("Too Many Requests");
        return;
      case "500":
        res.writeHead(500, { "content-type": "text/html" }).end("<html>Internal error</html>");
        return;
      case "malformed":
        res.writeHead(200, { "content-type": "application/json" }).end('{"chart": {"result": [ <html>');
        return;
      case "invalid":
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ chart: { result: [{ meta: { symbol: 42 }, timestamp: "yesterday", indicators: null }], error: null } }));
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "reset-mid-body":
        res.writeHead(200, { "content-type": "application/json", "content-length": String(healthy.length) });
        res.write(healthy.slice(0, Math.floor(healthy.length / 2)));
        setTimeout(() => req.socket.destroy(), 20).unref();
        return;
      case "ok":
        res.writeHead(200, { "content-type": "application/json" }).end(healthy);
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rewrite: typeof fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    return fetch(url.replace(/^https:\/\/query[12]\.finance\.yahoo\.com/, baseUrl), init);
  };
  return {
    baseUrl,
    get script() {
      return state.script;
    },
    set script(s: Fault[]) {
      state.script = s;
    },
    get requests() {
      return state.requests;
    },
    set requests(n: number) {
      state.requests = n;
    },
    fetch: rewrite,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
