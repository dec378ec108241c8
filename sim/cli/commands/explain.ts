/**
 * commsim explain A [B]: what drove the difference in an outcome between two scenarios (or a scenario and its own
 * start), by switching off one mechanism or one lever group at a time on common random numbers (sim/analysis/explain.ts).
 */
import type { Command } from '../command.ts';
import {
  METRIC_IDS,
  MECHANISMS,
  didYouMean,
  explainTable,
  isMetricId,
  runExplain,
  startOf,
  type ExplainBy,
  type ExplainResult,
} from '../../node.ts';
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, workersOpt, yearsOpt } from '../options.ts';
import { csvTable, emit, formatOpt, json } from '../output.ts';
import { UsageError } from '../errors.ts';
import { progressBar, stampDate, withBackend } from '../common.ts';
import { baseMetadata, loadConfig, withYears } from '../run-experiment.ts';

const BY: readonly ExplainBy[] = ['mechanisms', 'groups', 'both'];

function csv(r: ExplainResult): string {
  const rows: (string | number)[][] = [];
  const put = (
    kind: string,
    id: string,
    label: string,
    p: { mean: number; low: number; high: number; p5: number; p95: number },
    share: number,
  ): void => void rows.push([kind, id, label, p.mean, share, p.low, p.high, p.p5, p.p95]);
  put('difference', r.outcome, `${r.otherId} − ${r.baseId}`, r.difference, 1);
  for (const b of [r.mechanisms, r.groups]) for (const p of b?.parts ?? []) put(p.kind, p.id, p.label, p, p.share);
  return csvTable({ columns: ['kind', 'id', 'label', 'part', 'share', 'low90', 'high90', 'p5', 'p95'], rows });
}

export const explain: Command = {
  name: 'explain',
  help: `Usage: commsim explain A [B] --outcome METRIC [options]

What drove the difference in an outcome between scenario B and baseline A (with one scenario: between it and
the place kept as it started, with no changes and no events). Every run is repeated with one thing switched
off at a time: a mechanism (its strength parameter at 0, in both scenarios), a group of B's levers (money,
structure, relational, monitoring) set back to A's, or one of B's events that A lacks left out. Replicate i of
every arm shares its seed and its draw of the assumed coefficients (common random numbers). Each part is the
difference less the difference without it, with a 90% interval and the 5–95% range run by run; the remainder
(acting together, and what no single switch covers) makes the parts add up to the whole difference.

Options:
  --outcome METRIC  the outcome to explain (default wellbeing_mean; 'commsim list metrics' lists them)
  --by K            mechanisms, groups or both (default both)
  --year N          explain year N of the run only (default: the whole run, as the metric summarises it)
  --runs N          paired replicates (default 20); each runs ${MECHANISMS.length * 2 + 6} arms with --by both
  --seed S          experiment seed (default 1)
  ${RANGES_HELP}
  --years Y         horizon in years (default: the scenarios')
  --format F        table (default), json or csv
  --out PATH        write to PATH instead of standard output
  --workers N       worker threads (default: one per core; 0 = run in this thread)
  --library DIR     scenario library folder (default: the shipped scenarios/)`,
  options: {
    ...RUNNING,
    ...RANGES,
    runs: { type: 'string' },
    outcome: { type: 'string' },
    by: { type: 'string' },
    year: { type: 'string' },
  },
  run: async (args, o) => {
    if (args.length < 1 || args.length > 2)
      throw new UsageError(
        `commsim explain takes one or two scenarios (a baseline A and a scenario B, or one scenario against its own start), got ${args.length}. See 'commsim explain --help'.`,
      );
    if (o.shard !== undefined) throw new UsageError('commsim explain does not run in shards: leave out --shard.');
    const outcome = String(o.outcome ?? 'wellbeing_mean');
    if (!isMetricId(outcome)) {
      const hint = didYouMean(outcome, METRIC_IDS, { quote: "'" });
      throw new UsageError(
        `--outcome: '${outcome}' is not an outcome metric${hint ? `; ${hint}` : ''} ('commsim list metrics' lists them).`,
      );
    }
    const by = String(o.by ?? 'both') as ExplainBy;
    if (!BY.includes(by)) throw new UsageError(`--by must be ${BY.join(', ')}, got '${by}'.`);
    const runs = intOpt(o, 'runs', 2) ?? 20;
    const seed = String(o.seed ?? '1');
    const format = formatOpt(o, 'table');
    const ranges = rangesOpt(o);
    const years = yearsOpt(o);
    const other = withYears(loadConfig(args[args.length - 1], o), years);
    const base = args.length === 2 ? withYears(loadConfig(args[0], o), years) : startOf(other);
    if (base.weeks !== other.weeks)
      throw new UsageError(
        `the two scenarios run for different horizons (${base.weeks} and ${other.weeks} weeks): give --years to compare them over the same years.`,
      );
    const year = intOpt(o, 'year', 1, 50);
    if (year !== undefined && year * 52 > other.weeks)
      throw new UsageError(`--year ${year} is past the end of the run (${Math.floor(other.weeks / 52)} years).`);
    const period = year === undefined ? undefined : { from: (year - 1) * 52, to: year * 52 };
    const arms =
      2 + (by === 'groups' ? 0 : 2 * MECHANISMS.length) + (by === 'mechanisms' ? 0 : 4 + other.events.length);
    const result = await withBackend(workersOpt(o, arms * runs), (backend, signal) =>
      runExplain(
        backend,
        { outcome, base, other, runs, seed, ranges, by, period },
        { signal, onProgress: progressBar() },
      ),
    );
    const metadata = {
      ...baseMetadata('explain', runs, seed, ranges, [base, other], { outcome, by, year: year ?? null }),
      date: stampDate(),
    };
    if (format === 'json') emit(json({ metadata, result }), o);
    else if (format === 'csv') emit(csv(result), o);
    else emit(explainTable(result) + '\n', o);
    return 0;
  },
};
