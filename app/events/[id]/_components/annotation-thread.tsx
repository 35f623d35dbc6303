// An event's discussion: threaded notes in Markdown; deleted notes leave a placeholder so replies keep context.
import { Card, Text, Title } from "@tremor/react";
import { annotationThread, type ThreadNote } from "@/lib/annotations/queries";
import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { Markdown } from "../../../_components/markdown";
import { DeleteNoteButton, EditNoteForm, NewNoteForm } from "./note-forms";

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function Note({ note, user, eventId, depth }: { note: ThreadNote; user: Principal; eventId: number; depth: number }) {
  const canWrite = hasRole(user.role, "ANALYST");
  const mine = note.authorId === user.id;
  return (
    <li className="border-l-2 border-tremor-border pl-3" data-note-id={note.id}>
      <div className="text-xs text-tremor-content dark:text-dark-tremor-content">
        <strong>{note.authorName ?? "former member"}</strong> · {when(note.createdAt)}
        {note.edited && <> · edited {when(note.updatedAt)}</>}
      </div>
      {note.deleted ? <p className="text-sm italic text-tremor-content dark:text-dark-tremor-content">This note was deleted.</p> : <Markdown source={note.body} />}
      {!note.deleted && canWrite && (
        <div className="mt-1 flex gap-3">
          {mine && <EditNoteForm id={note.id} version={note.version} body={note.body} />}
          {(mine || user.role === "ADMIN") && <DeleteNoteButton id={note.id} version={note.version} />}
        </div>
      )}
      {note.replies.length > 0 && (
        <ul className="mt-2 space-y-3">{note.replies.map((r) => <Note key={r.id} note={r} user={user} eventId={eventId} depth={depth + 1} />)}</ul>
      )}
      {canWrite && !note.deleted && depth < 4 && (
        <details className="mt-1 text-xs"><summary className="cursor-pointer text-tremor-brand dark:text-dark-tremor-brand">Reply</summary><NewNoteForm target={{ eventId }} parentId={note.id} label="Reply" /></details>
      )}
    </li>
  );
}

export async function AnnotationThread({ eventId, user }: { eventId: number; user: Principal }) {
  const notes = await annotationThread(eventId);
  return (
    <Card>
      <Title>Discussion</Title>
      {notes.length === 0 ? <Text className="mt-2">No note yet.</Text> : <ul className="mt-4 space-y-4">{notes.map((n) => <Note key={n.id} note={n} user={user} eventId={eventId} depth={0} />)}</ul>}
      {hasRole(user.role, "ANALYST") && <div className="mt-4"><NewNoteForm target={{ eventId }} /></div>}
    </Card>
  );
}
