/**
 * Honest ranges (sim/experiment/parameter-draws.ts): each replicate draws the assumed coefficients from
 * hash(seed, parameter, replicate), the same draw for every scenario of a comparison, never a pinned parameter,
 * and `chance` ranges are exactly the seed-only runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DirectBackend, WorkerPoolBackend } from '../../sim/backend/index.ts';
import type { RunTask, SimBackend } from '../../sim/backend/types.ts';
import { runEnsemble, runEnsembles, mergePartials, type EnsembleResult } from '../../sim/experiment/ensemble.ts';
import { comparisonSpecs, runComparison } from '../../sim/experiment/compare.ts';
import { sweepSpecs } from '../../sim/experiment/sweep.ts';
import {
  DERIVED,
  DRAWN_PARAMETERS,
  NOT_DRAWN,
  acceptedCoversDrawn,
  balancedEntryRate,
  candidateDraw,
  drawAll,
  drawnParams,
  triangular,
} from '../../sim/experiment/parameter-draws.ts';
import { PARAMETERS } from '../../sim/model/parameters.ts';
import { ACCEPTED_DRAWS } from '../../sim/experiment/accepted-draws.ts';
import { simulate } from '../../sim/model/simulate.ts';
import { runSeed } from '../../sim/core/random.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { loadNodeLibrary } from '../../sim/scenario/node-library.ts';
import { smallConfig } from '../fixtures-backend.ts';

const json = (r: unknown): string =>
  JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

/** A direct backend that records every task it is given. */
function recording(): { backend: SimBackend; tasks: RunTask[] } {
  const inner = new DirectBackend();
  const tasks: RunTask[] = [];
  return {
    tasks,
    backend: {
      concurrency: 1,
      runBatch: (ts, opts) => {
        tasks.push(...ts);
        return inner.runBatch(ts, opts);
      },
      close: () => inner.close(),
    },
  };
}

describe('which parameters are drawn', () => {
  it('every assumption-marked parameter with a range, except the outside trends', () => {
    const ids = DRAWN_PARAMETERS.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(40);
    for (const p of PARAMETERS) {
      const assumed = /assumption/i.test(p.source) && p.max > p.min;
      expect(ids.includes(p.id)).toBe(assumed && !NOT_DRAWN.has(p.id) && !DERIVED.has(p.id));
    }
    expect(ids).not.toContain('quit_wage_sensitivity'); // cited (Vadean & Saloniki): not drawn
    expect(ids).toContain('quit_morale_sensitivity');
    expect(ids).not.toContain('demand_growth');
  });
});

describe('draws', () => {
  it('are a pure function of (seed, parameter, key), within [min, max], and differ between keys and seeds', () => {
    const a = drawAll('s', 3);
    expect(drawAll('s', 3)).toEqual(a);
    expect(drawAll('s', 4)).not.toEqual(a);
    expect(drawAll('t', 3)).not.toEqual(a);
    for (const p of DRAWN_PARAMETERS) {
      const v = a[p.id]!;
      expect(v).toBeGreaterThanOrEqual(p.min);
      expect(v).toBeLessThanOrEqual(p.max);
    }
  });

  it('are triangular with the peak at the default: the right quantiles, and a mean of (min + default + max) / 3', () => {
    expect(triangular(0.5, 0, 1, 2)).toBeCloseTo(1, 12);
    expect(triangular(0.125, 0, 1, 2)).toBeCloseTo(0.5, 12); // F(x) = x²/2 below the peak
    expect(triangular(0.5, 0, 0, 1)).toBeCloseTo(1 - Math.sqrt(0.5), 12);
    expect(triangular(0.3, 2, 2, 2)).toBe(2);
    const p = DRAWN_PARAMETERS.find((d) => d.id === 'quit_morale_sensitivity')!;
    let sum = 0;
    const n = 4000;
    for (let k = 0; k < n; k++) sum += candidateDraw(9, k)[p.id]!;
    expect(sum / n).toBeCloseTo((p.min + p.default + p.max) / 3, 1);
  });

  it('are history-matched: each is one of the kept candidates under which the status quo reproduced the patterns', () => {
    // the kept set was made for the parameters drawn now (else tools/accept-draws.ts must be re-run)
    expect(acceptedCoversDrawn()).toBe(true);
    expect(ACCEPTED_DRAWS.rows.length).toBeGreaterThan(100);
    expect(ACCEPTED_DRAWS.rows.length).toBeLessThan(ACCEPTED_DRAWS.candidates);
    const rows = new Set(ACCEPTED_DRAWS.rows.map((r) => r.join(',')));
    for (let k = 0; k < 50; k++) {
      const d = drawAll('hm', k);
      const row = ACCEPTED_DRAWS.params.map((id) => d[id as keyof typeof d]);
      expect(rows.has(row.join(','))).toBe(true);
    }
    // every kept row lies inside the documented ranges
    for (const r of ACCEPTED_DRAWS.rows)
      ACCEPTED_DRAWS.params.forEach((id, j) => {
        const p = PARAMETERS.find((q) => q.id === id)!;
        expect(r[j]).toBeGreaterThanOrEqual(p.min);
        expect(r[j]).toBeLessThanOrEqual(p.max);
      });
  });

  it('leave pinned parameters alone, and draw nothing for chance-only ranges', () => {
    const config = { ...smallConfig(), pinned: ['trust_build_rate' as const] };
    const d = drawnParams(config, { ranges: 'chance+parameters', seed: 1, key: 0 })!;
    expect(d.trust_build_rate).toBeUndefined();
    expect(d.quit_morale_sensitivity).toBeDefined();
    expect(drawnParams(config, { ranges: 'chance', seed: 1, key: 0 })).toBeUndefined();
  });
});

describe('calibrated together, drawn together', () => {
  const def = (id: string) => PARAMETERS.find((p) => p.id === id)!;

  it("the entry rate follows the owners' closure hazard drawn, so entries still match closures", () => {
    // drawn on its own, the status quo's market went from 40 providers to between 9 and 66 in ten years (80 draws)
    expect(balancedEntryRate(def('exit_base_hazard').default)).toBeCloseTo(def('entry_rate').default, 12);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.004, noNaN: true }),
        fc.double({ min: 0, max: 0.004, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(balancedEntryRate(lo)).toBeLessThanOrEqual(balancedEntryRate(hi));
          const e = balancedEntryRate(hi);
          expect(e).toBeGreaterThanOrEqual(def('entry_rate').min);
          expect(e).toBeLessThanOrEqual(def('entry_rate').max);
        },
      ),
    );
    for (let k = 0; k < 50; k++) {
      const d = drawAll('tie', k);
      expect(d.entry_rate).toBe(balancedEntryRate(d.exit_base_hazard!));
    }
    // closures three times the default (0.004 a week) are balanced inside the documented range, not clipped
    expect(balancedEntryRate(0.004)).toBeLessThan(def('entry_rate').max);
  });

  it('a closure hazard the user pinned is the one entries balance; a pinned entry rate is left alone', () => {
    const base = smallConfig();
    const pinnedExit = {
      ...base,
      params: { ...base.params, exit_base_hazard: 0.003 },
      pinned: ['exit_base_hazard' as const],
    };
    const d = drawnParams(pinnedExit, { ranges: 'chance+parameters', seed: 1, key: 0 })!;
    expect(d.exit_base_hazard).toBeUndefined();
    expect(d.entry_rate).toBe(balancedEntryRate(0.003));
    const pinnedEntry = { ...base, pinned: ['entry_rate' as const] };
    expect(drawnParams(pinnedEntry, { ranges: 'chance+parameters', seed: 1, key: 0 })!.entry_rate).toBeUndefined();
  });
});

describe('pinned by the user', () => {
  it("a scenario's params:, a sweep axis: pinned, and so never drawn", () => {
    const lib = loadNodeLibrary();
    const { config } = loadScenario(
      'id: pins\nplace: midshire\nyears: 1\nparams:\n  trust_build_rate: 0.02\nstrategy:\n  approach: framework\n',
      'pins.yaml',
      lib,
    );
    expect(config.pinned).toEqual(['trust_build_rate']);
    const { specs } = sweepSpecs(config, [{ path: 'params.learning_rate', values: [0.01, 0.02] }], {
      runs: 2,
      seed: 1,
    });
    for (const s of specs) expect(s.config.pinned).toEqual(['learning_rate', 'trust_build_rate']);
    const plain = loadScenario(
      'id: plain\nplace: midshire\nyears: 1\nstrategy:\n  approach: framework\n',
      'p.yaml',
      lib,
    );
    expect(plain.config.pinned).toBeUndefined();
  });

  it('a pinned parameter keeps its value in every run of an ensemble', async () => {
    const { backend, tasks } = recording();
    const config = { ...smallConfig({ weeks: 4 }), pinned: ['learning_rate' as const] };
    config.params = { ...config.params, learning_rate: 0.025 };
    await runEnsemble(backend, config, { runs: 4, seed: 1, series: false });
    expect(tasks).toHaveLength(4);
    for (const t of tasks) {
      expect(t.params).toBeDefined();
      expect(t.params!.learning_rate).toBeUndefined();
    }
  });
});

describe('comparisons stay paired', () => {
  it('replicate i of every scenario gets the same seed and the same draw; replicates differ', async () => {
    const { backend, tasks } = recording();
    const a = smallConfig({ scenarioId: 'a', weeks: 4 });
    const b = smallConfig({ scenarioId: 'b', weeks: 4, levers: { fee_level: 1.1 } });
    await runComparison(backend, [a, b], { runs: 3, seed: 'pair' });
    for (let r = 0; r < 3; r++) {
      const [ta, tb] = ['a', 'b'].map((id) => tasks.find((t) => t.config.scenarioId === id && t.replicate === r)!);
      expect(ta.seed).toBe(tb.seed);
      expect(ta.params).toEqual(tb.params);
      expect(ta.params).toEqual(drawAll('pair', r));
    }
    const r0 = tasks.find((t) => t.replicate === 0)!.params;
    const r1 = tasks.find((t) => t.replicate === 1)!.params;
    expect(r1).not.toEqual(r0);
  });

  it('every ensemble of one experiment shows the same kind of range', async () => {
    const specs = comparisonSpecs([smallConfig({ scenarioId: 'a' }), smallConfig({ scenarioId: 'b' })], {
      runs: 2,
      seed: 1,
    });
    specs[1] = { ...specs[1], ranges: 'chance' };
    await expect(runEnsembles(new DirectBackend(), specs)).rejects.toThrow(/same kind of range/);
    await expect(
      runEnsemble(new DirectBackend(), smallConfig(), { runs: 2, seed: 1, ranges: 'bogus' as 'chance' }),
    ).rejects.toThrow(/ranges must be/);
  });
});

describe('results', () => {
  it('are the same on the direct backend, on pools of 1 and 2 workers, and merged from shards', async () => {
    const config = smallConfig({ weeks: 20 });
    const opts = { runs: 34, seed: 'w', series: true };
    const direct = json(await runEnsemble(new DirectBackend(), config, opts));
    expect(JSON.parse(direct).ranges).toBe('chance+parameters');
    for (const size of [1, 2]) {
      const pool = await WorkerPoolBackend.create({ size });
      try {
        expect(json(await runEnsemble(pool, config, opts))).toBe(direct);
      } finally {
        await pool.close();
      }
    }
    const parts = await Promise.all(
      [1, 2].map(async (index) => {
        const [p] = await runEnsembles(new DirectBackend(), [{ ...opts, config }], { shard: { index, count: 2 } });
        return p;
      }),
    );
    const { finalizeEnsemble } = await import('../../sim/experiment/ensemble.ts');
    expect(json(finalizeEnsemble(mergePartials(parts)))).toBe(direct);
  });

  it('`chance` ranges are exactly the seed-only runs; the default runs each replicate with its draw', async () => {
    const config = smallConfig({ weeks: 12 });
    const seedOnly = (r: EnsembleResult) => r.rows.map((row) => Array.from(row.summary));
    const chance = await runEnsemble(new DirectBackend(), config, { runs: 5, seed: 2, ranges: 'chance' });
    const drawn = await runEnsemble(new DirectBackend(), config, { runs: 5, seed: 2 });
    const byHand = (params?: object) => (r: number) =>
      Array.from(
        simulate(
          params ? { ...config, params: { ...config.params, ...params } } : config,
          runSeed(2, config.scenarioId, r),
          r,
          { log: false },
        ).summary,
      );
    expect(chance.ranges).toBe('chance');
    expect(seedOnly(chance)).toEqual([0, 1, 2, 3, 4].map((r) => byHand()(r)));
    expect(seedOnly(drawn)).toEqual([0, 1, 2, 3, 4].map((r) => byHand(drawAll(2, r))(r)));
    expect(seedOnly(drawn)).not.toEqual(seedOnly(chance));
  });
});
