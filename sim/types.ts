/**
 * Public types of the simulation: what a resolved run needs (RunConfig) and what it returns (RunResult).
 * Everything here is plain data (numbers, strings, typed arrays) so it can cross a worker boundary.
 */

/** Need groups of people who draw on care. */
export const NEED_GROUPS = ['older-physical', 'learning-disability', 'mental-health'] as const;
export type NeedGroupId = (typeof NEED_GROUPS)[number];

/**
 * Commissioning levers. Every approach is a set of values for these; a blend is the hours-weighted average.
 * Ids, ranges and meanings live in sim/model/levers.ts (LEVERS).
 */
export type Levers = Record<string, number>;

/** Model parameters (mechanism coefficients). Ids, defaults and ranges live in sim/model/parameters.ts. */
export type Params = Record<string, number>;

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
export type InitialConditions = Record<string, number>;

/** One phase of a strategy: from startWeek on, these (already blended) levers apply. */
export interface Phase {
  startWeek: number;
  label: string;
  /** approach id → share of commissioned hours, for display and logs */
  blend: Record<string, number>;
  levers: Levers;
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
  | { week: number; type: 'fee_change'; share: number }
  | { week: number; type: 'whole_system_event'; name: string; effect: WholeSystemEffect }
  | { week: number; type: 'set_lever'; lever: string; value: number }
  | { week: number; type: 'set_param'; param: string; value: number };

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
}

/** After each shock: how deep the dip in the reference metric was and how long recovery took. */
export interface ShockResilience {
  week: number;
  type: SimEventType;
  metric: string;
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

export interface RunOptions {
  /** record a RunTrace for playback */
  trace?: boolean;
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
}
