// The event-study settings an analyst can change, as they travel in a URL (`?model=market&est=-250,-11&win=-10,10`
// `&car=-2,2;0,5`): one schema for the event page's selector and the JSON API.
import { z } from "zod";
import {
  AnalyticsInputError,
  DEFAULT_EVENT_STUDY_CONFIG,
  resolveEventStudyConfig,
  type EventStudyConfig,
  type EventStudyModel,
  type EventWindow,
} from "@/lib/analytics";
import { calendarDateSchema } from "@/lib/validation/fields";
import { windowLabel } from "./dto";

export const STUDY_MODELS = ["market", "constant-mean", "market-adjusted"] as const satisfies readonly EventStudyModel[];

export const MODEL_LABEL: Record<EventStudyModel, string> = {
  market: "market model",
  "constant-mean": "constant-mean model",
  "market-adjusted": "market-adjusted model",
};

/** Shortest estimation window accepted: below this σ̂ and β̂ are too noisy for a t test to mean much. */
export const MIN_ESTIMATION_WINDOW = 30;
const MAX_OFFSET = 1000;

const windowText = z
  .string()
  .trim()
  .regex(/^[-−]?\d{1,4}\s*,\s*[-−+]?\d{1,4}$/, "write a window as two session offsets, e.g. -10,10")
  .transform((s): EventWindow => {
    const [a, b] = s.replace(/−/g, "-").split(",").map((v) => Number(v.trim()));
    return [a ?? NaN, b ?? NaN];
  })
  .refine((w) => w[0] <= w[1], "a window's start must not be after its end")
  .refine((w) => Math.abs(w[0]) <= MAX_OFFSET && Math.abs(w[1]) <= MAX_OFFSET, `offsets are limited to ±${MAX_OFFSET} sessions`);

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v);

export const studyParamsSchema = z
  .object({
    model: z.preprocess(first, z.enum(STUDY_MODELS).default("market")),
    est: z.preprocess(first, windowText.optional()),
    win: z.preprocess(first, windowText.optional()),
    car: z.preprocess(
      first,
      z
        .string()
        .trim()
        .optional()
        .transform((s) => (s ? s.split(";").filter((p) => p.trim() !== "") : []))
        .pipe(z.array(windowText).max(5, "at most five custom windows")),
    ),
  })
  .transform((p, ctx): EventStudyConfig | typeof z.NEVER => {
    const estimationWindow = p.est ?? DEFAULT_EVENT_STUDY_CONFIG.estimationWindow;
    const length = estimationWindow[1] - estimationWindow[0] + 1;
    if (length < MIN_ESTIMATION_WINDOW) {
      ctx.addIssue({ code: "custom", path: ["est"], message: `the estimation window needs at least ${MIN_ESTIMATION_WINDOW} sessions` });
      return z.NEVER;
    }
    try {
      return resolveEventStudyConfig({
        model: p.model,
        estimationWindow,
        eventWindow: p.win ?? DEFAULT_EVENT_STUDY_CONFIG.eventWindow,
        customWindows: p.car,
        // The default minimum (100) applies to the default window; a shorter window chosen on purpose must be full.
        minEstimationObservations: Math.min(DEFAULT_EVENT_STUDY_CONFIG.minEstimationObservations, length),
      });
    } catch (err) {
      if (!(err instanceof AnalyticsInputError)) throw err;
      ctx.addIssue({ code: "custom", path: [err.message.includes("custom") ? "car" : "win"], message: err.message });
      return z.NEVER;
    }
  });

export type StudyQuery = Record<string, string | string[] | undefined>;

export function queryFromSearchParams(params: URLSearchParams): StudyQuery {
  const out: StudyQuery = {};
  for (const key of ["model", "est", "win", "car"]) {
    const v = params.get(key);
    if (v !== null) out[key] = v;
  }
  return out;
}

/**
 * For pages: the settings in the query string, or the defaults with the reasons when they are invalid (a page should
 * still show the study, and say why it ignored the link's settings).
 */
export function studyConfigFromQuery(query: StudyQuery): { config: EventStudyConfig; errors: string[] } {
  const parsed = studyParamsSchema.safeParse(query);
  if (parsed.success) return { config: parsed.data, errors: [] };
  return {
    config: resolveEventStudyConfig(),
    errors: parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`),
  };
}

/** The query string that reproduces a configuration (defaults left out, so default links stay short). */
export function studyQueryString(config: EventStudyConfig): string {
  const p = new URLSearchParams();
  const d = DEFAULT_EVENT_STUDY_CONFIG;
  if (config.model !== d.model) p.set("model", config.model);
  if (config.estimationWindow.join() !== d.estimationWindow.join()) p.set("est", config.estimationWindow.join(","));
  if (config.eventWindow.join() !== d.eventWindow.join()) p.set("win", config.eventWindow.join(","));
  if (config.customWindows.length > 0) p.set("car", config.customWindows.map((w) => w.join(",")).join(";"));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * The window a verdict is read from: the first custom window when the analyst set one, else [−1, +1] (the event day
 * with a day either side for leakage and late reaction), else the whole event window when [−1, +1] does not fit.
 */
export function primaryWindow(config: EventStudyConfig): EventWindow {
  const custom = config.customWindows[0];
  if (custom) return custom;
  const [e0, e1] = config.eventWindow;
  return e0 <= -1 && e1 >= 1 ? [-1, 1] : config.eventWindow;
}

/** "market model, estimation [−250, −11], event window [−10, +10]". */
export function describeConfig(config: EventStudyConfig, model: EventStudyModel = config.model): string {
  return `${MODEL_LABEL[model]}, estimation ${windowLabel(config.estimationWindow)}, event window ${windowLabel(config.eventWindow)}`;
}

/** `?asOf=YYYY-MM-DD` of the risk endpoint: the panel as it stood after that session's close. */
export const riskQuerySchema = z.object({
  // The same calendar bounds as every other date: 9999-12-31 is a typo, not "latest".
  asOf: calendarDateSchema.optional(),
});
