"use client";
// Light and dark palettes of the canvas charts (the canvas cannot read Tailwind classes), and a hook that follows
// the colour scheme: the page's `dark`/`light` class when one is set, else the system preference.
import { useEffect, useState } from "react";
import { SERIES_COLORS } from "@/lib/charts/event-overlay";

export interface ChartPalette {
  background: string;
  text: string;
  grid: string;
  border: string;
  crosshair: string;
  crosshairLabel: string;
  series: string[];
  up: string;
  down: string;
  volume: string;
  estimation: string;
  eventWindow: string;
  day0: string;
}

export const LIGHT: ChartPalette = {
  background: "#ffffff",
  text: "#374151",
  grid: "#eef0f3",
  border: "#d1d5db",
  crosshair: "#6b7280",
  crosshairLabel: "#374151",
  series: SERIES_COLORS.light,
  up: "#16a34a",
  down: "#dc2626",
  volume: "rgba(100, 116, 139, 0.45)",
  estimation: "rgba(100, 116, 139, 0.10)",
  eventWindow: "rgba(234, 179, 8, 0.20)",
  day0: "rgba(234, 88, 12, 0.85)",
};

export const DARK: ChartPalette = {
  background: "#0b1220",
  text: "#cbd5e1",
  grid: "#1c2636",
  border: "#334155",
  crosshair: "#94a3b8",
  crosshairLabel: "#1e293b",
  series: SERIES_COLORS.dark,
  up: "#22c55e",
  down: "#f87171",
  volume: "rgba(148, 163, 184, 0.35)",
  estimation: "rgba(148, 163, 184, 0.12)",
  eventWindow: "rgba(250, 204, 21, 0.16)",
  day0: "rgba(251, 146, 60, 0.9)",
};

function isDark(): boolean {
  const root = document.documentElement;
  if (root.classList.contains("dark") || root.dataset.theme === "dark") return true;
  if (root.classList.contains("light") || root.dataset.theme === "light") return false;
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function useDarkMode(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const update = () => setDark(isDark());
    update();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme"] });
    return () => {
      media.removeEventListener("change", update);
      observer.disconnect();
    };
  }, []);
  return dark;
}
