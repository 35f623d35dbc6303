"use client";

// The header's navigation. From the `xl` breakpoint (1280 px; an admin's links and the bell overflow a 1024 px row) every link sits in one row; below it (phones, narrow windows) the
// links fold into a menu behind a disclosure button: it opens by click or keyboard, closes on Escape (focus back on
// the button), on a click outside, and after following a link.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { signOutAction } from "../account/actions";
import { ThemeSelect } from "./theme-select";
import type { ThemeChoice } from "@/lib/preferences/theme";

export interface NavLink {
  href: string;
  label: string;
}

interface Props {
  links: NavLink[];
  /** The signed-in user's account link, e.g. "Ada · Admin"; null when nobody is signed in. */
  account: NavLink | null;
  theme: ThemeChoice;
  /** Unread notifications of the signed-in user: the bell shows it; null when nobody is signed in. */
  unread?: number | null;
}

// 24 × 24 px minimum targets (WCAG 2.5.8): every item gets vertical padding, more inside the phone menu.
const ITEM =
  "block whitespace-nowrap rounded-tremor-small px-2 py-2 xl:px-1.5 text-tremor-default text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-brand-emphasis xl:py-1 dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-brand-emphasis";
const CURRENT = "font-semibold text-tremor-brand-emphasis dark:text-dark-tremor-brand-emphasis";

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteNav({ links, account, theme, unread = null }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const liveUnread = useLiveUnread(unread, pathname);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Following a link closes the menu (adjusting state during render, as React recommends over an effect).
  if (open && pathname !== openedAt) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const linkItem = (l: NavLink, extra = "") => {
    const current = isCurrent(pathname, l.href);
    return (
      <Link href={l.href} aria-current={current ? "page" : undefined} className={`${ITEM} ${current ? CURRENT : ""} ${extra}`}>
        {l.label}
      </Link>
    );
  };

  return (
    <nav aria-label="Main" className="relative mx-auto flex max-w-7xl items-center gap-x-4 px-3 py-2 sm:px-4">
      <Link href="/" className="rounded-tremor-small px-1 py-1 font-semibold tracking-tight text-tremor-content-strong dark:text-dark-tremor-content-strong">
        Faultline
      </Link>
      {liveUnread !== null && <Bell unread={liveUnread} current={isCurrent(pathname, "/inbox")} />}
      <button
        ref={button}
        type="button"
        className={`${unread !== null ? "" : "ml-auto"} inline-flex min-h-[44px] min-w-[44px] items-center gap-2 rounded-tremor-small border border-tremor-border px-3 text-tremor-default font-medium text-tremor-content-emphasis xl:hidden dark:border-dark-tremor-border dark:text-dark-tremor-content-emphasis`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpen((o) => !o);
          setOpenedAt(pathname);
        }}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M4 4l10 10M14 4L4 14" /> : <path d="M2 4h14M2 9h14M2 14h14" />}
        </svg>
        Menu
      </button>
      <div
        ref={panel}
        id={menuId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-40 max-h-[calc(100vh-4rem)] flex-col gap-1 overflow-y-auto border-b border-tremor-border bg-tremor-background px-3 pb-4 pt-2 shadow-tremor-dropdown dark:border-dark-tremor-border dark:bg-dark-tremor-background xl:static xl:z-auto xl:flex xl:min-w-0 xl:max-h-none xl:flex-1 xl:flex-row xl:items-center xl:gap-x-1 xl:overflow-visible xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none xl:dark:bg-transparent`}
      >
        {links.length > 0 && (
          <ul className="flex flex-col gap-1 xl:min-w-0 xl:flex-row xl:flex-wrap xl:items-center xl:gap-x-0.5">
            {links.map((l) => (
              <li key={l.href}>{linkItem(l)}</li>
            ))}
          </ul>
        )}
        <div className="mt-2 flex flex-col gap-1 border-t border-tremor-border pt-2 xl:ml-auto xl:mt-0 xl:flex-row xl:items-center xl:gap-x-1 xl:border-0 xl:pt-0 dark:border-dark-tremor-border">
          <ThemeSelect initial={theme} />
          {account && (
            <>
              <Link href={account.href} className={`${ITEM} ${isCurrent(pathname, account.href) ? CURRENT : ""}`} aria-current={isCurrent(pathname, account.href) ? "page" : undefined} data-testid="signed-in-as">
                {account.label}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={`${ITEM} w-full text-left`}>Sign out</button>
              </form>
            </>
          )}
        </div>
      </div>
    </nav>
  );
}

/** Announces the unread count from a page that changes it (the inbox): the root layout is not re-rendered then. */
export const UNREAD_EVENT = "faultline:unread";
/** The signed-in user's unread count, `{"unread": n}`. */
export const UNREAD_URL = "/api/v1/notifications/unread";
/** How often the bell asks while the tab is visible; a hidden tab does not ask, and asks at once when shown again. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The layout's count, replaced by any newer one, until the layout renders a fresh count. Newer counts come from a page
 * that announces one (UNREAD_EVENT) and from asking the server: after each client-side navigation (the root layout is
 * not rendered again then), every UNREAD_POLL_MS while the tab is visible, and when it becomes visible. Nobody signed
 * in (null from the layout): nothing is asked.
 */
function useLiveUnread(fromLayout: number | null, pathname: string): number | null {
  const [live, setLive] = useState<{ count: number; over: number | null } | null>(null);
  const layout = useRef(fromLayout);
  /** Bumped by every request and announcement: an answer to a request something newer overtook is dropped. */
  const generation = useRef(0);
  /** The path the count was last brought up to date for (the layout's, at first). */
  const countedAt = useRef(pathname);
  const signedIn = fromLayout !== null;

  useEffect(() => {
    layout.current = fromLayout;
  }, [fromLayout]);

  useEffect(() => {
    const onUnread = (e: Event) => {
      generation.current++;
      setLive({ count: (e as CustomEvent<number>).detail, over: layout.current });
    };
    window.addEventListener(UNREAD_EVENT, onUnread);
    return () => window.removeEventListener(UNREAD_EVENT, onUnread);
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setInterval> | undefined;
    const refresh = async () => {
      const asked = ++generation.current;
      try {
        const res = await fetch(UNREAD_URL, { cache: "no-store", headers: { accept: "application/json" }, signal: controller.signal });
        if (!res.ok) return;
        const { unread } = (await res.json()) as { unread?: unknown };
        if (asked === generation.current && typeof unread === "number") setLive({ count: unread, over: layout.current });
      } catch {
        // Offline, or left the page meanwhile: the bell keeps its last count until the next try.
      }
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      timer = setInterval(() => void refresh(), UNREAD_POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return stop();
      void refresh();
      start();
    };
    const visible = document.visibilityState === "visible";
    if (countedAt.current !== pathname) {
      countedAt.current = pathname;
      if (visible) void refresh();
    }
    if (visible) start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      controller.abort();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [pathname, signedIn]);

  if (fromLayout === null) return null;
  return live && live.over === fromLayout ? live.count : fromLayout;
}

/** The inbox link with the unread count; last in the row on wide screens, beside the menu button on phones. */
function Bell({ unread, current }: { unread: number; current: boolean }) {
  const label = unread === 0 ? "Inbox, no unread notifications" : `Inbox, ${unread} unread notification${unread === 1 ? "" : "s"}`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      aria-current={current ? "page" : undefined}
      data-testid="bell"
      className={`relative ml-auto inline-flex min-h-[44px] min-w-[44px] items-center justify-center rounded-tremor-small text-tremor-content-emphasis hover:bg-tremor-background-subtle hover:text-tremor-brand-emphasis xl:order-last xl:ml-1 xl:min-h-[36px] xl:min-w-[36px] dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-brand-emphasis ${current ? CURRENT : ""}`}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span data-testid="bell-count" className="absolute right-0.5 top-0.5 min-w-[18px] rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-[18px] text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
