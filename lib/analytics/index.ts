// Public API of Faultline's analytics: pure functions over plain arrays (no I/O, no clock).

export { AnalyticsInputError, toFloat64, type Numeric, type Series } from "./types";
export { mean, sampleVariance, sampleSd, quantileLinear, quantileLinearSorted } from "./descriptive";
export {
  logGamma,
  regularizedBeta,
  erfc,
  normalPdf,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  studentTCdf,
  studentTTwoSidedP,
  fCdf,
  fSurvival,
} from "./special-functions";
export { studentTCritical } from "./special-functions";
export { abnormalReturnBands, type AbnormalReturnBands, type BandPoint } from "./event-study-bands";
export {
  simpleReturns,
  logReturns,
  returnsOf,
  alignOnCommonDates,
  alignedReturns,
  type ReturnKind,
  type AlignedPrices,
  type AlignedReturns,
} from "./returns";
export { rollingMeanVariance, rollingCovariance } from "./rolling";
export {
  TRADING_DAYS_PER_YEAR,
  rollingVolatility,
  ewmaVolatility,
  volatilityZScore,
  type EwmaVolatility,
  type VolatilityZScore,
} from "./volatility";
export {
  DEFAULT_CONFIDENCE_LEVELS,
  historicalVaR,
  historicalES,
  parametricVaR,
  parametricES,
  valueAtRiskTable,
  type RiskAtConfidence,
} from "./value-at-risk";
export { maxDrawdown, type MaxDrawdown } from "./drawdown";
export { rollingBetaCorrelation, type RollingBeta } from "./beta";
export { volatilityRegimeShift, type VolatilityRegimeShift } from "./volatility-regime";
export { riskPanel, type RiskPanel, type RiskPanelOptions } from "./risk-panel";
export { firstReactingSession, localDateTime, type TimePrecision } from "./event-time";
export {
  DEFAULT_EVENT_STUDY_CONFIG,
  STANDARD_CAR_WINDOWS,
  resolveEventStudyConfig,
  reportingWindows,
  type EventStudyConfig,
  type EventStudyModel,
  type EventWindow,
} from "./event-study-config";
export {
  eventStudyAt,
  carWindowStats,
  cumulativeAbnormalReturns,
  type EventStudyData,
  type EventStudyOk,
  type EventStudyFailure,
  type EventStudyFailureStatus,
  type EventStudyResult,
  type CarWindowStats,
} from "./event-study";
export { prepareEventStudyData, indexOnOrAfter, runEventStudy, type RunEventStudyResult } from "./event-study-run";
export {
  aggregateEventStudies,
  averageResidualCorrelation,
  type AggregateEventStudy,
  type AggregateWindowStats,
} from "./event-study-aggregate";
export { placeboTest, carAt, type PlaceboResult } from "./placebo";
export { mulberry32, sampleWithoutReplacement } from "./prng";
export { averageRanks } from "./ranks";
export { scoreHypothesis, describeCar, type ExpectedDirection, type HypothesisScore } from "./hypothesis";
export { MIN_CROSS_SECTIONAL_ASSETS, TOO_FEW_ASSETS, scoreboard, ordinal, describePlacebo, type Scoreboard, type ScoreboardEntry, type DirectionalHeadline } from "./scoreboard";
export { dayZero, describeDayZero, datesWithin, type DayZero, type DayZeroEvent } from "./day-zero";
export { holdingReturns, portfolioRisk, type PortfolioRisk, type PortfolioRiskInput, type RiskFigure } from "./portfolio-risk";
export {
  detectMoves,
  groupMovesBySession,
  MOVE_DETECTION_DEFAULTS,
  type MoveDetectionConfig,
  type MoveScanInput,
  type DetectedMove,
  type MoveGroup,
} from "./unexplained-moves";
export { cholesky, choleskySolve, symmetricEigenvalues, correlationConditionNumber } from "./linear-algebra";
export {
  SCENARIO_QUANTILE,
  SCENARIO_ES_TAIL,
  MIN_ANALOGUES,
  BOOTSTRAP_DRAWS,
  BOOTSTRAP_CONFIDENCE,
  SCENARIO_PLACEBO_DRAWS,
  SCENARIO_SEED,
  tailMeanSorted,
  distributionStats,
  bootstrapMeanAndES,
  unconditionalWindowReturns,
  analoguePlacebo,
  analogueScenario,
  betaToBenchmark,
  betaProxyReturn,
  type SessionWindow,
  type AnalogueReturns,
  type DistributionStats,
  type BootstrapInterval,
  type AnaloguePlacebo,
  type Contribution,
  type AnalogueOutcome,
  type PositionContribution,
  type AnalogueScenario,
} from "./scenario-analogues";
export {
  SHOCK_EWMA_LAMBDA,
  SHOCK_EWMA_SEED,
  MIN_SHOCK_OBSERVATIONS,
  MAX_SHOCK_CONDITION,
  ShockInputError,
  pairCovariance,
  covarianceMatrix,
  propagateShocks,
  shocksFromAnalogueMedians,
  type CovarianceMethod,
  type ShockPropagation,
} from "./scenario-shocks";
