import type { Metadata } from "next";
import Link from "next/link";
import { UserMenu } from "./_components/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Faultline", template: "%s · Faultline" },
  description: "Geopolitical events against the markets exposed to them.",
};

// Every page reads live data from PostgreSQL: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-tremor-background-muted text-tremor-content-emphasis dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-emphasis">
        <header className="border-b border-tremor-border bg-tremor-background dark:border-dark-tremor-border dark:bg-dark-tremor-background">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" aria-label="Main">
            <Link href="/" className="font-semibold tracking-tight text-tremor-content-strong dark:text-dark-tremor-content-strong">
              Faultline
            </Link>
            <Link href="/" className="text-tremor-default hover:text-tremor-brand">Overview</Link>
            <Link href="/events" className="text-tremor-default hover:text-tremor-brand">Events</Link>
            <Link href="/assets" className="text-tremor-default hover:text-tremor-brand">Assets</Link>
            <Link href="/reports" className="text-tremor-default hover:text-tremor-brand">Reports</Link>
            <UserMenu />
          </nav>
        </header>
        <main className="mx-auto max-w-7xl min-w-0 px-3 py-6 sm:px-4">{children}</main>
      </body>
    </html>
  );
}
