/** Small helpers shared by the engine tests: configs built from the tables, and reading a run's metrics. */
import { simulate } from '../sim/model/simulate.ts';
import { runSeed } from '../sim/core/random.ts';
import { METRIC_INDEX } from '../sim/model/metrics.ts';
import { MIDSHIRE, SMALL_PLACE, statusQuoConfig } from '../sim/model/defaults.ts';
import type {
  InitialConditions,
  LeverValues,
  MetricId,
  Params,
  PlaceConfig,
  RunConfig,
  RunResult,
  SimEvent,
} from '../sim/types.ts';

export { SMALL_PLACE };

export interface Tweak {
  years?: number;
  place?: PlaceConfig;
  initial?: Partial<InitialConditions>;
  params?: Partial<Params>;
  levers?: LeverValues;
  events?: SimEvent[];
}

export function config(t: Tweak = {}): RunConfig {
  const c = statusQuoConfig(t.place ?? MIDSHIRE, t.years ?? 3);
  c.initial = { ...c.initial, ...t.initial };
  c.params = { ...c.params, ...t.params };
  c.phases = c.phases.map((ph) => ({ ...ph, levers: { ...ph.levers, ...t.levers } }));
  c.events = [...(t.events ?? [])].sort((a, b) => a.week - b.week);
  return c;
}

export function summaryOf(r: RunResult, metric: MetricId): number {
  return r.summary[METRIC_INDEX.get(metric)];
}

export function seriesOf(r: RunResult, metric: MetricId): Float64Array {
  const m = METRIC_INDEX.get(metric);
  return r.series.subarray(m * r.weeks, (m + 1) * r.weeks);
}

/** Mean of a summary metric over `runs` replicates on common random numbers. */
export function ensembleMean(c: RunConfig, metric: MetricId, runs = 4): number {
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += summaryOf(simulate(c, runSeed(7, 'mechanism', r), r, { log: false }), metric);
  return sum / runs;
}
