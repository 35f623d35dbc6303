// Tremor's Badge with text dark enough to read: Tremor writes coloured badges in shade 600 on a 10 % tint, which is
// under 4.5:1 for amber, emerald and friends (the "synthetic demo data" badge measured 2.94:1). Same API, darker
// text in light mode, lighter in dark mode. Class names are spelled out so Tailwind keeps them.
import { Badge as TremorBadge, type BadgeProps } from "@tremor/react";

const TEXT: Record<string, string> = {
  amber: "text-amber-800 dark:text-amber-300",
  emerald: "text-emerald-800 dark:text-emerald-300",
  rose: "text-rose-800 dark:text-rose-300",
  gray: "text-gray-700 dark:text-gray-300",
  violet: "text-violet-800 dark:text-violet-300",
  blue: "text-blue-800 dark:text-blue-300",
};

export function Badge({ color, className = "", ...props }: BadgeProps) {
  return <TremorBadge color={color} className={`${color ? (TEXT[color] ?? "") : ""} ${className}`.trim()} {...props} />;
}
