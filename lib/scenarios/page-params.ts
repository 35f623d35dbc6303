// The portfolio page's scenario forms as URL parameters (a GET form), so a scenario view is reproduced from its URL:
// parsing them into the services' inputs, writing them back, and placing the services' 422 messages next to fields.
import type { AnalogueScenarioRequest, ShockScenarioRequest } from "./schemas";

export const HORIZONS = [
  { value: "0,5", label: "[0, +5]" },
  { value: "-1,1", label: "[−1, +1]" },
  { value: "0,10", label: "[0, +10]" },
] as const;

/** Rows of shock inputs the form offers. */
export const SHOCK_ROWS = 5;

export interface AnalogueForm {
  theme: string;
  category: string;
  countries: string;
  severity: string;
  tags: string;
  from: string;
  to: string;
  events: string;
  horizon: string;
}

/** One event the analogue picker lists. */
export interface PickerEvent {
  id: number;
  title: string;
  date: string;
  category: string;
}

export interface ShockForm {
  shocks: { symbol: string; percent: string }[];
  method: string;
  window: string;
}

export interface ScenarioForms {
  analogues: AnalogueForm | null;
  shocks: ShockForm | null;
}

type Params = Record<string, string | string[] | undefined>;

const one = (p: Params, k: string) => {
  const v = p[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
};
const many = (p: Params, k: string) => {
  const v = p[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
const split = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

const ANALOGUE_KEYS = ["theme", "category", "countries", "severity", "tags", "from", "to", "events"] as const;

/** The example portfolio's scenarios before anything is chosen: the North Korea events and a KOSPI/won shock. */
export const EXAMPLE_FORMS: ScenarioForms = {
  analogues: { theme: "", category: "", countries: "KP", severity: "", tags: "", from: "", to: "", events: "", horizon: "0,5" },
  shocks: { shocks: [{ symbol: "^KS11", percent: "-5" }, { symbol: "KRW=X", percent: "3" }], method: "ewma", window: "252" },
};

/** The forms as the URL states them; a scenario whose parameters are all absent is null (not run). */
export function formsFromSearchParams(p: Params): ScenarioForms {
  const hasAnalogues = ANALOGUE_KEYS.some((k) => one(p, k) !== "") || one(p, "horizon") !== "";
  const symbols = many(p, "ss");
  const percents = many(p, "sp");
  const shocks = symbols.map((s, i) => ({ symbol: s.trim(), percent: (percents[i] ?? "").trim() })).filter((s) => s.symbol !== "" || s.percent !== "");
  return {
    analogues: hasAnalogues
      ? {
          theme: one(p, "theme"),
          category: one(p, "category"),
          countries: one(p, "countries"),
          severity: one(p, "severity"),
          tags: one(p, "tags"),
          from: one(p, "from"),
          to: one(p, "to"),
          events: one(p, "events"),
          horizon: one(p, "horizon") || "0,5",
        }
      : null,
    shocks: shocks.length > 0 || one(p, "method") !== "" || one(p, "window") !== "" ? { shocks, method: one(p, "method") || "ewma", window: one(p, "window") || "252" } : null,
  };
}

const numberOrText = (s: string) => (s !== "" && Number.isFinite(Number(s)) ? Number(s) : s);

/**
 * Scenario 1's request for `book` (the services validate it and answer 422 naming the field). Events picked one by one
 * are the selection as they are: the filters then stay in the URL only to list their matches in the picker.
 */
export function analogueRequest(f: AnalogueForm, book: AnalogueScenarioRequest["book"]): AnalogueScenarioRequest {
  const [lo, hi] = f.horizon.split(",").map((x) => Number(x.trim()));
  const events = split(f.events).map(numberOrText);
  return {
    book,
    // Strings the schema cannot read are passed through so its message names the field.
    analogues: events.length ? { eventIds: events as number[] } : analogueFilters(f),
    horizon: [lo ?? NaN, hi ?? NaN],
  };
}

/** The form's filters as a selection (its picked events left out). */
export function analogueFilters(f: AnalogueForm): AnalogueScenarioRequest["analogues"] {
  return {
    ...(f.theme ? { themeId: numberOrText(f.theme) as number } : {}),
    ...(f.category ? { category: f.category as never } : {}),
    ...(split(f.countries).length ? { countries: split(f.countries) } : {}),
    ...(f.severity ? { severityMin: numberOrText(f.severity) as number } : {}),
    ...(split(f.tags).length ? { tags: split(f.tags) } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** Scenario 2's request for `book`: percentages in the form, returns in the request. */
export function shockRequest(f: ShockForm, book: ShockScenarioRequest["book"]): ShockScenarioRequest {
  return {
    book,
    shocks: f.shocks.map((s) => ({ symbol: s.symbol, shock: s.percent === "" || !Number.isFinite(Number(s.percent)) ? (s.percent as unknown as number) : Number(s.percent) / 100 })),
    method: f.method as "ewma" | "sample",
    windowSessions: numberOrText(f.window) as number,
  };
}

function appendAnalogues(q: URLSearchParams, f: AnalogueForm) {
  for (const k of ANALOGUE_KEYS) if (f[k]) q.set(k, f[k]);
  q.set("horizon", f.horizon);
}

function appendShocks(q: URLSearchParams, f: ShockForm) {
  for (const s of f.shocks) {
    q.append("ss", s.symbol);
    q.append("sp", s.percent);
  }
  q.set("method", f.method);
  q.set("window", f.window);
}

/** The query string that reproduces `forms`. */
export function searchParamsOf(forms: ScenarioForms): string {
  const q = new URLSearchParams();
  if (forms.analogues) appendAnalogues(q, forms.analogues);
  if (forms.shocks) appendShocks(q, forms.shocks);
  return q.toString();
}

/** Percent with up to two decimals, as typed in the shock form. */
export const percentInput = (r: number) => String(Math.round(r * 10000) / 100);

/** A 422's field messages keyed by form field: `analogues.countries.0` → countries, `shocks.1.shock` → sp.1. */
export function formFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (k: string, m: string[]) => (out[k] = [...(out[k] ?? []), ...m]);
  const analogueField: Record<string, string> = { eventIds: "events", themeId: "theme", category: "category", countries: "countries", severityMin: "severity", tags: "tags", from: "from", to: "to" };
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const parts = key.split(".");
    if (parts[0] === "analogues") put(analogueField[parts[1] ?? ""] ?? "analogues", messages);
    else if (parts[0] === "horizon") put("horizon", messages);
    else if (parts[0] === "shocks") {
      const i = parts[1];
      put(i !== undefined && /^\d+$/.test(i) ? `${parts[2] === "shock" ? "sp" : "ss"}.${i}` : "shocks", messages);
    } else if (parts[0] === "windowSessions") put("window", messages);
    else if (parts[0] === "method") put("method", messages);
    else put("book", messages);
  }
  return out;
}

/** A save's parameters (the request without the book) from the page's query string, for `kind`. */
export function saveParametersFromQuery(kind: string, query: string): Record<string, unknown> | undefined {
  const params: Params = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const have = params[k];
    params[k] = have === undefined ? v : Array.isArray(have) ? [...have, v] : [have, v];
  }
  const forms = formsFromSearchParams(params);
  const strip = <T extends { book: unknown }>(r: T) => {
    const { book: _book, ...rest } = r;
    return rest;
  };
  if (kind === "analogues" && forms.analogues) return strip(analogueRequest(forms.analogues, { baseCurrency: "", positions: [] }));
  if (kind === "shocks" && forms.shocks) return strip(shockRequest(forms.shocks, { baseCurrency: "", positions: [] }));
  return undefined;
}
