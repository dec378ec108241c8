/** commsim sensitivity SPEC: the spec's uncertain inputs ranked by their effect on outcomes (Morris or Sobol). */
import type { Command } from '../command.ts';
import {
  METRIC_BY_ID,
  finalizeSensitivity,
  makeShardFile,
  runSensitivity,
  sensitivityHeader,
  SENSITIVITY_SHARDS,
  type SensitivityMethod,
} from '../../node.ts';
import { library, progressBar, stampDate, withBackend } from '../common.ts';
import { UsageError } from '../errors.ts';
import { RUNNING, intOpt, shardOpt, workersOpt, yearsOpt } from '../options.ts';
import { emit, formatOpt } from '../output.ts';
import { renderStudy } from '../render-study.ts';
import { readSpec, studyMetadata } from '../study.ts';
import { FailedRuns } from '../failures.ts';

export const sensitivity: Command = {
  name: 'sensitivity',
  help: `Usage: commsim sensitivity SPEC [options]

Global sensitivity of the plan's outcomes to the spec's uncertainties. Each design point runs R times with the
same seeds (common random numbers); the output is the mean of each metric's run summary. Inputs are ranked per
metric with 95% bootstrap intervals: Morris μ* (elementary effects) or Sobol total index ST.

Options:
  --method M            morris (default; r (k+1) points) or sobol (n (k+2) points)
  --trajectories r      Morris trajectories (default 10)
  --samples n           Sobol base sample (default 64; a power of two is best)
  --runs R              runs per design point (default: the spec's runs_per_future, else 1)
  --metrics a,b         metrics to rank inputs for (default: the spec's metrics)
  --seed S, --years Y, --format json|csv|table (default json), --out PATH, --workers N, --shard i/n, --library DIR`,
  options: {
    ...RUNNING,
    method: { type: 'string' },
    trajectories: { type: 'string' },
    samples: { type: 'string' },
    runs: { type: 'string' },
    metrics: { type: 'string' },
  },
  run: async (args, o) => {
    if (args.length !== 1)
      throw new UsageError(
        `commsim sensitivity takes one spec file, got ${args.length}. See 'commsim sensitivity --help'.`,
      );
    const format = formatOpt(o, 'json');
    const shard = shardOpt(o);
    const method = ((o.method as string | undefined) ?? 'morris') as SensitivityMethod;
    if (method !== 'morris' && method !== 'sobol')
      throw new UsageError(`--method must be morris or sobol, got '${String(o.method)}'.`);
    if (method === 'morris' && o.samples !== undefined)
      throw new UsageError('--samples is for --method sobol; Morris takes --trajectories.');
    if (method === 'sobol' && o.trajectories !== undefined)
      throw new UsageError('--trajectories is for --method morris; Sobol takes --samples.');
    const size = method === 'morris' ? intOpt(o, 'trajectories', 2, 100_000) : intOpt(o, 'samples', 2, 1_000_000);
    const runsPerPoint = intOpt(o, 'runs', 1, 1000);
    let metrics: string[] | undefined;
    if (o.metrics !== undefined) {
      metrics = String(o.metrics)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = metrics.filter((m) => !METRIC_BY_ID.has(m));
      if (bad.length || metrics.length === 0)
        throw new UsageError(`--metrics: unknown metric '${bad[0] ?? ''}'; 'commsim list' shows the metrics.`);
    }
    const spec = readSpec(args[0], library(o), yearsOpt(o));
    const seed = o.seed !== undefined ? String(o.seed) : undefined;
    const planned = sensitivityHeader(spec, { method, size, runsPerPoint });
    const partial = await withBackend(workersOpt(o, planned.points * planned.runsPerPoint), (backend, signal) =>
      runSensitivity(backend, spec, {
        method,
        size,
        runsPerPoint,
        seed,
        metrics,
        shard,
        signal,
        onProgress: progressBar(),
      }),
    );
    const h = partial.header;
    const metadata = studyMetadata('sensitivity', spec, {
      seed: h.seed,
      method: h.method,
      size: h.size,
      points: h.points,
      runsPerPoint: h.runsPerPoint,
      weeks: h.weeks,
      metrics: h.metrics,
    });
    if (shard) emit(JSON.stringify(makeShardFile(SENSITIVITY_SHARDS, shard, metadata, partial)) + '\n', o);
    else
      emit(
        renderStudy(
          { kind: 'sensitivity', result: finalizeSensitivity(partial) },
          { ...metadata, date: stampDate() },
          format,
        ),
        o,
      );
    const failed = new FailedRuns();
    for (const e of partial.errors)
      failed.add(`design point ${e.point}, replicate ${e.replicate}, seed ${e.seed}: ${e.error}`);
    return failed.finish();
  },
};
