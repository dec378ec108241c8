/**
 * Runs ensembles on a worker pool (never on the main thread) into the result store (state/results.ts), so a
 * lever change re-runs only the scenario that changed. Seeds are those of the CLI's `compare`
 * (runSeed(seed, 'compare', replicate)): replicate r of every scenario shares its random numbers and, unless the
 * ranges show chance only, its draw of the model's assumed coefficients (resolved by the batch loop's
 * resolveDraw, as in the CLI), so the differences are paired. Results arrive one by one and the caller redraws from partial ensembles.
 */
import {
  COMPARE_STREAM,
  resolveDraw,
  runSeed,
  type PlannedTask,
  type RangeKind,
  type RunConfig,
  type RunResult,
  type RunTask,
  type SimBackend,
} from '../../../sim/index.ts';
import type { ResultStore } from '../state/results.ts';
import { tracePool } from './pools.ts';

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** why runs failed, in plain words (failureReason), once one has */
  why?: string;
}

/**
 * Why a run failed, in the words the header uses: the pool's messages (sim/backend/pool.ts) made short; anything
 * else (an error inside the model) as 'the model stopped with an error'.
 */
export function failureReason(error: string): string {
  if (/^the worker stopped answering/.test(error)) return 'the worker stopped answering';
  if (/^the worker stopped/.test(error) || /^worker (error|terminated)/.test(error)) return 'the worker stopped';
  if (/time budget/.test(error)) return 'a run took too long and was stopped';
  return 'the model stopped with an error';
}

/** The reason to show for several failures: one reason if they share it, else 'for several reasons'. */
export function addReason(why: string | undefined, error: string): string {
  const r = failureReason(error);
  return why === undefined || why === r ? r : 'for several reasons';
}

export interface RunRequest {
  configs: { hash: string; config: RunConfig }[];
  runs: number;
  seed: string;
  ranges: RangeKind;
  signal: AbortSignal;
  onResult: (hash: string) => void;
  onProgress: (p: Progress) => void;
  backend: SimBackend;
}

/**
 * The runs of these configurations not yet in the store, replicate by replicate across scenarios (so every
 * scenario's ensemble grows together and a partial comparison is already paired).
 */
export function missingRuns(
  store: ResultStore,
  configs: { hash: string; config: RunConfig }[],
  runs: number,
  seed: string,
  ranges: RangeKind,
): { hash: string; task: PlannedTask }[] {
  const out: { hash: string; task: PlannedTask }[] = [];
  for (let r = 0; r < runs; r++) {
    for (const { hash, config } of configs) {
      if (store.get(hash)?.runs.has(r)) continue;
      out.push({
        hash,
        task: plannedTask(config, seed, ranges, r, { log: false }),
      });
    }
  }
  return out;
}

/**
 * Runs the replicates not yet in the store (missingRuns) as one batch. Resolves when done; rejects with
 * AbortError on cancel (results so far stay in the store).
 */
export async function runMissing(store: ResultStore, req: RunRequest): Promise<Progress> {
  const tasks = missingRuns(store, req.configs, req.runs, req.seed, req.ranges);
  const progress: Progress = { done: 0, total: tasks.length, failed: 0 };
  req.onProgress({ ...progress });
  if (tasks.length === 0) return progress;
  await req.backend.runBatch(
    tasks.map((t) => resolveDraw(t.task)),
    {
      signal: req.signal,
      onResult: (i, result: RunResult) => {
        const h = tasks[i].hash;
        store.put(h, result);
        progress.done++;
        req.onProgress({ ...progress });
        req.onResult(h);
      },
      onError: (e) => {
        progress.done++;
        progress.failed++;
        progress.why = addReason(progress.why, e.error);
        req.onProgress({ ...progress });
      },
    },
  );
  return progress;
}

/**
 * Replicate r of a configuration as the CLI's `compare` runs it: its seed and which draw of the assumed
 * coefficients it takes (resolved into values by resolveDraw when the run is sent, so queued runs cost nothing).
 */
export function plannedTask(
  config: RunConfig,
  seed: string,
  ranges: RangeKind,
  replicate: number,
  options: RunTask['options'],
): PlannedTask {
  return {
    config,
    seed: runSeed(seed, COMPARE_STREAM, replicate),
    replicate,
    options,
    draw: { ranges, seed, key: replicate },
  };
}

/** Replicate r, ready for a backend (its drawn parameter values in place). */
export function replicateTask(
  config: RunConfig,
  seed: string,
  ranges: RangeKind,
  replicate: number,
  options: RunTask['options'],
): RunTask {
  return resolveDraw(plannedTask(config, seed, ranges, replicate, options));
}

/**
 * One traced run (trust network, workforce flows, log, the causal map's nodes) for playback and the Why? screen: the same run as replicate r of the ensemble.
 * With `drawKey`, the run takes that replicate's draw of the assumed coefficients instead of its own (two runs
 * from the same start then differ by chance alone).
 */
export async function runTraced(
  config: RunConfig,
  seed: string,
  ranges: RangeKind,
  replicate: number,
  signal?: AbortSignal,
  drawKey = replicate,
): Promise<RunResult> {
  const backend = await tracePool();
  let out: RunResult | undefined;
  let err: string | undefined;
  const planned = plannedTask(config, seed, ranges, replicate, { trace: true, log: true, nodes: true });
  await backend.runBatch([resolveDraw({ ...planned, draw: { ranges, seed, key: drawKey } })], {
    signal,
    onResult: (_i, r) => (out = r),
    onError: (e) => (err = e.error),
  });
  if (!out) throw new Error(err ?? 'the run failed');
  return out;
}
