// The portfolio's stress scenarios, run server-side from stored prices with the parameters in the URL: Scenario 1
// (historical analogues) and Scenario 2 (shocks through a conditional covariance), each with its GET form.
import { Card, Text } from "@tremor/react";
import Link from "next/link";
import { ValidationError } from "@/lib/errors";
import { positionsList, type LoadedPortfolio } from "@/lib/portfolios/queries";
import { runAnalogueScenario, runShockScenario, shocksFromAnalogues, type AnalogueScenarioResult, type ShockScenarioResult } from "@/lib/scenarios";
import {
  analogueRequest,
  formFieldErrors,
  HORIZONS,
  percentInput,
  searchParamsOf,
  SHOCK_ROWS,
  shockRequest,
  type AnalogueForm,
  type ScenarioForms,
  type ShockForm,
} from "@/lib/scenarios/page-params";
import { listThemes } from "@/lib/themes/queries";
import { EVENT_CATEGORIES } from "@/lib/enums";
import { Badge } from "../../_components/badge";
import { CATEGORY_LABEL, formatPrice } from "../../_components/format";
import { ScrollRegion } from "../../_components/scroll-region";
import { ContributionChart } from "./contribution-chart";
import { buttonClass } from "../../_components/forms/form-feedback";
import { Field, inputClass } from "./scenario-fields";
import { SaveScenario } from "./save-scenario";
import { AnaloguePicker } from "./analogue-picker";
import { pickerLists, type PickerLists } from "@/lib/scenarios/picker";
import { MAX_PICKED_EVENTS } from "@/lib/scenarios/schemas";

type Outcome<T> = { ok: true; result: T } | { ok: false; errors: Record<string, string[]> } | null;

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, errors: formFieldErrors(err.fieldErrors) };
    throw err;
  }
}

const pct = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : `${x < 0 ? "−" : ""}${Math.abs(100 * x).toFixed(digits)} %`);
const money = (x: number | null | undefined) => (x === null || x === undefined ? "—" : formatPrice(x));
const heading = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const sub = "text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const link = "text-tremor-brand hover:underline dark:text-dark-tremor-brand";
const cell = "px-3 py-2";

function BookErrors({ errors }: { errors: Record<string, string[]> }) {
  const m = [...(errors.book ?? []), ...(errors.analogues ?? []), ...(errors.shocks ?? [])];
  if (!m.length) return null;
  return <p className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-100" role="alert">{m.join(" · ")}</p>;
}

function Hidden({ query }: { query: string }) {
  return <>{[...new URLSearchParams(query)].map(([k, v], i) => <input key={`${k}-${i}`} type="hidden" name={k} value={v} />)}</>;
}

function AnalogueFormView({ id, f, other, themes, picker, errors }: { id: number; f: AnalogueForm; other: string; themes: { id: number; name: string }[]; picker: PickerLists; errors: Record<string, string[]> }) {
  return (
    <form method="get" action={`/portfolios/${id}#scenarios`} className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="analogue-form">
      <Hidden query={other} />
      <Field label="Theme" name="theme" errors={errors}>
        <select name="theme" defaultValue={f.theme} className={inputClass}>
          <option value="">Any</option>
          {themes.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </Field>
      <Field label="Category" name="category" errors={errors}>
        <select name="category" defaultValue={f.category} className={inputClass}>
          <option value="">Any</option>
          {EVENT_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABEL[c] ?? c}</option>)}
        </select>
      </Field>
      <Field label="Countries" name="countries" errors={errors} hint="ISO codes, e.g. KP, RU">
        <input name="countries" defaultValue={f.countries} className={inputClass} />
      </Field>
      <Field label="Minimum severity" name="severity" errors={errors}>
        <select name="severity" defaultValue={f.severity} className={inputClass}>
          <option value="">Any</option>
          {[1, 2, 3, 4, 5].map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </Field>
      <Field label="Tags" name="tags" errors={errors} hint="Comma-separated; all must match">
        <input name="tags" defaultValue={f.tags} className={inputClass} />
      </Field>
      <Field label="From" name="from" errors={errors}>
        <input name="from" type="date" defaultValue={f.from} className={inputClass} />
      </Field>
      <Field label="To" name="to" errors={errors}>
        <input name="to" type="date" defaultValue={f.to} className={inputClass} />
      </Field>
      <Field label="Horizon (sessions after day 0)" name="horizon" errors={errors}>
        <select name="horizon" defaultValue={f.horizon} className={inputClass}>
          {HORIZONS.map((h) => <option key={h.value} value={h.value}>{h.label}</option>)}
        </select>
      </Field>
      {/* Keyed by the URL's picks and filters: a new run lists afresh instead of keeping the last ticks. */}
      <AnaloguePicker key={`${f.events}|${searchParamsOf({ analogues: { ...f, horizon: "" }, shocks: null })}`} picked={picker.picked} matches={picker.matches} moreMatches={picker.moreMatches} max={MAX_PICKED_EVENTS} errors={errors.events ?? []} />
      <div className="flex items-end">
        <button type="submit" className={buttonClass}>Run analogues</button>
      </div>
    </form>
  );
}

export function AnalogueResults({ r }: { r: AnalogueScenarioResult }) {
  const base = r.parameters.baseCurrency;
  const d = r.distribution;
  const proxied = r.contributions.filter((c) => c.proxiedIn > 0);
  const stats: [string, string][] = [
    ["Mean", pct(d.mean)],
    ["Median", pct(d.median)],
    ["Worst", pct(d.worst)],
    ["Best", pct(d.best)],
    ["10 % quantile", pct(d.quantile)],
    ["ES, worst 20 %", pct(d.expectedShortfall)],
    [`Mean ${Math.round(100 * r.bootstrap.confidence)} % CI`, `${pct(r.bootstrap.mean[0])} … ${pct(r.bootstrap.mean[1])}`],
    [`ES ${Math.round(100 * r.bootstrap.confidence)} % CI`, `${pct(r.bootstrap.expectedShortfall[0])} … ${pct(r.bootstrap.expectedShortfall[1])}`],
    ["Tail ratio", r.tailRatio === null ? "—" : `${r.tailRatio.toFixed(2)}×`],
    ["Placebo p", r.placebo?.pValue === null || !r.placebo ? "—" : r.placebo.pValue.toFixed(3)],
  ];
  return (
    <div className="mt-4 space-y-4" data-testid="analogue-results">
      <p className="text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="analogue-summary">{r.summary}</p>
      {r.warning && <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" role="alert" data-testid="analogue-warning">{r.warning}</p>}
      {proxied.length > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="proxied-positions">
          Proxied (β × benchmark where the asset has no data): {proxied.map((c) => `${c.symbol} in ${c.proxiedIn} analogue${c.proxiedIn === 1 ? "" : "s"}`).join(", ")}.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-5" data-testid="analogue-stats">
        {stats.map(([k, v]) => (
          <div key={k} className={k.includes("CI") ? "col-span-2 sm:col-span-1" : undefined}>
            <dt className="text-xs text-tremor-content dark:text-dark-tremor-content">{k}</dt>
            <dd className="font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">{v}</dd>
          </div>
        ))}
      </dl>
      <Text className="text-xs">
        {r.parameters.pickedIds ? <>Analogues picked one by one ({r.parameters.pickedIds.length} event{r.parameters.pickedIds.length === 1 ? "" : "s"}). </> : null}
        Book returns in {base} over {r.analogues.length} analogues (net value {formatPrice(r.netValue)} {base}, as of {r.parameters.asOf}); mean P&amp;L {money(r.distributionPnl.mean)} {base}.
        {r.unconditional && <> Ordinary days: {r.unconditional.sessions} start sessions {r.unconditional.from} to {r.unconditional.to}, ES {pct(r.unconditional.expectedShortfall)}.</>}
      </Text>
      <div>
        <h4 className={sub}>Contribution by position (mean P&amp;L, worst first)</h4>
        <ContributionChart base={base} rows={r.contributions.map((c) => ({ symbol: `${c.symbol}${c.proxiedIn > 0 ? " *" : ""}`, pnl: c.meanPnl ?? 0 }))} />
      </div>
      <div>
        <h4 className={sub}>Analogues</h4>
        <ScrollRegion label="Analogue table">
          <table className="mt-2 w-full text-tremor-default tabular-nums" data-testid="analogue-table">
            <thead>
              <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
                <th className={cell}>Event</th>
                <th className={`${cell} text-right`}>Return</th>
                <th className={`${cell} text-right`}>P&amp;L ({base})</th>
                <th className={cell}>Top contributors</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
              {r.analogues.map((a) => (
                <tr key={a.eventId} data-event-id={a.eventId}>
                  <td className={cell}>
                    <Link href={`/events/${a.eventId}`} className={link}>{a.title}</Link>
                    <span className="block text-xs text-tremor-content dark:text-dark-tremor-content">{a.occurredAt.slice(0, 10)}</span>
                    {a.proxied.length > 0 && <Badge color="amber">proxied: {a.proxied.join(", ")}</Badge>}
                  </td>
                  <td className={`${cell} text-right whitespace-nowrap`}>{pct(a.return)}</td>
                  <td className={`${cell} text-right whitespace-nowrap`}>{formatPrice(a.pnl)}</td>
                  <td className={`${cell} text-sm`}>{a.topContributors.map((c) => `${c.symbol} ${formatPrice(c.pnl)}`).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {r.excluded.length > 0 && <Text className="mt-2 text-xs">Left out: {r.excluded.map((e) => `${e.title} (${e.reason})`).join("; ")}.</Text>}
      </div>
    </div>
  );
}

function ShockFormView({ id, f, other, errors }: { id: number; f: ShockForm; other: string; errors: Record<string, string[]> }) {
  const rows = [...f.shocks, ...Array.from({ length: Math.max(0, SHOCK_ROWS - f.shocks.length) }, () => ({ symbol: "", percent: "" }))];
  return (
    <form method="get" action={`/portfolios/${id}#scenarios`} className="mt-3 space-y-3" data-testid="shock-form">
      <Hidden query={other} />
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {rows.map((s, i) => (
          <div key={i} className="grid grid-cols-[1fr_5.5rem] gap-2">
            <Field label={`Shocked asset ${i + 1}`} name={`ss.${i}`} errors={errors}>
              <input name="ss" defaultValue={s.symbol} className={inputClass} placeholder={i === 0 ? "e.g. ^KS11" : undefined} />
            </Field>
            <Field label="Move %" name={`sp.${i}`} errors={errors}>
              <input name="sp" defaultValue={s.percent} inputMode="decimal" className={inputClass} placeholder={i === 0 ? "e.g. -5" : undefined} />
            </Field>
          </div>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
        <Field label="Covariance" name="method" errors={errors}>
          <select name="method" defaultValue={f.method} className={inputClass}>
            <option value="ewma">EWMA (λ = 0.94)</option>
            <option value="sample">Sample</option>
          </select>
        </Field>
        <Field label="Window (sessions)" name="window" errors={errors} hint="252 ≈ one year">
          <input name="window" defaultValue={f.window} inputMode="numeric" className={inputClass} />
        </Field>
        <div className="flex items-end">
          <button type="submit" className={buttonClass}>Run shocks</button>
        </div>
      </div>
    </form>
  );
}

export function ShockResults({ r }: { r: ShockScenarioResult }) {
  const base = r.parameters.baseCurrency;
  return (
    <div className="mt-4 space-y-3" data-testid="shock-results">
      <p className="text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong" data-testid="shock-summary">
        Given {r.shocks.map((s) => `${s.symbol} ${pct(s.shock, 1)}`).join(", ")}, the book is expected to move {pct(r.return)} ({formatPrice(r.pnl)} {base}), conditional sd{" "}
        {pct(r.returnSd)} ({money(r.pnlSd)} {base}).
      </p>
      <ScrollRegion label="Shock propagation table">
        <table className="w-full text-tremor-default tabular-nums" data-testid="shock-table">
          <thead>
            <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
              <th className={cell}>Position</th>
              <th className={`${cell} text-right`}>Expected move</th>
              <th className={`${cell} text-right`}>P&amp;L ({base})</th>
              <th className={`${cell} text-right`}>Band (± 1 sd)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-tremor-border dark:divide-dark-tremor-border">
            {r.moves.map((m) => (
              <tr key={m.symbol} data-symbol={m.symbol}>
                <td className={cell}>{m.symbol}{m.shocked && <> <Badge color="blue">shocked</Badge></>}</td>
                <td className={`${cell} text-right whitespace-nowrap`}>{pct(m.expected)}</td>
                <td className={`${cell} text-right whitespace-nowrap`}>{formatPrice(m.pnl)}</td>
                <td className={`${cell} text-right whitespace-nowrap`}>{m.conditionalSd === null ? "—" : `${pct(m.expected - m.conditionalSd)} … ${pct(m.expected + m.conditionalSd)}`}</td>
              </tr>
            ))}
            <tr className="font-semibold">
              <td className={cell}>Book</td>
              <td className={`${cell} text-right whitespace-nowrap`}>{pct(r.return)}</td>
              <td className={`${cell} text-right whitespace-nowrap`} data-testid="shock-book-pnl">{formatPrice(r.pnl)}</td>
              <td className={`${cell} text-right whitespace-nowrap`}>{r.returnSd === null ? "—" : `${pct(r.return - r.returnSd)} … ${pct(r.return + r.returnSd)}`}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <Text className="text-xs">
        E[r | shocks] = Σ_os Σ_ss⁻¹ r_s from {r.observations} daily returns in {base}, {r.from} to {r.to} ({r.parameters.method === "ewma" ? "EWMA, λ = 0.94" : "sample covariance"}); the band is ± one conditional standard deviation.
      </Text>
    </div>
  );
}

/** Both scenarios for `portfolio`; `forms` null members are not run. */
export async function ScenariosSection({ portfolio, forms, canSave }: { portfolio: LoadedPortfolio; forms: ScenarioForms; canSave: boolean }) {
  const book = positionsList(portfolio);
  const requestBook = { baseCurrency: book.baseCurrency, positions: book.positions, ...(book.notional !== null ? { notional: book.notional } : {}) };
  const analogueForm: AnalogueForm = forms.analogues ?? { theme: "", category: "", countries: "", severity: "", tags: "", from: "", to: "", events: "", horizon: "0,5" };
  const shockForm: ShockForm = forms.shocks ?? { shocks: [], method: "ewma", window: "252" };
  const [themes, picker, s1, s2] = await Promise.all([
    listThemes(),
    pickerLists(analogueForm),
    forms.analogues ? attempt(() => runAnalogueScenario(analogueRequest(analogueForm, requestBook))) : Promise.resolve(null),
    forms.shocks ? attempt(() => runShockScenario(shockRequest(shockForm, requestBook))) : Promise.resolve(null),
  ]);
  const analogueQuery = searchParamsOf({ analogues: forms.analogues, shocks: null });
  const shockQuery = searchParamsOf({ analogues: null, shocks: forms.shocks });
  const s1Errors = s1 && !s1.ok ? s1.errors : {};
  const s2Errors = s2 && !s2.ok ? s2.errors : {};
  const medianShocks = s1?.ok ? shocksFromAnalogues(s1.result) : [];
  const medianHref = medianShocks.length
    ? `/portfolios/${portfolio.id}?${searchParamsOf({ analogues: forms.analogues, shocks: { shocks: medianShocks.map((s) => ({ symbol: s.symbol, percent: percentInput(s.shock) })), method: shockForm.method, window: shockForm.window } })}#scenarios`
    : null;
  return (
    <Card id="scenarios" data-testid="scenarios">
      <h2 className={heading}>Scenarios</h2>
      <Text className="mt-1">Computed from stored prices when the page loads; the address bar holds every parameter, so a scenario is reproduced from its URL.</Text>

      <section className="mt-5" aria-labelledby="s1-title">
        <h3 id="s1-title" className={sub}>Scenario 1: if events like these happen again</h3>
        <Text className="mt-1">Analogue events by filter (all must hold) or picked one by one; each position&apos;s return in {portfolio.baseCurrency} over the horizon after each event&apos;s day 0.</Text>
        <AnalogueFormView id={portfolio.id} f={analogueForm} other={shockQuery} themes={themes} picker={picker} errors={s1Errors} />
        <BookErrors errors={s1Errors} />
        {s1?.ok && <AnalogueResults r={s1.result} />}
        {s1?.ok && canSave && <SaveScenario portfolioId={portfolio.id} kind="analogues" query={analogueQuery} defaultName={`Analogues ${s1.result.parameters.pickedIds ? `${s1.result.parameters.pickedIds.length} picked events` : analogueForm.countries || analogueForm.category || "selection"} ${analogueForm.horizon.replace(",", "…")}, as of ${s1.result.parameters.asOf}`} />}
        {medianHref && (
          <p className="mt-3">
            <Link href={medianHref} className={`${link} text-sm font-medium`} data-testid="median-shocks">Use the analogues&apos; median moves as shocks</Link>
          </p>
        )}
      </section>

      <section className="mt-8" aria-labelledby="s2-title">
        <h3 id="s2-title" className={sub}>Scenario 2: shocks propagated through the covariance</h3>
        <Text className="mt-1">State moves of a few assets (held or not); every other position moves by its expectation given them.</Text>
        <ShockFormView id={portfolio.id} f={shockForm} other={analogueQuery} errors={s2Errors} />
        <BookErrors errors={s2Errors} />
        {s2?.ok && <ShockResults r={s2.result} />}
        {s2?.ok && canSave && <SaveScenario portfolioId={portfolio.id} kind="shocks" query={shockQuery} defaultName={`Shocks ${s2.result.shocks.map((s) => `${s.symbol} ${percentInput(s.shock)} %`).join(", ")}, as of ${s2.result.parameters.asOf}`} />}
      </section>
    </Card>
  );
}
