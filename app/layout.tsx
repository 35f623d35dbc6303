import type { Metadata } from "next";
import { cookies } from "next/headers";
import { UserMenu } from "./_components/user-menu";
import { THEME_COOKIE, parseThemeChoice, themeClass } from "@/lib/preferences/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Faultline", template: "%s · Faultline" },
  description: "Geopolitical events against the markets exposed to them.",
};

// Every page reads live data from PostgreSQL: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme the user picked (system / light / dark) is rendered into the first byte: no flash, no inline script.
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="min-h-screen bg-tremor-background-muted text-tremor-content-emphasis dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-emphasis">
        <a
          href="#main"
          className="sr-only rounded-tremor-small bg-tremor-brand px-3 py-2 font-medium text-white focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
        >
          Skip to main content
        </a>
        <header className="border-b border-tremor-border bg-tremor-background dark:border-dark-tremor-border dark:bg-dark-tremor-background">
          <UserMenu theme={theme} />
        </header>
        {/* tabIndex -1: the skip link moves focus here, so the next Tab starts inside the page. */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl min-w-0 px-3 py-6 focus:outline-none sm:px-4">
          {children}
        </main>
      </body>
    </html>
  );
}
