// The triage queue's one-click actions. Each checks the role, validates with the shared schema, and writes the change
// with its audit entry in one transaction; the moves are brought up to date afterwards (a link writes exposures).
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { linkInitialExposures } from "@/lib/events/exposures";
import { parseOrThrow } from "@/lib/validation/parse";
import {
  dismissMoveSchema, linkMoveSchema, reopenMoveSchema, resolveMoveSchema, thresholdSchema,
  type DismissMoveInput, type LinkMoveInput, type ThresholdInput,
} from "@/lib/triage/schemas";
import { updatePendingMoves } from "@/lib/triage/update-moves";

const ITEM_FIELDS = { id: true, session: true, status: true, kind: true, maxAbsZ: true, dismissReason: true, dismissNote: true, eventId: true } as const;

async function lockedItem(tx: Tx, itemId: number) {
  await tx.$executeRaw`SELECT 1 FROM move_item WHERE id = ${itemId} FOR UPDATE`;
  const item = await tx.moveItem.findUnique({ where: { id: itemId }, select: ITEM_FIELDS });
  if (!item) throw new NotFoundError(`There is no triage item ${itemId}.`);
  return item;
}

async function decide(tx: Tx, actor: Principal, itemId: number, data: Parameters<Tx["moveItem"]["update"]>[0]["data"], eventId: number | null = null) {
  const before = await lockedItem(tx, itemId);
  const after = await tx.moveItem.update({
    where: { id: itemId },
    data: { ...data, decidedById: actor.id, decidedByName: actor.name, decidedAt: new Date() },
    select: ITEM_FIELDS,
  });
  await recordAudit(tx, actor, { entity: "MOVE_ITEM", entityId: itemId, eventId: eventId ?? after.eventId, action: "UPDATE", before, after });
  return after;
}

/** Dismisses an item with a reason; it leaves the open queue and stays findable under "dismissed". */
export async function dismissMove(actor: Principal, input: DismissMoveInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(dismissMoveSchema, input);
  return writeTransaction((tx) => decide(tx, actor, data.itemId, { status: "DISMISSED", dismissReason: data.reason, dismissNote: data.note || null }));
}

/** Puts a dismissed or linked item back in the open queue. */
export async function reopenMove(actor: Principal, input: { itemId: unknown }) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(reopenMoveSchema, input);
  return writeTransaction((tx) => decide(tx, actor, data.itemId, { status: "OPEN", dismissReason: null, dismissNote: null, eventId: null }));
}

/**
 * Links an item to an existing event: every moved asset the event does not expose yet is linked with the direction
 * it moved. The exposure is set now, after the event, so the hindsight flag marks it.
 */
export async function linkMoveToEvent(actor: Principal, input: LinkMoveInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(linkMoveSchema, input);
  const item = await writeTransaction(async (tx) => {
    const event = await tx.event.findFirst({ where: { id: data.eventId, deletedAt: null }, select: { id: true } });
    if (!event) throw new ValidationError({ eventId: [`There is no event ${data.eventId}`] });
    const moves = await tx.moveItemAsset.findMany({ where: { itemId: data.itemId }, select: { z: true, asset: { select: { id: true, symbol: true } } }, orderBy: { z: "desc" } });
    const exposed = new Set((await tx.exposure.findMany({ where: { eventId: event.id }, select: { assetId: true } })).map((x) => x.assetId));
    const session = (await lockedItem(tx, data.itemId)).session.toISOString().slice(0, 10);
    const links = moves
      .filter((m) => !exposed.has(m.asset.id))
      .map((m) => ({
        assetSymbol: m.asset.symbol,
        direction: m.z > 0 ? ("UP" as const) : ("DOWN" as const),
        rationale: `Linked from the triage queue: ${m.asset.symbol} moved ${m.z > 0 ? "up" : "down"} (z = ${m.z.toFixed(1)}) on ${session}.`,
      }));
    await linkInitialExposures(tx, actor, event.id, links);
    return decide(tx, actor, data.itemId, { status: "LINKED", eventId: event.id }, event.id);
  });
  await updatePendingMoves();
  return item;
}

/** Marks an item resolved by the event just created from it. */
export async function resolveMoveByEvent(actor: Principal, input: { itemId: unknown; eventId: unknown }) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(resolveMoveSchema, input);
  const item = await writeTransaction(async (tx) => {
    const event = await tx.event.findFirst({ where: { id: data.eventId, deletedAt: null }, select: { id: true } });
    if (!event) throw new ValidationError({ eventId: [`There is no event ${data.eventId}`] });
    return decide(tx, actor, data.itemId, { status: "RESOLVED", eventId: event.id }, event.id);
  });
  await updatePendingMoves();
  return item;
}

/**
 * Sets k, for one asset (analysts) or globally (admins); a trigger queues the assets concerned for a rescore.
 * An asset's threshold change is audited on the asset.
 */
export async function setMoveThreshold(actor: Principal, input: ThresholdInput) {
  const data = parseOrThrow(thresholdSchema, input);
  assertRole(actor, data.assetSymbol ? "ANALYST" : "ADMIN");
  await writeTransaction(async (tx) => {
    if (!data.assetSymbol) {
      await tx.moveSettings.upsert({ where: { id: 1 }, create: { id: 1, threshold: data.threshold }, update: { threshold: data.threshold } });
      return;
    }
    const asset = await tx.asset.findFirst({ where: { symbol: data.assetSymbol, deletedAt: null }, select: { id: true, moveThreshold: { select: { threshold: true } } } });
    if (!asset) throw new ValidationError({ assetSymbol: [`There is no asset ${data.assetSymbol}`] });
    await tx.assetMoveThreshold.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, threshold: data.threshold }, update: { threshold: data.threshold } });
    await recordAudit(tx, actor, { entity: "ASSET", entityId: asset.id, action: "UPDATE", before: { moveThreshold: asset.moveThreshold?.threshold ?? null }, after: { moveThreshold: data.threshold } });
  });
  return updatePendingMoves();
}
