// Which server a page's figures were read from when read replicas are configured, in words for the page: the
// routing itself stays in lib/db/read-routing.ts.
import "server-only";
import { formatLag, readSource, type ReadSource } from "@/lib/db/read-routing";

/** The note for the current request's reads, or null on a single-server install. */
export async function currentReadSourceText(): Promise<string | null> {
  return readSourceText(await readSource());
}

export function readSourceText(source: ReadSource): string | null {
  if (!source.configured) return null;
  if (source.server === "replica") return `Read from a replica, ${formatLag(source.lagSeconds)} behind the primary.`;
  switch (source.reason) {
    case "own-write":
      return "Read from the primary, which already has your latest change.";
    case "lagging":
      return `Read from the primary: the replica is ${source.lagSeconds === null ? "too far" : formatLag(source.lagSeconds)} behind.`;
    case "starting":
      return "Read from the primary while the replicas are being checked.";
    case "down":
      return "Read from the primary: no replica answers.";
  }
}
