// Themes group events (e.g. "Russia–DPRK alignment"). Merging moves every event of one theme to another and
// removes the first; each moved event gets its own audit entry so its history says where it came from. Deleting is
// refused while a live event uses the theme (merge instead, so no event silently loses its theme); soft-deleted
// events still pointing at it are detached, each with its own audit entry, so a later restore shows why.
import type { Principal } from "@/lib/auth/principal";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { writeTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { themeDeleteSchema, themeInputSchema, themeMergeSchema, type ThemeInput } from "@/lib/themes/schemas";
import { parseOrThrow } from "@/lib/validation/parse";

async function assertNameFree(tx: Tx, name: string, exceptId?: number) {
  const clash = await tx.theme.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (clash) throw new ValidationError({ name: [`A theme named “${clash.name}” already exists`] });
}

export async function createTheme(actor: Principal, input: ThemeInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(themeInputSchema, input);
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:theme-names'))`;
    await assertNameFree(tx, data.name);
    const theme = await tx.theme.create({ data });
    await recordAudit(tx, actor, { entity: "THEME", entityId: theme.id, action: "CREATE", after: theme });
    return theme;
  });
}

export async function updateTheme(actor: Principal, id: number, input: ThemeInput) {
  assertRole(actor, "ANALYST");
  const data = parseOrThrow(themeInputSchema, input);
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('faultline:theme-names'))`;
    const before = await tx.theme.findUnique({ where: { id } });
    if (!before) throw new NotFoundError(`There is no theme ${id}.`);
    await assertNameFree(tx, data.name, id);
    const after = await tx.theme.update({ where: { id }, data });
    await recordAudit(tx, actor, { entity: "THEME", entityId: id, action: "UPDATE", before, after });
    return after;
  });
}

export async function mergeThemes(actor: Principal, input: { sourceId: unknown; targetId: unknown }) {
  assertRole(actor, "ANALYST");
  const { sourceId, targetId } = parseOrThrow(themeMergeSchema, input);
  return writeTransaction(async (tx) => {
    const [source, target] = await Promise.all([tx.theme.findUnique({ where: { id: sourceId } }), tx.theme.findUnique({ where: { id: targetId } })]);
    if (!source) throw new ValidationError({ sourceId: ["This theme does not exist"] });
    if (!target) throw new ValidationError({ targetId: ["This theme does not exist"] });
    const events = await tx.event.findMany({ where: { themeId: sourceId }, select: { id: true, themeId: true, version: true } });
    for (const e of events) {
      await tx.event.update({ where: { id: e.id }, data: { themeId: targetId, version: { increment: 1 }, updatedById: actor.id } });
      await recordAudit(tx, actor, {
        entity: "EVENT", entityId: e.id, eventId: e.id, action: "UPDATE",
        before: { themeId: sourceId, version: e.version }, after: { themeId: targetId, version: e.version + 1, mergedFrom: source.name },
      });
    }
    await tx.theme.delete({ where: { id: sourceId } });
    await recordAudit(tx, actor, { entity: "THEME", entityId: sourceId, action: "MERGE", before: source, after: { mergedInto: target, movedEvents: events.map((e) => e.id) } });
    return { target, moved: events.length };
  });
}

export async function deleteTheme(actor: Principal, input: { id: unknown }) {
  assertRole(actor, "ANALYST");
  const { id } = parseOrThrow(themeDeleteSchema, input);
  return writeTransaction(async (tx) => {
    // FOR UPDATE conflicts with the key-share lock an event insert or update takes on the theme it names, so no
    // event can be attached between the count below and the delete.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM theme WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError(`There is no theme ${id}.`);
    const theme = await tx.theme.findUniqueOrThrow({ where: { id } });
    const live = await tx.event.count({ where: { themeId: id, deletedAt: null } });
    if (live > 0) {
      throw new ConflictError(
        `${live} event${live === 1 ? " still uses" : "s still use"} the theme “${theme.name}”: merge it into another theme, or move ${live === 1 ? "that event" : "those events"} first.`,
      );
    }
    const deleted = await tx.event.findMany({ where: { themeId: id }, select: { id: true, version: true } });
    for (const e of deleted) {
      await tx.event.update({ where: { id: e.id }, data: { themeId: null, version: { increment: 1 }, updatedById: actor.id } });
      await recordAudit(tx, actor, {
        entity: "EVENT", entityId: e.id, eventId: e.id, action: "UPDATE",
        before: { themeId: id, version: e.version }, after: { themeId: null, version: e.version + 1, themeDeleted: theme.name },
      });
    }
    await tx.theme.delete({ where: { id } });
    await recordAudit(tx, actor, { entity: "THEME", entityId: id, action: "DELETE", before: theme, after: { detachedDeletedEvents: deleted.map((e) => e.id) } });
    return { deleted: theme, detachedDeletedEvents: deleted.length };
  });
}
