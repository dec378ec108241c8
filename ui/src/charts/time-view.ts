/**
 * How a time chart shows its weeks: each quarter's average of the weekly values (the default: weekly values are
 * jagged, with a step each April, and hide the trend a room is looking for), or the raw weekly values.
 *
 * A quarter is 13 weeks; quarter q holds weeks 13q to 13q + 12, and its point sits at its middle in time,
 * (q + 0.5) / 4 years from the start. Only full quarters are shown: the weeks after the last full quarter
 * (weeks % 13 of them, none in a whole number of years) are left out, and the caption says so.
 *
 * The ranges of the quarterly view are taken across runs of each run's own quarterly average (the range of what a
 * quarter's average could be), not the quarterly average of the weekly percentiles.
 */
import { bandAcross, type Band } from '../state/result-stats.ts';
import type { EnsembleData } from '../state/results.ts';

export type TimeView = 'quarterly' | 'weekly';

export const TIME_VIEWS: readonly { id: TimeView; label: string }[] = [
  { id: 'quarterly', label: 'Quarterly averages' },
  { id: 'weekly', label: 'Weekly (raw)' },
];

export const DEFAULT_TIME_VIEW: TimeView = 'quarterly';

export function isTimeView(v: unknown): v is TimeView {
  return v === 'quarterly' || v === 'weekly';
}

export const WEEKS_PER_QUARTER = 13;

/** The number of full quarters in `weeks` weeks (20 in five years). */
export function quarterCount(weeks: number): number {
  return Math.max(0, Math.floor(weeks / WEEKS_PER_QUARTER));
}

/** Weeks after the last full quarter, left out of the quarterly view. */
export function weeksLeftOver(weeks: number): number {
  return Math.max(0, weeks) - quarterCount(weeks) * WEEKS_PER_QUARTER;
}

/** The week a quarter's point names (its middle week: a click on it reads around this week). */
export function quarterWeek(q: number): number {
  return q * WEEKS_PER_QUARTER + Math.floor(WEEKS_PER_QUARTER / 2);
}

/** Where a quarter's point sits on an axis of years from the start: the middle of the quarter. */
export function quarterYear(q: number): number {
  return (q + 0.5) / 4;
}

/** "year 2, quarter 3" for quarter q (counted from 0). */
export function quarterName(q: number): string {
  return `year ${Math.floor(q / 4) + 1}, quarter ${(q % 4) + 1}`;
}

/**
 * Each full quarter's mean of a weekly series (the first `weeks` values, all of it when not given). Weeks without
 * a value (NaN) are left out of their quarter's mean; a quarter with no values at all is NaN.
 */
export function quarterlyMeans(series: ArrayLike<number>, weeks: number = series.length): Float64Array {
  const n = quarterCount(Math.min(weeks, series.length));
  const out = new Float64Array(n);
  for (let q = 0; q < n; q++) {
    let sum = 0;
    let k = 0;
    for (let t = q * WEEKS_PER_QUARTER; t < (q + 1) * WEEKS_PER_QUARTER; t++) {
      const v = series[t];
      if (Number.isFinite(v)) {
        sum += v;
        k++;
      }
    }
    out[q] = k ? sum / k : NaN;
  }
  return out;
}

/**
 * The quarterly band of an ensemble: each run's quarterly means, then the 5th, 25th, 50th, 75th and 95th
 * percentiles across runs, quarter by quarter. `weeks` of the result is the number of quarters (its points).
 */
export function quarterlyBand(runs: readonly ArrayLike<number>[], weeks: number): Band {
  return bandAcross(
    runs.map((r) => quarterlyMeans(r, weeks)),
    quarterCount(weeks),
  );
}

const quarterlyCache = new WeakMap<EnsembleData, Map<string, Band>>();

/** The quarterly band of one metric of an ensemble so far; kept until the ensemble grows (as bandOf). */
export function quarterlyBandOf(d: EnsembleData, metric: string): Band | null {
  const m = d.metricIds.indexOf(metric);
  if (m < 0 || d.runs.size === 0) return null;
  let cache = quarterlyCache.get(d);
  if (!cache) quarterlyCache.set(d, (cache = new Map()));
  const hit = cache.get(metric);
  if (hit && hit.n === d.runs.size) return hit;
  const W = d.weeks;
  const b = quarterlyBand(
    [...d.runs.values()].map((r) => r.series.subarray(m * W, (m + 1) * W)),
    W,
  );
  cache.set(metric, b);
  return b;
}

/** What a chart's lines and shading are, in the view chosen: the caption under the chart and in its PNG. */
export function timeViewSentence(view: TimeView, weeks: number | undefined): string {
  if (view === 'weekly') return 'Lines: the middle of the runs each week; shaded: where 50% and 90% of runs lie.';
  const left = weeks === undefined ? 0 : weeksLeftOver(weeks);
  const rest =
    left > 0
      ? ` The last ${left} week${left === 1 ? '' : 's'}, less than a full quarter, ${left === 1 ? 'is' : 'are'} not shown.`
      : '';
  return `Quarterly averages of weekly values; shaded: where 50% and 90% of runs lie.${rest}`;
}
