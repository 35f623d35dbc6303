// Notes: threaded on events or pinned to an asset at a date. Authors edit and delete their own (admins may delete
// any); deletion is soft and every version stays in the audit trail.
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { staleVersionConflict } from "@/lib/events/conflict";
import { annotationDeleteSchema, annotationEditSchema, annotationInputSchema, type AnnotationInput } from "@/lib/annotations/schemas";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse";

const SNAPSHOT = { id: true, body: true, authorId: true, eventId: true, assetId: true, pinnedDate: true, parentId: true, version: true, deletedAt: true, updatedAt: true } as const;

export async function createAnnotation(actor: Principal, input: AnnotationInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(annotationInputSchema, input);
  return writeTransaction(async (tx) => {
    let assetId: number | null = null;
    if (data.eventId !== undefined) {
      const event = await tx.event.findFirst({ where: { id: data.eventId, deletedAt: null }, select: { id: true } });
      if (!event) throw new NotFoundError(`There is no event ${data.eventId}.`);
      if (data.parentId !== undefined) {
        const parent = await tx.annotation.findUnique({ where: { id: data.parentId }, select: { eventId: true } });
        if (!parent || parent.eventId !== data.eventId) throw new ValidationError({ parentId: ["The note you reply to is not in this thread"] });
      }
    } else {
      const asset = await tx.asset.findUnique({ where: { symbol: data.assetSymbol! }, select: { id: true } });
      if (!asset) throw new ValidationError({ assetSymbol: [`There is no asset ${data.assetSymbol}`] });
      assetId = asset.id;
    }
    const created = await tx.annotation.create({
      data: {
        body: data.body,
        authorId: actor.id,
        eventId: data.eventId ?? null,
        parentId: data.parentId ?? null,
        assetId,
        pinnedDate: data.pinnedDate ? new Date(`${data.pinnedDate}T00:00:00Z`) : null,
      },
      select: SNAPSHOT,
    });
    await recordAudit(tx, actor, { entity: "ANNOTATION", entityId: created.id, eventId: created.eventId, action: "CREATE", after: created });
    return created;
  });
}

async function ownedNote(tx: Tx, actor: Principal, id: number, version: number, allowAdmin: boolean) {
  const note = await tx.annotation.findUnique({ where: { id }, select: { ...SNAPSHOT, author: { select: { name: true } } } });
  if (!note || note.deletedAt) throw new NotFoundError(`There is no note ${id}.`);
  const { author, ...before } = note;
  if (note.authorId !== actor.id && !(allowAdmin && actor.role === "ADMIN")) throw new ForbiddenError("Only the author can change this note.");
  if (note.version !== version) throw staleVersionConflict("note", note, author?.name ?? null);
  return { before, authorName: author?.name ?? null };
}

async function guardedWrite(tx: Tx, id: number, version: number, data: { body?: string; deletedAt?: Date }, authorName: string | null) {
  const { count } = await tx.annotation.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const now = await tx.annotation.findUniqueOrThrow({ where: { id }, select: { version: true, updatedAt: true } });
    throw staleVersionConflict("note", now, authorName);
  }
  return tx.annotation.findUniqueOrThrow({ where: { id }, select: SNAPSHOT });
}

export async function editAnnotation(actor: Principal, input: { id: unknown; body: unknown; version: unknown }) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(annotationEditSchema, input);
  return writeTransaction(async (tx) => {
    const { before, authorName } = await ownedNote(tx, actor, data.id, data.version, false);
    const after = await guardedWrite(tx, data.id, data.version, { body: data.body }, authorName);
    await recordAudit(tx, actor, { entity: "ANNOTATION", entityId: data.id, eventId: before.eventId, action: "UPDATE", before, after });
    return after;
  });
}

export async function deleteAnnotation(actor: Principal, input: { id: unknown; version: unknown }) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(annotationDeleteSchema, input);
  return writeTransaction(async (tx) => {
    const { before, authorName } = await ownedNote(tx, actor, data.id, data.version, true);
    const after = await guardedWrite(tx, data.id, data.version, { deletedAt: new Date() }, authorName);
    await recordAudit(tx, actor, { entity: "ANNOTATION", entityId: data.id, eventId: before.eventId, action: "DELETE", before, after });
    return after;
  });
}
