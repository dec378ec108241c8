/**
 * commsim: the command-line front end. Every failure a user can cause (bad file, bad flag, bad scenario)
 * ends with a one-paragraph message and a non-zero exit code, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RunConfig } from '../node.ts';
import { METRICS } from '../node.ts';
import { runEnsembles, type EnsembleSpec } from '../node.ts';
import { comparisonSpecs } from '../node.ts';
import { sweepSpecs, type SweepAxis } from '../node.ts';
import { OUTCOME_EVENTS } from '../node.ts';
import { makeShardFile, parseShardFile, SHARD_KINDS, EXPERIMENT_SHARDS, type ExperimentKind } from '../node.ts';
import { mergeShards } from '../node.ts';
import { ScenarioError, loadScenario, scenarioFromLibrary, validateScenario, listApproaches, listInterventions, listPlaces, listScenarios } from '../node.ts';
import { render, type Format } from './format.ts';
import { stressCommand, renderStudy } from './stress-commands.ts';
import { emit, library, packageVersion, progressBar, reportError, shardOpt, stampDate, UsageError, withBackend, type Opts } from './common.ts';
export { UsageError } from './common.ts';


const HELP: Record<string, string> = {
  main: `commsim: commissioning flight simulator

Usage: commsim <command> [options]

Commands:
  run FILE        run an ensemble of one scenario and summarise it
  compare A B…    compare scenarios with common random numbers (paired differences)
  sweep FILE      run ensembles over a grid of one or two parameters
  validate FILE…  check scenario files; prints each error, exit 1 if any
  list            approaches, interventions, places, scenarios, metrics and events
  merge SHARD…    combine shard files (written with --shard i/n) into one result
  stress SPEC     run a plan and alternatives across sampled futures; where it fails, how robust
  sensitivity SPEC  rank uncertain inputs by their effect on outcomes (Morris or Sobol)

FILE may be a path to a scenario YAML file or the id of a library scenario.
Run 'commsim <command> --help' for a command's options.`,
  run: `Usage: commsim run FILE [options]

Runs N replicates of a scenario and prints per-metric summaries (mean, p5, p50, p95 of the runs' summaries),
event probabilities and one row per run with its seed.

Options:
  --runs N          replicates (default 100)
  --seed S          experiment seed (default 1); run r uses seed hash(S, scenario, r)
  --years Y         horizon in years (default: the scenario's)
  --series          include weekly quantile bands (p5, p25, p50, p75, p95, mean)
  --format F        json (default), csv or table
  --out PATH        write to PATH instead of standard output
  --workers N       worker threads (default: one per core; 0 = run in this thread)
  --shard i/n       run only shard i of n and write a shard file (see commsim merge)
  --library DIR     scenario library folder (default: the shipped scenarios/)`,
  compare: `Usage: commsim compare A B [C…] [options]

Runs replicate i of every scenario with the same seed (common random numbers) and reports, for each scenario
against the first, the mean paired difference of each metric with a 90% t-interval, the 5-95% range of the
paired differences, the share of replicates in which it does better, and the unpaired interval for reference.

Options: --runs N (default 100), --seed S, --years Y, --format table|json|csv (default table), --out PATH,
  --workers N, --shard i/n, --library DIR`,
  sweep: `Usage: commsim sweep FILE --param PATH --values V1,V2,… [--param2 PATH --values2 …] [options]

Runs an ensemble at each value (or grid cell) of one or two parameters; every point shares seeds.
PATH addresses the resolved scenario: params.ID, initial.ID, levers.ID (all phases), phases[1].levers.ID,
events[0].share, place.people. Values: a list 1,2,3 or FROM:TO:COUNT (evenly spaced).

Options: --runs N (default 50), --seed S, --years Y, --format table|json|csv (default table), --out PATH,
  --workers N, --shard i/n, --library DIR`,
  validate: `Usage: commsim validate FILE… [--library DIR]

Checks each scenario file against the format and the library; prints 'FILE: ok' or each error with its line.
Exit code 0 if all are valid, 1 otherwise.`,
  list: `Usage: commsim list [--library DIR]

Lists approaches, process interventions, places, shipped scenarios, metrics and events, one line each.`,
  merge: `Usage: commsim merge SHARD… [--out PATH] [--format json|csv|table]

Combines the shard files of one experiment (all of 1/n … n/n) into exactly the result a single machine would
have written (apart from metadata.date).`,
};


const COMMON = {
  help: { type: 'boolean', short: 'h' },
  library: { type: 'string' },
} as const;
const RUNNING = {
  ...COMMON,
  runs: { type: 'string' },
  seed: { type: 'string' },
  years: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
} as const;
const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  run: { ...RUNNING, series: { type: 'boolean' } },
  compare: RUNNING,
  sweep: { ...RUNNING, param: { type: 'string' }, values: { type: 'string' }, param2: { type: 'string' }, values2: { type: 'string' } },
  validate: COMMON,
  list: COMMON,
  merge: { help: COMMON.help, out: { type: 'string' }, format: { type: 'string' } },
};

function parse(command: string, argv: string[]): { opts: Opts; args: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS[command], allowPositionals: true, strict: true });
    return { opts: values as Opts, args: positionals };
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}. See 'commsim ${command} --help'.`);
  }
}

function intOpt(o: Opts, name: string, dflt: number, min: number, max = 10_000_000): number {
  const v = o[name];
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${String(v)}'.`);
  return n;
}

function formatOpt(o: Opts, dflt: Format): Format {
  const f = (o.format as string | undefined) ?? dflt;
  if (f !== 'json' && f !== 'csv' && f !== 'table') throw new UsageError(`--format must be json, csv or table, got '${f}'.`);
  return f;
}

/** FILE argument: a path to a YAML file, or a library scenario id. */
function loadConfig(arg: string, o: Opts): RunConfig {
  const lib = library(o);
  if (existsSync(arg)) {
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read '${arg}': ${(e as Error).message}`, 1);
    }
    return loadScenario(text, arg, lib).config;
  }
  if (lib.scenarios.has(arg)) return scenarioFromLibrary(arg, lib).config;
  const known = [...lib.scenarios.keys()].sort();
  throw new UsageError(`'${arg}' is neither a file nor a library scenario id${known.length ? ` (library scenarios: ${known.join(', ')})` : ''}.`, 1);
}

function withYears(config: RunConfig, o: Opts): RunConfig {
  const y = o.years;
  if (y === undefined) return config;
  const years = Number(y);
  if (!Number.isFinite(years) || years <= 0 || years > 50) throw new UsageError(`--years must be a number above 0 and at most 50, got '${String(y)}'.`);
  return { ...config, weeks: Math.max(1, Math.round(years * 52)) };
}

function parseValues(text: string | undefined, flag: string): number[] {
  if (!text) throw new UsageError(`--${flag} is required: a list such as 0.8,1,1.2 or FROM:TO:COUNT.`);
  const range = /^\s*(-?[\d.e+-]+)\s*:\s*(-?[\d.e+-]+)\s*:\s*(\d+)\s*$/.exec(text);
  if (range) {
    const [a, b, n] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(a) || !Number.isFinite(b) || n < 2 || n > 1000) throw new UsageError(`--${flag} ${text}: FROM:TO:COUNT needs numbers and a COUNT from 2 to 1000.`);
    return Array.from({ length: n }, (_, i) => Number((a + ((b - a) * i) / (n - 1)).toPrecision(12)));
  }
  const vals = text.split(',').map((s) => s.trim());
  const nums = vals.map(Number);
  const bad = vals.filter((s, i) => s === '' || !Number.isFinite(nums[i]));
  if (bad.length) throw new UsageError(`--${flag}: '${bad[0]}' is not a number (expected e.g. 0.8,1,1.2 or 0.8:1.2:5).`);
  return nums;
}

interface Experiment {
  kind: ExperimentKind;
  specs: EnsembleSpec[];
  metadata: Record<string, unknown>;
  sweep?: { axes: SweepAxis[]; points: Record<string, number>[] };
  series: boolean;
  format: Format;
}

/** Runs an experiment (or one shard of it) on a backend, with Ctrl-C cancelling and terminating workers. */
async function execute(exp: Experiment, o: Opts): Promise<void> {
  const shard = shardOpt(o);
  const tasks = exp.specs.length * exp.specs[0].runs;
  const workers = o.workers === undefined ? (tasks < 4 ? 0 : undefined) : intOpt(o, 'workers', 0, 0, 256);
  await withBackend(workers, async (backend, signal) => {
    let failures = 0;
    const partials = await runEnsembles(backend, exp.specs, {
      shard, signal, onProgress: progressBar(),
      onError: (f) => {
        failures++;
        if (failures <= 5) process.stderr.write(`run failed: scenario ${f.scenarioId}, replicate ${f.replicate}, seed ${f.seed}: ${f.error}\n`);
      },
    });
    const kind = EXPERIMENT_SHARDS[exp.kind];
    const partial = exp.sweep ? { partials, sweep: exp.sweep } : { partials };
    if (shard) {
      emit(JSON.stringify(makeShardFile(kind, shard, exp.metadata, partial)) + '\n', o);
    } else {
      const result = kind.finalize(kind.merge([partial]));
      emit(render(result, { ...exp.metadata, date: stampDate() }, { format: exp.format, series: exp.series }), o);
    }
    if (failures > 0) process.stderr.write(`${failures} run(s) failed; the results cover the others.\n`);
  });
}

function baseMetadata(command: string, o: Opts, runs: number, seed: string, configs: RunConfig[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tool: 'commsim', version: packageVersion(), command,
    scenario: configs.length === 1 ? configs[0].scenarioId : configs.map((c) => c.scenarioId),
    seed, runs, weeks: configs[0].weeks, ...extra,
  };
}

async function cmdRun(argv: string[]): Promise<void> {
  const { opts: o, args } = parse('run', argv);
  if (o.help) return void process.stdout.write(HELP.run + '\n');
  if (args.length !== 1) throw new UsageError(`commsim run takes one scenario (a file or a library id), got ${args.length}. See 'commsim run --help'.`);
  const runs = intOpt(o, 'runs', 100, 1);
  const seed = String(o.seed ?? '1');
  const format = formatOpt(o, 'json');
  const series = Boolean(o.series);
  const config = withYears(loadConfig(args[0], o), o);
  const spec: EnsembleSpec = { config, runs, seed, series };
  await execute({ kind: 'ensemble', specs: [spec], series, format, metadata: baseMetadata('run', o, runs, seed, [config], { series }) }, o);
}

async function cmdCompare(argv: string[]): Promise<void> {
  const { opts: o, args } = parse('compare', argv);
  if (o.help) return void process.stdout.write(HELP.compare + '\n');
  if (args.length < 2) throw new UsageError(`commsim compare needs at least two scenarios, got ${args.length}. See 'commsim compare --help'.`);
  const runs = intOpt(o, 'runs', 100, 2);
  const seed = String(o.seed ?? '1');
  const format = formatOpt(o, 'table');
  const configs = args.map((a) => withYears(loadConfig(a, o), o));
  const specs = comparisonSpecs(configs, { runs, seed });
  await execute({ kind: 'compare', specs, series: false, format, metadata: baseMetadata('compare', o, runs, seed, configs) }, o);
}

async function cmdSweep(argv: string[]): Promise<void> {
  const { opts: o, args } = parse('sweep', argv);
  if (o.help) return void process.stdout.write(HELP.sweep + '\n');
  if (args.length !== 1) throw new UsageError(`commsim sweep takes one scenario, got ${args.length}. See 'commsim sweep --help'.`);
  if (!o.param) throw new UsageError(`commsim sweep needs --param PATH and --values V1,V2,… (e.g. --param levers.fee_level --values 0.9,1,1.1).`);
  const axes: SweepAxis[] = [{ path: String(o.param), values: parseValues(o.values as string | undefined, 'values') }];
  if (o.param2) axes.push({ path: String(o.param2), values: parseValues(o.values2 as string | undefined, 'values2') });
  else if (o.values2) throw new UsageError('--values2 given without --param2.');
  const runs = intOpt(o, 'runs', 50, 1);
  const seed = String(o.seed ?? '1');
  const format = formatOpt(o, 'table');
  const config = withYears(loadConfig(args[0], o), o);
  let sw;
  try {
    sw = sweepSpecs(config, axes, { runs, seed });
  } catch (e) {
    throw new UsageError(`commsim sweep: ${(e as Error).message}`, 2);
  }
  await execute({ kind: 'sweep', specs: sw.specs, series: false, format, sweep: { axes, points: sw.points }, metadata: baseMetadata('sweep', o, runs, seed, [config], { axes }) }, o);
}

async function cmdValidate(argv: string[]): Promise<number> {
  const { opts: o, args } = parse('validate', argv);
  if (o.help) return void process.stdout.write(HELP.validate + '\n'), 0;
  if (args.length === 0) throw new UsageError(`commsim validate needs at least one file. See 'commsim validate --help'.`);
  const lib = library(o);
  let bad = 0;
  for (const file of args) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      bad++;
      process.stdout.write(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      continue;
    }
    const issues = validateScenario(text, file, lib);
    if (issues.length === 0) process.stdout.write(`${file}: ok\n`);
    else {
      bad++;
      process.stdout.write(new ScenarioError(issues).message.split('\n').slice(1).join('\n') + '\n');
    }
  }
  return bad ? 1 : 0;
}

function cmdList(argv: string[]): void {
  const { opts: o } = parse('list', argv);
  if (o.help) return void process.stdout.write(HELP.list + '\n');
  const lib = library(o);
  const section = (title: string, rows: [string, string][]): string => {
    const w = Math.max(0, ...rows.map((r) => r[0].length));
    return `${title}\n${rows.length ? rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`).join('\n') : '  (none)'}\n`;
  };
  process.stdout.write([
    section('Approaches', listApproaches(lib).map((a) => [a.id, `${a.name}: ${a.defines}`])),
    section('Interventions', listInterventions(lib).map((i) => [i.id, i.name])),
    section('Places', listPlaces(lib).map((p) => [p.id, `${p.name} (${p.config.people} people, ${p.config.workers} workers, ${p.config.providers} providers)`])),
    section('Scenarios', listScenarios(lib).map((s) => [s.id, s.title])),
    section('Metrics', METRICS.map((m) => [m.id, `${m.meaning} [${m.unit}]`])),
    section('Outcome events (probabilities reported by run)', OUTCOME_EVENTS.map((e) => [e.id, e.label])),
  ].join('\n'));
}

function cmdMerge(argv: string[]): void {
  const { opts: o, args } = parse('merge', argv);
  if (o.help) return void process.stdout.write(HELP.merge + '\n');
  if (args.length === 0) throw new UsageError(`commsim merge needs the shard files. See 'commsim merge --help'.`);
  const files = args.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read '${name}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 1);
    }
    try {
      return { name, file: parseShardFile(text, name, SHARD_KINDS) };
    } catch (e) {
      throw new UsageError((e as Error).message, 1);
    }
  });
  let merged;
  try {
    merged = mergeShards(files, SHARD_KINDS);
  } catch (e) {
    throw new UsageError(`cannot merge: ${(e as Error).message}`, 1);
  }
  const metadata = { ...merged.metadata, date: stampDate() };
  if (merged.kind === 'stress' || merged.kind === 'sensitivity') return void emit(renderStudy(merged, metadata, formatOpt(o, 'json')), o);
  const dflt: Format = merged.kind === 'ensemble' ? 'json' : 'table';
  emit(render(merged.result, metadata, { format: formatOpt(o, dflt), series: merged.metadata.series === true }), o);
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP.main + '\n');
        return command === undefined ? 2 : 0;
      case 'run':
        await cmdRun(rest);
        return 0;
      case 'compare':
        await cmdCompare(rest);
        return 0;
      case 'sweep':
        await cmdSweep(rest);
        return 0;
      case 'validate':
        return await cmdValidate(rest);
      case 'list':
        cmdList(rest);
        return 0;
      case 'stress':
      case 'sensitivity':
        return await stressCommand(command, rest);
      case 'merge':
        cmdMerge(rest);
        return 0;
      case '--version':
      case '-v':
        process.stdout.write(packageVersion() + '\n');
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'. Commands: run, compare, sweep, validate, list, merge. See 'commsim --help'.`);
    }
  } catch (e) {
    return reportError(command, e);
  }
}
