import { Text } from "@tremor/react";
import { ControlsPanel } from "../../../_components/controls-panel";
import { listAssetOverview } from "@/lib/assets/queries";
import { MODEL_LABEL, STUDY_MODELS, studyConfigFromQuery, type StudyQuery } from "@/lib/studies";

const input =
  "mt-1 w-28 rounded-tremor-small border border-tremor-border bg-tremor-background px-2 py-1 text-tremor-default tabular-nums dark:border-dark-tremor-border dark:bg-dark-tremor-background";

/**
 * Model and windows of the study, as a plain GET form: the settings land in the query string, so a link reproduces
 * the view and the selector works without JavaScript.
 */
export async function StudySettingsForm({ eventId, query }: { eventId: number; query: StudyQuery }) {
  const { config, errors } = studyConfigFromQuery(query);
  const symbols = (await listAssetOverview()).map((a) => a.symbol);
  if (config.benchmark && !symbols.includes(config.benchmark)) {
    errors.push(`benchmark: ${config.benchmark} is not a tracked asset, so each asset uses its own benchmark`);
  }
  return (
    <ControlsPanel summary={`Study settings: ${MODEL_LABEL[config.model]}, event window ${config.eventWindow.join(" to ")}`} testId="study-settings" defaultOpen={errors.length > 0}>
      <form method="get" action={`/events/${eventId}`} className="flex flex-wrap items-end gap-4" aria-label="Event study settings">
        <label className="text-tremor-default">
          Model
          <select name="model" defaultValue={config.model} className={`${input} block w-48`}>
            {STUDY_MODELS.map((m) => (
              <option key={m} value={m}>{MODEL_LABEL[m]}</option>
            ))}
          </select>
        </label>
        <label className="text-tremor-default">
          Estimation window
          <input name="est" defaultValue={config.estimationWindow.join(",")} className={`${input} block`} aria-describedby="study-settings-help" />
        </label>
        <label className="text-tremor-default">
          Event window
          <input name="win" defaultValue={config.eventWindow.join(",")} className={`${input} block`} />
        </label>
        <label className="text-tremor-default">
          Benchmark for all assets
          <select name="benchmark" defaultValue={config.benchmark ?? ""} className={`${input} block w-40`}>
            <option value="">each asset&apos;s own</option>
            {symbols.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="text-tremor-default">
          Extra CAR windows
          <input name="car" defaultValue={config.customWindows.map((w) => w.join(",")).join(";")} placeholder="e.g. 0,2;-2,2" className={`${input} block w-40`} />
        </label>
        <button type="submit" className="min-h-[32px] rounded-tremor-small bg-tremor-brand px-3 py-1.5 text-tremor-default text-white hover:bg-tremor-brand-emphasis">
          Apply
        </button>
        <a href={`/events/${eventId}`} className="inline-block py-1.5 text-tremor-default text-tremor-brand hover:underline dark:text-dark-tremor-brand">Defaults</a>
      </form>
      <Text id="study-settings-help" className="mt-2 text-tremor-label">
        Windows in trading sessions relative to day 0, as start,end. Defaults: market model, estimation −250,−11, event window −10,10, each asset against its own benchmark.
      </Text>
      {errors.length > 0 && (
        <div role="alert" className="mt-2 text-tremor-default text-rose-700 dark:text-rose-300">
          The link&apos;s settings were ignored, defaults shown instead: {errors.join("; ")}.
        </div>
      )}
    </ControlsPanel>
  );
}
