/** commsim sweep FILE --param PATH --values …: ensembles over a grid of one or two paths (sim/experiment/paths.ts). */
import type { Command } from '../command.ts';
import { configRangeIssues, sweepSpecs, type SweepAxis } from '../../node.ts';
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, yearsOpt } from '../options.ts';
import { formatOpt } from '../output.ts';
import { UsageError } from '../errors.ts';
import { baseMetadata, execute, loadConfig, withYears } from '../run-experiment.ts';

/** --values: a list 1,2,3 or FROM:TO:COUNT (evenly spaced). */
function parseValues(text: string | undefined, flag: string): number[] {
  if (!text) throw new UsageError(`--${flag} is required: a list such as 0.8,1,1.2 or FROM:TO:COUNT.`);
  const range = /^\s*(-?[\d.e+-]+)\s*:\s*(-?[\d.e+-]+)\s*:\s*(\d+)\s*$/.exec(text);
  if (range) {
    const [a, b, n] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(a) || !Number.isFinite(b) || n < 2 || n > 1000)
      throw new UsageError(`--${flag} ${text}: FROM:TO:COUNT needs numbers and a COUNT from 2 to 1000.`);
    return Array.from({ length: n }, (_, i) => Number((a + ((b - a) * i) / (n - 1)).toPrecision(12)));
  }
  const vals = text.split(',').map((s) => s.trim());
  const nums = vals.map(Number);
  const bad = vals.filter((s, i) => s === '' || !Number.isFinite(nums[i]));
  if (bad.length)
    throw new UsageError(`--${flag}: '${bad[0]}' is not a number (expected e.g. 0.8,1,1.2 or 0.8:1.2:5).`);
  return nums;
}

export const sweep: Command = {
  name: 'sweep',
  help: `Usage: commsim sweep FILE --param PATH --values V1,V2,… [--param2 PATH --values2 …] [options]

Runs an ensemble at each value (or grid cell) of one or two parameters; every point shares seeds (and draws of
the assumed coefficients; a swept parameter is never drawn).
PATH addresses the resolved scenario: params.ID, initial.ID, levers.ID (all phases), phases[1].levers.ID,
events[0].share, place.people. Values: a list 1,2,3 or FROM:TO:COUNT (evenly spaced).

Options: --runs N (default 50), --seed S, --years Y, --format table|json|csv (default table), --out PATH,
  --workers N, --shard i/n, --library DIR,
  ${RANGES_HELP}`,
  options: {
    ...RUNNING,
    ...RANGES,
    runs: { type: 'string' },
    param: { type: 'string' },
    values: { type: 'string' },
    param2: { type: 'string' },
    values2: { type: 'string' },
  },
  run: (args, o) => {
    if (args.length !== 1)
      throw new UsageError(`commsim sweep takes one scenario, got ${args.length}. See 'commsim sweep --help'.`);
    if (!o.param)
      throw new UsageError(
        `commsim sweep needs --param PATH and --values V1,V2,… (e.g. --param levers.fee_level --values 0.9,1,1.1).`,
      );
    const axes: SweepAxis[] = [
      { path: String(o.param), values: parseValues(o.values as string | undefined, 'values') },
    ];
    if (o.param2)
      axes.push({ path: String(o.param2), values: parseValues(o.values2 as string | undefined, 'values2') });
    else if (o.values2) throw new UsageError('--values2 given without --param2.');
    const runs = intOpt(o, 'runs', 1) ?? 50;
    const seed = String(o.seed ?? '1');
    const format = formatOpt(o, 'table');
    const ranges = rangesOpt(o);
    const config = withYears(loadConfig(args[0], o), yearsOpt(o));
    let sw;
    try {
      sw = sweepSpecs(config, axes, { runs, seed, ranges });
    } catch (e) {
      throw new UsageError(`commsim sweep: ${(e as Error).message}`, 2);
    }
    // every point is checked against the schema's ranges, as a scenario file would be (what the swept values
    // break; --years has its own range)
    const already = new Set(configRangeIssues(config));
    const bad = sw.specs
      .map((spec, i) => ({
        point: sw.points[i],
        issues: configRangeIssues(spec.config).filter((x) => !already.has(x)),
      }))
      .filter((p) => p.issues.length > 0);
    if (bad.length)
      throw new UsageError(
        `commsim sweep: ${bad.length} of ${sw.specs.length} point(s) are outside what a scenario allows, so nothing was run:\n` +
          bad
            .slice(0, 5)
            .map(
              (p) =>
                `  at ${Object.entries(p.point)
                  .map(([k, v]) => `${k} = ${v}`)
                  .join(', ')}: ${p.issues[0]}`,
            )
            .join('\n'),
        2,
      );
    const metadata = baseMetadata('sweep', runs, seed, ranges, [config], { axes });
    return execute(
      { kind: 'sweep', specs: sw.specs, series: false, format, sweep: { axes, points: sw.points }, metadata },
      o,
    );
  },
};
