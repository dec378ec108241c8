/** commsim compare A B…: scenarios with common random numbers, as paired differences against the first. */
import type { Command } from '../command.ts';
import { comparisonSpecs } from '../../node.ts';
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, yearsOpt } from '../options.ts';
import { formatOpt } from '../output.ts';
import { UsageError } from '../errors.ts';
import { baseMetadata, execute, loadConfig, withYears } from '../run-experiment.ts';

export const compare: Command = {
  name: 'compare',
  help: `Usage: commsim compare A B [C…] [options]

Runs replicate i of every scenario with the same seed (common random numbers) and the same draw of the
model's assumed coefficients, and reports, for each scenario
against the first, the mean paired difference of each metric with a 90% t-interval, the 5-95% range of the
paired differences, the share of replicates in which it does better, and the unpaired interval for reference.

Options: --runs N (default 100), --seed S, --years Y, --format table|json|csv (default table), --out PATH,
  --workers N, --shard i/n, --library DIR,
  ${RANGES_HELP}`,
  options: { ...RUNNING, ...RANGES, runs: { type: 'string' } },
  run: (args, o) => {
    if (args.length < 2)
      throw new UsageError(
        `commsim compare needs at least two scenarios, got ${args.length}. See 'commsim compare --help'.`,
      );
    const runs = intOpt(o, 'runs', 2) ?? 100;
    const seed = String(o.seed ?? '1');
    const format = formatOpt(o, 'table');
    const ranges = rangesOpt(o);
    const configs = args.map((a) => withYears(loadConfig(a, o), yearsOpt(o)));
    const specs = comparisonSpecs(configs, { runs, seed, ranges });
    const metadata = baseMetadata('compare', runs, seed, ranges, configs);
    return execute({ kind: 'compare', specs, series: false, format, metadata }, o);
  },
};
