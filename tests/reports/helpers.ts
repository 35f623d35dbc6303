// Shared by the report tests: call the report route as a user, read the file, parse it with csv-parse (an
// independent parser), and read a ZIP without a ZIP library (stored or deflated entries, central directory).
import { inflateRawSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { GET, POST } from "@/app/api/reports/[report]/route";
import { requestAs, type TestUser } from "../helpers/request-context";

export type Who = TestUser | { token: string } | null;

export async function download(who: Who, report: string, query: Record<string, string> = {}): Promise<Response> {
  const url = `/api/reports/${report}?${new URLSearchParams(query)}`;
  return GET(requestAs(who, url), { params: Promise.resolve({ report }) });
}

export async function downloadPost(who: Who, report: string, body: unknown): Promise<Response> {
  return POST(requestAs(who, `/api/reports/${report}`, { method: "POST", body }), { params: Promise.resolve({ report }) });
}

/** Records as objects keyed by the header, every cell a string exactly as in the file. */
export async function records(res: Response): Promise<{ header: string[]; rows: Record<string, string>[]; text: string }> {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const text = await res.text();
  const all = parse(text, { bom: true }) as string[][];
  const header = all[0] ?? [];
  return { header, rows: all.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))), text };
}

/** A number cell: empty means null. */
export const num = (s: string | undefined): number | null => (s === undefined || s === "" ? null : Number(s));

export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a ZIP file");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}
