// File names that say what they hold: faultline-<report>-<subject>-<generated date>.csv, ASCII only so every browser,
// shell and archive tool keeps them intact.

/** "Russia–DPRK treaty!" → "russia-dprk-treaty", cut at `max` characters on a word boundary where possible. */
export function slugPart(text: string, max = 40): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf("-");
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, "");
}

export function reportFilename(report: string, subject: string, generatedAt: Date, extension: "csv" | "zip"): string {
  const parts = ["faultline", report, slugPart(subject, 80), generatedAt.toISOString().slice(0, 10)].filter((p) => p !== "");
  return `${parts.join("-")}.${extension}`;
}

/** RFC 6266: an ASCII `filename` and the same as `filename*`, so no browser has to guess. */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
