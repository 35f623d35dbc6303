// The price CSV importer: one case per rule, then properties — it never throws on any input, and valid bars
// written out as CSV come back unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePriceCsv, type PriceCsvResult } from "@/lib/market-data/csv";
import type { DailyBar } from "@/lib/market-data/provider";

const HEADER = "date,open,high,low,close,adj_close,volume";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");

function bars(result: PriceCsvResult) {
  if (!result.ok) throw new Error(`expected bars, got errors: ${JSON.stringify(result.errors)}`);
  return result.bars;
}
function errors(result: PriceCsvResult) {
  if (result.ok) throw new Error("expected errors, got bars");
  return result.errors;
}
function flags(result: PriceCsvResult) {
  if (!result.ok) throw new Error(`expected flags, got errors: ${JSON.stringify(result.errors)}`);
  return result.flags;
}

describe("parsePriceCsv: columns", () => {
  it("reads Faultline's own columns", () => {
    expect(bars(parsePriceCsv(csv("2024-01-02,10,11,9.5,10.5,10.4,1200")))).toEqual([
      { date: "2024-01-02", open: 10, high: 11, low: 9.5, close: 10.5, adjClose: 10.4, volume: 1200 },
    ]);
  });

  it("reads a Yahoo download header (with 'Adj Close' and 'null' for missing values)", () => {
    const text = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,11,9.5,10.5,10.4,1200\n2024-01-03,null,null,null,10.6,10.6,null\n";
    expect(bars(parsePriceCsv(text))).toEqual([
      { date: "2024-01-02", open: 10, high: 11, low: 9.5, close: 10.5, adjClose: 10.4, volume: 1200 },
      { date: "2024-01-03", open: null, high: null, low: null, close: 10.6, adjClose: 10.6, volume: null },
    ]);
  });

  it("takes columns in any order, ignores unknown ones, tolerates a BOM, CRLF and blank lines", () => {
    const text = "\uFEFFVolume,CLOSE,Note,Date\r\n500,7.25,hello,2024-01-02\r\n\r\n,7.5,,2024-01-03\r\n";
    expect(bars(parsePriceCsv(text))).toEqual([
      { date: "2024-01-02", open: null, high: null, low: null, close: 7.25, adjClose: null, volume: 500 },
      { date: "2024-01-03", open: null, high: null, low: null, close: 7.5, adjClose: null, volume: null },
    ]);
  });

  it("needs a date and a close column, once each", () => {
    expect(errors(parsePriceCsv("date,open\n2024-01-02,1"))).toEqual([
      { line: 1, column: "close", reason: 'The header has no "close" column.' },
    ]);
    expect(errors(parsePriceCsv("date,close,Close\n2024-01-02,1,2"))).toEqual([
      { line: 1, column: "close", reason: 'The column "close" appears twice in the header.' },
    ]);
  });

  it("rejects an empty file and a header without rows", () => {
    expect(errors(parsePriceCsv(""))[0]?.reason).toBe("The file is empty.");
    expect(errors(parsePriceCsv(HEADER))[0]?.reason).toBe("The file has a header but no data rows.");
  });
});

describe("parsePriceCsv: row rules", () => {
  it("requires an ISO date that exists on the calendar", () => {
    const result = parsePriceCsv(csv("2024-02-30,,,,1,,", "02/01/2024,,,,1,,", ",,,,1,,", "2024-02-29,,,,1,,"));
    expect(errors(result)).toEqual([
      { line: 2, column: "date", reason: '"2024-02-30" is not a date in the form YYYY-MM-DD.' },
      { line: 3, column: "date", reason: '"02/01/2024" is not a date in the form YYYY-MM-DD.' },
      { line: 4, column: "date", reason: "The date is missing." },
    ]);
  });

  it("requires finite numbers and a close", () => {
    const result = parsePriceCsv(csv("2024-01-02,abc,,,1,,", "2024-01-03,,,,Infinity,,", "2024-01-04,,,,,,", "2024-01-05,,,,1e999,,"));
    expect(errors(result)).toEqual([
      { line: 2, column: "open", reason: '"abc" is not a number: write plain decimals such as 1234.5.' },
      { line: 3, column: "close", reason: '"Infinity" is not a finite number: leave the cell empty when there is no close.' },
      { line: 4, column: "close", reason: "The close is missing." },
      { line: 5, column: "close", reason: '"1e999" is too large to be a number: check the column\'s unit.' },
    ]);
  });

  it("rejects a close of zero or below, and negative volume", () => {
    const result = parsePriceCsv(csv("2024-01-02,,,,0,,", "2024-01-03,,,,-5,,", "2024-01-04,,,,5,,-1"));
    expect(errors(result)).toEqual([
      { line: 2, column: "close", reason: "The close must be greater than 0, not 0." },
      { line: 3, column: "close", reason: "The close must be greater than 0, not -5." },
      { line: 4, column: "volume", reason: "The volume must be between 0 and 1e+15, not -1." },
    ]);
  });

  it("rejects a duplicate date, naming both lines", () => {
    const result = parsePriceCsv(csv("2024-01-02,,,,1,,", "2024-01-03,,,,1,,", "2024-01-02,,,,1.1,,"));
    expect(errors(result)).toEqual([{ line: 4, column: "date", reason: "2024-01-02 appears twice, on lines 2 and 4." }]);
  });

  it("rejects a high below the low", () => {
    expect(errors(parsePriceCsv(csv("2024-01-02,10,9,11,10,,")))).toEqual([
      { line: 2, column: "high", reason: "The high (9) is below the low (11)." },
    ]);
  });

  it("reports every error in the file, and no bars at all when there is one", () => {
    const result = parsePriceCsv(csv("2024-01-02,,,,1,,", "bad,,,,x,,", "2024-01-04,,,,1,,", "2024-01-05,,,,0,,"));
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("bars");
    expect(errors(result).map((e) => [e.line, e.column])).toEqual([
      [3, "date"],
      [3, "close"],
      [5, "close"],
    ]);
  });

  it("counts physical lines, including quoted fields that span lines", () => {
    const text = 'date,close,note\n2024-01-02,1,"two\nlines"\n2024-01-03,oops,\n';
    expect(errors(parsePriceCsv(text))).toEqual([{ line: 4, column: "close", reason: '"oops" is not a number: write plain decimals such as 1234.5.' }]);
  });

  it("reports malformed CSV as an error, not an exception", () => {
    const result = parsePriceCsv('date,close\n2024-01-02,"1\n');
    expect(errors(result)[0]?.reason).toMatch(/^The file is not valid CSV/);
  });
});

describe("parsePriceCsv: output order and flags", () => {
  it("returns bars sorted by date whatever the file order", () => {
    const result = parsePriceCsv(csv("2024-01-04,,,,3,,", "2024-01-02,,,,1,,", "2024-01-03,,,,2,,"));
    expect(bars(result).map((b) => b.date)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
  });

  it("flags, does not reject, a close or open outside the day's range (Yahoo FX rows do this)", () => {
    const result = parsePriceCsv(csv("2024-02-13,1266.87,1279.04,1266.98,1266.87,1266.87,0"));
    expect(bars(result)).toHaveLength(1);
    expect(flags(result)).toEqual([
      { date: "2024-02-13", code: "close_outside_range", message: "The close (1266.87) is outside the day's low–high range (1266.98–1279.04)." },
      { date: "2024-02-13", code: "open_outside_range", message: "The open (1266.87) is outside the day's low–high range (1266.98–1279.04)." },
    ]);
  });

  it("flags a one-day move beyond 25% (adjusted close when both days have one)", () => {
    const result = parsePriceCsv(csv("2024-01-02,,,,100,,", "2024-01-03,,,,126,,", "2024-01-04,,,,125,,"));
    expect(flags(result)).toEqual([{ date: "2024-01-03", code: "large_move", message: "The close moved +26.0% from 2024-01-02." }]);

    const split = parsePriceCsv(csv("2024-01-02,,,,100,25,", "2024-01-03,,,,26,26,"));
    expect(flags(split)).toEqual([]);

    const custom = parsePriceCsv(csv("2024-01-02,,,,100,,", "2024-01-03,,,,90,,"), { largeMoveThreshold: 0.05 });
    expect(flags(custom)[0]).toMatchObject({ code: "large_move", message: "The close moved -10.0% from 2024-01-02." });
  });

  it("flags a gap longer than any holiday (a trading halt), not a long weekend", () => {
    const result = parsePriceCsv(csv("2024-08-28,,,,1,,", "2024-09-27,,,,1,,", "2024-09-30,,,,1,,"));
    expect(flags(result)).toEqual([{ date: "2024-09-27", code: "gap", message: "No prices for 30 days before this date (since 2024-08-28)." }]);
  });
});

describe("parsePriceCsv: limits", () => {
  it("refuses more rows than the limit, with a clear message", () => {
    const rows = Array.from({ length: 11 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")},,,,1,,`);
    expect(errors(parsePriceCsv(csv(...rows), { maxRows: 10 }))).toEqual([
      { line: 0, column: null, reason: "The file has 11 rows; at most 10 can be imported at once." },
    ]);
  });

  it("refuses a file larger than the size limit before parsing it", () => {
    expect(errors(parsePriceCsv("x".repeat(2_000_001), { maxChars: 2_000_000 }))[0]?.reason).toBe(
      "The file is larger than 2 MB; split it into smaller files.",
    );
  });

  it("refuses a long one-line header without a delimiter in linear time (a 20 kB line of brackets took 20 s)", () => {
    const started = performance.now();
    const result = parsePriceCsv(`${"[".repeat(500_000)}${"]".repeat(400_000)}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The character used most is named, as for a short header.
    expect(errors(result)[0]?.reason).toMatch(/seems to use "\[" \("\["\) between columns/);
  });

  it("lists up to maxErrors errors and summarises the rest", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `2024-01-0${i + 1},,,,0,,`);
    const list = errors(parsePriceCsv(csv(...rows), { maxErrors: 3 }));
    expect(list).toHaveLength(4);
    expect(list[3]).toEqual({ line: 0, column: null, reason: "…and 2 more errors." });
  });
});

describe("parsePriceCsv: properties", () => {
  it("never throws, whatever the input; it returns bars or errors", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom("", "null", "2024-01-02", "2024-02-30", "1e309", "-0", "NaN", '"', '""', "\r", "\n", ","),
      fc.double().map(String),
    );
    const row = fc.array(cell, { maxLength: 9 }).map((cells) => cells.join(","));
    const header = fc.shuffledSubarray(["date", "Open", "high", "LOW", "close", "Adj Close", "volume", "x"]).map((h) => h.join(","));
    const structured = fc.tuple(header, fc.array(row, { maxLength: 30 })).map(([h, rows]) => [h, ...rows].join("\n"));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), structured), (text) => {
        const result = parsePriceCsv(text);
        if (result.ok) expect(result.bars.length).toBeGreaterThan(0);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips valid bars written as CSV", () => {
    const price = fc.double({ min: 1e-6, max: 1e7, noNaN: true, noDefaultInfinity: true });
    const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const bar = fc
      .record({
        day: fc.integer({ min: 0, max: 40_000 }),
        open: maybe(price),
        range: maybe(fc.tuple(price, price)),
        close: price,
        adjClose: maybe(price),
        volume: maybe(fc.integer({ min: 0, max: 2 ** 40 })),
      })
      .map(({ day, open, range, close, adjClose, volume }): DailyBar => ({
        date: new Date(Date.UTC(1970, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
        open,
        high: range ? Math.max(...range) : null,
        low: range ? Math.min(...range) : null,
        close,
        adjClose,
        volume,
      }));
    const cell = (v: number | null) => (v === null ? "" : String(v));
    fc.assert(
      fc.property(fc.uniqueArray(bar, { selector: (b) => b.date, minLength: 1, maxLength: 40 }), (input) => {
        const text = csv(...input.map((b) => [b.date, cell(b.open), cell(b.high), cell(b.low), cell(b.close), cell(b.adjClose), cell(b.volume)].join(",")));
        const expected = [...input].sort((a, b) => (a.date < b.date ? -1 : 1));
        expect(bars(parsePriceCsv(text))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parsePriceCsv: dialects", () => {
  const only = (r: PriceCsvResult) => errors(r).map((e) => [e.line, e.column, e.reason]);

  it("skips a Yahoo download's all-null holiday rows and lists each as a flag", () => {
    const text = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-12-24,10,11,9,10.5,10.5,100\n2024-12-25,null,null,null,null,null,null\n2024-12-26,10,11,9,10.6,10.6,100\n";
    const r = parsePriceCsv(text);
    expect(bars(r).map((b) => b.date)).toEqual(["2024-12-24", "2024-12-26"]);
    expect(flags(r).filter((f) => f.code === "skipped_null_row")).toEqual([
      { date: "2024-12-25", code: "skipped_null_row", message: 'Line 3 has "null" for every price (a Yahoo download\'s holiday row): skipped.' },
    ]);
  });

  it("refuses a file of null rows only", () => {
    expect(only(parsePriceCsv("Date,Close\n2024-12-25,null\n"))).toEqual([[0, null, 'Every row of the file is a "null" row: there are no prices to import.']]);
  });

  it("reads semicolons with decimal commas, and tabs", () => {
    expect(bars(parsePriceCsv("Date;Open;High;Low;Close;Adj Close;Volume\n2024-01-02;1380,5;1385,25;1378;1381,5;1381,5;0\n"))).toEqual([
      { date: "2024-01-02", open: 1380.5, high: 1385.25, low: 1378, close: 1381.5, adjClose: 1381.5, volume: 0 },
    ]);
    expect(bars(parsePriceCsv("date\tclose\n2024-01-02\t10.5\n2024-01-03\t10.75\n")).map((b) => b.close)).toEqual([10.5, 10.75]);
    expect(bars(parsePriceCsv("date;close\n2024-01-02;10.5\n")).map((b) => b.close)).toEqual([10.5]);
  });

  it("refuses a header no known delimiter splits, naming the one it found", () => {
    expect(only(parsePriceCsv("date|close\n2024-01-02|10.5\n"))).toEqual([
      [1, null, 'The header has a single column: the file seems to use "pipe" ("|") between columns. Save it with commas, semicolons or tabs between columns.'],
    ]);
  });

  it("refuses thousands separators in any form, with the number to write instead", () => {
    const r = only(parsePriceCsv('date,close,volume\n2024-01-02,"1,381.5",1\n2024-01-03,1 381.5,1\n2024-01-04,1\'381.5,1\n2024-01-05,10,"1,200"\n'));
    expect(r.map((e) => [e[0], e[1]])).toEqual([[2, "close"], [3, "close"], [4, "close"], [5, "volume"]]);
    expect(r[0]![2]).toBe('"1,381.5" has a thousands separator: write the number without grouping (1381.5 rather than 1,381.5), with a point before decimals only.');
    const eu = only(parsePriceCsv("date;close\n2024-01-02;1.381,5\n"));
    expect(eu).toEqual([[2, "close", '"1.381,5" has a thousands separator: write the number without grouping (1381,5 rather than 1.381,5), with a comma before decimals only.']]);
  });

  it("refuses non-finite values and prices outside the plausible range", () => {
    const r = only(parsePriceCsv("date,close,volume\n2024-01-02,1e308,1\n2024-01-03,1e-320,1\n2024-01-04,Infinity,1\n2024-01-05,NaN,1\n2024-01-06,1e400,1\n2024-01-07,10,1e16\n"));
    expect(r.map((e) => [e[0], e[1]])).toEqual([[2, "close"], [3, "close"], [4, "close"], [5, "close"], [6, "close"], [7, "volume"]]);
    expect(r[0]![2]).toMatch(/^The close 1e308 is outside the plausible range for a price \(1e-8 to 1e\+10\)/);
    expect(r[1]![2]).toMatch(/^The close 1e-320 is outside the plausible range/);
    expect(r[2]![2]).toBe('"Infinity" is not a finite number: leave the cell empty when there is no close.');
    expect(r[4]![2]).toMatch(/too large to be a number/);
    expect(bars(parsePriceCsv("date,close\n2024-01-02,0.00000002\n2024-01-03,9999999999\n")).map((b) => b.close)).toEqual([2e-8, 9999999999]);
  });

  it("accepts a midnight time part, refuses any other time of day (it can change the trading date)", () => {
    expect(bars(parsePriceCsv("date,close\n2024-06-19T00:00:00Z,1\n2024-06-20 00:00,2\n2024-06-21T00:00:00+09:00,3\n")).map((b) => b.date)).toEqual([
      "2024-06-19", "2024-06-20", "2024-06-21",
    ]);
    const r = only(parsePriceCsv("date,close\n2024-06-18T15:00:00Z,1\n"));
    expect(r).toEqual([[2, "date", '"2024-06-18T15:00:00Z" has a time of day, which can put the bar on another trading date (a session\'s start in UTC is often the previous day). Write the trading date alone, YYYY-MM-DD.']]);
  });

  it("refuses a column given twice, under the same or another spelling", () => {
    expect(only(parsePriceCsv("date,date,close\n2024-01-02,2024-01-03,1\n"))).toEqual([[1, "date", 'The column "date" appears twice in the header.']]);
    expect(only(parsePriceCsv("Date,Close,close\n2024-01-02,1,2\n"))).toEqual([[1, "close", 'The column "close" appears twice in the header.']]);
  });
});
