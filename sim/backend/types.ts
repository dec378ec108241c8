/**
 * One interface to run simulation work, whatever runs it: in this thread (DirectBackend: tests, CLI with
 * --workers 0) or across a comlink worker pool (WorkerPoolBackend: Node worker_threads and browser Workers).
 * Callers see results one by one as they finish, in no particular order; anything that needs determinism
 * (ensembles, comparisons) aggregates order-independently on top of this.
 */
import type { Params, RunConfig, RunOptions, RunResult } from '../types.ts';

/** One run: everything the engine needs, plus the run's identity (its seed is part of the experiment). */
export interface RunTask {
  config: RunConfig;
  seed: number;
  replicate: number;
  options?: RunOptions;
  /** parameter values drawn for this run, over the config's (sim/experiment/parameter-draws.ts) */
  params?: Partial<Params>;
}

/** A run that threw. The batch carries on; this is reported once per failed task. */
export interface TaskError {
  /** index of the task in the array given to runBatch */
  index: number;
  replicate: number;
  seed: number;
  scenarioId: string;
  /** the error's message (no stack: it is shown to users) */
  error: string;
}

export interface BatchOptions {
  /** called once per task that finished, as soon as it finishes (any order) */
  onResult: (index: number, result: RunResult) => void;
  /** called once per task that threw; without it failures are only counted */
  onError?: (error: TaskError) => void;
  /** aborting terminates the work in flight (the pool terminates its workers) and rejects with AbortError */
  signal?: AbortSignal;
}

export interface BatchOutcome {
  completed: number;
  failed: number;
}

export interface SimBackend {
  /** how many runs can proceed at once (1 for the direct backend) */
  readonly concurrency: number;
  /** runs every task once; resolves when all have finished or failed; rejects with AbortError on abort */
  runBatch(tasks: readonly RunTask[], opts: BatchOptions): Promise<BatchOutcome>;
  /** releases workers; the backend cannot be used afterwards */
  close(): Promise<void>;
}

/** The error a cancelled batch rejects with (name 'AbortError', like fetch). */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error(typeof reason === 'string' ? reason : 'cancelled');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
