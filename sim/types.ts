/**
 * Public types of the simulation: what a resolved run needs (RunConfig) and what it returns (RunResult).
 * Everything here is plain data (numbers, strings, typed arrays) so it can cross a worker boundary.
 */

/** Need groups of people who draw on care. */
export const NEED_GROUPS = ['older-physical', 'learning-disability', 'mental-health'] as const;
export type NeedGroupId = (typeof NEED_GROUPS)[number];

/**
 * The ids of the model's tables. Each table registers its ids here by declaration merging (`declare module
 * '../types.ts'` in sim/model/levers.ts, parameters.ts, initial-conditions.ts and metrics.ts), so every id type is
 * derived from its table while this file imports nothing (dep-policy.json keeps it a leaf). Not to be extended
 * anywhere else.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TableIds {}

/** A commissioning lever's id (sim/model/levers.ts): a misspelt lever does not compile. */
export type LeverId = TableIds['lever'];
/** A model parameter's id (sim/model/parameters.ts). */
export type ParamId = TableIds['param'];
/** An initial condition's id (sim/model/initial-conditions.ts). */
export type InitialId = TableIds['initial'];
/** An outcome metric's id (sim/model/metrics.ts). */
export type MetricId = TableIds['metric'];

/**
 * A table's rows by id. Its keys are the table's ids; a lookup also takes a plain string (an id from a user, a
 * file or a result, not yet checked), but a string literal that is not an id of the table does not compile. `has`
 * narrows a checked string to the id type.
 */
export interface RowsById<Id extends string, Row> extends ReadonlyMap<Id, Row> {
  get<K extends string>(id: IdOrString<K, Id>): K extends Id ? Row : Row | undefined;
  has(id: string): id is Id;
}

/** A table's ids in table order. Like RowsById, `indexOf` also takes a plain string, but no misspelt literal. */
export interface IdList<Id extends string> extends ReadonlyArray<Id> {
  indexOf<K extends string>(id: IdOrString<K, Id>, fromIndex?: number): number;
}

/**
 * `K` when it is one of the ids or a string not known while compiling (`string`, or a template such as
 * `` `${x}_mean` ``); never for a string literal that is not an id, so that a misspelt id does not compile.
 */
export type IdOrString<K extends string, Id extends string> = K extends Id
  ? K
  : string extends K
    ? K
    : Record<never, never> extends Record<K, 1> // only for a template with a string in it (a literal needs its key)
      ? K
      : never;

/**
 * Commissioning levers. Every approach is a set of values for these; a blend is the hours-weighted average.
 * Ids, ranges and meanings live in sim/model/levers.ts (LEVERS).
 */
export type Levers = Record<LeverId, number>;

/** Values for some levers (an approach's settings, a scenario's overrides); the rest keep their defaults. */
export type LeverValues = Partial<Record<LeverId, number>>;

/** Model parameters (mechanism coefficients). Ids, defaults and ranges live in sim/model/parameters.ts. */
export type Params = Record<ParamId, number>;

/** The size and make-up of a place. */
export interface PlaceConfig {
  name: string;
  /** people receiving long-term community support at the start */
  people: number;
  /** care workers employed at the start */
  workers: number;
  /** independent providers at the start (the in-house service is extra) */
  providers: number;
  communityOrgs: number;
  /** shares of people by need group, summing to 1: older/physical, learning disability, mental health */
  needGroupShares: [number, number, number];
}

/**
 * Starting state of the place, after the context assessment has been mapped (sim/scenario/context.ts).
 * Ids, ranges and meanings live in sim/model/initial-conditions.ts (INITIAL_CONDITIONS).
 */
export type InitialConditions = Record<InitialId, number>;

/** One phase of a strategy: from startWeek on, these (already blended) levers apply. */
export interface Phase {
  startWeek: number;
  label: string;
  /** approach id → share of commissioned hours, for display and logs */
  blend: Record<string, number>;
  levers: Levers;
  /**
   * share (0-1) of the cost of moving into this phase (its one-off transition costs and the running cost of hours
   * transferred in-house) the budget follows; the rest must be found from savings. Default 1 (funded).
   */
  transitionFunded?: number;
}

/** Effects of a whole-system process intervention (Future Search, Open Space, ...). */
export interface WholeSystemEffect {
  /** trust gain (0-1 scale, applied with the build-up rate) on each relationship */
  trustProviders: number;
  trustNetwork: number;
  trustNhs: number;
  trustCommunity: number;
  /** rise in co-production engagement of community organisations */
  engagement: number;
  /** one-off cost to the council in pounds */
  costGbp: number;
}

export type SimEvent =
  | { week: number; type: 'provider_collapse'; largest: boolean; share: number }
  | { week: number; type: 'sickness_wave'; share: number; weeks: number }
  | { week: number; type: 'competing_employer'; wageRise: number }
  | { week: number; type: 'budget_cut'; share: number }
  | { week: number; type: 'demand_surge'; needGroup: number; share: number }
  | { week: number; type: 'living_wage'; rise: number }
  /** funded: share (0-1) of the change the council's budget follows (1, the default: the decision is budgeted) */
  | { week: number; type: 'fee_change'; share: number; funded?: number }
  | { week: number; type: 'whole_system_event'; name: string; effect: WholeSystemEffect }
  /** a negotiated minimum hourly pay for care workers (Fair Pay Agreement), in £/h at the event's date */
  | { week: number; type: 'pay_floor'; level: number }
  /** the pool of potential recruits shrinks by a share (end of overseas recruitment), for good */
  | { week: number; type: 'recruitment_pool'; share: number }
  /** providers' employment costs per hour rise by a share (day-one statutory sick pay, employer NI) */
  | { week: number; type: 'employer_costs'; share: number }
  | { week: number; type: 'set_lever'; lever: LeverId; value: number }
  | { week: number; type: 'set_param'; param: ParamId; value: number };

export type SimEventType = SimEvent['type'];

/** A fully resolved, numeric run description: the engine needs nothing else. */
export interface RunConfig {
  scenarioId: string;
  title: string;
  /** weeks simulated and recorded (horizon) */
  weeks: number;
  /** weeks simulated before week 0 and not recorded (history, e.g. a fee cut three years ago) */
  historyWeeks: number;
  place: PlaceConfig;
  initial: InitialConditions;
  params: Params;
  /** sorted by startWeek; the first starts at or before -historyWeeks */
  phases: Phase[];
  /** sorted by week; weeks may be negative (history) */
  events: SimEvent[];
  /**
   * parameters the user set (the scenario's `params:`, a sweep axis, a stress-test uncertainty), sorted: an
   * ensemble never draws them (sim/experiment/parameter-draws.ts)
   */
  pinned?: ParamId[];
}

/** After each shock: how deep the dip in the reference metric was and how long recovery took. */
export interface ShockResilience {
  week: number;
  type: SimEventType;
  metric: MetricId;
  /** largest fall of the metric below its pre-shock level, in the metric's units (>= 0) */
  depth: number;
  /** weeks until the metric came back within tolerance of its pre-shock level; -1 if it never did */
  recoveryWeeks: number;
}

export interface LogEntry {
  week: number;
  text: string;
}

/** Per-week snapshot for playing one run back (recorded only when asked: RunOptions.trace). */
export interface RunTrace {
  providers: number;
  /** [week * providers + p]: 1 active, 0 exited / never existed */
  providerActive: Uint8Array;
  /** [week * providers + p]: provider's trust in the commissioner */
  providerTrust: Float32Array;
  /** [week * providers + p]: commissioner's trust in provider */
  commissionerTrust: Float32Array;
  /** [week * providers + p]: workers employed */
  providerWorkers: Float32Array;
  /** provider kinds (0 for-profit, 1 voluntary, 2 micro, 3 in-house), by provider slot */
  providerKind: Uint8Array;
  /** [week * 4 + k]: hires, leavers to other care employers, leavers out of the sector, workers sick */
  workforceFlows: Float32Array;
  /** ties between providers as pairs (a, b) */
  ties: Int32Array;
  /** [week * ties + e]: trust along tie e */
  tieTrust: Float32Array;
}

/**
 * The causal map's nodes week by week (RunOptions.nodes): values[n * weeks + t] for node ids[n] (CAUSAL_NODES order,
 * sim/model/causal-map.ts), in each node's own units.
 */
export interface NodeSeries {
  ids: string[];
  weeks: number;
  values: Float64Array;
}

export interface RunOptions {
  /** record a RunTrace for playback */
  trace?: boolean;
  /** record the causal map's nodes every week (RunResult.nodes), for live loops (issue 17) */
  nodes?: boolean;
  /** record the plain-language log (default true) */
  log?: boolean;
  /** check accounting identities every week (hours, money, head-count) and throw if one fails; for tests */
  checkInvariants?: boolean;
}

export interface RunResult {
  scenarioId: string;
  replicate: number;
  seed: number;
  weeks: number;
  /** metric ids in order; see sim/model/metrics.ts */
  metricIds: string[];
  /** metric-major weekly series: series[m * weeks + t] */
  series: Float64Array;
  /** per-run summary, one value per metric, same order as metricIds */
  summary: Float64Array;
  shocks: ShockResilience[];
  log: LogEntry[];
  trace?: RunTrace;
  /** the causal map's nodes, when RunOptions.nodes asked for them */
  nodes?: NodeSeries;
}
