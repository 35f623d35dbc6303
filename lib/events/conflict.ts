// The words of a conflict: who saved first and when, so the user can review their change and save again.
import { ConflictError } from "@/lib/errors";

export function staleVersionConflict(what: string, current: { version: number; updatedAt: Date }, changedBy: string | null): ConflictError {
  const at = current.updatedAt.toISOString().replace("T", " ").slice(0, 16);
  const who = changedBy ?? "someone";
  return new ConflictError(
    `This ${what} was changed by ${who} at ${at} UTC — review their change, then save again.`,
    changedBy,
    current.updatedAt,
    current.version,
  );
}
