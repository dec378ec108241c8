/**
 * Fit: each approach run in the place against the status quo with common random numbers and parameter draws
 * (replicate r of every approach shares its seed and its draw of the assumed coefficients, as `commsim compare`),
 * ranked on the outcomes the user weighs, with the trade-offs in words and pounds, approaches that cannot be told
 * apart said so, and robustness across futures (the stress-test machinery, common random numbers per future).
 *
 * Weighted score. For each weighted metric m, the paired difference against the status quo in replicate r,
 * signed so that better is positive and divided by the metric's spread (the standard deviation of its run
 * summaries over every approach and run), is weighted: score_r = Σ w_m · sign_m · (x_r − sq_r) / spread_m / Σ w.
 * Spend (no better direction in the metric table) counts less-is-better here. A score of +0.5 is half a typical
 * spread better on the weighted mix.
 *
 * Ranking and ties. Approaches are ordered by mean score. Two cannot be told apart when the 90% t-interval of
 * their paired score difference (per replicate, common random numbers) contains zero. Groups: walking down the
 * order, an approach joins the current group when it cannot be told apart from the group's first member.
 *
 * Run rule (stated in every result). Without --runs: 16 runs per approach, checked against their first 8, then
 * doubling (32, 64, …, up to maxRuns) until the ranking at N is stable against the ranking at N/2 — every pair whose order differs cannot be
 * told apart at N. With --runs N: N runs, and the same check of N against N/2 is reported.
 */
import type { RunConfig, RunResult } from '../types.ts';
import { METRIC_BY_ID, METRIC_IDS } from '../model/metrics.ts';
import type { SimBackend } from '../backend/types.ts';
import { pairedDifference } from '../experiment/compare.ts';
import { mean, quantileSorted, sd, t95 } from '../experiment/stats.ts';
import { DEFAULT_RANGES, type RangeKind } from '../experiment/parameter-draws.ts';
import type { RunProgress } from '../experiment/batches.ts';
import { didYouMean } from '../core/did-you-mean.ts';
import { finalizeStress, runStress } from '../analysis/stress.ts';
import { resolveUncertainties, type UncertaintyDecl } from '../analysis/stress-inputs.ts';
import { evaluateFailure, parseFailure } from '../analysis/plan-failure.ts';
import type { StressSpec } from '../analysis/stress-spec.ts';
import { evaluateRobustness } from '../analysis/robustness.ts';
import type {
  ApproachFit,
  ApproachReadiness,
  FitMetric,
  FitRobustness,
  FitResult,
  IndistinguishablePair,
  Interval,
  OutcomeWeights,
  StabilityStep,
} from './types.ts';
import { listWords, metricChange, pounds, signedPounds } from './words.ts';
import { runReplicates } from './runner.ts';

/** Default weights: good days most, then unmet need and money, then workforce, market, trust and system health. */
export const DEFAULT_WEIGHTS: Readonly<OutcomeWeights> = {
  wellbeing_mean: 3,
  unmet_need_share: 2,
  spend_per_week: 2,
  turnover_rate: 1,
  provider_exit_rate: 1,
  trust_providers_to_commissioner: 1,
  system_health: 1,
};

/** Metrics shown for every approach whatever their weight. */
export const REPORTED_METRICS: readonly string[] = [
  'wellbeing_mean',
  'unmet_need_share',
  'people_waiting',
  'spend_per_week',
  'turnover_rate',
  'vacancy_rate',
  'provider_exit_rate',
  'trust_providers_to_commissioner',
  'system_health',
];

/** The direction a metric is weighed in: its table's `better`, and less spend is better. */
export function weighDirection(metric: string): 1 | -1 | 0 {
  if (metric === 'spend_per_week' || metric === 'cost_per_person' || metric === 'practice_cost_per_week') return -1;
  const b = METRIC_BY_ID.get(metric)?.better;
  return b === 'higher' ? 1 : b === 'lower' ? -1 : 0;
}

/** Metrics that can carry a weight (a direction is known). */
export const WEIGHABLE_METRICS: readonly string[] = METRIC_IDS.filter((m) => weighDirection(m) !== 0);

/**
 * Weights from text: `wellbeing_mean=3,spend_per_week=1` (metric ids, numbers ≥ 0; unnamed metrics weigh 0).
 * Throws an Error naming the bad entry and what would be valid.
 */
export function parseWeights(text: string): OutcomeWeights {
  const out: OutcomeWeights = {};
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) throw new Error(`weights are empty; write e.g. wellbeing_mean=3,spend_per_week=1`);
  for (const p of parts) {
    const m = /^([a-z0-9_]+)\s*[=:]\s*(.+)$/i.exec(p);
    if (!m) throw new Error(`cannot read weight '${p}'; write metric=number, e.g. wellbeing_mean=3`);
    const id = m[1];
    if (!WEIGHABLE_METRICS.includes(id)) {
      const guess = didYouMean(id, WEIGHABLE_METRICS, { max: 1, quote: "'" });
      throw new Error(
        `unknown metric '${id}' in the weights${guess ? ` (${guess})` : ''}; valid: ${WEIGHABLE_METRICS.join(', ')}`,
      );
    }
    const w = Number(m[2]);
    if (!Number.isFinite(w) || w < 0 || w > 100)
      throw new Error(`weight of ${id} must be a number from 0 to 100, got '${m[2]}'`);
    out[id] = w;
  }
  if (Object.values(out).every((w) => w === 0)) throw new Error('at least one weight must be above 0');
  return out;
}

/** Problems with weights from a form (empty when fine). */
export function weightsIssues(w: OutcomeWeights): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(w)) {
    if (!WEIGHABLE_METRICS.includes(k)) out.push(`unknown metric '${k}'; valid: ${WEIGHABLE_METRICS.join(', ')}`);
    else if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100))
      out.push(`weight of ${k} must be from 0 to 100`);
  }
  if (!Object.values(w).some((v) => v > 0)) out.push('at least one weight must be above 0');
  return out;
}

/** Run summaries by scenario and replicate, as they arrive. */
let failureDefinition: ReturnType<typeof parseFailure> | undefined;

export class RunStore {
  metricIds: string[] = [];
  readonly rows: Map<number, Float64Array>[];
  /** whether each run failed the appraisal's definition (APPRAISAL_FAILURE), read from its weekly series */
  readonly failed: Map<number, boolean>[];
  readonly failures: { scenario: number; replicate: number; error: string }[] = [];
  constructor(
    readonly ids: string[],
    readonly names: string[],
  ) {
    this.rows = ids.map(() => new Map());
    this.failed = ids.map(() => new Map());
  }
  add(s: number, r: number, result: RunResult): void {
    if (!this.metricIds.length) this.metricIds = [...result.metricIds];
    this.rows[s].set(r, Float64Array.from(result.summary));
    failureDefinition ??= parseFailure([...APPRAISAL_FAILURE]);
    const v = evaluateFailure(failureDefinition, result.metricIds, result.series, result.summary, result.weeks);
    this.failed[s].set(r, v.failed);
  }
  index(metric: string): number {
    return this.metricIds.indexOf(metric);
  }
}

function interval(xs: number[]): Interval {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs, m);
  const half = n >= 2 && s > 0 ? (t95(n - 1) * s) / Math.sqrt(n) : n >= 2 ? 0 : NaN;
  return { mean: m, low: m - half, high: m + half };
}

/** The spread of each weighted metric over every scenario's runs below `runs` (the score's unit). */
export function metricSpreads(store: RunStore, metrics: readonly string[], runs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of metrics) {
    const m = store.index(id);
    const xs: number[] = [];
    for (const rows of store.rows) for (const [r, v] of rows) if (r < runs && Number.isFinite(v[m])) xs.push(v[m]);
    const s = sd(xs, mean(xs));
    out[id] = s > 1e-12 ? s : 1;
  }
  return out;
}

/** Weighted score of one run against the status quo's run of the same replicate. */
export function runScore(
  x: ArrayLike<number>,
  base: ArrayLike<number>,
  index: (m: string) => number,
  weights: OutcomeWeights,
  spreads: Record<string, number>,
): number {
  let sum = 0;
  let wsum = 0;
  for (const [id, w] of Object.entries(weights)) {
    if (!(w > 0)) continue;
    const m = index(id);
    const d = (x[m] - base[m]) / spreads[id];
    sum += w * weighDirection(id) * d;
    wsum += w;
  }
  return wsum > 0 ? sum / wsum : NaN;
}

export interface Scored {
  fit: ApproachFit;
  /** score by replicate (paired with the status quo) */
  scores: Map<number, number>;
}

const PHRASES: Record<string, [string, string]> = {
  wellbeing_mean: ['more good days', 'fewer good days'],
  unmet_need_share: ['less unmet need', 'more unmet need'],
  people_waiting: ['fewer people waiting', 'more people waiting'],
  turnover_rate: ['lower staff turnover', 'higher staff turnover'],
  vacancy_rate: ['fewer vacancies', 'more vacancies'],
  provider_exit_rate: ['fewer providers leaving', 'more providers leaving'],
  trust_providers_to_commissioner: ["more providers' trust", "less providers' trust"],
  system_health: ['a healthier system', 'a less healthy system'],
};

function phrase(metric: string, better: boolean): string {
  const p = PHRASES[metric];
  if (p) return better ? p[0] : p[1];
  const label = (METRIC_BY_ID.get(metric)?.label ?? metric).toLowerCase();
  return `${better ? 'better' : 'worse'} ${label}`;
}

const DIMENSION_NEED: Record<string, string> = {
  trust: "providers' trust",
  capability: 'commissioning capability',
  market: 'a market',
  money: 'money',
  nhs: 'an NHS partnership',
  community: 'a community sector',
};

/** The trade-off of an approach in one sentence. */
export function tradeOffWords(fit: ApproachFit, readiness?: ApproachReadiness): string {
  const gains: string[] = [];
  const losses: string[] = [];
  const ranked = [...fit.metrics]
    .filter((m) => m.metric !== 'spend_per_week' && weighDirection(m.metric) !== 0)
    .sort((a, b) => b.weight - a.weight);
  for (const m of ranked) {
    const dir = weighDirection(m.metric);
    if (m.diff.low > 0 || m.diff.high < 0) {
      const better = dir * m.diff.mean > 0;
      (better ? gains : losses).push(`${phrase(m.metric, better)} (${metricChange(m.metric, m.diff.mean)})`);
    }
  }
  const p = fit.poundsPerYear;
  const money =
    p.low > 0
      ? `about ${pounds(p.mean)} a year more (${pounds(p.low)} to ${pounds(p.high)})`
      : p.high < 0
        ? `about ${pounds(-p.mean)} a year less (${pounds(-p.high)} to ${pounds(-p.low)})`
        : `no clear difference in spend (${signedPounds(p.low)} to ${signedPounds(p.high)} a year)`;
  const parts: string[] = [];
  if (gains.length) parts.push(listWords(gains.slice(0, 3)));
  if (losses.length) parts.push(`${gains.length ? 'but ' : ''}${listWords(losses.slice(0, 2))}`);
  if (!gains.length && !losses.length) parts.push('no clear difference from the status quo on the outcomes weighed');
  parts.push(money);
  const short =
    readiness?.short.filter((d) => readiness.dimensions.find((x) => x.dimension === d)?.status === 'short') ?? [];
  // money the levers commit up front, against what the runs show over the horizon
  const upFront = short.includes('money') && p.mean <= 0;
  const needs = short.filter((d) => !(upFront && d === 'money'));
  if (needs.length) parts.push(`needs ${listWords(needs.map((d) => DIMENSION_NEED[d]))} the place does not yet have`);
  if (upFront)
    parts.push(
      'needs money up front that the budget does not have, though the runs show it spending less over the years',
    );
  return `${fit.name}: ${parts.join(', ')}.`;
}

/** Fit of each scenario against the status quo (scenario 0) over replicates below `runs`. */
export function fitsFromStore(
  store: RunStore,
  weights: OutcomeWeights,
  runs: number,
  readiness?: ReadonlyMap<string, ApproachReadiness>,
  fixedSpreads?: Record<string, number>,
): { statusQuo: ApproachFit; scored: Scored[]; spreads: Record<string, number> } {
  const weighted = Object.keys(weights).filter((k) => weights[k] > 0);
  const spreads = fixedSpreads ?? metricSpreads(store, weighted, runs);
  const idx = (m: string): number => store.index(m);
  const base = store.rows[0];
  const shown = [...new Set([...REPORTED_METRICS, ...weighted])];
  const mapOf = (s: number, m: number): Map<number, number> => {
    const out = new Map<number, number>();
    for (const [r, v] of store.rows[s]) if (r < runs) out.set(r, v[m]);
    return out;
  };
  const spendIdx = idx('spend_per_week');
  const make = (s: number): Scored => {
    const scores = new Map<number, number>();
    const pounds: number[] = [];
    for (const [r, v] of store.rows[s]) {
      if (r >= runs) continue;
      const b = base.get(r);
      if (!b) continue;
      const sc = runScore(v, b, idx, weights, spreads);
      if (Number.isFinite(sc)) scores.set(r, sc);
      const dp = (v[spendIdx] - b[spendIdx]) * 52;
      if (Number.isFinite(dp)) pounds.push(dp);
    }
    const metrics: FitMetric[] = shown.map((id) => {
      const m = idx(id);
      const d = pairedDifference(id, mapOf(0, m), mapOf(s, m));
      const vals = [...mapOf(s, m).values()].filter(Number.isFinite).sort((a, b) => a - b);
      const dir = weighDirection(id);
      let shareBetter = d.shareBetter;
      if (shareBetter === null && dir !== 0 && s !== 0) {
        const b0 = mapOf(0, m);
        let wins = 0;
        let n = 0;
        for (const [r, x] of mapOf(s, m)) {
          const y = b0.get(r);
          if (y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
          n++;
          if (dir * (x - y) > 0) wins++;
        }
        shareBetter = n ? wins / n : null;
      }
      const def = METRIC_BY_ID.get(id);
      return {
        metric: id,
        label: def?.label ?? id,
        unit: def?.unit ?? '',
        better: dir > 0 ? 'higher' : dir < 0 ? 'lower' : null,
        weight: weights[id] ?? 0,
        baseline: mean([...mapOf(0, m).values()].filter(Number.isFinite)),
        value: {
          mean: mean(vals),
          p5: vals.length ? quantileSorted(Float64Array.from(vals), 0.05) : NaN,
          p95: vals.length ? quantileSorted(Float64Array.from(vals), 0.95) : NaN,
        },
        diff: { mean: d.mean, low: d.low, high: d.high, p5: d.p5, p95: d.p95 },
        shareBetter: s === 0 ? null : shareBetter,
      };
    });
    const fit: ApproachFit = {
      id: store.ids[s],
      name: store.names[s],
      rank: 0,
      group: 0,
      score: s === 0 ? { mean: 0, low: 0, high: 0 } : interval([...scores.values()]),
      poundsPerYear: s === 0 ? { mean: 0, low: 0, high: 0 } : interval(pounds),
      metrics,
      robustness: null,
      words: '',
      runs: Math.min(runs, store.rows[s].size),
    };
    fit.words =
      s === 0
        ? `${fit.name}: the baseline every approach is compared with.`
        : tradeOffWords(fit, readiness?.get(fit.id));
    return { fit, scores };
  };
  const all = store.ids.map((_, s) => make(s));
  return { statusQuo: all[0].fit, scored: all.slice(1), spreads };
}

/** The paired difference of two approaches' scores (same replicates), with its 90% interval. */
export function scoreDifference(a: Map<number, number>, b: Map<number, number>): Interval {
  const d: number[] = [];
  for (const [r, x] of a) {
    const y = b.get(r);
    if (y !== undefined) d.push(x - y);
  }
  return interval(d);
}

/** Orders by mean score, forms groups of approaches that cannot be told apart, and lists such pairs. */
export function rankScored(scored: Scored[]): {
  ranking: ApproachFit[];
  pairs: IndistinguishablePair[];
  groups: string[][];
} {
  const order = [...scored].sort((x, y) => y.fit.score.mean - x.fit.score.mean || (x.fit.id < y.fit.id ? -1 : 1));
  const pairs: IndistinguishablePair[] = [];
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const diff = scoreDifference(order[i].scores, order[j].scores);
      if (!(diff.low > 0 || diff.high < 0)) pairs.push({ a: order[i].fit.id, b: order[j].fit.id, diff });
    }
  const tied = (a: string, b: string): boolean =>
    pairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const groups: string[][] = [];
  let leader = '';
  order.forEach((s, i) => {
    s.fit.rank = i + 1;
    if (i === 0 || !tied(leader, s.fit.id)) {
      groups.push([s.fit.id]);
      leader = s.fit.id;
    } else groups[groups.length - 1].push(s.fit.id);
    s.fit.group = groups.length - 1;
  });
  return { ranking: order.map((s) => s.fit), pairs, groups };
}

/** Is the order at N stable against the order at N/2: every swapped pair cannot be told apart at N. */
export function stabilityOf(
  runs: number,
  order: string[],
  previous: string[] | null,
  pairs: IndistinguishablePair[],
): StabilityStep {
  if (!previous) return { runs, order, stable: false, swaps: [] };
  const pos = new Map(previous.map((id, i) => [id, i]));
  const swaps: string[] = [];
  let stable = true;
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++) {
      const a = order[i];
      const b = order[j];
      if ((pos.get(a) ?? 0) > (pos.get(b) ?? 0)) {
        const tied = pairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
        swaps.push(`${a} / ${b}${tied ? ' (cannot be told apart)' : ''}`);
        if (!tied) stable = false;
      }
    }
  return { runs, order, stable, swaps };
}

/** The futures every appraisal samples: trends of the world outside the model (never drawn in ensembles). */
export const APPRAISAL_FUTURES: readonly UncertaintyDecl[] = [
  { path: 'params.outside_wage_growth', label: 'growth of outside wages (retail, warehouses)' },
  { path: 'params.living_wage_growth', label: 'growth of the national living wage' },
  { path: 'params.demand_growth', label: 'growth of demand for care' },
  { path: 'params.cost_inflation_other', label: "inflation of providers' other costs" },
];

/** What counts as failing in a run (the appraisal's failure definition). */
export const APPRAISAL_FAILURE: readonly string[] = [
  'unmet_need_share > 0.08 for 26 weeks',
  'summary.turnover_rate > 0.35',
  'spend_vs_budget > 1.1 for 26 weeks',
];

/** The failure definition in plain words (the paper's). */
export const APPRAISAL_FAILURE_WORDS =
  'unmet need stays above 8% of assessed hours for half a year, staff turnover averages more than 35% a year, or spend runs more than 10% over budget for half a year';

export interface FuturesOptions {
  seed: string;
  futures: number;
  ranges: RangeKind;
  weights: OutcomeWeights;
  spreads: Record<string, number>;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

export interface FuturesResult {
  robustness: Map<string, FitRobustness>;
  failureText: string;
  futuresText: string[];
  /** PRIM statements per approach id: where it fails */
  discovery: Map<string, string[]>;
}

/**
 * Robustness across futures: the stress-test machinery (a Latin hypercube over APPRAISAL_FUTURES, every approach
 * with the same seeds in each future) on the configurations (the status quo first). Regret is on the weighted
 * score, against the best approach in the same future.
 */
export async function runFutures(
  backend: SimBackend,
  approaches: { id: string; title: string; config: RunConfig }[],
  opts: FuturesOptions,
): Promise<FuturesResult> {
  const base = approaches[0].config;
  const weighted = Object.keys(opts.weights).filter((k) => opts.weights[k] > 0);
  const failure = parseFailure([...APPRAISAL_FAILURE]);
  const metrics = [...new Set([...weighted, ...failure.conditions.map((c) => c.metric)])];
  const spec: StressSpec = {
    id: 'appraisal-futures',
    title: 'Appraisal futures',
    question: 'How does each option hold up across plausible futures?',
    file: '<appraisal>',
    approaches,
    uncertainties: resolveUncertainties(APPRAISAL_FUTURES, base),
    failure,
    robustness: [],
    metrics,
    seed: opts.seed,
    futures: opts.futures,
    runsPerFuture: 1,
  };
  const partial = await runStress(backend, spec, {
    futures: opts.futures,
    seed: opts.seed,
    ranges: opts.ranges,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  const result = finalizeStress(partial);
  const complete = result.rows.filter((r) => r.outcomes.every((o) => o.runs > 0 && o.metrics.every(Number.isFinite)));
  const mi = (m: string): number => result.header.metrics.indexOf(m);
  const scores = complete.map((r) =>
    r.outcomes.map((o) => runScore(o.metrics, r.outcomes[0].metrics, mi, opts.weights, opts.spreads)),
  );
  const rob = complete.length
    ? evaluateRobustness(
        approaches.map((a) => a.id),
        [{ id: 'score', direction: 'maximise', values: scores }],
      )
    : null;
  const out = new Map<string, FitRobustness>();
  approaches.forEach((a, i) => {
    const summary = result.approaches[i];
    const regrets = scores.map((row) => Math.max(...row) - row[i]).sort((x, y) => x - y);
    const ok = complete.filter((r, f) => !r.outcomes[i].failed && scores[f][i] >= 0).length;
    out.set(a.id, {
      futures: summary.futures,
      failureRate: summary.failureRate,
      satisficing: complete.length ? ok / complete.length : NaN,
      maxRegret: rob ? rob.approaches[i].metrics.score.maxRegret : NaN,
      regretP90: regrets.length ? quantileSorted(Float64Array.from(regrets), 0.9) : NaN,
    });
  });
  const discovery = new Map<string, string[]>();
  result.discovery.forEach((d, i) => {
    const texts = d.note
      ? []
      : d.boxes.length
        ? d.boxes.map((b) => b.statement)
        : d.peeling.length
          ? [d.peeling[d.chosen].statement]
          : [];
    discovery.set(approaches[i].id, texts);
  });
  return {
    robustness: out,
    failureText: result.failureText,
    futuresText: spec.uncertainties.map((u) => `${u.label}: ${fmtRange(u.min, u.max, u.percent)}`),
    discovery,
  };
}

function fmtRange(a: number, b: number, pct: boolean): string {
  return pct ? `${(a * 100).toFixed(1)}% to ${(b * 100).toFixed(1)}% a year` : `${a} to ${b}`;
}

export interface FitOptions {
  seed: string;
  ranges?: RangeKind;
  years: number;
  weights: OutcomeWeights;
  /** fixed runs; otherwise the adaptive rule */
  runs?: number;
  minRuns?: number;
  maxRuns?: number;
  futures?: number;
  readiness?: ReadonlyMap<string, ApproachReadiness>;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onApproach?: (fit: ApproachFit) => void;
}

/**
 * Runs the fit: `scenarios[0]` is the status quo, the rest the approaches (ids and names alongside). Returns the
 * ranking with its stability record; robustness across futures is added when `futures` > 0.
 */
export async function runFitOn(
  backend: SimBackend,
  scenarios: { id: string; name: string; config: RunConfig }[],
  opts: FitOptions,
): Promise<FitResult & { store: RunStore; spreads: Record<string, number> }> {
  const ranges = opts.ranges ?? DEFAULT_RANGES;
  const store = new RunStore(
    scenarios.map((s) => s.id),
    scenarios.map((s) => s.name),
  );
  const configs = scenarios.map((s) => s.config);
  const minRuns = Math.max(2, opts.minRuns ?? 8);
  const maxRuns = Math.max(minRuns, opts.maxRuns ?? 128);
  const fixed = opts.runs;
  let done = 0;
  const stability: StabilityStep[] = [];
  let target = fixed ?? minRuns * 2;
  const stepsTotal = (n: number): number => n * configs.length;
  let progressBase = 0;
  const emitDone = (s: number, runs: number): void => {
    if (!opts.onApproach || s === 0) return;
    const { scored } = fitsFromStore(store, opts.weights, runs, opts.readiness);
    opts.onApproach(scored[s - 1].fit);
  };
  let sqDone = false;
  const waiting: number[] = [];
  let final: (ReturnType<typeof rankScored> & { statusQuo: ApproachFit; spreads: Record<string, number> }) | undefined;
  for (;;) {
    sqDone = false;
    waiting.length = 0;
    const runsNow = target;
    await runReplicates(backend, configs, done, target, {
      seed: opts.seed,
      ranges,
      signal: opts.signal,
      onProgress: opts.onProgress
        ? (p) =>
            opts.onProgress!({
              done: progressBase + p.done,
              failed: p.failed,
              total: progressBase + stepsTotal(target - done),
            })
        : undefined,
      onResult: (s, r, result) => store.add(s, r, result),
      onError: (s, r, error) => store.failures.push({ scenario: s, replicate: r, error }),
      onScenarioDone: (s) => {
        if (s === 0) {
          sqDone = true;
          for (const w of waiting.splice(0)) emitDone(w, runsNow);
        } else if (sqDone) emitDone(s, runsNow);
        else waiting.push(s);
      },
    });
    progressBase += stepsTotal(target - done);
    done = target;
    // the ranking at N/2 (the first half of the replicates), then at N
    const half = Math.floor(target / 2);
    const prev = rankScored(fitsFromStore(store, opts.weights, half, opts.readiness).scored);
    const previous = prev.ranking.map((f) => f.id);
    const { statusQuo, scored, spreads } = fitsFromStore(store, opts.weights, target, opts.readiness);
    const ranked = rankScored(scored);
    const step = stabilityOf(
      target,
      ranked.ranking.map((f) => f.id),
      previous,
      ranked.pairs,
    );
    stability.push(step);
    final = { ...ranked, statusQuo, spreads };
    if (fixed !== undefined || step.stable || target * 2 > maxRuns) break;
    target *= 2;
  }
  const last = stability[stability.length - 1];
  if (!final) throw new Error('the fit ran no rounds');
  const rule =
    fixed !== undefined
      ? `${fixed} runs per option, as asked; the ranking at ${fixed} runs was compared with the ranking at ${Math.floor(fixed / 2)}: ${last.stable ? 'stable' : 'not stable'} (every change of order ${last.stable ? 'is' : 'is not always'} between options that cannot be told apart).`
      : `Runs per option chosen by doubling from ${minRuns * 2} (at most ${maxRuns}) until the ranking at N runs matched the ranking at N/2, apart from options that cannot be told apart at N: ${last.stable ? `stable at ${last.runs} runs` : `still not stable at ${last.runs} runs, the most allowed; read close ranks with care`}.`;
  return {
    seed: opts.seed,
    ranges,
    years: opts.years,
    runs: last.runs,
    rule,
    stability,
    stable: last.stable,
    weights: { ...opts.weights },
    statusQuo: final.statusQuo,
    ranking: final.ranking,
    indistinguishable: final.pairs,
    groups: final.groups,
    futures: 0,
    failureText: '',
    futuresText: [],
    store,
    spreads: final.spreads,
  };
}
