// Stress scenarios on a book of positions: historical analogues (Scenario 1) and shocks propagated through a
// conditional covariance (Scenario 2).
export { runAnalogueScenario, shocksFromAnalogues, PROXY_BETA_SESSIONS, PROXY_MIN_OBSERVATIONS, type AnalogueScenarioResult, type AnalogueRow, type AnalogueCell } from "./analogues";
export { runShockScenario, type ShockScenarioResult } from "./shocks";
export {
  scenarioBookSchema,
  analogueSelectionSchema,
  analogueScenarioSchema,
  shockScenarioSchema,
  saveScenarioSchema,
  horizonSchema,
  WEIGHT_SUM_TOLERANCE,
  type ScenarioBook,
  type AnalogueScenarioRequest,
  type ShockScenarioRequest,
} from "./schemas";
export { MissingFxSeriesError } from "./missing-fx";
export { describeAnalogueScenario, type PositionJson, type StatsJson } from "./dto";
