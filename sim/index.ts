/**
 * The door to the simulation, for the web app and the command line: they import from here (or from
 * sim/node.ts, which adds what only Node can do) and from nowhere else under sim/. Runtime-neutral: nothing here
 * touches the file system, the DOM or Node's modules, so it runs in the browser, in workers and under Node.
 * Everything not exported here is internal and may change without notice. `docs/architecture.md` draws the
 * folders behind this door and which may import which (checked by tests/architecture.test.ts).
 */

// --- shared types --------------------------------------------------------------------------------------------
export type {
  RunConfig,
  RunOptions,
  RunResult,
  RunTrace,
  PlaceConfig,
  Phase,
  SimEvent,
  SimEventType,
  ShockResilience,
  LogEntry,
  Levers,
  LeverValues,
  Params,
  InitialConditions,
  LeverId,
  ParamId,
  InitialId,
  MetricId,
  RowsById,
  IdList,
  NodeSeries,
} from './types.ts';
export { NEED_GROUPS } from './types.ts';

// --- one run and the model's tables ---------------------------------------------------------------------------
export { simulate, createRun, type RunStepper } from './model/simulate.ts';
export { runSeed } from './core/random.ts';
export { METRICS, METRIC_IDS, METRIC_BY_ID, METRIC_INDEX, isMetricId, type MetricDef } from './model/metrics.ts';
export { LEVERS, LEVER_BY_ID, isLeverId, type LeverChannel, type LeverDef } from './model/levers.ts';
export {
  WELLBEING_DOMAINS,
  WELLBEING_FLOOR,
  WELLBEING_WEIGHTS,
  type WellbeingDomain,
  type WellbeingTerm,
} from './model/wellbeing.ts';
export { PARAMETERS, PARAM_BY_ID, isParamId, type ParamDef } from './model/parameters.ts';
export { INITIAL_CONDITIONS, INITIAL_BY_ID, isInitialId, type InitialDef } from './model/initial-conditions.ts';
export { statusQuoConfig, SMALL_PLACE } from './model/defaults.ts';
export { WEEKLY_STEPS, type WeeklyStep } from './model/schedule.ts';

// --- why: the causal map, live loops, attribution, stories, chart marks (issue 17) -------------------------------
export {
  CAUSAL_NODES,
  CAUSAL_NODE_BY_ID,
  CAUSAL_LINKS,
  CAUSAL_LINK_BY_ID,
  NAMED_LOOPS,
  MECHANISMS,
  LEVER_GROUPS,
  GROUP_OF,
  GROUP_LABELS,
  causalLoops,
  findLoops,
  loopOf,
  loopWords,
  linkSign,
  type CausalNode,
  type CausalNodeKind,
  type CausalArea,
  type CausalLink,
  type CausalLoop,
  type NamedLoop,
  type LeverGroup,
} from './model/causal-map.ts';
export {
  liveLoops,
  periodWeights,
  meanNodeSeries,
  nodeDifference,
  runLiveLoops,
  type LinkWeight,
  type LoopWeight,
  type PeriodWeights,
  type LiveLoops,
  type LiveLoopsOptions,
} from './analysis/live-loops.ts';
export {
  decidingRoles,
  gameArms,
  withoutDecisions,
  replayGameArm,
  roleDecisionsLabel,
  attributeGame,
  attributionSentences,
  MIXED_WORDS,
  OTHER_CHANCES,
  chanceSeed,
  gameRoundLoops,
  explainGame,
  runGameExplain,
  type GameArm,
  type GameArmResult,
  type RoundLoop,
  type RolePart,
  type GameAttribution,
  type GameExplanation,
} from './analysis/game-explain.ts';
export {
  knockOutParts,
  shareOf,
  runExplain,
  explainTable,
  explainSentences,
  startOf,
  withoutGroup,
  type ExplainSpec,
  type ExplainExec,
  type ExplainBy,
  type ExplainResult,
  type ExplainPart,
  type ExplainBreakdown,
  type PairedRange,
} from './analysis/explain.ts';
export {
  tellStory,
  tellStories,
  storyRows,
  STORY_PICKS,
  type Story,
  type StorySentence,
  type StoryWho,
  type StoryPick,
  type StoryOptions,
  type StoryRow,
} from './analysis/stories.ts';
export {
  chartMarks,
  periodDetail,
  eventLabel,
  type ChartMark,
  type ChartMarkKind,
  type PeriodDetail,
} from './analysis/marks.ts';

// --- where runs execute ---------------------------------------------------------------------------------------
export {
  DirectBackend,
  WorkerPoolBackend,
  createBackend,
  defaultPoolSize,
  isAbortError,
  type SimBackend,
  type RunTask,
  type TaskError,
  type BatchOptions,
  type BatchOutcome,
  type WorkerPoolOptions,
} from './backend/index.ts';

// --- running many: ensembles, comparisons, sweeps, shards -----------------------------------------------------
export {
  runEnsemble,
  runEnsembles,
  finalizeEnsemble,
  mergePartials,
  shardReplicates,
  blockSizeFor,
  valuesAtWeek,
  type EnsembleSpec,
  type EnsembleOptions,
  type EnsembleResult,
  type EnsemblePartial,
  type ExecOptions,
  type RunRow,
  type RunError,
  type WeeklyBand,
  type OutcomeProbability,
  type RunSeries,
  type Shard,
} from './experiment/ensemble.ts';
export { runBatches, resolveDraw, type RunProgress, type PlannedTask, type TaskBatch } from './experiment/batches.ts';
export {
  RANGE_KINDS,
  DEFAULT_RANGES,
  DRAWN_PARAMETERS,
  NOT_DRAWN,
  isRangeKind,
  rangesSentence,
  drawAll,
  candidateDraw,
  balancedEntryRate,
  drawnParams,
  triangular,
  type RangeKind,
  type DrawRequest,
} from './experiment/parameter-draws.ts';
export {
  OUTCOME_EVENTS,
  detectOutcomeEvents,
  type OutcomeEventDef,
  type OutcomeCondition,
} from './experiment/outcome-events.ts';
export {
  runComparison,
  comparisonSpecs,
  compareFromPartials,
  pairedDifference,
  COMPARE_STREAM,
  type ComparisonResult,
  type MetricDifference,
  type ScenarioDifference,
  type CompareOptions,
} from './experiment/compare.ts';
export {
  runSweep,
  sweepSpecs,
  MAX_SWEEP_POINTS,
  sweepTable,
  type SweepAxis,
  type SweepPoint,
  type SweepResult,
  type SweepOptions,
} from './experiment/sweep.ts';
export { applyPath, resolvePath, type PathTarget } from './experiment/paths.ts';
export { makeShardFile, parseShardFile, SHARD_FORMAT, type ShardFile, type ShardKind } from './experiment/shard.ts';
export {
  mergeShards,
  finalizeExperiment,
  ENSEMBLE_SHARDS,
  COMPARE_SHARDS,
  SWEEP_SHARDS,
  EXPERIMENT_SHARDS,
  EXPERIMENT_SHARD_KINDS,
  type ExperimentKind,
  type ExperimentResult,
  type ExperimentPartial,
  type MergedShards,
  type SweepGrid,
} from './experiment/merge.ts';
export { summaryStats, quantileSorted, HIST_ALPHA, type SummaryStats } from './experiment/stats.ts';

// --- deciding: stress tests, sensitivity, scenario discovery --------------------------------------------------
export {
  runStress,
  finalizeStress,
  mergeStressPartials,
  stressTable,
  uncertaintyBounds,
  STRESS_SHARDS,
  STRESS_SHARD_FORMAT,
  type StressPartial,
  type StressResult,
  type Discovery,
} from './analysis/stress.ts';
export {
  runSensitivity,
  finalizeSensitivity,
  mergeSensitivityPartials,
  sensitivityHeader,
  sensitivityTable,
  SENSITIVITY_SHARDS,
  type SensitivityMethod,
  type SensitivityPartial,
  type SensitivityResult,
} from './analysis/sensitivity.ts';
export { parseStressSpec, type StressSpec, type RobustnessMetric } from './analysis/stress-spec.ts';
export { SHARD_KINDS } from './analysis/shard-kinds.ts';
export { resolveUncertainty, type ResolvedUncertainty } from './analysis/stress-inputs.ts';
export { parseCondition, type FailureCondition } from './analysis/plan-failure.ts';
export { morrisBudget } from './analysis/morris.ts';
export { describeBox, formatNumber, type PrimStep } from './analysis/prim.ts';
export { rankCorrelations, spearman, fisherInterval, type RankCorrelation } from './analysis/input-correlation.ts';

// --- scenarios: the YAML format and the library ---------------------------------------------------------------
export {
  loadScenario,
  validateScenario,
  resolveScenarioDoc,
  scenarioFromLibrary,
  buildLibrary,
  emptyLibrary,
  toYaml,
  listApproaches,
  listInterventions,
  listPlaces,
  listScenarios,
  APPROACH_ORDER,
  ScenarioError,
  formatIssue,
  MAX_FILE_CHARS,
  EVENT_TYPES,
  NEED_GROUP_KEYS,
  RANGES as SCENARIO_RANGES,
  CONTEXT_ASPECTS,
  CONTEXT_MAP,
  contextToInitial,
  type Library,
  type LoadedScenario,
  type ScenarioDoc,
  type ScenarioIssue,
  type ContextAspectId,
} from './scenario/index.ts';
export { libraryFromJson, libraryToJson } from './scenario/library-json.ts';
export { configRangeIssues } from './scenario/config-ranges.ts';

// --- Open Simulation workshops: roles, rounds, the host's message protocol (issue 18) -------------------------
export * from './game/index.ts';

// --- helpers that know nothing of the model ------------------------------------------------------------------
export { csvField, toCsv, type CsvOptions } from './core/csv.ts';
export { didYouMean } from './core/did-you-mean.ts';

// --- the options appraisal and development plan (issue 16; docs/appraisal.md) ----------------------------------
export * from './appraisal/index.ts';
