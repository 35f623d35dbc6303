// docs/reports.md from the column lists the reports write with: regenerate with `node --conditions=react-server
// --import tsx scripts/reports-doc.ts`; a test fails when the file is out of date.
import type { ReportDefinition } from "./report";
import { FORMULA_TRIGGERS } from "./csv-cells";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function reportsMarkdown(reports: readonly ReportDefinition[]): string {
  const triggers = FORMULA_TRIGGERS.map((t) => (t === "\t" ? "tab" : t === "\r" ? "carriage return" : `\`${t}\``)).join(", ");
  const out = [
    "# CSV reports",
    "",
    "<!-- Generated from lib/reports by scripts/reports-doc.ts: edit the column lists there, not this file. -->",
    "",
    "Every report downloads from the Reports page, from the buttons on asset, event and theme pages, or from",
    "`/api/reports/<report>` — `GET` with the parameters in the query string, or `POST` with a JSON object or a form",
    "(for selections too long for a URL). Signed-in users from viewer up, and API tokens with READ scope",
    "(`Authorization: Bearer <token>`), may download. Invalid parameters answer 422 with a message per field.",
    "",
    "## Format",
    "",
    "- RFC 4180: comma-separated, fields quoted only when they hold a comma, a quote (doubled inside) or a line break;",
    "  records end with CRLF; UTF-8; one header row with the column names below (stable: columns are only ever added).",
    "- Numbers: `.` decimal separator, full precision (the shortest text that reads back as the same double), no",
    "  thousands separators, no rounding. An empty cell is a missing or undefined value (NaN, ±∞, not enough data).",
    "- Dates `YYYY-MM-DD`; instants ISO 8601 in UTC (`2024-06-19T14:30:00.000Z`); booleans `true` / `false`;",
    "  lists separated by `;`.",
    `- Formula neutralising (OWASP CSV injection): a **text** cell starting with ${triggers} gets a leading \`'\`, so`,
    "  Excel and LibreOffice show it as text instead of evaluating it. Number, date and boolean cells are never",
    "  changed: `-1.5` in a number column stays `-1.5`. Strip one leading `'` from text cells to get the stored text.",
    "- `bom=1` adds a UTF-8 byte-order mark (Excel on Windows then reads UTF-8 correctly).",
    "- File names say what they hold: `faultline-<report>-<subject>-<generation date>.csv`, e.g.",
    "  `faultline-event-study-2024-06-19-treaty-2025-01-01.csv`.",
    "- `bundle=1` downloads a ZIP with `manifest.json` and the CSV. The manifest records the report, the parameters as",
    "  sent and as validated, the model, windows and other settings, per asset (and benchmark) the data source,",
    "  first date, **data as of** (last stored session), bar count and last refresh, the app version, when and by whom",
    "  it was generated, and `synthetic: true` when any asset has synthetic demo prices.",
    "- Synthetic demo data (`MARKET_DATA=demo`, or Yahoo unreachable at first start) is flagged in every report that",
    "  carries asset data (`synthetic` column) and in the manifest.",
    "",
    "## Common parameters",
    "",
    "| parameter | meaning |",
    "|---|---|",
    "| `bom` | `1`/`true`: start the file with a UTF-8 BOM |",
    "| `bundle` | `1`/`true`: ZIP with the CSV and `manifest.json` |",
    "| `eventId`, `themeId`, `from`, `to`, `category`, `country`, `severityMin`, `severityMax`, `asset` | event filters (events, exposures, event study, annotations); `from`/`to` are inclusive `YYYY-MM-DD` |",
    "| `assets` | symbols, comma-separated or repeated (prices with events, risk snapshot) |",
    "| `model`, `est`, `win`, `car` | event-study settings as on the event page: `market` / `constant-mean` / `market-adjusted`, estimation and event windows `-250,-11`, custom CAR windows `-2,2;0,5` |",
    "| `asOf` | risk snapshot date `YYYY-MM-DD` (default: latest) |",
    "",
  ];
  for (const r of reports) {
    out.push(`## ${r.title} — \`${r.slug}\``, "", `${r.description} One row per ${r.grain}.`, "", "| column | unit | definition |", "|---|---|---|");
    for (const c of r.columns) out.push(`| \`${c.name}\` | ${cell(c.unit)} | ${cell(c.definition)} |`);
    if (r.slug === "event-study") {
      out.push(
        "",
        "The twelve `*_<window>` columns repeat for each reporting window inside the event window: the standard ones above",
        "and each custom window asked for with `car`, named by its bounds (`m` minus, `p` plus: `[−2, +2]` → `m2_p2`).",
      );
    }
    out.push("");
  }
  return out.join("\n");
}
