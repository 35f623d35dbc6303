// The streamed prices report against the database and lib/: bars as stored, returns and 20-day volatility as the risk
// panel computes them, flags as lib/market-data/quality raises them, events on the day 0 the event studies use; text a
// spreadsheet would evaluate neutralised by PostgreSQL exactly as by the TypeScript rule; and a cancelled download
// leaves no query behind.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { isoDate } from "@/lib/dates";
import { pgPool } from "@/lib/db/pool";
import { qualityFlags } from "@/lib/market-data/quality";
import { neutraliseText } from "@/lib/reports/csv-cells";
import { prepareReport } from "@/lib/reports/deliver";
import { previewReport } from "@/lib/reports/preview";
import { eventStudiesForAsset, riskForAsset } from "@/lib/studies";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { createSignedInUser, type TestUser } from "../helpers/request-context";
import { buildMarket, EVENT_A, EVENT_B, SESSIONS, type Market } from "../studies/fixtures";
import { download, num, records } from "./helpers";

vi.mock("next/headers", async () => (await import("../helpers/request-context")).nextHeadersModule);

let m: Market;
let viewer: TestUser;

const DIRTY_BARS = [
  { date: "2024-01-02", open: 10, high: 11, low: 9, close: 10, adjClose: 10, volume: 100 },
  { date: "2024-01-03", open: 10, high: 11, low: 9, close: 12, adjClose: 12, volume: null }, // close above high
  { date: "2024-01-04", open: 8, high: 11, low: 9, close: 10, adjClose: null, volume: 5 }, // open below low; no adj close
  { date: "2024-01-25", open: null, high: null, low: null, close: 14, adjClose: 14, volume: null }, // gap of 21 days, +40 %
  { date: "2024-01-26", open: null, high: null, low: null, close: 0, adjClose: 0, volume: null }, // non-positive
  { date: "2024-01-29", open: null, high: null, low: null, close: -1.5, adjClose: -1.5, volume: null }, // negative
  { date: "2024-01-30", open: null, high: null, low: null, close: 15, adjClose: 15, volume: null },
];

beforeAll(async () => {
  m = await buildMarket();
  viewer = await createSignedInUser("VIEWER");
  const dirty = await db().asset.create({
    data: { symbol: "=DIRTY", name: "Dirty", assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "CSV" },
  });
  await db().priceBar.createMany({ data: DIRTY_BARS.map((b) => ({ ...b, assetId: dirty.id, date: new Date(`${b.date}T00:00:00Z`) })) });
});

describe("prices with events", () => {
  it("has one row per stored bar, by symbol then date, with the bars as stored", async () => {
    const res = await download(viewer, "prices-with-events", { assets: "JUMP,BENCH,FXX" });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="faultline-prices-with-events-bench-fxx-jump-\d{4}-\d{2}-\d{2}\.csv"/);
    const { header, rows, text } = await records(res);
    expect(text.split("\r\n").length - 1).toBe(rows.length + 1);
    expect(header).toEqual([
      "symbol", "date", "open", "high", "low", "close", "adj_close", "volume", "return", "volatility_20d", "quality_flags",
      "event_count", "event_ids", "event_titles", "data_source", "synthetic",
    ]);
    const bars = await db().priceBar.findMany({
      where: { assetId: { in: [m.jumpId, m.benchmarkId, m.fxId] } },
      include: { asset: { select: { symbol: true } } },
    });
    bars.sort((a, b) => a.asset.symbol.localeCompare(b.asset.symbol) || a.date.getTime() - b.date.getTime());
    expect(rows).toHaveLength(bars.length);
    rows.forEach((r, i) => {
      const b = bars[i]!;
      expect([r.symbol, r.date]).toEqual([b.asset.symbol, isoDate(b.date)]);
      expect([num(r.open), num(r.high), num(r.low), num(r.close), num(r.adj_close), num(r.volume)]).toEqual([b.open, b.high, b.low, b.close, b.adjClose, b.volume]);
      expect(r.synthetic).toBe("true");
      expect(r.data_source).toBe("DEMO");
    });
  });

  it("gives returns identical to the adjusted-close returns and volatility equal to the risk panel's", async () => {
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "JUMP" }));
    const closes = (await loadAdjustedCloses([m.jumpId])).get(m.jumpId)!;
    const risk = (await riskForAsset(m.jumpId))!;
    const vol20 = new Map(risk.series.dates.map((d, i) => [d, risk.series.vol20[i]]));
    expect(num(rows[0]!.return)).toBeNull();
    let checked = 0;
    rows.forEach((r, i) => {
      if (i > 0) expect(num(r.return)).toBe(closes.values[i]! / closes.values[i - 1]! - 1);
      const expected = vol20.get(r.date!) ?? null;
      if (expected === null) expect(num(r.volatility_20d)).toBeNull();
      else {
        expect(Math.abs(num(r.volatility_20d)! - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
        checked++;
      }
    });
    expect(checked).toBe(SESSIONS.length - 20);
  });

  it("places events on the day 0 the event studies use (a timed event after the close moves to the next session)", async () => {
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "JUMP" }));
    const flagged = rows.filter((r) => r.event_count !== "0");
    const studies = (await eventStudiesForAsset(m.jumpId))!;
    const expected = studies.rows.filter((s) => s.day0Session !== null).map((s) => ({ date: s.day0Session, id: String(s.event.id), title: s.event.title }));
    expect(flagged.map((r) => ({ date: r.date, id: r.event_ids, title: r.event_titles }))).toEqual(expected);
    expect(flagged.map((r) => r.date)).toEqual([SESSIONS[EVENT_A], SESSIONS[EVENT_B]]);
  });

  it("raises the quality flags lib/market-data/quality raises, and keeps negative prices as numbers", async () => {
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "=DIRTY" }));
    const expected = new Map<string, string[]>();
    for (const f of qualityFlags(DIRTY_BARS)) expected.set(f.date, [...(expected.get(f.date) ?? []), f.code]);
    expect(rows.map((r) => [r.date, r.quality_flags])).toEqual(DIRTY_BARS.map((b) => [b.date, (expected.get(b.date) ?? []).join(";")]));
    expect(new Set(rows.flatMap((r) => r.quality_flags!.split(";")))).toEqual(
      new Set(["", "close_outside_range", "open_outside_range", "gap", "large_move", "non_positive"]),
    );
    // The symbol is text and starts with "=": neutralised. The close is a number: -1.5 stays -1.5.
    expect(rows[0]!.symbol).toBe("'=DIRTY");
    expect(rows.find((r) => r.date === "2024-01-29")!.close).toBe("-1.5");
    expect(rows.every((r) => r.data_source === "CSV" && r.synthetic === "false")).toBe(true);
  });

  it("honours the date range and still computes the first rows' returns from earlier bars", async () => {
    const from = SESSIONS[100]!;
    const to = SESSIONS[120]!;
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "JUMP", from, to }));
    expect(rows.map((r) => r.date)).toEqual(SESSIONS.slice(100, 121));
    expect(num(rows[0]!.return)).not.toBeNull();
    expect(num(rows[0]!.volatility_20d)).not.toBeNull();
  });

  it("rejects unknown assets and bad ranges with field errors", async () => {
    const res = await download(viewer, "prices-with-events", { assets: "JUMP,NOPE" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.assets[0]).toMatch(/NOPE/);
    const range = await download(viewer, "prices-with-events", { assets: "JUMP", from: "2024-02-01", to: "2024-01-01" });
    expect(range.status).toBe(422);
    expect((await range.json()).error.fieldErrors.to).toBeDefined();
    expect((await download(viewer, "prices-with-events", {})).status).toBe(422);
  });

  it("round-trips any event title through PostgreSQL's CSV writer, neutralised like the TypeScript rule", async () => {
    const titles = fc.sample(
      fc.string({
        unit: fc.oneof(fc.constantFrom('"', ",", "\n", "\r", "\t", "=", "+", "-", "@", "|", " ", "é", "한", "😀"), fc.string({ minLength: 1, maxLength: 1 })),
        minLength: 1,
        maxLength: 60,
      }).map((s) => s.replace(/\u0000/g, "")).filter((s) => s.length > 0),
      { numRuns: 120, seed: 7 },
    );
    const asset = await db().asset.create({
      data: { symbol: "TITLES", name: "Titles", assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", source: "CSV" },
    });
    await db().priceBar.createMany({ data: SESSIONS.slice(0, titles.length).map((d, i) => ({ assetId: asset.id, date: new Date(`${d}T00:00:00Z`), close: 100 + i })) });
    for (const [i, title] of titles.entries()) {
      await db().event.create({
        data: {
          title, occurredAt: new Date(`${SESSIONS[i]}T00:00:00Z`), category: "OTHER", severity: 1, countries: [], sourceUrls: [], tags: [],
          exposures: { create: [{ assetId: asset.id, direction: "UP" }] },
        },
      });
    }
    const { rows } = await records(await download(viewer, "prices-with-events", { assets: "TITLES" }));
    expect(rows.map((r) => r.event_titles)).toEqual(titles.map(neutraliseText));
  });
});

describe("streaming", () => {
  /** Queries of this report still running on the server (COPY of the report's SELECT). */
  async function runningExports(): Promise<number> {
    const { rows } = await pgPool().query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY (WITH day0%'`,
    );
    return Number(rows[0]!.n);
  }

  async function waitFor(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    // 200,000 bars (20 assets × 10,000 days): far more than the socket buffers hold, so the query must wait for the reader.
    await pgPool().query(`
      WITH a AS (
        INSERT INTO asset (symbol, name, asset_class, currency, exchange, time_zone, source, updated_at)
        SELECT 'BIG' || g, 'Big ' || g, 'EQUITY', 'USD', 'NYQ', 'America/New_York', 'DEMO', now() FROM generate_series(1, 20) g RETURNING id
      )
      INSERT INTO price_bar (asset_id, date, open, high, low, close, adj_close, volume)
      SELECT a.id, DATE '1990-01-01' + d, 100 + sin(d), 101 + sin(d), 99 + sin(d), 100 + sin(d), 100 + sin(d), d FROM a, generate_series(0, 9999) d`);
  });

  const BIG = Array.from({ length: 20 }, (_, i) => `BIG${i + 1}`).join(",");

  it("holds the query while the client does not read, and a cancelled download cancels it on the server", async () => {
    const res = await download(viewer, "prices-with-events", { assets: BIG });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    // Backpressure: with nobody reading, the query is still there, paused, not finished into memory.
    expect(await runningExports()).toBe(1);
    await reader.cancel();
    await waitFor(async () => (await runningExports()) === 0);
    // The pool is usable afterwards (the cancelled connection was dropped, not returned half-way through a COPY).
    expect((await pgPool().query("SELECT 1 AS one")).rows[0].one).toBe(1);
  });

  it("previews the first rows and the row count without running the whole export", async () => {
    const prepared = await prepareReport("prices-with-events", { assets: BIG });
    const preview = await previewReport(prepared, 5);
    expect(preview.rowCount).toBe(200_000);
    expect(preview.rows).toHaveLength(5);
    expect(preview.header[0]).toBe("symbol");
    expect(preview.rows[0]!.slice(0, 2)).toEqual(["BIG1", "1990-01-01"]);
    await waitFor(async () => (await runningExports()) === 0);
  });

  it("streams a complete file of 200,000 rows", async () => {
    const res = await download(viewer, "prices-with-events", { assets: BIG, bom: "1" });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").split("\r\n").length - 2).toBe(200_000);
  });
});
