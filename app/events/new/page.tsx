import type { Metadata } from "next";
import { listAssetOverview } from "@/lib/assets/queries";
import { requireUser } from "@/lib/auth/session";
import { listThemes } from "@/lib/themes/queries";
import { EventForm } from "../_components/event-form";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireUser("ANALYST");
  const [themes, assets] = await Promise.all([listThemes(), listAssetOverview()]);
  const empty = {
    title: "", when: { precision: "EXACT" as const, occurredAt: "", timeZone: "UTC" }, category: "OTHER", severity: "3",
    countries: "", summary: "", sourceUrls: "", tags: "", themeId: "",
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">New event</h1>
      <EventForm initial={empty} themes={themes} assets={assets.map((a) => ({ symbol: a.symbol, name: a.name }))} />
    </div>
  );
}
