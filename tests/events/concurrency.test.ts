// Never lose a word: concurrent writers on one event and a flood of notes on one thread.
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/commands";
import type { Principal } from "@/lib/auth/principal";
import { createEvent, updateEvent } from "@/lib/events/commands";
import { db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { createSignedInUser } from "../helpers/request-context";

let writers: Principal[];

beforeAll(async () => {
  const ana = await createSignedInUser("ANALYST", "Ana");
  const ben = await createSignedInUser("ANALYST", "Ben");
  writers = [ana.principal, ben.principal];
});

const input = { title: "Contested event", occurredAt: "2024-06-19", category: "TREATY", severity: 4, countries: ["RU", "KP"] };

describe("50 concurrent writers on the same event", () => {
  it("lets exactly one writer win per version; every loser gets a conflict; the audit matches", async () => {
    const event = await createEvent(writers[0]!, input);
    let version = event.version;
    const winners: string[] = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          updateEvent(writers[i % 2]!, event.id, { ...input, title: `round ${round} writer ${i}`, version }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const l of lost) expect((l as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const winner = (won[0] as PromiseFulfilledResult<{ title: string; version: number }>).value;
      expect(winner.version).toBe(version + 1);
      winners.push(winner.title);
      version = winner.version;
    }
    const stored = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.version).toBe(4);
    expect(stored.title).toBe(winners[2]);
    const audit = await db().auditEntry.findMany({ where: { entity: "EVENT", entityId: event.id, action: "UPDATE" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.after as { title: string }).title)).toEqual(winners);
    expect(audit.map((a) => (a.after as { version: number }).version)).toEqual([2, 3, 4]);
  });
});

describe("1,000 concurrent notes on one event", () => {
  it("stores and audits every one", async () => {
    const event = await createEvent(writers[0]!, { ...input, title: "Busy thread" });
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) => createAnnotation(writers[i % 2]!, { eventId: event.id, body: `note ${i}` })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const notes = await db().annotation.findMany({ where: { eventId: event.id }, select: { id: true, body: true } });
    expect(notes).toHaveLength(1000);
    expect(new Set(notes.map((n) => n.body)).size).toBe(1000);
    const audited = await db().auditEntry.findMany({ where: { entity: "ANNOTATION", eventId: event.id, action: "CREATE" }, select: { entityId: true } });
    expect(new Set(audited.map((a) => a.entityId))).toEqual(new Set(notes.map((n) => n.id)));
  }, 120_000);
});
