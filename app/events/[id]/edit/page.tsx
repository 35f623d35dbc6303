import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { eventDto } from "@/lib/events/search";
import { listThemes } from "@/lib/themes/queries";
import { idSchema } from "@/lib/validation/fields";
import { EventForm } from "../../_components/event-form";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ANALYST");
  const id = idSchema("Event").safeParse((await params).id);
  const event = id.success ? await eventDto(id.data) : null;
  if (!event) notFound();
  const themes = await listThemes();
  const values = {
    title: event.title,
    when: { precision: event.timePrecision, occurredAt: event.timePrecision === "DAY" ? event.occurredAt : event.occurredAt.slice(0, 16), timeZone: "UTC" },
    category: event.category, severity: String(event.severity),
    countries: event.countries.join(", "), summary: event.summary, sourceUrls: event.sourceUrls.join("\n"), tags: event.tags.join(", "),
    themeId: event.theme ? String(event.theme.id) : "",
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Edit event</h1>
      <p className="text-sm">You are editing version {event.version}. If someone saves before you, you will be told who and when, and keep your text.</p>
      <EventForm initial={values} themes={themes} edit={{ id: event.id, version: event.version, storedInstant: event.occurredAt }} />
    </div>
  );
}
