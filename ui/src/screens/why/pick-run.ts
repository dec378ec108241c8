/** Choosing one run of an ensemble to look into. */
import type { EnsembleData } from '../../state/results.ts';

/** The replicate whose value of a metric in a week is closest to the runs' median there (null with no runs). */
export function runNearMedian(d: EnsembleData, metric: string, week: number): number | null {
  const m = d.metricIds.indexOf(metric);
  if (m < 0 || week < 0 || week >= d.weeks) return null;
  const vals = [...d.runs.values()]
    .map((r) => ({ r: r.replicate, v: r.series[m * d.weeks + week] }))
    .filter((x) => Number.isFinite(x.v))
    .sort((a, b) => a.v - b.v || a.r - b.r);
  if (vals.length === 0) return null;
  return vals[Math.floor((vals.length - 1) / 2)].r;
}
