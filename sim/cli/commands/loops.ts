/**
 * commsim loops SCENARIO: the live loops of an ensemble (sim/analysis/live-loops.ts) — which links and loops of the
 * causal map carried the change, period by period.
 */
import type { Command } from '../command.ts';
import { CAUSAL_NODE_BY_ID, runLiveLoops, type LiveLoops } from '../../node.ts';

const label = (id: string): string => CAUSAL_NODE_BY_ID.get(id)?.label.toLowerCase() ?? id;
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, workersOpt, yearsOpt } from '../options.ts';
import { csvTable, emit, formatOpt, json } from '../output.ts';
import { UsageError } from '../errors.ts';
import { progressBar, stampDate, withBackend } from '../common.ts';
import { baseMetadata, loadConfig, withYears } from '../run-experiment.ts';

function table(r: LiveLoops, title: string): string {
  const out: string[] = [
    `Live loops: ${title} (mean of ${r.runs} run${r.runs === 1 ? '' : 's'})`,
    'Which loops of the causal map moved as a whole, period by period: co-movement along the declared links, a',
    "reading of where to look, not a proof of cause ('commsim explain' tests causes by switching them off).",
    '',
  ];
  for (const p of r.periods) {
    out.push(p.sentence);
    for (const l of p.loops.slice(1, 3))
      out.push(`  then: ${l.loop.polarity} ${l.loop.words} (${Math.round(l.share * 100)}%)`);
    const links = p.links
      .filter((l) => l.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 4);
    if (links.length)
      out.push(
        `  links that carried most: ${links.map((l) => `${label(l.from)} → ${label(l.to)} (${Math.round(l.share * 100)}%)`).join(', ')}`,
      );
  }
  return out.join('\n') + '\n';
}

export const loops: Command = {
  name: 'loops',
  help: `Usage: commsim loops SCENARIO [options]

Runs a scenario with the causal map's nodes recorded, averages its runs week by week, and says for each period
which loop of the map carried most change and which links carried it (docs/model.md 7.14a).

Options:
  --runs N          runs averaged (default 10)
  --period W        weeks in a period (default 52: a year)
  --seed S          experiment seed (default 1)
  ${RANGES_HELP}
  --years Y         horizon in years (default: the scenario's)
  --format F        table (default), json or csv (one row per period and link)
  --out PATH        write to PATH instead of standard output
  --workers N       worker threads (default: one per core; 0 = run in this thread)
  --library DIR     scenario library folder (default: the shipped scenarios/)`,
  options: { ...RUNNING, ...RANGES, runs: { type: 'string' }, period: { type: 'string' } },
  run: async (args, o) => {
    if (args.length !== 1)
      throw new UsageError(`commsim loops takes one scenario (a file or a library id), got ${args.length}.`);
    if (o.shard !== undefined) throw new UsageError('commsim loops does not run in shards: leave out --shard.');
    const runs = intOpt(o, 'runs', 1, 1000) ?? 10;
    const period = intOpt(o, 'period', 4, 2600) ?? 52;
    const seed = String(o.seed ?? '1');
    const ranges = rangesOpt(o);
    const format = formatOpt(o, 'table');
    const config = withYears(loadConfig(args[0], o), yearsOpt(o));
    const r = await withBackend(workersOpt(o, runs), (backend, signal) =>
      runLiveLoops(backend, config, { runs, seed, ranges, period, signal, onProgress: progressBar() }),
    );
    if (format === 'json') {
      const metadata = { ...baseMetadata('loops', runs, seed, ranges, [config], { period }), date: stampDate() };
      const { nodes: _nodes, ...rest } = r;
      void _nodes;
      emit(json({ metadata, ...rest }), o);
    } else if (format === 'csv')
      emit(
        csvTable({
          columns: ['from_week', 'to_week', 'link', 'sign', 'from_change', 'to_change', 'weight', 'share'],
          rows: r.periods.flatMap((p) =>
            p.links.map((l) => [p.from, p.to, l.link, l.sign, l.fromChange, l.toChange, l.weight, l.share]),
          ),
        }),
        o,
      );
    else emit(table(r, config.title), o);
    return 0;
  },
};
