// What a team does on an event page: edit or delete it, state hypotheses per asset, discuss it, see its history.
import { Card, Title } from "@tremor/react";
import Link from "next/link";
import { listAssetOverview } from "@/lib/assets/queries";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { exposuresWithHypothesis } from "@/lib/events/exposures";
import { secondaryButtonClass } from "../../../_components/forms/form-feedback";
import { AnnotationThread } from "./annotation-thread";
import { DeleteEventButton } from "./delete-event-button";
import { EventHistory } from "./event-history";
import { ExposureEditor } from "./exposure-editor";

export async function EventWorkspace({ event, user }: { event: { id: number; version: number }; user: Principal }) {
  const canWrite = hasRole(user.role, "ANALYST");
  const [rows, assets] = await Promise.all([exposuresWithHypothesis(event.id), canWrite ? listAssetOverview() : Promise.resolve([])]);
  return (
    <>
      {canWrite && (
        <div className="flex gap-2">
          <Link href={`/events/${event.id}/edit`} className={secondaryButtonClass}>Edit event</Link>
          <DeleteEventButton id={event.id} version={event.version} />
        </div>
      )}
      <Card id="hypotheses">
        <Title>Hypotheses</Title>
        <div className="mt-4">
          <ExposureEditor eventId={event.id} canWrite={canWrite} assets={assets.map((a) => a.symbol)} rows={rows.map((r) => ({ ...r, setAt: r.setAt.toISOString() }))} />
        </div>
      </Card>
      <AnnotationThread eventId={event.id} user={user} />
      <EventHistory eventId={event.id} />
    </>
  );
}
