// TEMPORARY STUB: being replaced by the real engine. Same signature.
import type { RunConfig, RunOptions, RunResult } from '../types.ts';
import { createRng } from './rng.ts';
import { METRICS, METRIC_IDS, summariseSeries } from './metrics.ts';

export function simulate(config: RunConfig, seed: number, replicate: number, options: RunOptions = {}): RunResult {
  const rng = createRng(seed);
  const weeks = config.weeks;
  const series = new Float64Array(METRICS.length * weeks);
  for (let m = 0; m < METRICS.length; m++) {
    let v = 0.5;
    for (let t = 0; t < weeks; t++) {
      v += (rng.next() - 0.5) * 0.02;
      series[m * weeks + t] = v;
    }
  }
  const summary = new Float64Array(METRICS.length);
  METRICS.forEach((d, m) => (summary[m] = summariseSeries(d, series, m * weeks, weeks)));
  void options;
  return { scenarioId: config.scenarioId, replicate, seed, weeks, metricIds: [...METRIC_IDS], series, summary, shocks: [], log: [] };
}
