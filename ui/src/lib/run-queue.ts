/**
 * The comparison's run queue: one single-worker pool per core, fed one run at a time from a queue that can be
 * replaced at any moment. A lever change replaces the queue instead of cancelling the batch: the workers stay
 * alive and warm (a cancelled pool terminates its workers, and fresh ones start cold), the runs already in
 * flight finish in ~0.1 s and are kept (a result belongs to its configuration hash, so it is never wrong, only
 * possibly no longer shown), and the new scenario's runs start next. "Cancel runs" still stops the workers.
 */
import { WorkerPoolBackend } from '../../../sim/backend/pool.ts';
import type { RunTask, SimBackend } from '../../../sim/backend/index.ts';
import { runSeed } from '../../../sim/engine/rng.ts';
import { COMPARE_STREAM } from '../../../sim/experiment/compare.ts';
import type { RunConfig, RunResult } from '../../../sim/types.ts';
import type { Progress, ResultStore } from './runner.ts';

export interface QueueHandlers {
  /** a run of this work finished and is in the store */
  onResult: (hash: string) => void;
  onProgress: (p: Progress) => void;
  /** every run of this work has finished (or failed) */
  onDone: (p: Progress) => void;
}

interface Job {
  hash: string;
  task: RunTask;
  gen: number;
}

interface Lane {
  backend: Promise<SimBackend>;
  inFlight: number;
  abort: AbortController;
  /** its worker is up (only then may a second run be queued on it: concurrent first calls would each spawn one) */
  up: boolean;
}

export class RunQueue {
  private lanes: Lane[];
  private queue: Job[] = [];
  private gen = 0;
  private handlers: QueueHandlers | null = null;
  private progress: Progress = { done: 0, total: 0, failed: 0 };
  private outstanding = 0;
  /** runs each worker holds at once: more than one keeps it busy while the main thread is blocked */
  depth = 1;

  constructor(private readonly store: ResultStore, size: number) {
    this.lanes = Array.from({ length: Math.max(1, size) }, () => ({
      backend: WorkerPoolBackend.create({ size: 1 }),
      inFlight: 0,
      abort: new AbortController(),
      up: false,
    }));
  }

  get concurrency(): number {
    return this.lanes.length;
  }

  /**
   * Replace the work: the replicates of these configurations not yet in the store, replicate by replicate
   * across scenarios (every ensemble grows together, so a partial comparison is already paired).
   */
  setWork(configs: { hash: string; config: RunConfig }[], runs: number, seed: string, handlers: QueueHandlers): void {
    const gen = ++this.gen;
    this.handlers = handlers;
    const jobs: Job[] = [];
    for (let r = 0; r < runs; r++) {
      for (const { hash, config } of configs) {
        if (this.store.get(hash)?.runs.has(r)) continue;
        jobs.push({ hash, gen, task: { config, seed: runSeed(seed, COMPARE_STREAM, r), replicate: r, options: { log: false } } });
      }
    }
    this.queue = jobs;
    this.outstanding = jobs.length;
    this.progress = { done: 0, total: jobs.length, failed: 0 };
    handlers.onProgress({ ...this.progress });
    if (jobs.length === 0) {
      handlers.onDone({ ...this.progress });
      return;
    }
    this.pump();
  }

  /** Stop: drop the queue and terminate the workers' runs in flight (results so far stay in the store). */
  cancel(): void {
    this.gen++;
    this.queue = [];
    this.handlers = null;
    for (const lane of this.lanes) {
      if (lane.inFlight > 0) {
        lane.abort.abort();
        lane.abort = new AbortController();
        lane.up = false;
      }
    }
  }

  pump(): void {
    for (const lane of this.lanes) {
      while (lane.inFlight < (lane.up ? this.depth : 1) && this.queue.length > 0) this.start(lane, this.queue.shift()!);
    }
  }

  private start(lane: Lane, job: Job): void {
    lane.inFlight++;
    const signal = lane.abort.signal;
    let result: RunResult | undefined;
    let error: string | undefined;
    void lane.backend
      .then((b) => b.runBatch([job.task], {
        signal,
        onResult: (_i, r) => (result = r),
        onError: (e) => (error = e.error),
      }))
      .catch((e: unknown) => {
        error = e instanceof Error ? e.message : String(e);
      })
      .finally(() => {
        lane.inFlight--;
        if (result && !signal.aborted) lane.up = true;
        if (result) {
          this.store.put(job.hash, result.weeks, result.metricIds, {
            replicate: result.replicate, seed: result.seed, summary: result.summary, series: result.series,
          });
        }
        if (job.gen === this.gen && this.handlers) {
          const h = this.handlers;
          this.progress.done++;
          if (!result) this.progress.failed++;
          this.outstanding--;
          if (result) h.onResult(job.hash);
          h.onProgress({ ...this.progress });
          if (this.outstanding === 0) h.onDone({ ...this.progress });
        }
        if (!signal.aborted) this.pump();
        void error;
      });
  }
}
