/**
 * What commsim run, compare and sweep share: reading a scenario argument, running an experiment (or one shard
 * of it) on a backend with progress and Ctrl-C, and writing its result or its shard file.
 */
import { existsSync } from 'node:fs';
import type { RangeKind, RunConfig } from '../node.ts';
import { loadScenario, scenarioFromLibrary } from '../node.ts';
import { runEnsembles, type EnsembleSpec } from '../node.ts';
import { EXPERIMENT_SHARDS, makeShardFile, type ExperimentKind, type SweepGrid } from '../node.ts';
import { library, packageVersion, progressBar, readText, stampDate, withBackend } from './common.ts';
import { UsageError } from './errors.ts';
import { shardOpt, weeksOf, workersOpt, type Opts } from './options.ts';
import { emit, type Format } from './output.ts';
import { renderExperiment } from './render-experiment.ts';
import { FailedRuns } from './failures.ts';

/** FILE argument: a path to a YAML file, or a library scenario id. */
export function loadConfig(arg: string, o: Opts): RunConfig {
  const lib = library(o);
  if (existsSync(arg)) return loadScenario(readText(arg), arg, lib).config;
  if (lib.scenarios.has(arg)) return scenarioFromLibrary(arg, lib).config;
  const known = [...lib.scenarios.keys()].sort();
  throw new UsageError(
    `'${arg}' is neither a file nor a library scenario id${known.length ? ` (library scenarios: ${known.join(', ')})` : ''}.`,
    1,
  );
}

/** The configuration with a horizon of `years` (--years), if given. */
export function withYears(config: RunConfig, years: number | undefined): RunConfig {
  return years === undefined ? config : { ...config, weeks: weeksOf(years) };
}

export function baseMetadata(
  command: string,
  runs: number,
  seed: string,
  ranges: RangeKind,
  configs: RunConfig[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    tool: 'commsim',
    version: packageVersion(),
    command,
    scenario: configs.length === 1 ? configs[0].scenarioId : configs.map((c) => c.scenarioId),
    seed,
    ranges,
    runs,
    weeks: configs[0].weeks,
    ...extra,
  };
}

export interface Experiment {
  kind: ExperimentKind;
  specs: EnsembleSpec[];
  metadata: Record<string, unknown>;
  sweep?: SweepGrid;
  series: boolean;
  format: Format;
}

/** Runs an experiment (or one shard of it) on a backend, with Ctrl-C cancelling and terminating workers. */
export async function execute(exp: Experiment, o: Opts): Promise<number> {
  const shard = shardOpt(o);
  const workers = workersOpt(o, exp.specs.length * exp.specs[0].runs);
  const failed = new FailedRuns();
  await withBackend(workers, async (backend, signal) => {
    const partials = await runEnsembles(backend, exp.specs, {
      shard,
      signal,
      onProgress: progressBar(),
      onError: (f) => failed.add(`scenario ${f.scenarioId}, replicate ${f.replicate}, seed ${f.seed}: ${f.error}`),
    });
    const kind = EXPERIMENT_SHARDS[exp.kind];
    const partial = exp.sweep ? { partials, sweep: exp.sweep } : { partials };
    if (shard) emit(JSON.stringify(makeShardFile(kind, shard, exp.metadata, partial)) + '\n', o);
    else {
      const result = kind.finalize(kind.merge([partial]));
      emit(
        renderExperiment(result, { ...exp.metadata, date: stampDate() }, { format: exp.format, series: exp.series }),
        o,
      );
    }
  });
  return failed.finish();
}
