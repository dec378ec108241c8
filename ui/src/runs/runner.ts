/**
 * Runs ensembles on the worker pool (never on the main thread) and keeps their results by configuration, so
 * a lever change re-runs only the scenario that changed. Seeds are those of the CLI's `compare`
 * (runSeed(seed, 'compare', replicate)): replicate r of every scenario shares its random numbers, so the
 * differences are paired. Results arrive one by one and the caller redraws from partial ensembles.
 */
import { WorkerPoolBackend } from '../../../sim/index.ts';
import { isAbortError, type RunTask, type SimBackend } from '../../../sim/index.ts';
import { runSeed } from '../../../sim/index.ts';
import { COMPARE_STREAM } from '../../../sim/index.ts';
import type { RunConfig, RunResult } from '../../../sim/index.ts';

export interface RunLite {
  replicate: number;
  seed: number;
  summary: Float64Array;
  series: Float64Array;
}

export interface EnsembleData {
  hash: string;
  weeks: number;
  metricIds: string[];
  runs: Map<number, RunLite>;
}

/** FNV-1a over the JSON of a config, two lanes: a cache key, not a security hash. */
export function configHash(config: RunConfig, seed: string): string {
  const s = `${__ENGINE_ID__}|${seed}|${JSON.stringify(config)}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
}

/** workers to start: one per core, at most eight */
export function workerCount(): number {
  return Math.max(1, Math.min(8, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2));
}

let overviewPoolPromise: Promise<SimBackend> | undefined;
/** The overview of all approaches runs on its own pool, so it and the comparison can be cancelled separately. */
export function overviewPool(): Promise<SimBackend> {
  overviewPoolPromise ??= WorkerPoolBackend.create({ size: workerCount() });
  return overviewPoolPromise;
}

let tracePoolPromise: Promise<SimBackend> | undefined;
/** A separate one-worker pool for single traced runs, so cancelling a comparison does not stop playback. */
export function tracePool(): Promise<SimBackend> {
  tracePoolPromise ??= WorkerPoolBackend.create({ size: 1 });
  return tracePoolPromise;
}

const MAX_CONFIGS = 60;

export class ResultStore {
  private data = new Map<string, EnsembleData>();
  private touched = new Map<string, number>();
  private clock = 0;

  get(hash: string): EnsembleData | undefined {
    const d = this.data.get(hash);
    if (d) this.touched.set(hash, ++this.clock);
    return d;
  }

  /** keep one run's result (only what the charts, tables and exports use) */
  put(hash: string, result: RunResult): EnsembleData {
    let d = this.data.get(hash);
    if (!d) {
      d = { hash, weeks: result.weeks, metricIds: result.metricIds, runs: new Map() };
      this.data.set(hash, d);
      this.prune();
    }
    const { replicate, seed, summary, series } = result;
    d.runs.set(replicate, { replicate, seed, summary, series });
    this.touched.set(hash, ++this.clock);
    return d;
  }

  adopt(d: EnsembleData): void {
    const have = this.data.get(d.hash);
    if (have) for (const [r, run] of d.runs) have.runs.set(r, run);
    else this.data.set(d.hash, d);
    this.touched.set(d.hash, ++this.clock);
  }

  private prune(): void {
    if (this.data.size <= MAX_CONFIGS) return;
    const oldest = [...this.touched.entries()].sort((a, b) => a[1] - b[1]).slice(0, this.data.size - MAX_CONFIGS);
    for (const [h] of oldest) {
      this.data.delete(h);
      this.touched.delete(h);
    }
  }
}

export interface RunRequest {
  configs: { hash: string; config: RunConfig }[];
  runs: number;
  seed: string;
  signal: AbortSignal;
  onResult: (hash: string) => void;
  onProgress: (p: Progress) => void;
  backend: SimBackend;
}

/**
 * The runs of these configurations not yet in the store, replicate by replicate across scenarios (so every
 * scenario's ensemble grows together and a partial comparison is already paired).
 */
export function missingRuns(store: ResultStore, configs: { hash: string; config: RunConfig }[], runs: number, seed: string): { hash: string; task: RunTask }[] {
  const out: { hash: string; task: RunTask }[] = [];
  for (let r = 0; r < runs; r++) {
    for (const { hash, config } of configs) {
      if (store.get(hash)?.runs.has(r)) continue;
      out.push({ hash, task: { config, seed: runSeed(seed, COMPARE_STREAM, r), replicate: r, options: { log: false } } });
    }
  }
  return out;
}

/**
 * Runs the replicates not yet in the store (missingRuns) as one batch. Resolves when done; rejects with
 * AbortError on cancel (results so far stay in the store).
 */
export async function runMissing(store: ResultStore, req: RunRequest): Promise<Progress> {
  const tasks = missingRuns(store, req.configs, req.runs, req.seed);
  const progress: Progress = { done: 0, total: tasks.length, failed: 0 };
  req.onProgress({ ...progress });
  if (tasks.length === 0) return progress;
  await req.backend.runBatch(
    tasks.map((t) => t.task),
    {
      signal: req.signal,
      onResult: (i, result: RunResult) => {
        const h = tasks[i].hash;
        store.put(h, result);
        progress.done++;
        req.onProgress({ ...progress });
        req.onResult(h);
      },
      onError: () => {
        progress.done++;
        progress.failed++;
        req.onProgress({ ...progress });
      },
    },
  );
  return progress;
}

/** One traced run (trust network, workforce flows, log) for playback. */
export async function runTraced(config: RunConfig, seed: string, replicate: number, signal?: AbortSignal): Promise<RunResult> {
  const backend = await tracePool();
  let out: RunResult | undefined;
  let err: string | undefined;
  await backend.runBatch([{ config, seed: runSeed(seed, COMPARE_STREAM, replicate), replicate, options: { trace: true, log: true } }], {
    signal,
    onResult: (_i, r) => (out = r),
    onError: (e) => (err = e.error),
  });
  if (!out) throw new Error(err ?? 'the run failed');
  return out;
}

export { isAbortError };
