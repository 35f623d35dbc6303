import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listThemes } from "@/lib/themes/queries";
import { EventForm } from "../_components/event-form";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireUser("ANALYST");
  const themes = await listThemes();
  const empty = { title: "", occurredAt: "", category: "OTHER", severity: "3", countries: "", summary: "", sourceUrls: "", tags: "", themeId: "" };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">New event</h1>
      <EventForm initial={empty} themes={themes} />
    </div>
  );
}
