// The domain layer between PostgreSQL and lib/analytics: builds every study and risk figure a page or the JSON API shows.
export { eventStudyForEvent, type EventStudyReport, type AssetStudyEntry, type AggregateJson, type StudySettingsJson } from "./study-of-event";
export { eventStudiesForAsset, type AssetEventStudies, type AssetEventStudyRow, type CarCell } from "./asset-studies";
export { riskForAsset, RISK_PARAMETERS, type AssetRiskReport } from "./risk";
export { themeCaar, type ThemeCaarReport, type ThemeAssetCaar, type ThemeEventJson, type ThemeHitRate } from "./theme-caar";
export {
  studyParamsSchema,
  riskQuerySchema,
  studyConfigFromQuery,
  studyQueryString,
  queryFromSearchParams,
  primaryWindow,
  describeConfig,
  MODEL_LABEL,
  STUDY_MODELS,
  type StudyQuery,
} from "./study-params";
export { ALPHA, PLACEBO_DRAWS, PLACEBO_SEED } from "./asset-event-study";
export type { PathPoint, StudyJson, PlaceboJson, HypothesisJson, StudyStatus } from "./dto";
export { windowLabel, type Num, type CarWindowJson, type AggregateWindowJson } from "./dto";
