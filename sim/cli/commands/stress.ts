/** commsim stress SPEC: a plan and its alternatives across sampled futures; where it fails, how robust. */
import type { Command } from '../command.ts';
import { finalizeStress, makeShardFile, runStress, STRESS_SHARDS } from '../../node.ts';
import { library, progressBar, stampDate, withBackend } from '../common.ts';
import { UsageError } from '../errors.ts';
import { RANGES, RANGES_HELP, RUNNING, intOpt, rangesOpt, shardOpt, workersOpt, yearsOpt } from '../options.ts';
import { emit, formatOpt } from '../output.ts';
import { renderStudy } from '../render-study.ts';
import { readSpec, studyMetadata } from '../study.ts';
import { FailedRuns } from '../failures.ts';

export const stress: Command = {
  name: 'stress',
  help: `Usage: commsim stress SPEC [options]

Runs the plan (and each alternative) of a stress-test spec across plausible futures: a Latin hypercube over
the spec's uncertainties, every approach with the same seeds in each future. Reports how often each approach
fails, where in the space of futures the plan fails (PRIM boxes in plain words, with the peeling steps),
and robustness across approaches (share of futures meeting thresholds, regret against the best).
SPEC is a stress-test YAML file (see docs/stress-testing.md and stress/*.yaml).

Options:
  --futures N           futures to sample (default: the spec's, else 100)
  --runs-per-future R   runs of each approach per future (default: the spec's, else 1)
  --seed S              experiment seed (default: the spec's, else 1)
  ${RANGES_HELP}
                        (the spec's uncertainties are never drawn: they are the futures)
  --years Y             horizon in years (default: the spec's, else the plan's)
  --format F            json (default: everything, with one row per future), csv (the rows) or table (summary)
  --out PATH            write to PATH instead of standard output
  --workers N           worker threads (default: one per core; 0 = run in this thread)
  --shard i/n           run only shard i of n and write a shard file (combine with commsim merge)
  --library DIR         scenario library folder (default: the shipped scenarios/)`,
  options: { ...RUNNING, ...RANGES, futures: { type: 'string' }, 'runs-per-future': { type: 'string' } },
  run: async (args, o) => {
    if (args.length !== 1)
      throw new UsageError(`commsim stress takes one spec file, got ${args.length}. See 'commsim stress --help'.`);
    const format = formatOpt(o, 'json');
    const shard = shardOpt(o);
    const futures = intOpt(o, 'futures', 1, 1_000_000);
    const runsPerFuture = intOpt(o, 'runs-per-future', 1, 1000);
    const ranges = rangesOpt(o);
    const spec = readSpec(args[0], library(o), yearsOpt(o));
    const seed = o.seed !== undefined ? String(o.seed) : undefined;
    const total = (futures ?? spec.futures) * (runsPerFuture ?? spec.runsPerFuture) * spec.approaches.length;
    const failed = new FailedRuns();
    const partial = await withBackend(workersOpt(o, total), (backend, signal) =>
      runStress(backend, spec, {
        futures,
        runsPerFuture,
        seed,
        ranges,
        shard,
        signal,
        onProgress: progressBar(),
        onError: (e) =>
          failed.add(`future ${e.future}, ${e.approach}, replicate ${e.replicate}, seed ${e.seed}: ${e.error}`),
      }),
    );
    const h = partial.header;
    const metadata = studyMetadata('stress', spec, {
      seed: h.seed,
      futures: h.futures,
      runsPerFuture: h.runsPerFuture,
      ranges: h.ranges,
      weeks: h.weeks,
      approaches: h.approaches.map((a) => a.id),
    });
    if (shard) emit(JSON.stringify(makeShardFile(STRESS_SHARDS, shard, metadata, partial)) + '\n', o);
    else
      emit(
        renderStudy({ kind: 'stress', result: finalizeStress(partial) }, { ...metadata, date: stampDate() }, format),
        o,
      );
    return failed.finish();
  },
};
