/**
 * The comparison's run queue: one single-worker pool per core (pools.ts), fed one run at a time from a queue that
 * can be replaced at any moment. A lever change replaces the queue instead of cancelling the batch: the workers stay
 * alive and warm (a cancelled pool terminates its workers, and fresh ones start cold), the runs already in
 * flight finish in ~0.1 s and are kept (a result belongs to its configuration hash, so it is never wrong, only
 * possibly no longer shown), and the new scenario's runs start next. "Cancel runs" still stops the workers.
 */
import {
  DEFAULT_RANGES,
  resolveDraw,
  type PlannedTask,
  type RangeKind,
  type RunConfig,
  type RunResult,
  type SimBackend,
} from '../../../sim/index.ts';
import type { ResultStore } from '../state/results.ts';
import { addReason, missingRuns, type Progress } from './ensemble-runs.ts';
import { comparisonLanes } from './pools.ts';

export interface QueueHandlers {
  /** a run of this work finished and is in the store */
  onResult: (hash: string) => void;
  onProgress: (p: Progress) => void;
  /** every run of this work has finished (or failed) */
  onDone: (p: Progress) => void;
}

interface Job {
  hash: string;
  task: PlannedTask;
  gen: number;
}

interface Lane {
  backend: Promise<SimBackend>;
  inFlight: number;
  abort: AbortController;
}

/** longest holdAll's promise waits for a worker to finish its run (a Midshire run takes ~0.1 s in a browser) */
const MAX_WAIT_FOR_IDLE_MS = 150;

export class RunQueue {
  private lanes: Lane[];
  private queue: Job[] = [];
  private gen = 0;
  private handlers: QueueHandlers | null = null;
  private progress: Progress = { done: 0, total: 0, failed: 0 };
  private outstanding = 0;
  /** lanes left idle for now (see holdAll) */
  private held = 0;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  /** callers of holdAll waiting for a held worker to finish the run it had */
  private heldIdle: (() => void)[] = [];

  /** lanes: one single-worker backend each (by default the comparison's, from pools.ts) */
  constructor(
    private readonly store: ResultStore,
    lanes: readonly Promise<SimBackend>[] = comparisonLanes(),
  ) {
    this.lanes = lanes.map((backend) => ({
      backend,
      inFlight: 0,
      abort: new AbortController(),
    }));
  }

  get concurrency(): number {
    return this.lanes.length;
  }

  /**
   * Replace the work: the replicates of these configurations not yet in the store, replicate by replicate
   * across scenarios (every ensemble grows together, so a partial comparison is already paired).
   */
  setWork(
    configs: { hash: string; config: RunConfig }[],
    runs: number,
    seed: string,
    handlers: QueueHandlers,
    ranges: RangeKind = DEFAULT_RANGES,
  ): void {
    const gen = ++this.gen;
    this.handlers = handlers;
    const jobs: Job[] = missingRuns(this.store, configs, runs, seed, ranges).map((j) => ({ ...j, gen }));
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
        // free at once: the stopped batch settles later and must not hold up work given after this
        lane.inFlight = 0;
      }
    }
  }

  /**
   * Leave the workers idle, each once it finishes its run, for up to `ms` or until release(): while charts are
   * drawn, the main thread and the browser's painting have the cores to themselves (with workers running, a chart
   * that takes 15-25 ms took 50-90 ms now and then on two cores). Runs already going carry on; the promise resolves
   * once a worker is idle, at once if one already is, when the hold ends, or after MAX_WAIT_FOR_IDLE_MS.
   */
  holdAll(ms: number): Promise<void> {
    if (this.lanes.length < 2) return Promise.resolve();
    this.held = this.lanes.length;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.release(), ms);
    return new Promise((resolve) => {
      this.heldIdle.push(resolve);
      this.settleHeld();
      // runs of a large place take longer: the charts do not wait for one to finish for more than this
      setTimeout(resolve, MAX_WAIT_FOR_IDLE_MS);
    });
  }

  release(): void {
    if (this.held === 0) return;
    this.held = 0;
    clearTimeout(this.holdTimer);
    this.settleHeld();
    this.pump();
  }

  private settleHeld(): void {
    if (this.held > 0 && this.lanes.every((l) => l.inFlight > 0)) return;
    for (const resolve of this.heldIdle.splice(0)) resolve();
  }

  pump(): void {
    this.settleHeld();
    const busy = this.lanes.filter((l) => l.inFlight > 0).length;
    const idle = this.lanes.filter((l) => l.inFlight === 0).slice(0, Math.max(0, this.lanes.length - this.held - busy));
    if (idle.length === 0 || this.queue.length === 0) return;
    // one run to each idle worker, so a change of work waits for at most one run per worker
    const take = this.queue.splice(0, idle.length);
    take.forEach((job, k) => this.start(idle[k], [job]));
  }

  /** One batch per lane at a time (a second batch on a busy single-worker pool would wait forever for room). */
  private start(lane: Lane, jobs: Job[]): void {
    lane.inFlight = jobs.length;
    const signal = lane.abort.signal;
    const settled = new Set<number>();
    const finishJob = (i: number, result: RunResult | undefined, error?: string): void => {
      if (settled.has(i)) return;
      settled.add(i);
      const job = jobs[i];
      if (result) {
        this.store.put(job.hash, result);
      }
      if (job.gen === this.gen && this.handlers) {
        const h = this.handlers;
        this.progress.done++;
        if (!result) {
          this.progress.failed++;
          this.progress.why = addReason(this.progress.why, error ?? 'the worker stopped');
        }
        this.outstanding--;
        if (result) h.onResult(job.hash);
        h.onProgress({ ...this.progress });
        if (this.outstanding === 0) h.onDone({ ...this.progress });
      }
    };
    void lane.backend
      .then((b) =>
        b.runBatch(
          jobs.map((j) => resolveDraw(j.task)),
          {
            signal,
            onResult: (i, r) => finishJob(i, r),
            onError: (e) => finishJob(e.index, undefined, e.error),
          },
        ),
      )
      .catch(() => undefined)
      .finally(() => {
        // runs a cancel stopped are not counted (the cancelled work's handlers are gone), and the lane was
        // freed by the cancel
        if (!signal.aborted) {
          lane.inFlight = 0;
          for (let i = 0; i < jobs.length; i++) finishJob(i, undefined);
          this.pump();
        }
      });
  }
}
