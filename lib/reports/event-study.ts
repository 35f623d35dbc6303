// Event studies as files: the wide form (one row per event × asset, every statistic the event page shows) and the long
// form (one row per event × asset × relative day: AR and CAR with their bands). Numbers come from lib/studies, the
// engine behind the event page and the JSON API, so a file and the screen cannot disagree.
import "server-only";
import { z } from "zod";
import { reportingWindows, type EventStudyConfig, type EventWindow } from "@/lib/analytics";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { eventStudyForEvent, studyParamsSchema, type EventStudyReport } from "@/lib/studies";
import { col, UNIT, type Column } from "./columns";
import type { Cell } from "./csv-cells";
import { csvStream } from "./csv-stream";
import { eventFilterFields, eventFilterSubject, eventWhere, type EventFilters } from "./event-filters";
import { subjectNames } from "./events";
import { DATE_RANGE_ISSUE, dateRangeRefinement } from "./params";
import { defineReport, type ReportRun } from "./report";

/** Each study draws 1,000 placebo windows per asset: more events than this belong in a script against the JSON API. */
export const MAX_STUDY_EVENTS = 100;

export const eventStudyReportSchema = z
  .object({ ...eventFilterFields, model: z.unknown().optional(), est: z.unknown().optional(), win: z.unknown().optional(), car: z.unknown().optional() })
  .refine(dateRangeRefinement, DATE_RANGE_ISSUE)
  .transform((p, ctx) => {
    const { model, est, win, car, ...filters } = p;
    const study = studyParamsSchema.safeParse({ model, est, win, car });
    if (!study.success) {
      for (const issue of study.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { filters: filters as EventFilters, config: study.data };
  });
export type EventStudyReportParams = z.output<typeof eventStudyReportSchema>;

/** [−1, +1] → "m1_p1", [0, +5] → "0_p5": window names usable as column names in pandas, R and SQL. */
export function windowKey(w: EventWindow | readonly [number, number]): string {
  const f = (t: number) => (t < 0 ? `m${-t}` : t > 0 ? `p${t}` : "0");
  return `${f(w[0])}_${f(w[1])}`;
}

const STAT = "test statistic";

function windowColumns(w: EventWindow): Column[] {
  const k = windowKey(w);
  const label = `[${w[0]}, ${w[1]}]`;
  return [
    col(`car_${k}`, "number", UNIT.fraction, `Cumulative abnormal return over sessions ${label} relative to day 0.`),
    col(`car_sd_${k}`, "number", UNIT.fraction, `Standard deviation of CAR ${label} under the model (exact, with estimation error).`),
    col(`t_${k}`, "number", STAT, `t statistic of CAR ${label} (CAR / sd).`),
    col(`p_${k}`, "number", "probability", `Two-sided p-value of t_${k} (Student t, df of the model).`),
    col(`patell_z_${k}`, "number", STAT, `Patell standardised-residual Z for ${label}.`),
    col(`patell_p_${k}`, "number", "probability", `Two-sided p-value of patell_z_${k}.`),
    col(`corrado_z_${k}`, "number", STAT, `Corrado rank test Z for ${label} (estimation and event window ranked together).`),
    col(`corrado_p_${k}`, "number", "probability", `Two-sided p-value of corrado_z_${k}.`),
    col(`sign_z_${k}`, "number", STAT, `Sign test Z for ${label} (share of positive abnormal returns against 1/2).`),
    col(`sign_p_${k}`, "number", "probability", `Two-sided p-value of sign_z_${k}.`),
    col(
      `event_bmp_t_${k}`,
      "number",
      STAT,
      `Boehmer–Musumeci–Poulsen t of the event's cross-asset CAAR ${label}: a test across all assets of the event, the same on each of its rows; empty with fewer than two studies.`,
    ),
    col(`event_bmp_p_${k}`, "number", "probability", `Two-sided p-value of event_bmp_t_${k}.`),
  ];
}

const WIDE_LEAD: readonly Column[] = [
  col("event_id", "integer", UNIT.id, "Faultline's id of the event."),
  col("event_date", "date", UNIT.date, "Calendar date of the event in UTC."),
  col("occurred_at_utc", "timestamp", UNIT.timestamp, "When the event happened (time meaningful with time_precision EXACT)."),
  col("time_precision", "text", "EXACT | DAY", "Whether the time of day is known."),
  col("event_title", "text", UNIT.text, "Title of the event."),
  col("asset_symbol", "text", UNIT.text, "Symbol of the exposed asset studied."),
  col("asset_name", "text", UNIT.text, "Name of the asset."),
  col("data_source", "text", "YAHOO | CSV | DEMO", "Where the asset's prices come from."),
  col("synthetic", "boolean", UNIT.bool, "true when the prices are synthetic demo data: the statistics then say nothing about markets."),
  col("status", "text", "ok | no-prices | event-after-data | insufficient-estimation-data | insufficient-event-data | degenerate-benchmark", "Whether a study could be run; the statistics are empty otherwise."),
  col("summary", "text", UNIT.text, "The verdict sentence shown on the event page, or why there is no study."),
  col("expected_direction", "text", "UP | DOWN | UNCERTAIN", "The analyst's hypothesis for this asset."),
  col("hypothesis_window", "text", "[τ1, τ2]", "The window the verdict, hypothesis score and placebo are read on (the first custom window, else [−1, +1])."),
  col("hypothesis_score", "text", "confirmed | contradicted | inconclusive", "How the outcome scores the analyst's hypothesis (docs/methodology.md)."),
  col("model", "text", "market | constant-mean | market-adjusted", "Normal-return model actually used (constant-mean when the asset has no benchmark)."),
  col("model_note", "text", UNIT.text, "Why the model differs from the one requested, when it does."),
  col("benchmark", "text", UNIT.text, "Symbol of the benchmark the market model uses; empty for the constant-mean model."),
  col("day0_session", "date", UNIT.date, "The asset's session the event is placed on (first session whose close could reflect it)."),
  col("day0_date", "date", UNIT.date, "Day 0 in the returns the study runs on (aligned with the benchmark's sessions)."),
  col("estimation_start", "integer", "sessions relative to day 0", "First session of the estimation window actually used."),
  col("estimation_end", "integer", "sessions relative to day 0", "Last session of the estimation window."),
  col("estimation_n", "integer", "count", "Returns in the estimation window."),
  col("df", "integer", "count", "Residual degrees of freedom of the model."),
  col("alpha", "number", "fraction per session", "Estimated intercept α of the normal-return model."),
  col("beta", "number", "ratio", "Estimated slope β on the benchmark (empty for the constant-mean model)."),
  col("sigma_e", "number", "fraction per session", "Residual standard deviation σ_ε over the estimation window."),
  col("ar_day0", "number", UNIT.fraction, "Abnormal return on day 0."),
];

const WIDE_TAIL: readonly Column[] = [
  col("placebo_window", "text", "[τ1, τ2]", "Window of the placebo test (the hypothesis window)."),
  col("placebo_percentile", "number", "percentile 0–100", "Where the event's CAR falls among CARs of the same window on random non-event days."),
  col("placebo_p", "number", "probability", "Two-sided placebo p-value."),
  col("placebo_draws", "integer", "count", "Random non-event days drawn (seeded, reproducible)."),
];

export function eventStudyColumns(config: EventStudyConfig): Column[] {
  return [...WIDE_LEAD, ...reportingWindows(config).flatMap(windowColumns), ...WIDE_TAIL];
}

/** The default windows, for docs/reports.md and the page; custom windows add the same twelve columns each. */
export const EVENT_STUDY_COLUMNS = eventStudyColumns(studyParamsSchema.parse({}));

export const EVENT_STUDY_DAYS_COLUMNS: readonly Column[] = [
  col("event_id", "integer", UNIT.id, "Faultline's id of the event."),
  col("event_title", "text", UNIT.text, "Title of the event."),
  col("asset_symbol", "text", UNIT.text, "Symbol of the asset."),
  col("synthetic", "boolean", UNIT.bool, "true when the prices are synthetic demo data."),
  col("model", "text", "market | constant-mean | market-adjusted", "Normal-return model used."),
  col("relative_day", "integer", "sessions relative to day 0", "τ: 0 is day 0, −1 the session before, +1 the session after."),
  col("date", "date", UNIT.date, "Trading date of that session."),
  col("ar", "number", UNIT.fraction, "Abnormal return on that session: actual minus normal return."),
  col("ar_band_low", "number", UNIT.fraction, "Lower end of the 95 % band of AR under no effect (−t_crit × sd)."),
  col("ar_band_high", "number", UNIT.fraction, "Upper end of that band."),
  col("car", "number", UNIT.fraction, "Cumulative abnormal return from the start of the event window to this session."),
  col("car_band_low", "number", UNIT.fraction, "Lower end of the 95 % band of CAR under no effect."),
  col("car_band_high", "number", UNIT.fraction, "Upper end of that band."),
];

const label = (w: readonly [number, number] | undefined) => (w ? `[${w[0]}, ${w[1]}]` : null);

async function loadStudies(params: EventStudyReportParams): Promise<EventStudyReport[]> {
  const events = await db().event.findMany({
    where: eventWhere(params.filters),
    select: { id: true },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: MAX_STUDY_EVENTS + 1,
  });
  if (events.length > MAX_STUDY_EVENTS) {
    throw new ValidationError({ _form: [`More than ${MAX_STUDY_EVENTS} events match: narrow the dates, theme or category.`] });
  }
  const out: EventStudyReport[] = [];
  // One event at a time: each study holds its prices in memory, and they are released before the next.
  for (const e of events) {
    const r = await eventStudyForEvent(e.id, params.config);
    if (r) out.push(r);
  }
  return out;
}

function wideRows(studies: readonly EventStudyReport[], config: EventStudyConfig): Cell[][] {
  const windows = reportingWindows(config);
  return studies.flatMap((s) =>
    s.assets.map((a): Cell[] => {
      const st = a.study;
      const placebo = a.placebo[0];
      const day0 = st?.path.find((p) => p.tau === 0);
      const perWindow = windows.flatMap((w): Cell[] => {
        const c = st?.windows.find((x) => x.window[0] === w[0] && x.window[1] === w[1]);
        const agg = s.aggregate?.windows.find((x) => x.window[0] === w[0] && x.window[1] === w[1]);
        return [c?.car, c?.sd, c?.t, c?.p, c?.patellZ, c?.patellP, c?.rankZ, c?.rankP, c?.signZ, c?.signP, agg?.bmpT, agg?.bmpP];
      });
      return [
        s.event.id,
        s.event.occurredAt.slice(0, 10),
        s.event.occurredAt,
        s.event.timePrecision,
        s.event.title,
        a.asset.symbol,
        a.asset.name,
        a.asset.source,
        a.asset.source === "DEMO",
        a.status,
        a.summary,
        a.direction,
        label(a.hypothesis?.window ?? s.settings.verdictWindow),
        a.hypothesis?.score,
        a.model,
        a.modelNote,
        a.benchmark?.symbol,
        a.day0Session,
        st?.day0Date,
        st?.estimationWindow[0],
        st?.estimationWindow[1],
        st?.estimationN,
        st?.df,
        st?.alpha,
        st && st.model !== "constant-mean" ? st.beta : null,
        st?.sigma,
        day0?.ar,
        ...perWindow,
        label(placebo?.window),
        placebo?.percentile,
        placebo?.pValue,
        placebo?.draws,
      ];
    }),
  );
}

function longRows(studies: readonly EventStudyReport[]): Cell[][] {
  return studies.flatMap((s) =>
    s.assets.flatMap((a) =>
      (a.study?.path ?? []).map((p): Cell[] => [
        s.event.id,
        s.event.title,
        a.asset.symbol,
        a.asset.source === "DEMO",
        a.model,
        p.tau,
        p.date,
        p.ar,
        p.arLow,
        p.arHigh,
        p.car,
        p.carLow,
        p.carHigh,
      ]),
    ),
  );
}

async function runStudies(params: EventStudyReportParams, form: "wide" | "long"): Promise<ReportRun> {
  const studies = await loadStudies(params);
  const rows = form === "wide" ? wideRows(studies, params.config) : longRows(studies);
  const columns = form === "wide" ? eventStudyColumns(params.config) : EVENT_STUDY_DAYS_COLUMNS;
  const assetIds = [...new Set(studies.flatMap((s) => s.assets.map((a) => a.asset.id)))];
  return {
    subject: eventFilterSubject(params.filters, await subjectNames(params.filters)),
    assetIds,
    body: async ({ bom }) => csvStream(columns, rows, { bom }),
    rowCount: async () => rows.length,
    columns,
    settings: { ...(studies[0]?.settings ?? {}), model: params.config.model, windows: reportingWindows(params.config).map((w) => [w[0], w[1]]) },
  };
}

export const eventStudyReport = defineReport({
  slug: "event-study",
  title: "Event study",
  description: "Per event × exposed asset: model, estimation window, α, β, σ_ε, AR on day 0, CAR and its tests for each window, placebo and hypothesis score.",
  grain: "event × exposed asset",
  columns: EVENT_STUDY_COLUMNS,
  schema: eventStudyReportSchema,
  run: (params) => runStudies(params, "wide"),
});

export const eventStudyDaysReport = defineReport({
  slug: "event-study-days",
  title: "Event study, day by day",
  description: "The long form of the event study: abnormal and cumulative abnormal returns for every session of the event window.",
  grain: "event × exposed asset × relative day",
  columns: EVENT_STUDY_DAYS_COLUMNS,
  schema: eventStudyReportSchema,
  run: (params) => runStudies(params, "long"),
});
