import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-md space-y-4 py-10">
      <h1 className="text-2xl font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">Your role does not allow this</h1>
      <p className="text-sm">Viewers read and download; analysts also write events, exposures, themes and notes; admins manage accounts and tokens. Ask an admin if you need more.</p>
      <Link href="/" className="text-tremor-brand hover:underline dark:text-dark-tremor-brand">Back to the overview</Link>
    </div>
  );
}
