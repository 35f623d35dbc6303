// The colour theme a user picked in the header: "system" follows the operating system (prefers-color-scheme),
// "light"/"dark" override it. Kept in a cookie rather than localStorage so the server renders the right class on
// <html> in the first byte: no flash of the wrong theme and no inline script (which the nonce CSP would have to allow).

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_COOKIE = "faultline-theme";
/** A year: a preference, not a session. */
export const THEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const THEME_LABEL: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

/** Reads a cookie value; anything unknown (absent, tampered, from an older version) means "system". */
export function parseThemeChoice(raw: string | undefined | null): ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(raw ?? "") ? (raw as ThemeChoice) : "system";
}

/** The class the root element carries for a choice: none for "system", so the media query decides. */
export function themeClass(choice: ThemeChoice): "light" | "dark" | undefined {
  return choice === "system" ? undefined : choice;
}

/** The Set-Cookie string the browser stores when the user picks a theme (readable by the server on every page). */
export function themeCookie(choice: ThemeChoice): string {
  return `${THEME_COOKIE}=${choice}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE}; SameSite=Lax`;
}
