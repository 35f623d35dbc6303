// The filter inputs of each report. Names are the report schema's parameter names, so the same values validate on the
// preview and on the download (lib/reports schemas).
import { EVENT_CATEGORIES } from "@/lib/enums";
import type { ReportFormOptions } from "@/lib/reports/form-options";

type Values = Record<string, string | string[] | undefined>;

const input = "mt-1 block w-full rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default";

function one(values: Values, key: string): string {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

function many(values: Values, key: string): string[] {
  const v = values[key];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
}

function Field({ label, error, children }: { label: string; error?: string[]; children: React.ReactNode }) {
  return (
    <label className="block text-tremor-default">
      <span className="text-tremor-content-strong dark:text-dark-tremor-content-strong">{label}</span>
      {children}
      {error && <span className="mt-1 block text-red-700 dark:text-red-300">{error.join(" ")}</span>}
    </label>
  );
}

function DateRange({ values, errors }: { values: Values; errors: Record<string, string[]> }) {
  return (
    <>
      <Field label="From (inclusive)" error={errors.from}>
        <input type="date" name="from" defaultValue={one(values, "from")} className={input} />
      </Field>
      <Field label="To (inclusive)" error={errors.to}>
        <input type="date" name="to" defaultValue={one(values, "to")} className={input} />
      </Field>
    </>
  );
}

function AssetPicker({ values, errors, options, name = "assets" }: { values: Values; errors: Record<string, string[]>; options: ReportFormOptions; name?: string }) {
  const chosen = new Set(many(values, name));
  return (
    <Field label="Assets (hold Ctrl or ⌘ to choose several; none = all for the risk snapshot)" error={errors[name]}>
      <select name={name} multiple defaultValue={[...chosen]} className={`${input} h-40`}>
        {options.assets.map((a) => (
          <option key={a.symbol} value={a.symbol}>
            {a.symbol} — {a.name}
            {a.source === "DEMO" ? " (synthetic)" : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}

function ThemeField({ values, errors, options }: { values: Values; errors: Record<string, string[]>; options: ReportFormOptions }) {
  return (
    <Field label="Theme" error={errors.themeId}>
      <select name="themeId" defaultValue={one(values, "themeId")} className={input}>
        <option value="">Any</option>
        {options.themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

function EventFilters({ values, errors, options }: { values: Values; errors: Record<string, string[]>; options: ReportFormOptions }) {
  return (
    <>
      <DateRange values={values} errors={errors} />
      <ThemeField values={values} errors={errors} options={options} />
      <Field label="Category" error={errors.category}>
        <select name="category" defaultValue={one(values, "category")} className={input}>
          <option value="">Any</option>
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c.toLowerCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Country (ISO code)" error={errors.country}>
        <input name="country" defaultValue={one(values, "country")} maxLength={2} className={input} />
      </Field>
      <Field label="Severity from" error={errors.severityMin}>
        <input type="number" min={1} max={5} name="severityMin" defaultValue={one(values, "severityMin")} className={input} />
      </Field>
      <Field label="Severity to" error={errors.severityMax}>
        <input type="number" min={1} max={5} name="severityMax" defaultValue={one(values, "severityMax")} className={input} />
      </Field>
      <Field label="Exposing asset" error={errors.asset}>
        <select name="asset" defaultValue={one(values, "asset")} className={input}>
          <option value="">Any</option>
          {options.assets.map((a) => (
            <option key={a.symbol} value={a.symbol}>
              {a.symbol}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Event id (one event)" error={errors.eventId}>
        <input type="number" min={1} name="eventId" defaultValue={one(values, "eventId")} className={input} />
      </Field>
    </>
  );
}

function StudySettings({ values, errors }: { values: Values; errors: Record<string, string[]> }) {
  return (
    <>
      <Field label="Model" error={errors.model}>
        <select name="model" defaultValue={one(values, "model") || "market"} className={input}>
          <option value="market">market model</option>
          <option value="constant-mean">constant-mean model</option>
          <option value="market-adjusted">market-adjusted model</option>
        </select>
      </Field>
      <Field label="Estimation window (e.g. -250,-11)" error={errors.est}>
        <input name="est" defaultValue={one(values, "est")} placeholder="-250,-11" className={input} />
      </Field>
      <Field label="Event window (e.g. -10,10)" error={errors.win}>
        <input name="win" defaultValue={one(values, "win")} placeholder="-10,10" className={input} />
      </Field>
      <Field label="Extra CAR windows (e.g. -2,2;0,5)" error={errors.car}>
        <input name="car" defaultValue={one(values, "car")} className={input} />
      </Field>
    </>
  );
}

export function ReportFields({ slug, values, errors, options }: { slug: string; values: Values; errors: Record<string, string[]>; options: ReportFormOptions }) {
  switch (slug) {
    case "prices-with-events":
      return (
        <>
          <AssetPicker values={values} errors={errors} options={options} />
          <DateRange values={values} errors={errors} />
        </>
      );
    case "risk-snapshot":
      return (
        <>
          <AssetPicker values={values} errors={errors} options={options} />
          <Field label="As of (default: latest session)" error={errors.asOf}>
            <input type="date" name="asOf" defaultValue={one(values, "asOf")} className={input} />
          </Field>
        </>
      );
    case "event-study":
    case "event-study-days":
      return (
        <>
          <EventFilters values={values} errors={errors} options={options} />
          <StudySettings values={values} errors={errors} />
        </>
      );
    case "annotations":
      return (
        <>
          <DateRange values={values} errors={errors} />
          <Field label="Event id" error={errors.eventId}>
            <input type="number" min={1} name="eventId" defaultValue={one(values, "eventId")} className={input} />
          </Field>
          <ThemeField values={values} errors={errors} options={options} />
          <Field label="Asset" error={errors.asset}>
            <select name="asset" defaultValue={one(values, "asset")} className={input}>
              <option value="">Any</option>
              {options.assets.map((a) => (
                <option key={a.symbol} value={a.symbol}>
                  {a.symbol}
                </option>
              ))}
            </select>
          </Field>
        </>
      );
    default:
      return <EventFilters values={values} errors={errors} options={options} />;
  }
}
