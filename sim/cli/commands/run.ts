/** commsim run FILE: an ensemble of one scenario, summarised. */
import type { Command } from '../command.ts';
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, yearsOpt } from '../options.ts';
import { formatOpt } from '../output.ts';
import { UsageError } from '../errors.ts';
import { baseMetadata, execute, loadConfig, withYears } from '../run-experiment.ts';

export const run: Command = {
  name: 'run',
  help: `Usage: commsim run FILE [options]

Runs N replicates of a scenario and prints per-metric summaries (mean, p5, p50, p95 of the runs' summaries),
event probabilities and one row per run with its seed.

Options:
  --runs N          replicates (default 100)
  --seed S          experiment seed (default 1); run r uses seed hash(S, scenario, r)
  ${RANGES_HELP}
  --years Y         horizon in years (default: the scenario's)
  --series          include weekly quantile bands (p5, p25, p50, p75, p95, mean)
  --format F        json (default), csv or table
  --out PATH        write to PATH instead of standard output
  --workers N       worker threads (default: one per core; 0 = run in this thread)
  --shard i/n       run only shard i of n and write a shard file (see commsim merge)
  --library DIR     scenario library folder (default: the shipped scenarios/)`,
  options: { ...RUNNING, ...RANGES, runs: { type: 'string' }, series: { type: 'boolean' } },
  run: (args, o) => {
    if (args.length !== 1)
      throw new UsageError(
        `commsim run takes one scenario (a file or a library id), got ${args.length}. See 'commsim run --help'.`,
      );
    const runs = intOpt(o, 'runs', 1) ?? 100;
    const seed = String(o.seed ?? '1');
    const format = formatOpt(o, 'json');
    const series = Boolean(o.series);
    const ranges = rangesOpt(o);
    const config = withYears(loadConfig(args[0], o), yearsOpt(o));
    const metadata = baseMetadata('run', runs, seed, ranges, [config], { series });
    return execute({ kind: 'ensemble', specs: [{ config, runs, seed, series, ranges }], series, format, metadata }, o);
  },
};
