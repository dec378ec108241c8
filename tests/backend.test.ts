import { describe, expect, it } from 'vitest';
import { DirectBackend, WorkerPoolBackend, type RunTask } from '../sim/backend/index.ts';
import type { RunResult } from '../sim/types.ts';
import { smallConfig } from './fixtures-backend.ts';

const tasks = (n: number): RunTask[] => Array.from({ length: n }, (_, i) => ({ config: smallConfig(), seed: 1000 + i, replicate: i }));

async function collect(backend: { runBatch: DirectBackend['runBatch'] }, ts: RunTask[]): Promise<RunResult[]> {
  const out: RunResult[] = [];
  await backend.runBatch(ts, { onResult: (i, r) => (out[i] = r) });
  return out;
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

  it('direct backend stops on abort', async () => {
    const ctl = new AbortController();
    let got = 0;
    const p = new DirectBackend().runBatch(tasks(50), { signal: ctl.signal, onResult: () => ++got === 3 && ctl.abort() });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(got).toBe(3);
  });
});
