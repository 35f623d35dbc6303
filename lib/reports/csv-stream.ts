// Rows → RFC 4180 CSV bytes as a web ReadableStream. csv-stringify does the quoting; this file only batches rows and
// pulls them on demand, so a slow client slows the producer instead of filling memory.
import { stringify } from "csv-stringify/sync";
import type { Column } from "./columns";
import { formatCell, type Cell } from "./csv-cells";

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** RFC 4180: CRLF between records, fields quoted only when they hold a comma, quote, CR or LF. */
export const CSV_OPTIONS = { record_delimiter: "windows", quoted_string: false } as const;

const BATCH_ROWS = 500;
const encoder = new TextEncoder();

export function csvLines(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => columns.map((c, i) => formatCell(c, row[i]))),
    CSV_OPTIONS,
  );
}

export function csvHeader(columns: readonly Column[]): string {
  return stringify([columns.map((c) => c.name)], CSV_OPTIONS);
}

/** A CSV document: optional BOM, the header, then the rows as the consumer asks for them. */
export function csvStream(
  columns: readonly Column[],
  rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>,
  options: { bom?: boolean } = {},
): ReadableStream<Uint8Array> {
  const iterator =
    Symbol.asyncIterator in rows ? (rows as AsyncIterable<readonly Cell[]>)[Symbol.asyncIterator]() : toAsync(rows as Iterable<readonly Cell[]>);
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = "";
        if (!started) {
          started = true;
          if (options.bom) controller.enqueue(UTF8_BOM);
          text = csvHeader(columns);
        }
        const batch: (readonly Cell[])[] = [];
        let done = false;
        while (batch.length < BATCH_ROWS) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          batch.push(next.value);
        }
        if (batch.length > 0) text += csvLines(columns, batch);
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

async function* toAsyncGen<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function toAsync<T>(items: Iterable<T>): AsyncIterator<T> {
  return toAsyncGen(items);
}
