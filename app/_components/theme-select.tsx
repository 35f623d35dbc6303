"use client";

// System / light / dark. The choice applies at once (a class on <html>) and is remembered in a cookie the layout reads
// on the next page, so later pages arrive in the right theme without a script.
import { useState } from "react";
import { THEME_CHOICES, THEME_LABEL, parseThemeChoice, themeClass, themeCookie, type ThemeChoice } from "@/lib/preferences/theme";

export function ThemeSelect({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState<ThemeChoice>(initial);
  return (
    <label className="flex items-center gap-2 px-2 py-1 text-tremor-default text-tremor-content-emphasis lg:px-1 dark:text-dark-tremor-content-emphasis">
      {/* Named on screen in the phone menu; in the desktop bar the select's value ("System", "Dark") says enough. Not
          "Theme": that word names an event's storyline (the Themes pages, the event form's Theme field). */}
      <span className="lg:sr-only">Colour scheme</span>
      <select
        value={choice}
        data-testid="theme-select"
        className="min-h-[32px] rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default text-tremor-content-strong dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content-strong"
        onChange={(e) => {
          const next = parseThemeChoice(e.target.value);
          setChoice(next);
          // A client-side preference cookie: nothing secret, nothing the server trusts beyond picking a class.
          document.cookie = themeCookie(next);
          const root = document.documentElement;
          root.classList.remove("light", "dark");
          const cls = themeClass(next);
          if (cls) root.classList.add(cls);
        }}
      >
        {THEME_CHOICES.map((t) => (
          <option key={t} value={t}>{THEME_LABEL[t]}</option>
        ))}
      </select>
    </label>
  );
}
