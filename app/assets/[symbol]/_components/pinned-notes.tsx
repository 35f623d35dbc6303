// Notes pinned to this asset at a date (drawn on the chart as diamonds), with a form to add one.
import { Card, Text, Title } from "@tremor/react";
import { annotationsForAsset } from "@/lib/annotations/queries";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { Markdown } from "../../../_components/markdown";
import { DeleteNoteButton, EditNoteForm, NewNoteForm } from "../../../events/[id]/_components/note-forms";
import { assetHref } from "../../../_components/format";

export async function PinnedNotes({ assetId, symbol, defaultDate }: { assetId: number; symbol: string; defaultDate?: string }) {
  const user = await requireUser();
  const notes = await annotationsForAsset(assetId);
  const back = assetHref(symbol);
  const canWrite = hasRole(user.role, "ANALYST");
  return (
    <Card>
      <Title>Notes on {symbol}</Title>
      {notes.length === 0 ? <Text className="mt-2">No note pinned to this chart yet.</Text> : (
        <ul className="mt-4 space-y-3" data-testid="pinned-notes">
          {notes.map((n) => (
            <li key={n.id} id={`note-${n.id}`} className="border-l-2 border-violet-400 pl-3">
              <div className="text-xs text-tremor-content dark:text-dark-tremor-content"><strong>{n.date}</strong> · {n.authorName ?? "former member"}</div>
              <Markdown source={n.body} />
              {canWrite && (
                <div className="flex gap-3">
                  {n.authorId === user.id && <EditNoteForm id={n.id} version={n.version} body={n.body} returnTo={back} />}
                  {(n.authorId === user.id || user.role === "ADMIN") && <DeleteNoteButton id={n.id} version={n.version} returnTo={back} />}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <div className="mt-4"><NewNoteForm target={{ assetSymbol: symbol, pinnedDate: defaultDate }} returnTo={back} label="Pin note" /></div>}
    </Card>
  );
}
