// The fetch yahoo-finance2 is given: the shared request policy underneath, plus the two Yahoo answers the library
// would otherwise blur into a plain Error — "no such symbol" (404 with a JSON error body) and "your session cookie or
// crumb is no longer valid" (401) — raised as distinct errors so the edge can tell them apart.
import "server-only";

const API_HOST = /^query\d\.finance\.yahoo\.com$/;

export class YahooSymbolNotFound extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = "YahooSymbolNotFound";
  }
}

export class YahooSessionRejected extends Error {
  constructor(readonly status: number) {
    super(`Yahoo rejected the session cookie or crumb (HTTP ${status})`);
    this.name = "YahooSessionRejected";
  }
}

/** Yahoo's API errors look like `{ "chart": { "result": null, "error": { "code": "Not Found", "description": … } } }`. */
function yahooErrorOf(body: string): { code: string; description: string } | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== "object") return null;
    for (const value of Object.values(parsed)) {
      const error = (value as { error?: { code?: unknown; description?: unknown } } | null)?.error;
      if (error && typeof error.code === "string") {
        return { code: error.code, description: typeof error.description === "string" ? error.description : "" };
      }
    }
  } catch {
    // not JSON: not one of Yahoo's structured errors
  }
  return null;
}

export function yahooFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!API_HOST.test(url.hostname)) return response;
    if (response.status === 401) throw new YahooSessionRejected(response.status);
    if (response.status === 404) {
      const error = yahooErrorOf(await response.clone().text());
      if (error && /not ?found/i.test(error.code)) throw new YahooSymbolNotFound(error.description);
    }
    return response;
  };
}
