// The triage queue as the JSON API shows it: the page's filters (moveFilterSchema) and the page's reads, each item with
// its moves and its decision (dismissal or link) in plain JSON.
import "server-only";
import { NotFoundError } from "@/lib/errors";
import { listMoveItems, moveItemById, PAGE_SIZE, type MoveItemView, type MoveRow } from "@/lib/triage/queries";
import type { DismissReasonCode, MoveFilter, MoveKind, MoveStatus } from "@/lib/triage/schemas";
import { updatePendingMovesIfAny } from "@/lib/triage/update-moves";
import { idSchema } from "@/lib/validation/fields";
import type { Page } from "@/lib/validation/pagination";

export interface MoveItemDto {
  id: number;
  session: string;
  status: MoveStatus;
  kind: MoveKind;
  maxAbsZ: number;
  /** Set while the item is dismissed. */
  dismissal: { reason: DismissReasonCode; note: string | null } | null;
  /** The event the item is linked to or was resolved by. */
  eventId: number | null;
  /** Who changed the status last, and when (ISO 8601). */
  decidedBy: string | null;
  decidedAt: string | null;
  /** Largest |z| first. */
  moves: MoveRow[];
}

export function moveItemDto(item: MoveItemView): MoveItemDto {
  return {
    id: item.id,
    session: item.session,
    status: item.status,
    kind: item.kind,
    maxAbsZ: item.maxAbsZ,
    dismissal: item.dismissReason ? { reason: item.dismissReason, note: item.dismissNote } : null,
    eventId: item.eventId,
    decidedBy: item.decidedByName,
    decidedAt: item.decidedAt ? new Date(item.decidedAt).toISOString() : null,
    moves: item.moves.map((m) => ({ assetId: m.assetId, symbol: m.symbol, name: m.name, ret: m.ret, abnormalReturn: m.abnormalReturn, z: m.z, zEwma: m.zEwma, suspect: m.suspect })),
  };
}

/** One page of the queue, scored up to date first, as the triage page reads it. */
export async function moveItemPage(filter: MoveFilter): Promise<Page<MoveItemDto>> {
  await updatePendingMovesIfAny();
  const { items, total } = await listMoveItems(filter);
  return { data: items.map(moveItemDto), page: filter.page, pageSize: PAGE_SIZE, total };
}

/** The item id in a URL path: anything that is not a positive whole number names no item (404). */
export function moveItemIdOf(raw: string): number {
  const r = idSchema("Item").safeParse(raw);
  if (!r.success) throw new NotFoundError(`There is no triage item ${raw.slice(0, 40)}.`);
  return r.data;
}

export async function moveItemOrThrow(id: number): Promise<MoveItemDto> {
  await updatePendingMovesIfAny();
  const item = await moveItemById(id);
  if (!item) throw new NotFoundError(`There is no triage item ${id}.`);
  return moveItemDto(item);
}
