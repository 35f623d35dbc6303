// PostgreSQL's COPY ends CSV records with LF; RFC 4180 (and every other Faultline report) uses CRLF. Only record ends
// change: an LF inside a quoted field is data and is kept as it is. The quote state carries across chunks; a doubled
// quote ("") toggles twice, so it needs no special case.

const QUOTE = 0x22;
const LF = 0x0a;
const CRLF = Buffer.from("\r\n");

export function crlfRecords(): (chunk: Buffer) => Buffer {
  let quoted = false;
  return (chunk) => {
    const parts: Buffer[] = [];
    let from = 0;
    let i = 0;
    // Next quote at or after i, found once and reused: rescanning per line would be quadratic in the chunk size.
    let q = chunk.indexOf(QUOTE);
    while (i < chunk.length) {
      if (q >= 0 && q < i) q = chunk.indexOf(QUOTE, i);
      if (quoted) {
        if (q < 0) break;
        quoted = false;
        i = q + 1;
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      if (lf >= 0 && (q < 0 || lf < q)) {
        parts.push(chunk.subarray(from, lf), CRLF);
        from = lf + 1;
        i = lf + 1;
      } else if (q >= 0) {
        quoted = true;
        i = q + 1;
      } else break;
    }
    if (parts.length === 0) return chunk;
    parts.push(chunk.subarray(from));
    return Buffer.concat(parts);
  };
}
