/** Statistics of (partial) ensembles for the charts and tables; cheap enough to recompute on each redraw. */
import { pairedDifference, type MetricDifference } from '../../../sim/index.ts';
import { quantileSorted, summaryStats, type SummaryStats } from '../../../sim/index.ts';
import type { EnsembleData } from './results.ts';

export interface Band {
  weeks: number;
  n: number;
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

const bandCache = new WeakMap<EnsembleData, Map<string, Band>>();

/**
 * Weekly percentile bands of one metric across the runs so far; kept until the ensemble grows (a redraw
 * recomputes only the bands of scenarios that got new runs).
 */
export function bandOf(d: EnsembleData, metric: string): Band | null {
  let cache = bandCache.get(d);
  if (!cache) bandCache.set(d, (cache = new Map()));
  const hit = cache.get(metric);
  if (hit && hit.n === d.runs.size) return hit;
  const b = computeBand(d, metric);
  if (b) cache.set(metric, b);
  return b;
}

function computeBand(d: EnsembleData, metric: string): Band | null {
  const m = d.metricIds.indexOf(metric);
  if (m < 0 || d.runs.size === 0) return null;
  const W = d.weeks;
  return bandAcross(
    [...d.runs.values()].map((r) => r.series.subarray(m * W, (m + 1) * W)),
    W,
  );
}

/**
 * The 5th, 25th, 50th, 75th and 95th percentiles across rows (one row per run), point by point over `points`
 * points; a missing value (NaN) leaves its run out of that point.
 */
export function bandAcross(rows: readonly ArrayLike<number>[], points: number): Band {
  const b: Band = {
    weeks: points,
    n: rows.length,
    p5: new Float64Array(points),
    p25: new Float64Array(points),
    p50: new Float64Array(points),
    p75: new Float64Array(points),
    p95: new Float64Array(points),
  };
  const col = new Float64Array(rows.length);
  for (let t = 0; t < points; t++) {
    let k = 0;
    for (const row of rows) {
      const v = row[t];
      if (!Number.isNaN(v)) col[k++] = v;
    }
    const s = col.subarray(0, k).sort();
    b.p5[t] = quantileSorted(s, 0.05);
    b.p25[t] = quantileSorted(s, 0.25);
    b.p50[t] = quantileSorted(s, 0.5);
    b.p75[t] = quantileSorted(s, 0.75);
    b.p95[t] = quantileSorted(s, 0.95);
  }
  return b;
}

export function summaryOf(d: EnsembleData, metric: string): SummaryStats | null {
  const m = d.metricIds.indexOf(metric);
  if (m < 0 || d.runs.size === 0) return null;
  return summaryStats([...d.runs.values()].sort((a, b) => a.replicate - b.replicate).map((r) => r.summary[m]));
}

/** Paired difference of a scenario against the baseline on one metric (replicates both have). */
export function differenceOf(base: EnsembleData, other: EnsembleData, metric: string): MetricDifference | null {
  const mb = base.metricIds.indexOf(metric);
  const mo = other.metricIds.indexOf(metric);
  if (mb < 0 || mo < 0) return null;
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  for (const r of base.runs.values()) a.set(r.replicate, r.summary[mb]);
  for (const r of other.runs.values()) b.set(r.replicate, r.summary[mo]);
  return pairedDifference(metric, a, b);
}
