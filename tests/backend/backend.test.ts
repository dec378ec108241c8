import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import {
  DirectBackend,
  WorkerPoolBackend,
  runCost,
  type RunTask,
  type TaskError,
  type WorkerFactory,
  type WorkerHandle,
} from '../../sim/backend/index.ts';
import { runTask } from '../../sim/backend/run-task.ts';
import type { RunConfig, RunResult } from '../../sim/types.ts';
import { smallConfig } from '../fixtures-backend.ts';

const tasks = (n: number): RunTask[] =>
  Array.from({ length: n }, (_, i) => ({ config: smallConfig(), seed: 1000 + i, replicate: i }));

async function collect(backend: { runBatch: DirectBackend['runBatch'] }, ts: RunTask[]): Promise<RunResult[]> {
  const out: RunResult[] = [];
  await backend.runBatch(ts, { onResult: (i, r) => (out[i] = r) });
  return out;
}

/** In-process stand-ins for workers, counted as they start and as they are terminated. */
function inProcessWorkers(): {
  factory: WorkerFactory;
  started: () => number;
  alive: () => number;
  answered: () => number;
} {
  let started = 0;
  let alive = 0;
  let answered = 0;
  const factory: WorkerFactory = async () => {
    started++;
    alive++;
    const configs = new Map<number, RunConfig>();
    const api = {
      run: async (key: number, config: RunConfig | null, seed: number, replicate: number): Promise<RunResult> => {
        if (config) configs.set(key, config);
        return runTask({ config: configs.get(key)!, seed, replicate });
      },
      usage: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        answered++;
        return { heapUsed: 0, maxRss: 0, activeMs: 0, idleMs: 0 };
      },
      [Comlink.releaseProxy]: () => undefined,
    };
    return {
      api: api as unknown as WorkerHandle['api'],
      stopped: new Promise<Error>(() => {}),
      terminate: async () => void alive--,
    };
  };
  return { factory, started: () => started, alive: () => alive, answered: () => answered };
}

describe('backends', () => {
  it('direct and pools of 1 and 2 workers give identical results, as typed arrays', async () => {
    const ts = tasks(6);
    const direct = await collect(new DirectBackend(), ts);
    for (const size of [1, 2]) {
      const pool = await WorkerPoolBackend.create({ size });
      try {
        const got = await collect(pool, ts);
        expect(got.length).toBe(6);
        got.forEach((r, i) => {
          expect(r.series).toBeInstanceOf(Float64Array);
          expect(r.seed).toBe(direct[i].seed);
          expect(Array.from(r.series)).toEqual(Array.from(direct[i].series));
          expect(Array.from(r.summary)).toEqual(Array.from(direct[i].summary));
        });
      } finally {
        await pool.close();
      }
      expect(pool.liveWorkers).toBe(0);
    }
  });

  it('reports a failing task with its seed and scenario and carries on', async () => {
    const bad = { ...smallConfig({ scenarioId: 'broken' }), weeks: -5 };
    // the stub engine throws on a negative horizon (RangeError from the typed array); the real one validates
    const ts: RunTask[] = [...tasks(2), { config: bad, seed: 77, replicate: 2 }, ...tasks(4).slice(3)];
    for (const backend of [new DirectBackend(), await WorkerPoolBackend.create({ size: 2 })]) {
      const errors: { replicate: number; seed: number; scenarioId: string; error: string }[] = [];
      const done: number[] = [];
      const outcome = await backend.runBatch(ts, { onResult: (i) => done.push(i), onError: (e) => errors.push(e) });
      await backend.close();
      expect(outcome).toEqual({ completed: 3, failed: 1 });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ replicate: 2, seed: 77, scenarioId: 'broken' });
      expect(errors[0].error.length).toBeGreaterThan(0);
      expect(done.sort()).toEqual([0, 1, 3]);
    }
  });

  it('cancellation rejects with AbortError and terminates the workers', async () => {
    const pool = await WorkerPoolBackend.create({ size: 2 });
    const ctl = new AbortController();
    let got = 0;
    const p = pool.runBatch(tasks(200), { signal: ctl.signal, onResult: () => ++got === 2 && ctl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(got).toBeLessThan(200);
    expect(pool.liveWorkers).toBe(0);
    // usable again afterwards, with fresh workers
    expect(await collect(pool, tasks(2))).toHaveLength(2);
    await pool.close();
    expect(pool.liveWorkers).toBe(0);
  });

  it('keeps a second run queued on each worker; a worker that dies fails only the run it was computing; the run queued behind it goes to the one replacement', async () => {
    // in-process stand-ins for workers: runs execute one at a time, in the order sent; seed 1003 kills its worker
    let started = 0;
    let maxQueued = 0;
    const factory: WorkerFactory = async () => {
      started++;
      let die: (e: Error) => void = () => {};
      const stopped = new Promise<Error>((r) => (die = r));
      let chain = Promise.resolve();
      let queued = 0;
      const configs = new Map<number, RunConfig>();
      const api = {
        run: (key: number, config: RunConfig | null, seed: number, replicate: number): Promise<RunResult> => {
          if (config) configs.set(key, config);
          maxQueued = Math.max(maxQueued, ++queued);
          const p = chain.then(() => {
            if (seed === 1003) {
              // as a real worker: the run before has been answered; this one never is
              setTimeout(() => die(new Error('crashed')), 0);
              return new Promise<RunResult>(() => {});
            }
            return runTask({ config: configs.get(key)!, seed, replicate });
          });
          chain = p.then(
            () => undefined,
            () => undefined,
          );
          return p.finally(() => queued--);
        },
        usage: async () => ({ heapUsed: 0, maxRss: 0, activeMs: 0, idleMs: 0 }),
        [Comlink.releaseProxy]: () => undefined,
      };
      return {
        api: api as unknown as WorkerHandle['api'],
        stopped,
        terminate: async () => die(new Error('terminated')),
      };
    };
    const pool = await WorkerPoolBackend.create({ size: 2, factory });
    const errors: TaskError[] = [];
    const done: number[] = [];
    const ts = tasks(12);
    const outcome = await pool.runBatch(ts, { onResult: (i) => done.push(i), onError: (e) => errors.push(e) });
    await pool.close();
    expect(maxQueued).toBe(2);
    expect(errors.map((e) => e.replicate)).toContain(3);
    for (const e of errors) expect(e).toMatchObject({ seed: 1000 + e.replicate, scenarioId: 'test-small' });
    // only the crashed run fails (issue 19: the one queued behind it used to fail too); every other run
    // completes, each reported once
    expect(errors.map((e) => e.replicate)).toEqual([3]);
    expect(outcome).toEqual({ completed: 11, failed: 1 });
    expect([...done, ...errors.map((e) => e.index)].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect(started).toBe(3);
  });

  it('stops a run that exceeds its time budget, reports it, and finishes the batch (issue 19)', async () => {
    // seed 1005 never returns and its worker never dies by itself (a worker that closed itself looks the same)
    let started = 0;
    const factory: WorkerFactory = async () => {
      started++;
      let die: (e: Error) => void = () => {};
      const stopped = new Promise<Error>((r) => (die = r));
      let chain = Promise.resolve();
      const configs = new Map<number, RunConfig>();
      const api = {
        run: (key: number, config: RunConfig | null, seed: number, replicate: number): Promise<RunResult> => {
          if (config) configs.set(key, config);
          const p = chain.then(() =>
            seed === 1005 ? new Promise<RunResult>(() => {}) : runTask({ config: configs.get(key)!, seed, replicate }),
          );
          chain = p.then(
            () => undefined,
            () => undefined,
          );
          return p;
        },
        usage: async () => ({ heapUsed: 0, maxRss: 0, activeMs: 0, idleMs: 0 }),
        [Comlink.releaseProxy]: () => undefined,
      };
      return {
        api: api as unknown as WorkerHandle['api'],
        stopped,
        terminate: async () => die(new Error('terminated')),
      };
    };
    const pool = await WorkerPoolBackend.create({ size: 2, factory, runTimeoutMs: 5000 });
    const errors: TaskError[] = [];
    const outcome = await pool.runBatch(tasks(8), { onResult: () => undefined, onError: (e) => errors.push(e) });
    await pool.close();
    expect(errors.map((e) => e.replicate)).toEqual([5]);
    expect(errors[0].error).toMatch(/longer than its time budget/);
    expect(outcome).toEqual({ completed: 7, failed: 1 });
    expect(started).toBe(3);
  });

  it('notices a worker that stopped answering within its watchdog, scaled from what runs like it took, long before any budget (issue 19)', async () => {
    // seed 1005's worker stops answering (as one that closed itself: no event, no answer); no time budget is set
    let started = 0;
    const factory: WorkerFactory = async () => {
      started++;
      let die: (e: Error) => void = () => {};
      const stopped = new Promise<Error>((r) => (die = r));
      let chain = Promise.resolve();
      const configs = new Map<number, RunConfig>();
      const api = {
        run: (key: number, config: RunConfig | null, seed: number, replicate: number): Promise<RunResult> => {
          if (config) configs.set(key, config);
          const p = chain.then(() =>
            seed === 1005 ? new Promise<RunResult>(() => {}) : runTask({ config: configs.get(key)!, seed, replicate }),
          );
          chain = p.then(
            () => undefined,
            () => undefined,
          );
          return p;
        },
        usage: async () => ({ heapUsed: 0, maxRss: 0, activeMs: 0, idleMs: 0 }),
        [Comlink.releaseProxy]: () => undefined,
      };
      return {
        api: api as unknown as WorkerHandle['api'],
        stopped,
        terminate: async () => die(new Error('terminated')),
      };
    };
    const pool = await WorkerPoolBackend.create({ size: 2, factory, watchdog: { factor: 20, floorMs: 400 } });
    const errors: TaskError[] = [];
    const t0 = Date.now();
    const outcome = await pool.runBatch(tasks(10), { onResult: () => undefined, onError: (e) => errors.push(e) });
    const took = Date.now() - t0;
    await pool.close();
    expect(errors.map((e) => e.replicate)).toEqual([5]);
    expect(errors[0].error).toMatch(
      /^the worker stopped answering: no result after \d+ s where runs like it took about/,
    );
    // every other run completes, the ones queued behind the silent worker on its replacement
    expect(outcome).toEqual({ completed: 9, failed: 1 });
    expect(started).toBe(3);
    expect(took).toBeLessThan(4000);
  });

  it('scales the watchdog with the cost of the run (a run ten times as long is given ten times as long)', async () => {
    // runs take 30 ms per 100 people; a large place's run takes 1.2 s, well inside 20 × its expected time, and
    // must not be taken for a dead worker although the small runs before it finished in 30 ms
    const factory: WorkerFactory = async () => {
      const configs = new Map<number, RunConfig>();
      const api = {
        run: async (key: number, config: RunConfig | null, seed: number, replicate: number): Promise<RunResult> => {
          if (config) configs.set(key, config);
          const c = configs.get(key)!;
          await new Promise((r) => setTimeout(r, (30 * c.place.people) / 100));
          return runTask({ config: smallConfig(), seed, replicate });
        },
        usage: async () => ({ heapUsed: 0, maxRss: 0, activeMs: 0, idleMs: 0 }),
        [Comlink.releaseProxy]: () => undefined,
      };
      return {
        api: api as unknown as WorkerHandle['api'],
        stopped: new Promise<Error>(() => {}),
        terminate: async () => {},
      };
    };
    const pool = await WorkerPoolBackend.create({ size: 1, factory, watchdog: { factor: 20, floorMs: 200 } });
    const small = smallConfig();
    const large = { ...small, place: { ...small.place, people: small.place.people * 40 } };
    const ts: RunTask[] = [
      ...Array.from({ length: 4 }, (_, i) => ({ config: small, seed: 1000 + i, replicate: i })),
      { config: large, seed: 2000, replicate: 4 },
    ];
    const errors: TaskError[] = [];
    const outcome = await pool.runBatch(ts, { onResult: () => undefined, onError: (e) => errors.push(e) });
    await pool.close();
    expect(errors).toEqual([]);
    expect(outcome).toEqual({ completed: 5, failed: 0 });
    expect(runCost(large) / runCost(small)).toBeGreaterThan(20);
  });

  it('runs concurrent batches on one pool side by side', async () => {
    const pool = await WorkerPoolBackend.create({ size: 1 });
    try {
      const [a, b] = await Promise.all([collect(pool, tasks(5)), collect(pool, tasks(3))]);
      const direct = await collect(new DirectBackend(), tasks(5));
      expect(a.map((r) => Array.from(r.summary))).toEqual(direct.map((r) => Array.from(r.summary)));
      expect(b.map((r) => Array.from(r.summary))).toEqual(direct.slice(0, 3).map((r) => Array.from(r.summary)));
    } finally {
      await pool.close();
    }
  });

  it('warm() starts every worker and waits for each to answer; a batch given meanwhile uses them without starting more', async () => {
    const { factory, started, answered } = inProcessWorkers();
    const pool = await WorkerPoolBackend.create({ size: 2, factory });
    try {
      const warming = pool.warm();
      // a batch given while the workers are still starting waits for them instead of starting its own
      const results = collect(pool, tasks(4));
      await warming;
      expect(pool.liveWorkers).toBe(2);
      expect(answered()).toBe(2);
      const got = await results;
      const direct = await collect(new DirectBackend(), tasks(4));
      expect(got.map((r) => Array.from(r.summary))).toEqual(direct.map((r) => Array.from(r.summary)));
      expect(started()).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('two batches asking for workers at the same moment start each worker once (none is left running unseen)', async () => {
    const { factory, started, alive } = inProcessWorkers();
    const pool = await WorkerPoolBackend.create({ size: 2, factory });
    await Promise.all([collect(pool, tasks(3)), collect(pool, tasks(3))]);
    expect(started()).toBe(2);
    await pool.close();
    expect(alive()).toBe(0);
  });

  it('direct backend stops on abort', async () => {
    const ctl = new AbortController();
    let got = 0;
    const p = new DirectBackend().runBatch(tasks(50), {
      signal: ctl.signal,
      onResult: () => ++got === 3 && ctl.abort(),
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(got).toBe(3);
  });
});
