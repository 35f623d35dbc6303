// The watchlist's asset column stays in view while the rest scrolls sideways; it needs the card's background to hide
// what passes under it. Shared by the header (server) and the rows (client component).
export const STICKY = "sticky left-0 z-10 bg-tremor-background pl-1 sm:pl-3 dark:bg-dark-tremor-background";
