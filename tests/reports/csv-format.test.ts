// The CSV format on its own: formula neutralising by column kind, RFC 4180 round trips through an independent parser
// (csv-parse) for any text, CRLF record ends that leave quoted line breaks alone, file names.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { col } from "@/lib/reports/columns";
import { crlfRecords } from "@/lib/reports/crlf";
import { formatCell, neutraliseText } from "@/lib/reports/csv-cells";
import { csvStream, UTF8_BOM } from "@/lib/reports/csv-stream";
import { contentDisposition, reportFilename, slugPart } from "@/lib/reports/filename";

const TEXT = col("t", "text", "", "");
const NUM = col("n", "number", "", "");

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** Strings made of the characters that break naive CSV: quotes, commas, CR, LF, tabs, formula triggers, Unicode. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ",", "\n", "\r", "\t", "=", "+", "-", "@", "'", ";", " ", "é", "한", "Ж", "😀", "\u2028", "\u0000"),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe("formula neutralising", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil")'])("prefixes %j with an apostrophe in text columns", (s) => {
    expect(neutraliseText(s)).toBe(`'${s}`);
    expect(formatCell(TEXT, s)).toBe(`'${s}`);
  });

  it.each(["plain", "", "'quoted", " =leading space", "a=b", "1-2"])("leaves %j alone", (s) => {
    expect(neutraliseText(s)).toBe(s);
  });

  it("never touches numbers: -1.5 stays a number in a number column", () => {
    expect(formatCell(NUM, -1.5)).toBe("-1.5");
    expect(formatCell(NUM, -0)).toBe("0");
    expect(formatCell(NUM, 1e-7)).toBe("1e-7");
    expect(formatCell(NUM, 0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatCell(NUM, Number.NaN)).toBe("");
    expect(formatCell(NUM, null)).toBe("");
    expect(() => formatCell(NUM, "-1.5" as unknown as number)).toThrow(TypeError);
  });

  it("writes full precision that parses back to the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(formatCell(NUM, x))).toBe(x + 0);
      }),
    );
  });

  it("writes dates and timestamps as ISO 8601", () => {
    const at = new Date("2024-06-19T14:30:00.000Z");
    expect(formatCell(col("d", "date", "", ""), at)).toBe("2024-06-19");
    expect(formatCell(col("d", "timestamp", "", ""), at)).toBe("2024-06-19T14:30:00.000Z");
    expect(formatCell(col("b", "boolean", "", ""), true)).toBe("true");
  });
});

describe("csvStream", () => {
  it("round-trips any text through export and an independent parser (neutralised where a spreadsheet would evaluate)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(nasty, fc.double({ noNaN: true, noDefaultInfinity: true }), nasty), { maxLength: 8 }), async (rows) => {
        const columns = [TEXT, NUM, col("u", "text", "", "")];
        const out = await text(csvStream(columns, rows));
        const parsed = parse(out, { relax_quotes: false }) as string[][];
        expect(parsed[0]).toEqual(["t", "n", "u"]);
        expect(parsed.slice(1)).toEqual(rows.map(([a, n, b]) => [neutraliseText(a), String(n + 0), neutraliseText(b)]));
        // RFC 4180: every record ends with CRLF.
        expect(out.endsWith("\r\n")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("adds the UTF-8 BOM only when asked, and Excel-style readers strip it", async () => {
    const bytes = new Uint8Array(await new Response(csvStream([TEXT], [["é"]], { bom: true })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([...UTF8_BOM]);
    expect(parse(Buffer.from(bytes), { bom: true })).toEqual([["t"], ["é"]]);
    const plain = new Uint8Array(await new Response(csvStream([TEXT], [["é"]])).arrayBuffer());
    expect(plain[0]).toBe("t".charCodeAt(0));
  });

  it("asks the producer for rows only as the reader pulls (backpressure)", async () => {
    let produced = 0;
    function* many() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield [`row ${i}`];
      }
    }
    const reader = csvStream([TEXT], many()).getReader();
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(produced).toBeLessThan(5_000);
    await reader.cancel();
  });
});

describe("crlfRecords", () => {
  it("turns record-ending LFs into CRLF, keeps LFs inside quoted fields, across any chunking", () => {
    fc.assert(
      fc.property(fc.array(fc.array(nasty, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (rows, cuts) => {
        // The same quoting PostgreSQL's COPY CSV uses: quote when needed, double the quotes, LF between records.
        const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
        const lf = rows.map((r) => r.map(field).join(",") + "\n").join("");
        const buf = Buffer.from(lf);
        const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
        const convert = crlfRecords();
        let out = "";
        let at = 0;
        for (const p of [...points, buf.length]) {
          out += convert(buf.subarray(at, p)).toString("latin1");
          at = p;
        }
        const decoded = Buffer.from(out, "latin1").toString("utf8");
        expect(parse(decoded, { relax_column_count: true })).toEqual(parse(lf, { relax_column_count: true }));
        expect(decoded.replace(/\r\n/g, "\n")).toBe(lf.replace(/\r\n/g, "\n"));
        if (rows.length > 0) expect(decoded.endsWith("\r\n")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("file names", () => {
  it("say report, subject and generation date", () => {
    const at = new Date("2025-01-01T10:00:00Z");
    expect(reportFilename("event-study", "2024-06-19 Treaty", at, "csv")).toBe("faultline-event-study-2024-06-19-treaty-2025-01-01.csv");
    expect(reportFilename("events", "", at, "zip")).toBe("faultline-events-2025-01-01.zip");
    expect(slugPart("Russia–DPRK «treaty» signé, ^KS11 & KRW=X")).toBe("russia-dprk-treaty-signe-ks11-krw-x");
    expect(contentDisposition("a.csv")).toBe(`attachment; filename="a.csv"; filename*=UTF-8''a.csv`);
  });
});
