"use client";

import { useEffect, useState } from "react";

// A page that failed to render shows what happened and a retry, never a blank screen or a stack trace.
// In production Next replaces a server error's message with a generic one, so the page asks /api/ready whether the
// database is the cause instead of guessing from the message (which only works in development).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/ready", { cache: "no-store" })
      .then(async (res) => {
        const body = (await res.json()) as { checks?: { name: string; ok: boolean }[] };
        if (!cancelled) setDatabaseDown(body.checks?.some((c) => c.name === "database" && !c.ok) ?? false);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [error]);
  const unavailable = databaseDown || /ECONNREFUSED|connect|timeout|terminating connection|Can't reach database/i.test(error.message);
  return (
    <div className="mx-auto max-w-xl py-16 text-center" role="alert">
      <h1 className="text-xl font-semibold">{unavailable ? "The database is not answering" : "This page could not be shown"}</h1>
      <p className="mt-2 text-tremor-default">
        {unavailable
          ? "Faultline cannot reach PostgreSQL right now. Nothing you saved is lost; try again in a few seconds."
          : "Something went wrong while preparing this page. It has been logged."}
        {error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-tremor-default bg-tremor-brand px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
