/**
 * Comparisons with common random numbers: replicate i of every scenario runs with the same seed
 * (runSeed(experimentSeed, 'compare', i)) and the same draw of the assumed coefficients (parameter-draws.ts), so
 * differences between scenarios are paired and most of the run-to-run noise cancels. For each metric and each scenario against the first (the baseline): the mean
 * paired difference with a 90% t-interval and a 5-95% percentile interval, the share of replicates in which
 * the scenario beats the baseline (by the metric's `better` direction), and the unpaired (Welch) interval
 * for reference.
 */
import type { RunConfig } from '../types.ts';
import { METRIC_BY_ID } from '../model/metrics.ts';
import type { SimBackend } from '../backend/types.ts';
import {
  finalizeEnsemble,
  mergePartials,
  runEnsembles,
  type EnsemblePartial,
  type EnsembleResult,
  type EnsembleSpec,
  type ExecOptions,
} from './ensemble.ts';
import { mean, quantileSorted, sd, t95 } from './stats.ts';
import type { RangeKind } from './parameter-draws.ts';

export const COMPARE_STREAM = 'compare';

export interface MetricDifference {
  metric: string;
  better: 'higher' | 'lower' | null;
  /** replicates in which both scenarios completed */
  n: number;
  /** mean of (scenario − baseline) */
  mean: number;
  sd: number;
  /** 90% t-interval of the mean paired difference */
  low: number;
  high: number;
  /** 5th and 95th percentiles of the paired differences */
  p5: number;
  p95: number;
  /** share of paired replicates in which the scenario is better; null for metrics with no better direction */
  shareBetter: number | null;
  /** unpaired (Welch) 90% interval of the difference in means, for reference */
  unpaired: { mean: number; low: number; high: number };
}

export interface ScenarioDifference {
  scenarioId: string;
  baselineId: string;
  metrics: MetricDifference[];
}

export interface ComparisonResult {
  seed: string;
  stream: string;
  /** what the ranges show (every scenario alike) */
  ranges: RangeKind;
  runs: number;
  scenarios: EnsembleResult[];
  differences: ScenarioDifference[];
}

export interface CompareOptions extends ExecOptions, Omit<EnsembleSpec, 'config' | 'stream'> {}

/** The specs of a comparison: the same stream for every scenario, so replicate i shares its seed. */
export function comparisonSpecs(
  configs: readonly RunConfig[],
  opts: Omit<EnsembleSpec, 'config' | 'stream'>,
): EnsembleSpec[] {
  if (configs.length < 2) throw new Error('a comparison needs at least two scenarios');
  return configs.map((config) => ({ series: false, ...opts, config, stream: COMPARE_STREAM }));
}

export async function runComparison(
  backend: SimBackend,
  configs: readonly RunConfig[],
  opts: CompareOptions,
): Promise<ComparisonResult> {
  const partials = await runEnsembles(backend, comparisonSpecs(configs, opts), opts);
  return compareFromPartials(partials.map((p) => mergePartials([p])));
}

function welch(a: number[], b: number[]): { mean: number; low: number; high: number } {
  const ma = mean(a);
  const mb = mean(b);
  const va = sd(a, ma) ** 2 / a.length;
  const vb = sd(b, mb) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const d = mb - ma;
  const half = se === 0 ? 0 : t95(df) * se;
  return { mean: d, low: d - half, high: d + half };
}

export function pairedDifference(
  metric: string,
  base: Map<number, number>,
  other: Map<number, number>,
): MetricDifference {
  const better = METRIC_BY_ID.get(metric)?.better ?? null;
  const reps = [...base.keys()]
    .filter((r) => other.has(r) && !Number.isNaN(base.get(r)!) && !Number.isNaN(other.get(r)!))
    .sort((x, y) => x - y);
  const d = reps.map((r) => other.get(r)! - base.get(r)!);
  const n = d.length;
  const m = mean(d);
  const s = sd(d, m);
  const half = n >= 2 ? (s === 0 ? 0 : (t95(n - 1) * s) / Math.sqrt(n)) : NaN;
  const sorted = Float64Array.from(d).sort();
  let wins = 0;
  for (const x of d) if ((better === 'higher' && x > 0) || (better === 'lower' && x < 0)) wins++;
  const a = [...base.values()].filter((x) => !Number.isNaN(x));
  const b = [...other.values()].filter((x) => !Number.isNaN(x));
  return {
    metric,
    better,
    n,
    mean: m,
    sd: s,
    low: m - half,
    high: m + half,
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    shareBetter: better === null || n === 0 ? null : wins / n,
    unpaired: welch(a, b),
  };
}

/** Paired statistics from the (merged) partials of a comparison, baseline first. */
export function compareFromPartials(partials: readonly EnsemblePartial[]): ComparisonResult {
  const scenarios = partials.map(finalizeEnsemble);
  const base = scenarios[0];
  const byRep = (e: EnsembleResult, m: number): Map<number, number> =>
    new Map(e.rows.map((r) => [r.replicate, r.summary[m]]));
  const differences = scenarios.slice(1).map((s) => ({
    scenarioId: s.scenarioId,
    baselineId: base.scenarioId,
    metrics: base.metricIds.map((id, m) => pairedDifference(id, byRep(base, m), byRep(s, s.metricIds.indexOf(id)))),
  }));
  return { seed: base.seed, stream: base.stream, ranges: base.ranges, runs: base.runs, scenarios, differences };
}
