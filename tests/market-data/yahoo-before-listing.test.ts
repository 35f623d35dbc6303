// Yahoo answers a history request that starts before a symbol's listing (or ends before it) with HTTP 400 and
// "Data doesn't exist for startDate …": that is an empty range, not a broken response.
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { mswServer } from "../msw/server";
import { YAHOO_CHART_URL } from "../msw/yahoo";
import { makeProvider } from "./yahoo-helpers";

describe("history before a listing", () => {
  it("is an empty history, asked for once", async () => {
    const { provider } = makeProvider();
    let requests = 0;
    mswServer.use(
      http.get(YAHOO_CHART_URL, () => {
        requests++;
        return HttpResponse.json(
          { chart: { result: null, error: { code: "Bad Request", description: "Data doesn't exist for startDate = 946857600, endDate = 946944000" } } },
          { status: 400 },
        );
      }),
    );
    const history = await provider.history("NEWCO", "2000-01-03", "2000-01-04");
    expect(history.bars).toEqual([]);
    expect(requests).toBe(1);
  });

  it("still reports other 400 answers as a rejected request", async () => {
    const { provider } = makeProvider();
    mswServer.use(
      http.get(YAHOO_CHART_URL, () =>
        HttpResponse.json({ chart: { result: null, error: { code: "Bad Request", description: "Invalid input - interval=1d is not supported" } } }, { status: 400 }),
      ),
    );
    await expect(provider.history("NEWCO", "2000-01-03", "2000-01-04")).rejects.toMatchObject({ kind: "invalid_response" });
  });
});
