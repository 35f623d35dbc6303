// A storyline's cumulative effect: for each asset exposed to the theme's events, the CAAR across those events with the
// cross-sectional tests — "does this kind of event move this market, on average?".
import "server-only";
import { resolveEventStudyConfig, type EventStudyOk } from "@/lib/analytics";
import { scoreboard, type ScoreboardEntry } from "@/lib/analytics/scoreboard";
import { findThemeWithEvents } from "@/lib/themes/theme-timeline";
import { prepareAsset } from "./series-selection";
import { studyEventOnAsset } from "./asset-event-study";
import { aggregateJson, settingsJson, type AggregateJson, type StudySettingsJson } from "./study-of-event";
import { loadAdjustedCloses } from "@/lib/prices/adjusted-closes";
import { benchmarkOverride, withBenchmark } from "./benchmark-override";
import type { DataSource, TimePrecision } from "@/lib/enums";

export interface ThemeEventJson {
  id: number;
  title: string;
  occurredAt: string;
  timePrecision: TimePrecision;
  category: string;
  severity: number;
  symbols: string[];
}

export interface ThemeAssetCaar {
  asset: { id: number; symbol: string; name: string; source: DataSource };
  model: "market" | "constant-mean" | "market-adjusted";
  modelNote: string | null;
  benchmark: { symbol: string; name: string } | null;
  /** Events of the theme exposing this asset. */
  events: number;
  /** Events without a study, with the reason (short history, event after the data…). */
  skipped: { eventId: number; title: string; reason: string }[];
  aggregate: AggregateJson | null;
  /** How the hypotheses on this asset fared across the theme's events (verdict on CAR[−1, +1], as on event pages). */
  hypotheses: ThemeHitRate;
}

export interface ThemeHitRate {
  confirmed: number;
  contradicted: number;
  inconclusive: number;
  /** Events that cannot be scored yet (no prices after the event, window incomplete, too short a history). */
  pending: number;
  /** confirmed / (confirmed + contradicted + inconclusive); null when nothing could be scored. */
  hitRate: number | null;
}

export interface ThemeCaarReport {
  theme: { id: number; name: string; description: string };
  settings: StudySettingsJson;
  events: ThemeEventJson[];
  assets: ThemeAssetCaar[];
  /** Every asset × event hypothesis of the theme together. */
  hypotheses: ThemeHitRate;
}

function hitRate(entries: readonly ScoreboardEntry[]): ThemeHitRate {
  const { confirmed, contradicted, inconclusive, pending, hitRate } = scoreboard(entries);
  return { confirmed, contradicted, inconclusive, pending, hitRate };
}

/**
 * CAAR per asset across the theme's live events (default settings, each asset against its own benchmark unless
 * `options.benchmark` names one for all); null for an unknown theme.
 */
export async function themeCaar(themeId: number, options: { benchmark?: string | null } = {}): Promise<ThemeCaarReport | null> {
  const theme = await findThemeWithEvents(themeId);
  if (!theme) return null;
  const config = resolveEventStudyConfig();
  const override = await benchmarkOverride(options.benchmark);
  const assets = new Map<number, (typeof theme.events)[number]["exposures"][number]["asset"]>();
  for (const e of theme.events) for (const x of e.exposures) assets.set(x.asset.id, withBenchmark(x.asset, override));
  const ids = [...assets.values()].flatMap((a) => (a.benchmark ? [a.id, a.benchmark.id] : [a.id]));
  const prices = await loadAdjustedCloses(ids);
  const all: ScoreboardEntry[] = [];
  const out: ThemeAssetCaar[] = [...assets.values()]
    .sort((a, b) => a.symbol.localeCompare(b.symbol))
    .map((asset) => {
      const prepared = prepareAsset(asset, prices, config.model);
      const linked = theme.events.flatMap((e) => {
        const x = e.exposures.find((y) => y.asset.id === asset.id);
        return x ? [{ event: e, direction: x.direction }] : [];
      });
      const ok: { label: string; ok: EventStudyOk }[] = [];
      const skipped: ThemeAssetCaar["skipped"] = [];
      const entries: ScoreboardEntry[] = [];
      for (const { event, direction } of linked) {
        const r = studyEventOnAsset({
          prepared,
          event,
          direction,
          config,
          otherEvents: [],
          verdictWindow: [-1, 1],
          placeboWindows: [],
        });
        entries.push({ direction, score: r.hypothesis?.score ?? null, car: r.hypothesis?.car ?? null });
        if (r.ok) ok.push({ label: event.title, ok: r.ok });
        else skipped.push({ eventId: event.id, title: event.title, reason: r.summary });
      }
      all.push(...entries);
      return {
        asset: { id: asset.id, symbol: asset.symbol, name: asset.name, source: asset.source },
        model: prepared.model,
        modelNote: prepared.modelNote,
        benchmark: prepared.benchmark,
        events: linked.length,
        skipped,
        aggregate: aggregateJson(ok, config),
        hypotheses: hitRate(entries),
      };
    });
  return {
    theme: { id: theme.id, name: theme.name, description: theme.description },
    settings: settingsJson(config, override?.symbol ?? null),
    events: theme.events.map((e) => ({
      id: e.id,
      title: e.title,
      occurredAt: e.occurredAt.toISOString(),
      timePrecision: e.timePrecision,
      category: e.category,
      severity: e.severity,
      symbols: e.exposures.map((x) => x.asset.symbol),
    })),
    assets: out,
    hypotheses: hitRate(all),
  };
}
