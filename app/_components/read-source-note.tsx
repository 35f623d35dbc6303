// Beside "data as of": which server the page's figures were read from when read replicas are configured, and how
// far behind the primary that server was. Renders nothing on a single-server install.
import { formatLag, readSource, type ReadSource } from "@/lib/db/read-routing";

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

export async function ReadSourceNote({ className = "" }: { className?: string }) {
  const text = readSourceText(await readSource());
  if (!text) return null;
  return (
    <span data-testid="read-source" className={`block text-tremor-label text-tremor-content dark:text-dark-tremor-content ${className}`}>
      {text}
    </span>
  );
}
