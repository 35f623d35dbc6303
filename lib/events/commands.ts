// Write side of the event log. Every command validates with the shared schema, checks the role, writes the change
// and its audit entry in one transaction, and guards edits with the version the user started from.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { staleVersionConflict } from "@/lib/events/conflict";
import { linkInitialExposures } from "@/lib/events/exposures";
import { eventInputSchema, eventUpdateSchema, eventVersionSchema, type EventInput, type EventUpdateInput, type ValidEvent } from "@/lib/events/schemas";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { publishNotification, sendQueuedWebhooks } from "@/lib/notifications/publish";
import { parseOrThrow } from "@/lib/validation/parse";

const SNAPSHOT_FIELDS = {
  id: true, title: true, occurredAt: true, timePrecision: true, category: true, severity: true, countries: true,
  summary: true, sourceUrls: true, tags: true, themeId: true, version: true, deletedAt: true, updatedAt: true,
} as const;

function columns(e: Omit<ValidEvent, "exposures">) {
  return {
    title: e.title, occurredAt: e.occurredAt.at, timePrecision: e.occurredAt.precision, category: e.category,
    severity: e.severity, countries: e.countries, summary: e.summary, sourceUrls: e.sourceUrls, tags: e.tags, themeId: e.themeId,
  };
}

async function assertThemeExists(tx: Tx, themeId: number | null): Promise<void> {
  if (themeId !== null && !(await tx.theme.findUnique({ where: { id: themeId }, select: { id: true } }))) {
    throw new ValidationError({ themeId: ["This theme does not exist (it may have been merged into another)"] });
  }
}

/** The event as it is now, or a 404; with `includeDeleted` for restore. */
async function currentEvent(tx: Tx, id: number, includeDeleted = false) {
  const row = await tx.event.findUnique({ where: { id }, select: { ...SNAPSHOT_FIELDS, updatedBy: { select: { name: true } } } });
  if (!row || (!includeDeleted && row.deletedAt)) throw new NotFoundError(`There is no event ${id}.`);
  const { updatedBy, ...snapshot } = row;
  return { snapshot, changedBy: updatedBy?.name ?? null };
}

/**
 * Applies `data` only if the row still has `version`; otherwise a 409 naming who changed it. The WHERE on the
 * version is what makes concurrent writers safe: PostgreSQL lets exactly one of them match.
 */
async function guardedUpdate(tx: Tx, actor: Principal, id: number, version: number, data: Parameters<Tx["event"]["updateMany"]>[0]["data"], includeDeleted = false) {
  const { snapshot: before, changedBy } = await currentEvent(tx, id, includeDeleted);
  if (before.version !== version) throw staleVersionConflict("event", before, changedBy);
  const { count } = await tx.event.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 }, updatedById: actor.id },
  });
  if (count === 0) {
    const now = await currentEvent(tx, id, true);
    throw staleVersionConflict("event", now.snapshot, now.changedBy);
  }
  const after = await tx.event.findUniqueOrThrow({ where: { id }, select: SNAPSHOT_FIELDS });
  return { before, after };
}

export async function createEvent(actor: Principal, input: EventInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(eventInputSchema, input);
  const { created, published } = await writeTransaction(async (tx) => {
    await assertThemeExists(tx, data.themeId);
    const created = await tx.event.create({ data: { ...columns(data), createdById: actor.id, updatedById: actor.id }, select: SNAPSHOT_FIELDS });
    await recordAudit(tx, actor, { entity: "EVENT", entityId: created.id, eventId: created.id, action: "CREATE", after: created });
    await linkInitialExposures(tx, actor, created.id, data.exposures);
    return { created, published: await announceEvent(tx, actor, created) };
  });
  if (published?.deliveries) await sendQueuedWebhooks();
  return created;
}

/** Tells the followers of the event's theme, in the event's own transaction; the author is not told. */
async function announceEvent(tx: Tx, actor: Principal, event: { id: number; title: string; themeId: number | null; occurredAt: Date }) {
  if (event.themeId === null) return null;
  const theme = await tx.theme.findUniqueOrThrow({ where: { id: event.themeId }, select: { name: true } });
  return publishNotification(
    {
      type: "event.created",
      key: `event.created:${event.id}`,
      title: `New event in ${theme.name}: ${event.title}`,
      text: `${actor.name} logged "${event.title}" (${event.occurredAt.toISOString().slice(0, 10)}) in the theme ${theme.name}.`,
      url: `/events/${event.id}`,
      eventId: event.id,
      themeIds: [event.themeId],
      excludeUserIds: [actor.id],
      payload: { eventId: event.id, themeId: event.themeId, occurredAt: event.occurredAt.toISOString(), createdBy: actor.name },
    },
    tx,
  );
}

export async function updateEvent(actor: Principal, id: number, input: EventUpdateInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(eventUpdateSchema, input);
  return writeTransaction(async (tx) => {
    await assertThemeExists(tx, data.themeId);
    const { before, after } = await guardedUpdate(tx, actor, id, data.version, columns(data));
    await recordAudit(tx, actor, { entity: "EVENT", entityId: id, eventId: id, action: "UPDATE", before, after });
    return after;
  });
}

/** Soft delete: the event disappears from pages and the API, its history and exposures stay for an admin restore. */
export async function deleteEvent(actor: Principal, input: { id: unknown; version: unknown }) {
  assertRole(actor, "ANALYST");
  const { id, version } = parseOrThrow(eventVersionSchema, input);
  return writeTransaction(async (tx) => {
    const { before, after } = await guardedUpdate(tx, actor, id, version, { deletedAt: new Date() });
    await recordAudit(tx, actor, { entity: "EVENT", entityId: id, eventId: id, action: "DELETE", before, after });
    return after;
  });
}

export async function restoreEvent(actor: Principal, input: { id: unknown; version: unknown }) {
  assertRole(actor, "ADMIN");
  const { id, version } = parseOrThrow(eventVersionSchema, input);
  return writeTransaction(async (tx) => {
    const { snapshot } = await currentEvent(tx, id, true);
    if (!snapshot.deletedAt) throw new ValidationError({ id: ["This event is not deleted"] });
    const { before, after } = await guardedUpdate(tx, actor, id, version, { deletedAt: null }, true);
    await recordAudit(tx, actor, { entity: "EVENT", entityId: id, eventId: id, action: "RESTORE", before, after });
    return after;
  });
}

