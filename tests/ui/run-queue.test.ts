/**
 * The comparison's run queue (ui/src/runs/run-queue.ts) on fake single-worker lanes: runs go out replicate by
 * replicate across scenarios, one at a time to each idle lane; only missing runs are asked for; new work replaces
 * the queue without stopping the runs in flight (their results are kept, not counted); cancel stops them; a hold
 * leaves the lanes idle until released.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPARE_STREAM,
  runSeed,
  type BatchOptions,
  type BatchOutcome,
  type RunConfig,
  type RunResult,
  type RunTask,
  type SimBackend,
} from '../../sim/index.ts';
import type { Progress } from '../../ui/src/runs/ensemble-runs.ts';
import { RunQueue } from '../../ui/src/runs/run-queue.ts';
import { ResultStore } from '../../ui/src/state/results.ts';

interface Batch {
  tasks: readonly RunTask[];
  opts: BatchOptions;
  settle: (o: BatchOutcome) => void;
  aborted: boolean;
  done: boolean;
}

/** A single-worker backend whose runs finish when the test says so. */
class FakeLane implements SimBackend {
  readonly concurrency = 1;
  readonly batches: Batch[] = [];

  /** dispatched: every lane's tasks in the order they were sent */
  constructor(private readonly dispatched: RunTask[] = []) {}

  runBatch(tasks: readonly RunTask[], opts: BatchOptions): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      const batch: Batch = { tasks, opts, settle: resolve, aborted: false, done: false };
      this.batches.push(batch);
      this.dispatched.push(...tasks);
      opts.signal?.addEventListener('abort', () => {
        batch.aborted = true;
        const e = new Error('cancelled');
        e.name = 'AbortError';
        reject(e);
      });
    });
  }

  /** the batch still running, if any */
  get current(): Batch | undefined {
    const last = this.batches[this.batches.length - 1];
    return last && !last.aborted && !last.done ? last : undefined;
  }

  /** finish the current run: a result, or a failure */
  finish(fail = false): RunTask {
    const b = this.current;
    if (!b) throw new Error('no run in flight on this lane');
    b.done = true;
    const task = b.tasks[0];
    if (fail)
      b.opts.onError?.({
        index: 0,
        replicate: task.replicate,
        seed: task.seed,
        scenarioId: task.config.scenarioId,
        error: 'boom',
      });
    else b.opts.onResult(0, resultOf(task));
    b.settle({ completed: fail ? 0 : 1, failed: fail ? 1 : 0 });
    return task;
  }

  async close(): Promise<void> {}
}

function resultOf(task: RunTask): RunResult {
  return {
    replicate: task.replicate,
    seed: task.seed,
    weeks: 2,
    metricIds: ['m'],
    summary: Float64Array.of(task.replicate),
    series: Float64Array.of(0, task.replicate),
  } as unknown as RunResult;
}

const config = (id: string): RunConfig => ({ scenarioId: id, title: id }) as unknown as RunConfig;
const A = { hash: 'hash-a', config: config('a') };
const B = { hash: 'hash-b', config: config('b') };

/** lets the queue's promise chains (lane → runBatch → finally → pump) run */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(lanes = 2) {
  const dispatched: RunTask[] = [];
  const fakes = Array.from({ length: lanes }, () => new FakeLane(dispatched));
  const store = new ResultStore();
  const queue = new RunQueue(
    store,
    fakes.map((f) => Promise.resolve(f)),
  );
  const log = { results: [] as string[], progress: [] as Progress[], done: [] as Progress[] };
  const handlers = {
    onResult: (h: string) => log.results.push(h),
    onProgress: (p: Progress) => log.progress.push(p),
    onDone: (p: Progress) => log.done.push(p),
  };
  /** the runs asked for, in the order they were sent */
  const asked = (): string[] => dispatched.map((t) => `${t.config.scenarioId}${t.replicate}`);
  return { fakes, store, queue, log, handlers, asked, dispatched };
}

describe('RunQueue', () => {
  it('sends runs replicate by replicate across scenarios, one to each idle lane, on common random numbers', async () => {
    const { fakes, queue, handlers, asked, dispatched } = setUp(2);
    queue.setWork([A, B], 3, 'seed', handlers);
    await settle();
    // one run per lane, no more
    expect(fakes.map((f) => f.batches.length)).toEqual([1, 1]);
    expect(fakes.map((f) => f.current!.tasks.length)).toEqual([1, 1]);
    expect(asked()).toEqual(['a0', 'b0']);
    // lanes finish in any order; the next run asked for is always the next in the queue
    for (const lane of [1, 0, 0, 1, 0, 1]) {
      fakes[lane].finish();
      await settle();
    }
    expect(asked()).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(fakes.map((f) => f.batches.length)).toEqual([3, 3]);
    // replicate r of every scenario shares its seed (differences are paired), and replicates differ
    for (const t of dispatched) expect(t.seed).toBe(runSeed('seed', COMPARE_STREAM, t.replicate));
    expect(dispatched[0].seed).toBe(dispatched[1].seed);
    expect(dispatched[0].seed).not.toBe(dispatched[2].seed);
  });

  it('reports each result, progress after every run, and done once, counting failures', async () => {
    const { fakes, store, queue, log, handlers } = setUp(1);
    queue.setWork([A, B], 2, 's', handlers);
    expect(log.progress[0]).toEqual({ done: 0, total: 4, failed: 0 });
    await settle();
    fakes[0].finish();
    await settle();
    fakes[0].finish(true);
    await settle();
    fakes[0].finish();
    await settle();
    expect(log.done).toEqual([]);
    fakes[0].finish();
    await settle();
    expect(log.results).toEqual(['hash-a', 'hash-a', 'hash-b']);
    // the failed run's reason, in the header's words (the fake's error is the model's, not the worker's)
    const why = 'the model stopped with an error';
    expect(log.progress.at(-1)).toEqual({ done: 4, total: 4, failed: 1, why });
    expect(log.done).toEqual([{ done: 4, total: 4, failed: 1, why }]);
    expect([...store.get('hash-a')!.runs.keys()].sort()).toEqual([0, 1]);
    expect([...store.get('hash-b')!.runs.keys()]).toEqual([1]);
  });

  it('asks only for the runs not in the store, and is done at once when none are missing', async () => {
    const { fakes, store, queue, log, handlers, asked } = setUp(2);
    store.put('hash-a', resultOf({ config: A.config, seed: 1, replicate: 0 }));
    store.put('hash-a', resultOf({ config: A.config, seed: 1, replicate: 1 }));
    queue.setWork([A, B], 2, 's', handlers);
    expect(log.progress[0].total).toBe(2);
    await settle();
    expect(asked().sort()).toEqual(['b0', 'b1']);
    fakes.forEach((f) => f.finish());
    await settle();
    expect(log.done).toHaveLength(1);
    const again = { onResult: () => undefined, onProgress: () => undefined, onDone: (p: Progress) => log.done.push(p) };
    queue.setWork([A, B], 2, 's', again);
    expect(log.done.at(-1)).toEqual({ done: 0, total: 0, failed: 0 });
  });

  it('replaces the queue on new work: runs in flight finish and are kept, but count for no one', async () => {
    const { fakes, store, queue, log, handlers, asked } = setUp(2);
    queue.setWork([A], 4, 's', handlers);
    await settle();
    expect(asked()).toEqual(['a0', 'a1']);
    const newer = { results: [] as string[], done: [] as Progress[] };
    queue.setWork([B], 2, 's', {
      onResult: (h) => newer.results.push(h),
      onProgress: () => undefined,
      onDone: (p) => newer.done.push(p),
    });
    // the runs of A in flight are not stopped
    expect(fakes.every((f) => f.current && !f.current.aborted)).toBe(true);
    fakes[0].finish();
    await settle();
    // kept in the store, reported to neither the old work nor the new
    expect(store.get('hash-a')!.runs.has(0)).toBe(true);
    expect(log.results).toEqual([]);
    expect(newer.results).toEqual([]);
    // the freed lane goes straight to the new work; A's queue (a2, a3) is dropped
    expect(fakes[0].current!.tasks[0].config.scenarioId).toBe('b');
    fakes[1].finish();
    await settle();
    fakes.forEach((f) => f.current && f.finish());
    await settle();
    expect(asked()).toEqual(['a0', 'a1', 'b0', 'b1']);
    expect(newer.results).toEqual(['hash-b', 'hash-b']);
    expect(newer.done).toEqual([{ done: 2, total: 2, failed: 0 }]);
  });

  it('cancel stops the runs in flight and the queue; results so far stay, and new work starts at once', async () => {
    const { fakes, store, queue, log, handlers } = setUp(2);
    queue.setWork([A, B], 3, 's', handlers);
    await settle();
    fakes[0].finish();
    await settle();
    queue.cancel();
    await settle();
    expect(fakes.every((f) => f.batches.at(-1)!.aborted)).toBe(true);
    expect(log.done).toEqual([]);
    expect(store.get('hash-a')!.runs.size).toBe(1);
    const before = fakes.map((f) => f.batches.length);
    await settle();
    // nothing more is sent for the cancelled work
    expect(fakes.map((f) => f.batches.length)).toEqual(before);
    queue.setWork([B], 1, 's', handlers);
    await settle();
    expect(fakes.some((f) => f.current?.tasks[0].config.scenarioId === 'b')).toBe(true);
  });

  it('holdAll leaves every lane idle once its run is done, until release', async () => {
    const { fakes, queue, handlers } = setUp(2);
    queue.setWork([A, B], 3, 's', handlers);
    await settle();
    let idle = false;
    const hold = queue.holdAll(10_000).then(() => (idle = true));
    await settle();
    // both lanes busy: the hold waits for one to finish its run
    expect(idle).toBe(false);
    fakes[0].finish();
    await hold;
    expect(idle).toBe(true);
    await settle();
    expect(fakes[0].current).toBeUndefined();
    fakes[1].finish();
    await settle();
    expect(fakes.every((f) => !f.current)).toBe(true);
    queue.release();
    await settle();
    expect(fakes.every((f) => f.current)).toBe(true);
  });
});
