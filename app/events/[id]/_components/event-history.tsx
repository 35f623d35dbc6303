// The audit trail of an event, its exposures and its notes: who did what, when, and which fields changed.
import { Card, Text, Title } from "@tremor/react";
import { historyOfEvent } from "@/lib/audit/history";

const ACTION_WORD: Record<string, string> = { CREATE: "created", UPDATE: "changed", DELETE: "deleted", RESTORE: "restored", MERGE: "merged" };
const ENTITY_WORD: Record<string, string> = { EVENT: "the event", EXPOSURE: "an exposure", ANNOTATION: "a note", THEME: "a theme" };

function show(v: unknown): string {
  const s = Array.isArray(v) ? v.join(", ") : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "—");
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export async function EventHistory({ eventId }: { eventId: number }) {
  const entries = await historyOfEvent(eventId);
  return (
    <Card>
      <Title>History</Title>
      {entries.length === 0 ? <Text className="mt-2">No recorded change (seeded events start without history).</Text> : (
        <ol className="mt-4 space-y-2 text-sm" data-testid="event-history">
          {entries.map((h) => {
            const b = (h.before ?? {}) as Record<string, unknown>;
            const a = (h.after ?? {}) as Record<string, unknown>;
            const subject = h.entity === "EXPOSURE" ? `exposure of ${show(a.assetSymbol ?? b.assetSymbol)}` : ENTITY_WORD[h.entity];
            return (
              <li key={h.id}>
                <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">{h.at.toISOString().slice(0, 16).replace("T", " ")}</span>{" "}
                <strong>{h.actorName}</strong> {ACTION_WORD[h.action] ?? h.action.toLowerCase()} {subject}
                {h.changed.length > 0 && h.action === "UPDATE" && (
                  <ul className="ml-4 list-disc text-xs">
                    {h.changed.map((f) => <li key={f}>{f}: {show(b[f])} → {show(a[f])}</li>)}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
