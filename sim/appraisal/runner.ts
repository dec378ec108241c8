/**
 * Paired runs for the appraisal: replicate r of every configuration runs with the seed and the draw of the
 * assumed coefficients that `commsim compare` gives replicate r (runSeed(seed, 'compare', r), draw key r), so the
 * appraisal's figures are exactly those of a comparison of the same scenario documents with the same seed and
 * runs. Replicates can be added in rounds (the adaptive run rule) without running the earlier ones again.
 * Tasks go scenario by scenario, so each approach's runs finish together and can be shown as they come.
 */
import type { RunConfig, RunResult } from '../types.ts';
import { runSeed } from '../core/random.ts';
import type { SimBackend } from '../backend/types.ts';
import { batchWindow, runBatches, type PlannedTask, type RunProgress, type TaskBatch } from '../experiment/batches.ts';
import { COMPARE_STREAM } from '../experiment/compare.ts';
import type { RangeKind } from '../experiment/parameter-draws.ts';

export interface ReplicateOptions {
  seed: string;
  ranges: RangeKind;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  /** every finished run, with its scenario index and replicate */
  onResult: (scenario: number, replicate: number, result: RunResult) => void;
  /** a run that failed (the engine threw) */
  onError?: (scenario: number, replicate: number, error: string) => void;
  /** called when every replicate of one scenario in this call is in */
  onScenarioDone?: (scenario: number) => void;
}

/** Runs replicates [from, to) of every configuration, scenario by scenario. */
export async function runReplicates(
  backend: SimBackend,
  configs: readonly RunConfig[],
  from: number,
  to: number,
  opts: ReplicateOptions,
): Promise<void> {
  const per = Math.max(0, to - from);
  if (per === 0 || configs.length === 0) return;
  const left = configs.map(() => per);
  const window = batchWindow(backend);
  const total = per * configs.length;
  function* batches(): Generator<TaskBatch<{ s: number; r: number }>> {
    let batch: TaskBatch<{ s: number; r: number }> = { tasks: [], meta: [] };
    for (let s = 0; s < configs.length; s++)
      for (let r = from; r < to; r++) {
        const task: PlannedTask = {
          config: configs[s],
          seed: runSeed(opts.seed, COMPARE_STREAM, r),
          replicate: r,
          options: { log: false },
          draw: { ranges: opts.ranges, seed: opts.seed, key: r },
        };
        batch.tasks.push(task);
        batch.meta.push({ s, r });
        if (batch.tasks.length >= window) {
          yield batch;
          batch = { tasks: [], meta: [] };
        }
      }
    if (batch.tasks.length) yield batch;
  }
  const arrive = (s: number): void => {
    if (--left[s] === 0) opts.onScenarioDone?.(s);
  };
  await runBatches(backend, batches(), {
    total,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onResult: ({ s, r }, result) => {
      opts.onResult(s, r, result);
      arrive(s);
    },
    onError: ({ s, r }, e) => {
      opts.onError?.(s, r, e.error);
      arrive(s);
    },
  });
}
