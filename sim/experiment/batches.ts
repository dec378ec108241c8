/**
 * Running many tasks as a sequence of batches on a backend, counting progress over all of them: the loop that
 * ensembles, stress tests and sensitivity studies share. Batches come from an iterable, so a caller can build
 * each batch's configurations only when it is its turn (a generator), which bounds what is in flight.
 * It is also the one place where a run's draw of the assumed coefficients (parameter-draws.ts) becomes parameter
 * values: a task asks for a draw, the loop hands the backend the values.
 */
import type { RunResult } from '../types.ts';
import type { RunTask, SimBackend, TaskError } from '../backend/types.ts';
import { drawnParams, type DrawRequest } from './parameter-draws.ts';

/** How far a job has got: runs finished (failed ones included), failed, and all. */
export interface RunProgress {
  done: number;
  failed: number;
  total: number;
}

/** A run as a caller plans it: the task, and which draw of the assumed coefficients it takes (none: defaults). */
export interface PlannedTask extends RunTask {
  draw?: DrawRequest;
}

/** Tasks and, for each, what the caller needs to place its result. */
export interface TaskBatch<M> {
  tasks: PlannedTask[];
  meta: M[];
}

/** The task the backend runs: the drawn parameter values in place of the draw request. */
export function resolveDraw(t: PlannedTask): RunTask {
  const { draw, ...task } = t;
  const params = drawnParams(task.config, draw);
  return params ? { ...task, params: { ...params, ...task.params } } : task;
}

export interface BatchRunOptions<M> {
  /** tasks in all batches (for progress) */
  total: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onResult(meta: M, result: RunResult): void;
  onError(meta: M, error: TaskError): void;
}

/** Runs the batches one after another; results and errors reach the caller with their task's meta. */
export async function runBatches<M>(
  backend: SimBackend,
  batches: Iterable<TaskBatch<M>>,
  opts: BatchRunOptions<M>,
): Promise<void> {
  const { total } = opts;
  let done = 0;
  let failed = 0;
  for (const batch of batches) {
    await backend.runBatch(batch.tasks.map(resolveDraw), {
      signal: opts.signal,
      onResult: (i, result) => {
        opts.onResult(batch.meta[i], result);
        done++;
        opts.onProgress?.({ done, failed, total });
      },
      onError: (e) => {
        opts.onError(batch.meta[e.index], e);
        done++;
        failed++;
        opts.onProgress?.({ done, failed, total });
      },
    });
  }
}

/** Runs handed to the backend at a time when the caller does not say: max(64, 16 × concurrency). */
export function batchWindow(backend: SimBackend, window?: number): number {
  return Math.max(1, window ?? Math.max(64, 16 * backend.concurrency));
}
