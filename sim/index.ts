/**
 * The public API of the simulation, for the web app and the CLI. Everything else under sim/ is internal.
 * Runs go through a SimBackend (in-thread or a worker pool); experiments stream results and are
 * deterministic whatever the backend.
 */
export type {
  RunConfig, RunOptions, RunResult, RunTrace, PlaceConfig, Phase, SimEvent, SimEventType, ShockResilience, LogEntry, Levers, Params, InitialConditions,
} from './types.ts';
export { NEED_GROUPS } from './types.ts';
export { simulate } from './engine/run.ts';
export { runSeed } from './engine/rng.ts';
export { METRICS, METRIC_IDS, METRIC_BY_ID, type MetricDef } from './engine/metrics.ts';
export { LEVERS, LEVER_BY_ID, type LeverDef } from './model/levers.ts';
export { PARAMETERS, PARAM_BY_ID, type ParamDef } from './model/parameters.ts';
export { INITIAL_CONDITIONS, INITIAL_BY_ID, type InitialDef } from './model/initial-conditions.ts';

// backends
export {
  DirectBackend, WorkerPoolBackend, createBackend, defaultPoolSize, isAbortError,
  type SimBackend, type RunTask, type TaskError, type BatchOptions, type BatchOutcome, type WorkerPoolOptions,
} from './backend/index.ts';

// experiments
export {
  runEnsemble, runEnsembles, finalizeEnsemble, mergePartials, shardReplicates, blockSizeFor, trajectoryValues,
  type EnsembleSpec, type EnsembleOptions, type EnsembleResult, type EnsemblePartial, type ExecOptions, type RunProgress,
  type RunRow, type RunFailure, type WeeklyBand, type EventProbability, type Trajectory, type Shard,
} from './experiment/ensemble.ts';
export { EVENTS, detectEvents, type EventDef, type EventCondition } from './experiment/events.ts';
export { runComparison, comparisonSpecs, compareFromPartials, COMPARE_STREAM, type ComparisonResult, type MetricDifference, type ScenarioDifference, type CompareOptions } from './experiment/compare.ts';
export { runSweep, sweepSpecs, applyPath, sweepTable, type SweepAxis, type SweepPoint, type SweepResult, type SweepOptions } from './experiment/sweep.ts';
export { makeShardFile, parseShardFile, type ShardFile, type ExperimentKind } from './experiment/shard.ts';
export { mergeShards, finalizeExperiment, type ExperimentResult } from './experiment/merge.ts';
export { summaryStats, quantileSorted, HIST_ALPHA, type SummaryStats } from './experiment/stats.ts';

// scenarios (runtime-neutral part; Node code reads the library with sim/scenario/node-library.ts)
export {
  loadScenario, validateScenario, resolveScenarioDoc, scenarioFromLibrary, buildLibrary, emptyLibrary, toYaml,
  listApproaches, listInterventions, listPlaces, listScenarios, ScenarioError, formatIssue,
  type Library, type LoadedScenario, type ScenarioDoc, type ScenarioIssue,
} from './scenario/index.ts';
