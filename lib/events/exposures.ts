// Linking assets to an event with the direction the analyst expects. The direction is a hypothesis: who set it and
// when is kept (setBy/setAt) so it can be scored, and whether it was stated before or after the event is shown.
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { exposureInputSchema, exposureRemoveSchema, type ExposureInput } from "@/lib/events/schemas";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";

async function liveEventAndAsset(tx: Tx, eventId: number, symbol: string) {
  const event = await tx.event.findFirst({ where: { id: eventId, deletedAt: null }, select: { id: true } });
  if (!event) throw new NotFoundError(`There is no event ${eventId}.`);
  const asset = await tx.asset.findUnique({ where: { symbol }, select: { id: true, symbol: true } });
  if (!asset) throw new ValidationError({ assetSymbol: [`There is no asset ${symbol}`] });
  return { event, asset };
}

/** Links the asset, or changes the link. A new direction is a new hypothesis: setBy/setAt move to now. */
export async function setExposure(actor: Principal, input: ExposureInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(exposureInputSchema, input);
  return writeTransaction(async (tx) => {
    const { event, asset } = await liveEventAndAsset(tx, data.eventId, data.assetSymbol);
    // Lock the pair so two analysts linking the same asset at once produce one link and two audit entries.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${event.id}::int, ${asset.id}::int)`;
    const before = await tx.exposure.findUnique({ where: { eventId_assetId: { eventId: event.id, assetId: asset.id } } });
    const newHypothesis = !before || before.direction !== data.direction;
    const after = before
      ? await tx.exposure.update({
          where: { id: before.id },
          data: { direction: data.direction, rationale: data.rationale, ...(newHypothesis ? { setById: actor.id, setAt: new Date() } : {}) },
        })
      : await tx.exposure.create({
          data: { eventId: event.id, assetId: asset.id, direction: data.direction, rationale: data.rationale, setById: actor.id },
        });
    await recordAudit(tx, actor, {
      entity: "EXPOSURE", entityId: after.id, eventId: event.id, action: before ? "UPDATE" : "CREATE",
      before: before ? { ...before, assetSymbol: asset.symbol } : undefined, after: { ...after, assetSymbol: asset.symbol },
    });
    return after;
  });
}

export async function removeExposure(actor: Principal, input: { eventId: unknown; assetSymbol: unknown }) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(exposureRemoveSchema, input);
  return writeTransaction(async (tx) => {
    const { event, asset } = await liveEventAndAsset(tx, data.eventId, data.assetSymbol);
    const before = await tx.exposure.findUnique({ where: { eventId_assetId: { eventId: event.id, assetId: asset.id } } });
    if (!before) throw new NotFoundError(`${asset.symbol} is not linked to this event.`);
    await tx.exposure.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { entity: "EXPOSURE", entityId: before.id, eventId: event.id, action: "DELETE", before: { ...before, assetSymbol: asset.symbol } });
  });
}

/** "before" when the hypothesis was stated before the event happened (worth more), else "after". */
export function hypothesisTiming(setAt: Date, occurredAt: Date): "before" | "after" {
  return setAt.getTime() < occurredAt.getTime() ? "before" : "after";
}

/** An event's exposures with who stated each hypothesis and whether that was before or after the event. */
export async function exposuresWithHypothesis(eventId: number) {
  const event = await db().event.findUnique({ where: { id: eventId }, select: { occurredAt: true } });
  if (!event) return [];
  const rows = await db().exposure.findMany({
    where: { eventId },
    include: { asset: { select: { symbol: true, name: true } }, setBy: { select: { name: true } } },
    orderBy: { asset: { symbol: "asc" } },
  });
  return rows.map((x) => ({
    symbol: x.asset.symbol, name: x.asset.name, direction: x.direction, rationale: x.rationale,
    setBy: x.setBy?.name ?? null, setAt: x.setAt, timing: hypothesisTiming(x.setAt, event.occurredAt),
  }));
}
