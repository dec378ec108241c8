/**
 * commsim stress / sensitivity (and merging their shard files): the Node side of sim/analysis/stress.ts and
 * sensitivity-run.ts. Every failure a user can cause ends with a one-paragraph message and a non-zero exit code,
 * never a stack trace. Kept apart from main.ts, which only routes the commands here.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { METRIC_BY_ID } from '../node.ts';
import type { SimBackend } from '../node.ts';
import type { Library } from '../node.ts';
import { readStressSpecFile, SpecFileError, type StressSpec } from '../node.ts';
import { finalizeStress, runStress, stressTable, STRESS_SHARDS, type StressResult } from '../node.ts';
import { makeShardFile } from '../node.ts';
import {
  finalizeSensitivity, runSensitivity, sensitivityTable, SENSITIVITY_SHARDS, type SensitivityMethod, type SensitivityResult,
} from '../node.ts';
import { formatNumber } from '../node.ts';
import { toCsv } from '../node.ts';
import { emit, library, packageVersion, progressBar, reportError, shardOpt, stampDate, UsageError, withBackend, type Opts } from './common.ts';

type Kind = 'stress' | 'sensitivity';


export const STRESS_HELP: Record<string, string> = {
  stress: `Usage: commsim stress SPEC [options]

Runs the plan (and each alternative) of a stress-test spec across plausible futures: a Latin hypercube over
the spec's uncertainties, every approach with the same seeds in each future. Reports how often each approach
fails, where in the space of futures the plan fails (PRIM boxes in plain words, with the peeling trajectory),
and robustness across approaches (share of futures meeting thresholds, regret against the best).
SPEC is a stress-test YAML file (see docs/stress-testing.md and stress/*.yaml).

Options:
  --futures N           futures to sample (default: the spec's, else 100)
  --runs-per-future R   runs of each approach per future (default: the spec's, else 1)
  --seed S              experiment seed (default: the spec's, else 1)
  --years Y             horizon in years (default: the spec's, else the plan's)
  --format F            json (default: everything, with one row per future), csv (the rows) or table (summary)
  --out PATH            write to PATH instead of standard output
  --workers N           worker threads (default: one per core; 0 = run in this thread)
  --shard i/n           run only shard i of n and write a shard file (combine with commsim merge)
  --library DIR         scenario library folder (default: the shipped scenarios/)`,
  sensitivity: `Usage: commsim sensitivity SPEC [options]

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
};

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  library: { type: 'string' },
  seed: { type: 'string' },
  years: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
} as const;

const OPTIONS: Record<Kind, ParseArgsConfig['options']> = {
  stress: { ...COMMON, futures: { type: 'string' }, 'runs-per-future': { type: 'string' } },
  sensitivity: { ...COMMON, method: { type: 'string' }, trajectories: { type: 'string' }, samples: { type: 'string' }, runs: { type: 'string' }, metrics: { type: 'string' } },
};


function parse(command: Kind, argv: string[]): { opts: Opts; args: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS[command], allowPositionals: true, strict: true });
    return { opts: values as Opts, args: positionals };
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}. See 'commsim ${command} --help'.`);
  }
}

function intOpt(o: Opts, name: string, min: number, max = 10_000_000): number | undefined {
  const v = o[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${String(v)}'.`);
  return n;
}

type Format = 'json' | 'csv' | 'table';
function formatOpt(o: Opts): Format {
  const f = (o.format as string | undefined) ?? 'json';
  if (f !== 'json' && f !== 'csv' && f !== 'table') throw new UsageError(`--format must be json, csv or table, got '${f}'.`);
  return f;
}

/** Reads and checks a spec (sim/analysis/node-stress-spec.ts); a file that cannot be read is a usage error. */
function readSpec(file: string, lib: Library, years?: number): StressSpec {
  try {
    return readStressSpecFile(file, lib, years);
  } catch (e) {
    if (e instanceof SpecFileError) throw new UsageError(e.message, 1);
    throw e;
  }
}

function yearsOpt(o: Opts): number | undefined {
  if (o.years === undefined) return undefined;
  const y = Number(o.years);
  if (!Number.isFinite(y) || y <= 0 || y > 50) throw new UsageError(`--years must be a number above 0 and at most 50, got '${String(o.years)}'.`);
  return y;
}

/** Runs `work` on a backend chosen by --workers (in-thread for tiny jobs), with Ctrl-C cancelling. */
function withWorkers<T>(o: Opts, tasks: number, work: (backend: SimBackend, signal: AbortSignal) => Promise<T>): Promise<T> {
  return withBackend(o.workers === undefined ? (tasks < 4 ? 0 : undefined) : intOpt(o, 'workers', 0, 256), work);
}

/* ── rendering ───────────────────────────────────────────────────────────────────────────────────── */

const csv = (t: { columns: string[]; rows: unknown[][] }): string => toCsv([t.columns, ...t.rows]);
const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 1000) / 10}%` : '-');
const num = (x: number | undefined): string => (x !== undefined && Number.isFinite(x) ? formatNumber(x, 3) : '-');

function stressJson(result: StressResult, metadata: Record<string, unknown>): string {
  const h = result.header;
  const doc = {
    metadata,
    title: h.title,
    failure: result.failureText,
    uncertainties: h.uncertainties.map((u) => ({ id: u.id, path: u.path, label: u.label, dist: u.dist, min: u.min, max: u.max, base: u.base })),
    approaches: result.approaches,
    robustness: result.robustness,
    discovery: result.discovery,
    errors: result.errors,
    rows: result.rows.map((r) => ({
      future: r.future, seeds: r.seeds,
      inputs: Object.fromEntries(h.uncertainties.map((u, j) => [u.id, r.inputs[j]])),
      outcomes: Object.fromEntries(h.approaches.map((a, i) => {
        const o = r.outcomes[i];
        return [a.id, { failed: o.failed, failShare: o.failShare, runs: o.runs, conditions: o.conditions, metrics: Object.fromEntries(h.metrics.map((m, k) => [m, o.metrics[k]])) }];
      })),
    })),
  };
  return JSON.stringify(doc, null, 1) + '\n';
}

function stressSummary(result: StressResult): string {
  const h = result.header;
  const lines: string[] = [];
  lines.push(`${h.title}: ${h.futures} futures × ${h.runsPerFuture} run(s), ${h.weeks} weeks, seed ${h.seed}`);
  lines.push(`Failure: ${result.failureText}`);
  lines.push('', 'Failure rate by approach:');
  for (const a of result.approaches) {
    lines.push(`  ${a.id.padEnd(32)} ${pct(a.failureRate).padStart(6)}  (${a.futures} futures)`);
    for (const c of a.conditionRates) lines.push(`    ${pct(c.rate).padStart(6)}  ${c.condition}`);
  }
  if (result.robustness) {
    lines.push('', 'Robustness (rank 1 = best; share meeting every threshold, regret against the best approach per future):');
    for (const i of result.robustness.order) {
      const s = result.robustness.approaches[i];
      const regrets = Object.values(s.metrics).filter((m) => m.metricId !== 'no_failure').map((m) => `${m.metricId} max regret ${num(m.maxRegret)}`);
      lines.push(`  ${String(s.rank).padStart(2)}. ${s.approach.padEnd(32)} meets all ${pct(s.shareMeetingAll ?? NaN)}${regrets.length ? `; ${regrets.join('; ')}` : ''}`);
    }
  }
  lines.push('', 'Where it fails (PRIM scenario discovery):');
  for (const d of result.discovery) {
    if (d.note) lines.push(`  ${d.note}.`);
    else if (d.boxes.length === 0) lines.push(`  ${d.approach}: no region of the futures concentrates the failures (${d.failures} of ${d.futures} fail).`);
    else for (const b of d.boxes) lines.push(`  ${b.statement}.`);
  }
  if (result.errors.length) lines.push('', `${result.errors.length} run(s) failed; see the JSON output.`);
  return lines.join('\n') + '\n';
}

function sensitivitySummary(result: SensitivityResult): string {
  const h = result.header;
  const lines = [`${h.title}: ${h.method} on ${h.plan}, ${h.points} design points × ${h.runsPerPoint} run(s), ${h.weeks} weeks, seed ${h.seed}`];
  for (const m of result.metrics) {
    lines.push('', `${m.metric} (${METRIC_BY_ID.get(m.metric)?.label ?? ''})${m.note ? `: ${m.note}` : m.topClear ? '' : ' — top inputs not clearly separated; add trajectories or runs'}`);
    for (const r of m.ranking) lines.push(`  ${String(r.rank).padStart(2)}. ${r.uncertainty.padEnd(36)} ${h.method === 'morris' ? 'μ*' : 'ST'} ${num(r.importance)} [${num(r.low)}, ${num(r.high)}]`);
  }
  return lines.join('\n') + '\n';
}

/** A stress test's or sensitivity study's result as the user asked for it (also for merged shards). */
export function renderStudy(
  study: { kind: 'stress'; result: StressResult } | { kind: 'sensitivity'; result: SensitivityResult }, metadata: Record<string, unknown>, format: Format,
): string {
  if (study.kind === 'stress') {
    const r = study.result;
    return format === 'csv' ? csv(stressTable(r)) : format === 'table' ? stressSummary(r) : stressJson(r, metadata);
  }
  const r = study.result;
  return format === 'csv' ? csv(sensitivityTable(r)) : format === 'table' ? sensitivitySummary(r) : JSON.stringify({ metadata, ...r }, null, 1) + '\n';
}

/* ── commands ────────────────────────────────────────────────────────────────────────────────────── */

function metadataOf(kind: Kind, spec: StressSpec, header: Record<string, unknown>): Record<string, unknown> {
  return { tool: 'commsim', version: packageVersion(), command: kind, spec: spec.id, file: spec.file.replace(/^.*[\\/]/, ''), ...header };
}

async function cmdStress(argv: string[]): Promise<void> {
  const { opts: o, args } = parse('stress', argv);
  if (o.help) return void process.stdout.write(STRESS_HELP.stress + '\n');
  if (args.length !== 1) throw new UsageError(`commsim stress takes one spec file, got ${args.length}. See 'commsim stress --help'.`);
  const format = formatOpt(o);
  const shard = shardOpt(o);
  const futures = intOpt(o, 'futures', 1, 1_000_000);
  const runsPerFuture = intOpt(o, 'runs-per-future', 1, 1000);
  const spec = readSpec(args[0], library(o), yearsOpt(o));
  const seed = o.seed !== undefined ? String(o.seed) : undefined;
  const total = (futures ?? spec.futures) * (runsPerFuture ?? spec.runsPerFuture) * spec.approaches.length;
  let failures = 0;
  const partial = await withWorkers(o, total, (backend, signal) =>
    runStress(backend, spec, {
      futures, runsPerFuture, seed, shard, signal, onProgress: progressBar(),
      onError: (e) => {
        if (++failures <= 5) process.stderr.write(`run failed: future ${e.future}, ${e.approach}, replicate ${e.replicate}, seed ${e.seed}: ${e.error}\n`);
      },
    }),
  );
  const h = partial.header;
  const metadata = metadataOf('stress', spec, { seed: h.seed, futures: h.futures, runsPerFuture: h.runsPerFuture, weeks: h.weeks, approaches: h.approaches.map((a) => a.id) });
  if (shard) emit(JSON.stringify(makeShardFile(STRESS_SHARDS, shard, metadata, partial)) + '\n', o);
  else emit(renderStudy({ kind: 'stress', result: finalizeStress(partial) }, { ...metadata, date: stampDate() }, format), o);
  if (failures > 0) process.stderr.write(`${failures} run(s) failed; the results cover the others.\n`);
}

async function cmdSensitivity(argv: string[]): Promise<void> {
  const { opts: o, args } = parse('sensitivity', argv);
  if (o.help) return void process.stdout.write(STRESS_HELP.sensitivity + '\n');
  if (args.length !== 1) throw new UsageError(`commsim sensitivity takes one spec file, got ${args.length}. See 'commsim sensitivity --help'.`);
  const format = formatOpt(o);
  const shard = shardOpt(o);
  const method = ((o.method as string | undefined) ?? 'morris') as SensitivityMethod;
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method must be morris or sobol, got '${String(o.method)}'.`);
  if (method === 'morris' && o.samples !== undefined) throw new UsageError('--samples is for --method sobol; Morris takes --trajectories.');
  if (method === 'sobol' && o.trajectories !== undefined) throw new UsageError('--trajectories is for --method morris; Sobol takes --samples.');
  const size = method === 'morris' ? intOpt(o, 'trajectories', 2, 100_000) : intOpt(o, 'samples', 2, 1_000_000);
  const runsPerPoint = intOpt(o, 'runs', 1, 1000);
  let metrics: string[] | undefined;
  if (o.metrics !== undefined) {
    metrics = String(o.metrics).split(',').map((s) => s.trim()).filter(Boolean);
    const bad = metrics.filter((m) => !METRIC_BY_ID.has(m));
    if (bad.length || metrics.length === 0) throw new UsageError(`--metrics: unknown metric '${bad[0] ?? ''}'; 'commsim list' shows the metrics.`);
  }
  const spec = readSpec(args[0], library(o), yearsOpt(o));
  const seed = o.seed !== undefined ? String(o.seed) : undefined;
  const k = spec.uncertainties.length;
  const points = method === 'morris' ? (size ?? 10) * (k + 1) : (size ?? 64) * (k + 2);
  const partial = await withWorkers(o, points * (runsPerPoint ?? spec.runsPerFuture), (backend, signal) =>
    runSensitivity(backend, spec, { method, size, runsPerPoint, seed, metrics, shard, signal, onProgress: progressBar() }),
  );
  const h = partial.header;
  const metadata = metadataOf('sensitivity', spec, { seed: h.seed, method: h.method, size: h.size, points: h.points, runsPerPoint: h.runsPerPoint, weeks: h.weeks, metrics: h.metrics });
  if (shard) emit(JSON.stringify(makeShardFile(SENSITIVITY_SHARDS, shard, metadata, partial)) + '\n', o);
  else emit(renderStudy({ kind: 'sensitivity', result: finalizeSensitivity(partial) }, { ...metadata, date: stampDate() }, format), o);
  if (partial.errors.length) process.stderr.write(`${partial.errors.length} run(s) failed; the results cover the others.\n`);
}

/**
 * Entry point for main.ts: 'stress' or 'sensitivity'. Returns the exit code; never throws.
 */
export async function stressCommand(command: string, argv: string[]): Promise<number> {
  try {
    if (command === 'stress') await cmdStress(argv);
    else if (command === 'sensitivity') await cmdSensitivity(argv);
    else throw new UsageError(`unknown command '${command}'`);
    return 0;
  } catch (e) {
    return reportError(command, e);
  }
}
