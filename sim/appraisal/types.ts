/**
 * The options appraisal and development plan (issue 16): the data it reads and the results it returns. Plain data
 * only (numbers, strings, arrays), so every result crosses a worker boundary and is written to JSON as it is; the
 * paper (paper.ts) is built from these results and nothing else, so every figure in it is one the JSON carries.
 *
 * Flow: a place (AppraisalPlace: a library place or scenario, context answers, the council's own figures) →
 * readiness of each approach (assessReadiness) → fit: each approach run in the place with common random numbers
 * and parameter draws, ranked on weighted outcomes (runFit) → development paths for the chosen approach
 * (candidatePaths, evaluatePaths) → the whole appraisal (runAppraisal) → the paper (paperModel, paperHtml,
 * paperDocx).
 */
import type { RangeKind } from '../experiment/parameter-draws.ts';
import type { ScenarioDoc } from '../scenario/load.ts';
import type { LeverValues } from '../types.ts';

/* ── 1. the place in its numbers ─────────────────────────────────────────────────────────────────────────── */

/** One of the council's own figures (NUMBER_FIELDS in numbers.ts says what each is and where it comes from). */
export type NumberId =
  | 'people_supported'
  | 'hours_per_week'
  | 'providers'
  | 'largest_three_share'
  | 'fee_per_hour'
  | 'care_workers'
  | 'vacancies'
  | 'turnover_rate'
  | 'care_wage'
  | 'zero_hours_share'
  | 'budget'
  | 'spend'
  | 'savings_asked';

/** The figures of one financial year (`2025/26`). */
export interface YearFigures {
  year: string;
  values: Partial<Record<NumberId, number>>;
}

/**
 * A council's figures: the latest year first (the starting point of every run), then up to two earlier years
 * (for the baseline check). From a form, or from a CSV (parseNumbersCsv).
 */
export interface PlaceNumbers {
  years: YearFigures[];
  /** the file they came from, for messages and the paper's sources */
  source?: string;
}

/** What one figure set in the place (for the paper and the app: "your fee £22.40 sets the fee per hour"). */
export interface AppliedFigure {
  figure: NumberId;
  label: string;
  value: number;
  /** what it set: `place.people`, `initial.vacancy_rate`, ... */
  sets: string;
  /** the value set there */
  to: number;
  /** how, in plain words (an assumption is said to be one) */
  how: string;
}

/** The place an appraisal runs in: a base scenario (place, context, starting state, history, shocks). */
export interface AppraisalPlace {
  /** kebab-case id used in scenario ids */
  id: string;
  name: string;
  /**
   * the status quo as a scenario: its place (inline), context answers, initial conditions, history and events
   * are kept for every approach; its strategy is the status quo that every approach is compared with
   */
  base: ScenarioDoc;
  /** context answers (1..5) in force, each aspect (from the place, the scenario or the user) */
  context: Record<string, number>;
  numbers?: PlaceNumbers;
  /** what the numbers set (empty without numbers) */
  applied: AppliedFigure[];
}

/** Baseline check: the status quo run from two years back against what the council reported. */
export interface BaselineRow {
  figure: NumberId;
  label: string;
  unit: string;
  /** year label of each compared year (one or two: one year back, then this year) */
  years: string[];
  given: number[];
  /** simulated mean and 5-95% range over runs, per compared year */
  simulated: { mean: number; p5: number; p95: number }[];
  /** simulated mean − given, per year */
  gap: number[];
  /** gap as a share of the given value, per year */
  gapShare: number[];
  /** the given value lies within the simulated 5-95% range in every compared year */
  withinRange: boolean;
  words: string;
}

export interface BaselineCheck {
  /** the year the runs start from (two years back, or one if only one earlier year is given) */
  fromYear: string;
  runs: number;
  rows: BaselineRow[];
  /** one sentence: how well the status quo reproduces the place's recent years */
  summary: string;
}

/* ── 2. readiness ─────────────────────────────────────────────────────────────────────────────────────────── */

export const READINESS_DIMENSIONS = ['trust', 'capability', 'market', 'money', 'nhs', 'community'] as const;
export type ReadinessDimension = (typeof READINESS_DIMENSIONS)[number];

/** Why a need or a level is what it is: a lever, a model mechanism or parameter, or a figure of the place. */
export interface ReadinessEvidence {
  kind: 'lever' | 'mechanism' | 'place';
  /** lever id, mechanism id (docs/model.md), parameter id or initial-condition id */
  id: string;
  text: string;
}

export interface DimensionReadiness {
  dimension: ReadinessDimension;
  label: string;
  /** what the approach needs, 0-1 on the dimension's scale */
  need: number;
  /** what the place has, 0-1 on the same scale */
  has: number;
  /** need − has (positive: the place is short) */
  gap: number;
  /** ready: has ≥ need; close: short by less than the model's fidelity band; short: more */
  status: 'ready' | 'close' | 'short';
  /** plain words: what it needs, what the place has, and what happens if it is short */
  words: string;
  evidence: ReadinessEvidence[];
}

export interface ApproachReadiness {
  /** approach id, or `blend` / a path id for a blend or a phase */
  id: string;
  name: string;
  dimensions: DimensionReadiness[];
  /** dimensions the place is short on, biggest gap first */
  short: ReadinessDimension[];
  /** one sentence */
  summary: string;
}

/* ── 3. fit ───────────────────────────────────────────────────────────────────────────────────────────────── */

/** Weight of each outcome metric in the ranking (metric id → weight ≥ 0). */
export type OutcomeWeights = Record<string, number>;

export interface Interval {
  mean: number;
  /** 90% t-interval of the mean */
  low: number;
  high: number;
}

export interface FitMetric {
  metric: string;
  label: string;
  unit: string;
  better: 'higher' | 'lower' | null;
  weight: number;
  /** the status quo's mean run summary */
  baseline: number;
  /** this approach's mean run summary and its 5-95% range over runs */
  value: { mean: number; p5: number; p95: number };
  /** paired difference against the status quo: mean, 90% interval, 5-95% of the runs' differences */
  diff: Interval & { p5: number; p95: number };
  /** share of paired runs in which the approach did better (null: no better direction) */
  shareBetter: number | null;
}

export interface ApproachFit {
  /** approach id; `status-quo` for the baseline */
  id: string;
  name: string;
  /** rank 1 = best weighted score; approaches that cannot be told apart keep their own ranks but share a group */
  rank: number;
  /** index of the group of approaches that cannot be told apart (0 = the best group) */
  group: number;
  /** weighted score (0 = the status quo; + is better), paired 90% interval */
  score: Interval;
  /** council spend against the status quo, £ a year (+ = costs more), paired 90% interval */
  poundsPerYear: Interval;
  metrics: FitMetric[];
  /** robustness across futures (filled once the futures are run) */
  robustness: FitRobustness | null;
  /** the trade-off in one plain sentence: what it does best, what it costs, what it needs */
  words: string;
  runs: number;
}

export interface FitRobustness {
  futures: number;
  /** share of futures in which the approach fails (the appraisal's failure definition) */
  failureRate: number;
  /** share of futures meeting every robustness threshold */
  satisficing: number;
  /** largest regret of the weighted score against the best approach in the same future */
  maxRegret: number;
  /** 90th percentile of that regret */
  regretP90: number;
}

/** A pair that cannot be told apart: the paired 90% interval of the score difference contains zero. */
export interface IndistinguishablePair {
  a: string;
  b: string;
  diff: Interval;
}

/** One step of the adaptive run rule: the ranking at `runs` compared with the ranking at half as many. */
export interface StabilityStep {
  runs: number;
  order: string[];
  /** every swap against the order at runs/2 is between approaches that cannot be told apart at `runs` */
  stable: boolean;
  swaps: string[];
}

export interface FitResult {
  seed: string;
  ranges: RangeKind;
  years: number;
  runs: number;
  /** the rule that chose `runs`, in words */
  rule: string;
  stability: StabilityStep[];
  stable: boolean;
  weights: OutcomeWeights;
  /** the status quo's mean summaries of the weighted metrics */
  statusQuo: ApproachFit;
  /** best first */
  ranking: ApproachFit[];
  indistinguishable: IndistinguishablePair[];
  /** groups of approach ids that cannot be told apart, best group first */
  groups: string[][];
  /** futures run for robustness (0: not run) */
  futures: number;
  /** the failure definition used across futures, in words */
  failureText: string;
  /** the futures' uncertainties in words */
  futuresText: string[];
}

/* ── 4. the development plan ──────────────────────────────────────────────────────────────────────────────── */

/** What a move is meant to close. */
export type MoveKind =
  'whole_system_event' | 'fee_change' | 'capability' | 'nhs_pooling' | 'community_investment' | 'pilot' | 'switch';

/** One move of a path, in plain words, with the scenario events or levers it becomes. */
export interface PathMove {
  year: number;
  kind: MoveKind;
  what: string;
  /** the readiness dimension it is meant to close (none for the switch itself) */
  closes: ReadinessDimension | null;
}

/**
 * A phased development path: editable data. `phases` and `events` are in the scenario format (PhaseDoc and event
 * mappings of scenarios/README.md), so a path is a scenario strategy and can be saved, edited and re-evaluated.
 */
export interface DevelopmentPath {
  id: string;
  name: string;
  description: string;
  /** the approach or blend the path leads to */
  target: { approach?: string; blend?: Record<string, number> };
  phases: {
    start_year: number;
    label: string;
    approach?: string;
    blend?: Record<string, number>;
    levers?: LeverValues;
    transition_funded?: number;
  }[];
  events: Record<string, unknown>[];
  moves: PathMove[];
}

/** "If provider trust is below X by year 1, pause": a threshold that separated failing runs from the others. */
export interface EarlyWarning {
  metric: string;
  label: string;
  unit: string;
  /** week of the check (52 = end of year 1) */
  week: number;
  /** the warning trips when the metric is `op` threshold */
  op: '<' | '>';
  threshold: number;
  /** share of runs that went on to fail, among those where it tripped / did not trip */
  failIfTripped: number;
  failOtherwise: number;
  /** runs in which it tripped, of `runs` */
  tripped: number;
  runs: number;
  words: string;
}

export interface PathResult {
  id: string;
  name: string;
  /** weighted score against the status quo (same weights and scale as the fit) */
  score: Interval;
  poundsPerYear: Interval;
  metrics: FitMetric[];
  /** share of runs (chance + parameters) failing the definition */
  failShare: number;
  /** across futures (stress machinery, common random numbers) */
  robustness: FitRobustness | null;
  /** readiness of the target at the moment of the switch, in the runs (mean trust, capability …) */
  readinessAtSwitch: { dimension: ReadinessDimension; need: number; has: { mean: number; p5: number; p95: number } }[];
  earlyWarnings: EarlyWarning[];
  /** where it breaks: PRIM boxes over the futures in plain words */
  failureConditions: string[];
  milestones: { year: number; text: string }[];
  words: string;
}

export interface PathsResult {
  target: string;
  runs: number;
  futures: number;
  failureText: string;
  paths: PathResult[];
  /** id of the path recommended, or null if none holds up and none is a step better than the status quo */
  recommended: string | null;
  /**
   * why it is recommended: 'holds-up' (no failure in some futures, or in some runs without futures); 'step' (the
   * place already fails the tests under the status quo, and the path fails no more often and scores better: a step
   * towards safety, not a safe plan); null when nothing is recommended
   */
  basis: 'holds-up' | 'step' | null;
  /** share of the status quo's runs (chance + parameters) failing the definition, the same runs the paths are paired with */
  statusQuoFailShare: number;
  reasons: string[];
  /** pairs of paths that cannot be told apart on the weighted score */
  indistinguishable: IndistinguishablePair[];
  /** the paths as evaluated: editable data (change phases, events or moves and evaluate again) */
  definitions: DevelopmentPath[];
}

/* ── 5. the whole appraisal ───────────────────────────────────────────────────────────────────────────────── */

export interface AppraisalOptions {
  /** experiment seed (default '1') */
  seed?: string;
  years?: number;
  /** fixed runs per approach; without it the adaptive rule (16, 32, … up to maxRuns) picks them */
  runs?: number;
  minRuns?: number;
  maxRuns?: number;
  /** futures for robustness of approaches and paths (default 16) */
  futures?: number;
  weights?: OutcomeWeights;
  ranges?: RangeKind;
  /** approach ids to appraise (default all twelve) */
  approaches?: string[];
  /** the approach or blend the plan builds towards (default: the best-ranked approach) */
  target?: { approach?: string; blend?: Record<string, number> };
  /** paths to evaluate instead of the three candidates (edited paths) */
  paths?: DevelopmentPath[];
  signal?: AbortSignal;
  onProgress?: (p: AppraisalProgress) => void;
  /** called as each approach's fit is known (and again as more runs refine it) */
  onApproach?: (fit: ApproachFit) => void;
  /** called as each path's result is known */
  onPath?: (path: PathResult) => void;
  /** called as each stage completes, with the appraisal so far */
  onStage?: (stage: AppraisalStage, partial: Partial<Appraisal>) => void;
}

export type AppraisalStage = 'readiness' | 'baseline' | 'fit' | 'robustness' | 'paths' | 'done';

export interface AppraisalProgress {
  stage: AppraisalStage;
  done: number;
  total: number;
}

export interface Appraisal {
  format: 'commsim-appraisal';
  version: 1;
  /** the question asked, in words */
  question: string;
  place: {
    id: string;
    name: string;
    people: number;
    workers: number;
    providers: number;
    context: Record<string, number>;
    applied: AppliedFigure[];
    numbers?: PlaceNumbers;
  };
  options: {
    seed: string;
    years: number;
    ranges: RangeKind;
    weights: OutcomeWeights;
    futures: number;
  };
  baseline: BaselineCheck | null;
  /** the options appraised, as the library describes them */
  approaches: { id: string; name: string; defines: string; summary: string; source: string }[];
  readiness: ApproachReadiness[];
  fit: FitResult;
  plan: PathsResult;
  /** readiness of the plan's target */
  targetReadiness: ApproachReadiness;
  /** scenario documents of every run (status quo, approaches, paths), to re-run with commsim compare */
  scenarios: ScenarioDoc[];
  /** seconds the appraisal took and the runs it made */
  cost: { seconds: number; runs: number };
}
