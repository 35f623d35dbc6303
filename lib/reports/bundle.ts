// The reproducible bundle: a ZIP holding manifest.json and the CSV, written by yazl as the CSV streams in, so a
// bundle of a million rows needs no more memory than the CSV alone.
import { Readable } from "node:stream";
import yazl from "yazl";

export function zipStream(entries: { manifest: { name: string; json: unknown }; csv: { name: string; body: ReadableStream<Uint8Array> } }): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  zip.addBuffer(Buffer.from(`${JSON.stringify(entries.manifest.json, null, 2)}\n`, "utf8"), entries.manifest.name, { mtime });
  const csv = Readable.fromWeb(entries.csv.body as import("node:stream/web").ReadableStream<Uint8Array>);
  zip.addReadStream(csv, entries.csv.name, { mtime });
  zip.end();
  // @types/yazl calls it a NodeJS.ReadableStream; it is a stream.Readable (PassThrough).
  const out = zip.outputStream as Readable;
  const iterator = out[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel() {
        // Destroying the CSV's Node side cancels its web stream, which stops the database query behind it.
        csv.destroy();
        out.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}
