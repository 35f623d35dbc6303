// Beside "data as of": which server the page's figures were read from when read replicas are configured, and how
// far behind the primary that server was. Renders nothing on a single-server install.
import { currentReadSourceText } from "@/lib/runtime/read-source";

export async function ReadSourceNote({ className = "" }: { className?: string }) {
  const text = await currentReadSourceText();
  if (!text) return null;
  return (
    <span data-testid="read-source" className={`block text-tremor-label text-tremor-content dark:text-dark-tremor-content ${className}`}>
      {text}
    </span>
  );
}
