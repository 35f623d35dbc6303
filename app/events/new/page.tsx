import type { Metadata } from "next";
import { listAssetOverview } from "@/lib/assets/queries";
import { requireUser } from "@/lib/auth/session";
import { listThemes } from "@/lib/themes/queries";
import { moveItemById } from "@/lib/triage/queries";
import { EventForm } from "../_components/event-form";

export const metadata: Metadata = { title: "New event" };

/** `?fromMove=<item id>`: an event explaining a triage item, prefilled with its session and the assets that moved. */
export default async function NewEventPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ANALYST");
  const fromMove = (await searchParams).fromMove;
  const moveId = typeof fromMove === "string" && /^\d{1,9}$/.test(fromMove) ? Number(fromMove) : null;
  const [themes, assets, move] = await Promise.all([listThemes(), listAssetOverview(), moveId ? moveItemById(moveId) : Promise.resolve(null)]);
  const empty = {
    title: "", when: { precision: "EXACT" as const, occurredAt: "", timeZone: "UTC" }, category: "OTHER", severity: "3",
    countries: "", summary: "", sourceUrls: "", tags: "", themeId: "",
  };
  const initial = move
    ? { ...empty, when: { precision: "DAY" as const, occurredAt: move.session, timeZone: "UTC" }, summary: `Explains the move of ${move.moves.map((m) => m.symbol).join(", ")} on ${move.session}.` }
    : empty;
  const exposures = (move?.moves ?? []).map((m) => ({ assetSymbol: m.symbol, direction: m.z > 0 ? ("UP" as const) : ("DOWN" as const), rationale: "" }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">New event</h1>
      {move && (
        <p className="text-sm text-tremor-content dark:text-dark-tremor-content" data-testid="from-move">
          For the unexplained move of {move.moves.map((m) => m.symbol).join(", ")} on {move.session}: saving the event takes it off the triage queue.
        </p>
      )}
      <EventForm initial={initial} themes={themes} assets={assets.map((a) => ({ symbol: a.symbol, name: a.name }))} initialExposures={exposures} moveItemId={move?.id} />
    </div>
  );
}
