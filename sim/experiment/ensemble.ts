/**
 * Ensembles: many runs of one configuration, spread over a backend and aggregated as they finish.
 *
 * Determinism. Results are identical whatever the number of workers, the order runs finish in, and how the
 * replicates were split across shards:
 *  - per-run rows are stored by replicate and all statistics over them are computed in replicate order;
 *  - weekly means: replicates are grouped in fixed blocks of `blockSize` (a function of the run count only);
 *    a block's sums are added in replicate order (each run as soon as every earlier run of its block is in),
 *    and block sums are added in block order at the end;
 *  - weekly quantiles come from log-binned histograms (stats.ts LogHistogram), whose counts only add.
 * Memory is bounded in the number of runs apart from the rows (runs × metrics numbers): only results that
 * arrive ahead of an earlier run of their block are buffered (about as many as runs in flight), block sums
 * number at most ~64, histograms are bounded by their bins, and series wait for the histograms in a buffer of at
 * most HIST_BATCH runs.
 * Weekly quantile bands are accurate to ±0.5% relative of a true order statistic; means are exact sums.
 * Per-run series are kept only when asked (keepRunSeries), as Float32.
 */
import type { RunConfig, RunOptions, RunResult } from '../types.ts';
import { runSeed } from '../core/random.ts';
import type { SimBackend } from '../backend/types.ts';
import { LogHistogram, summaryStats, type SummaryStats } from './stats.ts';
import { OUTCOME_EVENTS, detectOutcomeEvents, validateEvents, type OutcomeEventDef } from './outcome-events.ts';
import { runBatches, type PlannedTask, type RunProgress, type TaskBatch } from './batches.ts';
import { DEFAULT_RANGES, isRangeKind, type RangeKind } from './parameter-draws.ts';

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** What to run: one ensemble of one configuration. */
export interface EnsembleSpec {
  config: RunConfig;
  runs: number;
  /** experiment seed */
  seed: number | string;
  /** seed stream: replicate r runs with runSeed(seed, stream, r); default the scenario id. Same stream = common random numbers. */
  stream?: string;
  /** aggregate weekly bands (default true) */
  series?: boolean;
  /** keep per-run Float32 series: true for all runs, a number for the first N replicates */
  keepRunSeries?: boolean | number;
  events?: readonly OutcomeEventDef[];
  /** engine options (default { log: false }: logs are for single runs) */
  runOptions?: RunOptions;
  /**
   * what the ranges show (parameter-draws.ts): 'chance+parameters' (default), each replicate also drawing the
   * assumed coefficients (replicate r takes draw r in every ensemble of the experiment), or 'chance' (seeds only)
   */
  ranges?: RangeKind;
}

export interface ExecOptions {
  shard?: Shard;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onError?: (e: RunError) => void;
  /**
   * tasks handed to the backend at a time; default all of them, as one stream (a backend keeps every worker
   * busy within a batch, but waits for the slowest run at the end of each). Buffered results are bounded
   * either way.
   */
  window?: number;
}

export interface RunRow {
  replicate: number;
  seed: number;
  /** one value per metric, in metricIds order */
  summary: number[];
  /** 1/0 per event, in eventIds order */
  events: number[];
}

export interface RunError {
  replicate: number;
  seed: number;
  scenarioId: string;
  error: string;
}

export interface RunSeries {
  replicate: number;
  seed: number;
  /** metric-major: series[m * weeks + t] */
  series: Float32Array;
}

/** Mergeable state of an ensemble (or a shard of one): plain data, serialised in shard files. */
export interface EnsemblePartial {
  scenarioId: string;
  title: string;
  seed: string;
  stream: string;
  /** what the ranges show: chance and the assumed coefficients, or chance only */
  ranges: RangeKind;
  runs: number;
  weeks: number;
  metricIds: string[];
  blockSize: number;
  series: boolean;
  events: OutcomeEventDef[];
  rows: RunRow[];
  failures: RunError[];
  /** per complete block: sums over its runs of each metric-week (non-NaN values) */
  blocks: { index: number; sums: Float64Array }[];
  /** per metric-week (m * weeks + t) histogram, null without series */
  hist: LogHistogram[] | null;
  runSeries: RunSeries[];
}

export interface WeeklyBand {
  mean: Float64Array;
  p5: Float64Array;
  p25: Float64Array;
  p50: Float64Array;
  p75: Float64Array;
  p95: Float64Array;
}

export interface OutcomeProbability {
  id: string;
  label: string;
  /** share of completed runs in which it happened */
  probability: number;
  count: number;
  n: number;
}

export interface EnsembleResult {
  scenarioId: string;
  title: string;
  seed: string;
  stream: string;
  ranges: RangeKind;
  runs: number;
  completed: number;
  weeks: number;
  metricIds: string[];
  /** per-metric statistics of the run summaries */
  summaries: Record<string, SummaryStats>;
  events: OutcomeProbability[];
  rows: RunRow[];
  failures: RunError[];
  /** per-metric weekly bands; null unless series was asked */
  bands: Record<string, WeeklyBand> | null;
  runSeries: RunSeries[];
}

/** Block size: at least 16 replicates, and at most about 64 blocks however many runs. */
export function blockSizeFor(runs: number): number {
  return Math.max(16, Math.ceil(runs / 64));
}

/** The replicates a shard runs: whole blocks, dealt round-robin (block b goes to shard b mod count + 1). */
export function shardReplicates(runs: number, shard: Shard = { index: 1, count: 1 }): number[] {
  if (!(
    Number.isInteger(shard.count) &&
    shard.count >= 1 &&
    Number.isInteger(shard.index) &&
    shard.index >= 1 &&
    shard.index <= shard.count
  ))
    throw new Error(`bad shard ${shard.index}/${shard.count}: expected i/n with 1 ≤ i ≤ n`);
  const b = blockSizeFor(runs);
  const out: number[] = [];
  for (let block = shard.index - 1; block * b < runs; block += shard.count)
    for (let r = block * b; r < Math.min(runs, (block + 1) * b); r++) out.push(r);
  return out;
}

/** runs whose series wait to be added to the weekly histograms together (a buffer of 16 × 13,520 numbers for Midshire's 5 years) */
const HIST_BATCH = 16;

function keepCount(k: boolean | number | undefined, runs: number): number {
  return k === true ? runs : typeof k === 'number' ? Math.max(0, Math.floor(k)) : 0;
}

/** Folds results of one ensemble in whatever order they come. */
class EnsembleAccumulator {
  readonly partial: EnsemblePartial;
  private readonly keep: number;
  private readonly expected = new Map<number, number>();
  private readonly arrived = new Map<number, number>();
  /** per block being summed: its replicates in order, how many of them are summed, their sums so far */
  private readonly open = new Map<number, { replicates: number[]; next: number; sums: Float64Array | null }>();
  /** results (null: failed) that arrived before an earlier replicate of their block, by replicate */
  private readonly early = new Map<number, Float64Array | null>();
  private readonly rowsByReplicate = new Map<number, RunRow>();
  /** series not yet added to the histograms (pendingRuns of them, run after run) */
  private pending: Float64Array | null = null;
  private pendingRuns = 0;
  private readonly expectedRuns: number;

  constructor(
    readonly spec: EnsembleSpec,
    replicates: readonly number[],
  ) {
    const c = spec.config;
    const events = [...(spec.events ?? OUTCOME_EVENTS)];
    this.partial = {
      scenarioId: c.scenarioId,
      title: c.title,
      seed: String(spec.seed),
      stream: spec.stream ?? c.scenarioId,
      ranges: spec.ranges ?? DEFAULT_RANGES,
      runs: spec.runs,
      weeks: c.weeks,
      metricIds: [],
      blockSize: blockSizeFor(spec.runs),
      series: spec.series ?? true,
      events,
      rows: [],
      failures: [],
      blocks: [],
      hist: null,
      runSeries: [],
    };
    this.keep = keepCount(spec.keepRunSeries, spec.runs);
    this.expectedRuns = replicates.length;
    for (const r of replicates) {
      const b = Math.floor(r / this.partial.blockSize);
      this.expected.set(b, (this.expected.get(b) ?? 0) + 1);
    }
    if (this.partial.series) {
      for (const r of replicates) {
        const b = Math.floor(r / this.partial.blockSize);
        let o = this.open.get(b);
        if (!o) this.open.set(b, (o = { replicates: [], next: 0, sums: null }));
        o.replicates.push(r);
      }
      for (const o of this.open.values()) o.replicates.sort((x, y) => x - y);
    }
  }

  seedOf(replicate: number): number {
    return runSeed(this.partial.seed, this.partial.stream, replicate);
  }

  add(result: RunResult): void {
    const p = this.partial;
    if (p.metricIds.length === 0) {
      p.metricIds = [...result.metricIds];
      validateEvents(p.events, p.metricIds);
      if (p.series) p.hist = Array.from({ length: p.metricIds.length * p.weeks }, () => new LogHistogram());
    }
    if (result.weeks !== p.weeks || result.metricIds.length !== p.metricIds.length)
      throw new Error(
        `run ${result.replicate} returned ${result.weeks} weeks × ${result.metricIds.length} metrics, expected ${p.weeks} × ${p.metricIds.length}`,
      );
    this.rowsByReplicate.set(result.replicate, {
      replicate: result.replicate,
      seed: result.seed,
      summary: Array.from(result.summary),
      events: detectOutcomeEvents(p.events, p.metricIds, result.series, p.weeks),
    });
    if (result.replicate < this.keep)
      p.runSeries.push({ replicate: result.replicate, seed: result.seed, series: Float32Array.from(result.series) });
    if (p.series) {
      this.queueForHistograms(result.series);
      this.sum(result.replicate, result.series);
    }
    this.arrive(result.replicate);
  }

  /**
   * Series wait in a small buffer and go into the histograms HIST_BATCH runs at a time, metric-week by
   * metric-week: one histogram's bins are then touched HIST_BATCH times in a row instead of once per run among
   * some ten thousand others (about 3× less main-thread time; counts only add, so the result is the same).
   */
  private queueForHistograms(series: Float64Array): void {
    const n = series.length;
    this.pending ??= new Float64Array(n * Math.min(HIST_BATCH, Math.max(1, this.expectedRuns)));
    this.pending.set(series, this.pendingRuns * n);
    this.pendingRuns++;
    if ((this.pendingRuns + 1) * n > this.pending.length) this.flushHistograms();
  }

  private flushHistograms(): void {
    const hist = this.partial.hist;
    const buf = this.pending;
    if (!hist || !buf || this.pendingRuns === 0) return;
    const n = hist.length;
    for (let i = 0; i < n; i++) hist[i].addStrided(buf, i, n, this.pendingRuns);
    this.pendingRuns = 0;
  }

  fail(f: RunError): void {
    this.partial.failures.push(f);
    if (this.partial.series) this.sum(f.replicate, null);
    this.arrive(f.replicate);
  }

  /** Adds a run's series (null: it failed) to its block's sums, in replicate order: held back until its turn. */
  private sum(replicate: number, series: Float64Array | null): void {
    const o = this.open.get(Math.floor(replicate / this.partial.blockSize));
    if (!o) return;
    if (o.replicates[o.next] !== replicate) {
      this.early.set(replicate, series);
      return;
    }
    let s: Float64Array | null = series;
    for (;;) {
      if (s) {
        const sums = (o.sums ??= new Float64Array(s.length));
        for (let i = 0; i < s.length; i++) if (!Number.isNaN(s[i])) sums[i] += s[i];
      }
      o.next++;
      const r = o.replicates[o.next];
      if (r === undefined || !this.early.has(r)) return;
      s = this.early.get(r)!;
      this.early.delete(r);
    }
  }

  private arrive(replicate: number): void {
    const b = Math.floor(replicate / this.partial.blockSize);
    const n = (this.arrived.get(b) ?? 0) + 1;
    this.arrived.set(b, n);
    if (n === this.expected.get(b) && this.partial.series) this.closeBlock(b);
  }

  private closeBlock(b: number): void {
    const o = this.open.get(b);
    this.open.delete(b);
    const p = this.partial;
    // a block in which every run failed has zero sums (none at all if no run of the ensemble has finished yet)
    p.blocks.push({ index: b, sums: o?.sums ?? new Float64Array(p.metricIds.length * p.weeks) });
  }

  finish(): EnsemblePartial {
    this.flushHistograms();
    this.pending = null;
    const p = this.partial;
    p.rows = [...this.rowsByReplicate.values()].sort((a, b) => a.replicate - b.replicate);
    p.failures.sort((a, b) => a.replicate - b.replicate);
    p.blocks.sort((a, b) => a.index - b.index);
    p.runSeries.sort((a, b) => a.replicate - b.replicate);
    return p;
  }
}

/**
 * Runs several ensembles (e.g. the scenarios of a comparison or the points of a sweep) as one stream of tasks
 * on the backend, replicate by replicate, and returns their mergeable partial results.
 */
export async function runEnsembles(
  backend: SimBackend,
  specs: readonly EnsembleSpec[],
  exec: ExecOptions = {},
): Promise<EnsemblePartial[]> {
  const runs = specs.length ? specs[0].runs : 0;
  if (specs.some((s) => s.runs !== runs))
    throw new Error('all ensembles of one experiment must have the same number of runs');
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`runs must be a whole number ≥ 1, got ${runs}`);
  const ranges = specs.length ? (specs[0].ranges ?? DEFAULT_RANGES) : DEFAULT_RANGES;
  for (const s of specs) {
    const r = s.ranges ?? DEFAULT_RANGES;
    if (!isRangeKind(r)) throw new Error(`ranges must be 'chance+parameters' or 'chance', got '${String(r)}'`);
    // replicate i of every ensemble shares its draw: an experiment cannot mix kinds of range
    if (r !== ranges) throw new Error('all ensembles of one experiment must show the same kind of range');
  }
  const replicates = shardReplicates(runs, exec.shard);
  const accs = specs.map((s) => new EnsembleAccumulator(s, replicates));
  const tasks: { acc: number; task: PlannedTask }[] = [];
  for (const r of replicates)
    specs.forEach((s, a) =>
      tasks.push({
        acc: a,
        task: {
          config: s.config,
          seed: accs[a].seedOf(r),
          replicate: r,
          options: s.runOptions ?? { log: false },
          draw: { ranges, seed: accs[a].partial.seed, key: r },
        },
      }),
    );
  const window = Math.max(1, exec.window ?? tasks.length);
  function* batches(): Generator<TaskBatch<number>> {
    for (let start = 0; start < tasks.length; start += window) {
      const slice = tasks.slice(start, start + window);
      yield { tasks: slice.map((t) => t.task), meta: slice.map((t) => t.acc) };
    }
  }
  await runBatches(backend, batches(), {
    total: tasks.length,
    signal: exec.signal,
    onProgress: exec.onProgress,
    onResult: (acc, result) => accs[acc].add(result),
    onError: (acc, e) => {
      const f: RunError = { replicate: e.replicate, seed: e.seed, scenarioId: e.scenarioId, error: e.error };
      accs[acc].fail(f);
      exec.onError?.(f);
    },
  });
  return accs.map((a) => a.finish());
}

/** Combines partials of the same ensemble (shards) into one; the order of the arguments does not matter. */
export function mergePartials(parts: readonly EnsemblePartial[]): EnsemblePartial {
  if (parts.length === 0) throw new Error('nothing to merge');
  const first = parts[0];
  for (const p of parts) {
    for (const k of ['scenarioId', 'seed', 'stream', 'ranges', 'runs', 'weeks', 'blockSize', 'series'] as const)
      if (p[k] !== first[k]) throw new Error(`cannot merge: ${k} differs (${String(first[k])} vs ${String(p[k])})`);
  }
  const withMetrics = parts.find((p) => p.metricIds.length > 0);
  const metricIds = withMetrics ? withMetrics.metricIds : [];
  const rows = parts.flatMap((p) => p.rows).sort((a, b) => a.replicate - b.replicate);
  const failures = parts.flatMap((p) => p.failures).sort((a, b) => a.replicate - b.replicate);
  const seen = new Set<number>();
  for (const r of [...rows.map((x) => x.replicate), ...failures.map((x) => x.replicate)]) {
    if (seen.has(r)) throw new Error(`cannot merge: replicate ${r} appears twice (the same shard given twice?)`);
    seen.add(r);
  }
  let hist: LogHistogram[] | null = null;
  if (first.series && metricIds.length) {
    hist = Array.from({ length: metricIds.length * first.weeks }, () => new LogHistogram());
    for (const p of parts) if (p.hist) p.hist.forEach((h, i) => hist![i].merge(h));
  }
  return {
    ...first,
    metricIds,
    rows,
    failures,
    hist,
    blocks: parts.flatMap((p) => p.blocks).sort((a, b) => a.index - b.index),
    runSeries: parts.flatMap((p) => p.runSeries).sort((a, b) => a.replicate - b.replicate),
  };
}

const BAND_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Final statistics of a (merged) partial. */
export function finalizeEnsemble(p: EnsemblePartial): EnsembleResult {
  const summaries: Record<string, SummaryStats> = {};
  p.metricIds.forEach((id, m) => (summaries[id] = summaryStats(p.rows.map((r) => r.summary[m]))));
  const n = p.rows.length;
  const events = p.events.map((e, k) => {
    let count = 0;
    for (const r of p.rows) count += r.events[k];
    return { id: e.id, label: e.label, probability: n ? count / n : NaN, count, n };
  });
  let bands: Record<string, WeeklyBand> | null = null;
  if (p.series && p.hist) {
    const W = p.weeks;
    const total = new Float64Array(p.metricIds.length * W);
    // blocks in which every run failed carry no sums
    for (const b of p.blocks)
      if (b.sums.length === total.length) for (let i = 0; i < total.length; i++) total[i] += b.sums[i];
    bands = {};
    const q = new Float64Array(BAND_QUANTILES.length);
    p.metricIds.forEach((id, m) => {
      const band: WeeklyBand = {
        mean: new Float64Array(W),
        p5: new Float64Array(W),
        p25: new Float64Array(W),
        p50: new Float64Array(W),
        p75: new Float64Array(W),
        p95: new Float64Array(W),
      };
      for (let t = 0; t < W; t++) {
        const i = m * W + t;
        const h = p.hist![i];
        const c = h.count();
        band.mean[t] = c ? total[i] / c : NaN;
        h.quantiles(BAND_QUANTILES, q);
        band.p5[t] = q[0];
        band.p25[t] = q[1];
        band.p50[t] = q[2];
        band.p75[t] = q[3];
        band.p95[t] = q[4];
      }
      bands![id] = band;
    });
  }
  return {
    scenarioId: p.scenarioId,
    title: p.title,
    seed: p.seed,
    stream: p.stream,
    ranges: p.ranges,
    runs: p.runs,
    completed: n,
    weeks: p.weeks,
    metricIds: p.metricIds,
    summaries,
    events,
    rows: p.rows,
    failures: p.failures,
    bands,
    runSeries: p.runSeries,
  };
}

export interface EnsembleOptions extends Omit<EnsembleSpec, 'config'>, ExecOptions {}

/** Runs one ensemble and returns its statistics. */
export async function runEnsemble(
  backend: SimBackend,
  config: RunConfig,
  opts: EnsembleOptions,
): Promise<EnsembleResult> {
  const [partial] = await runEnsembles(backend, [{ ...opts, config }], opts);
  return finalizeEnsemble(mergePartials([partial]));
}

/** Values of one metric across the kept runSeries at week t (for exact checks and spaghetti plots). */
export function valuesAtWeek(result: EnsembleResult, metric: string, t: number): number[] {
  const m = result.metricIds.indexOf(metric);
  return result.runSeries.map((tr) => tr.series[m * result.weeks + t]);
}
