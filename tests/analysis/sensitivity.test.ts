import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../sim/core/random.ts';
import {
  boundsOf,
  latinHypercube,
  mapToUncertainties,
  SOBOL_MAX_DIMS,
  sobolSequence,
  toRecords,
} from '../../sim/analysis/sampling.ts';
import {
  assertValidUncertainties,
  cdfValue,
  normalCdf,
  normalInv,
  sampleValue,
  validateUncertainties,
  validateUncertainty,
  type Uncertainty,
} from '../../sim/analysis/uncertainty.ts';
import { morrisAnalyse, morrisBudget, morrisDesign, rankDescending } from '../../sim/analysis/morris.ts';
import { saltelliBudget, saltelliDesign, sobolAnalyse } from '../../sim/analysis/sobol.ts';

/* ── test functions with analytic indices ─────────────────────────────────────────────────────────── */

/** Ishigami on the unit cube (inputs mapped to [−π, π]). */
const ishigami =
  (a: number, b: number) =>
  (u: ArrayLike<number>): number => {
    const x = [0, 1, 2].map((i) => -Math.PI + 2 * Math.PI * u[i]);
    return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
  };
function ishigamiIndices(a: number, b: number): { S1: number[]; ST: number[] } {
  const pi4 = Math.PI ** 4;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = (a * a) / 8;
  const V13 = (b * b * pi4 * pi4) / 18 - (b * b * pi4 * pi4) / 50;
  const V = V1 + V2 + V13;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };
}

/** Sobol' g-function. */
const gFunction =
  (a: readonly number[]) =>
  (u: ArrayLike<number>): number => {
    let p = 1;
    for (let i = 0; i < a.length; i++) p *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
    return p;
  };
function gIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const prod = Vi.reduce((p, v) => p * (1 + v), 1);
  const V = prod - 1;
  return { S1: Vi.map((v) => v / V), ST: Vi.map((v) => (v * prod) / (1 + v) / V) };
}

const G_A = [0, 1, 4.5, 9, 99, 99];

describe('analytic reference values', () => {
  it('Ishigami (a=7, b=0.1) matches the published indices', () => {
    const { S1, ST } = ishigamiIndices(7, 0.1);
    expect(S1[0]).toBeCloseTo(0.3139, 4);
    expect(S1[1]).toBeCloseTo(0.4424, 4);
    expect(ST[0]).toBeCloseTo(0.5576, 4);
    expect(ST[1]).toBeCloseTo(0.4424, 4);
    expect(ST[2]).toBeCloseTo(0.2437, 4);
  });
});

/* ── sampling ──────────────────────────────────────────────────────────────────────────────────────── */

describe('latinHypercube', () => {
  it('puts exactly one point in every stratum of every dimension (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (n, k, seed) => {
        const rows = latinHypercube(n, k, createRng(seed));
        expect(rows).toHaveLength(n);
        for (let d = 0; d < k; d++) {
          const seen = new Uint8Array(n);
          for (const row of rows) {
            if (row.length !== k || !(row[d] >= 0 && row[d] < 1)) return false;
            seen[Math.floor(row[d] * n)]++;
          }
          if (!seen.every((c) => c === 1)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic given the seed and differs between seeds', () => {
    const a = latinHypercube(50, 4, createRng(7));
    const b = latinHypercube(50, 4, createRng(7));
    const c = latinHypercube(50, 4, createRng(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('rejects bad sizes', () => {
    expect(() => latinHypercube(0, 2, createRng(1))).toThrow(/n must be/);
    expect(() => latinHypercube(3, 1.5, createRng(1))).toThrow(/k must be/);
  });
});

describe('sobolSequence', () => {
  it('matches the reference first points (same as SciPy, unscrambled)', () => {
    const pts = sobolSequence(8, 3).map((r) => Array.from(r));
    expect(pts).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('every 1-D projection of the first 2^m points is perfectly stratified, with or without a digital shift', () => {
    const m = 7;
    for (const shift of [undefined, createRng(3)]) {
      const pts = sobolSequence(2 ** m, SOBOL_MAX_DIMS, { shift });
      for (let d = 0; d < SOBOL_MAX_DIMS; d++) {
        const bins = new Uint8Array(2 ** m);
        for (const p of pts) bins[Math.floor(p[d] * 2 ** m)]++;
        expect(
          Array.from(bins).every((c) => c === 1),
          `dimension ${d}`,
        ).toBe(true);
      }
    }
  });

  it('the first two dimensions form a (0, m, 2)-net', () => {
    const m = 8;
    const pts = sobolSequence(2 ** m, 2, { shift: createRng(11) });
    for (let a = 0; a <= m; a++) {
      const counts = new Map<string, number>();
      for (const p of pts) {
        const key = `${Math.floor(p[0] * 2 ** a)},${Math.floor(p[1] * 2 ** (m - a))}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect(counts.size).toBe(2 ** m);
    }
  });

  it('refuses more dimensions than it has direction numbers for', () => {
    expect(() => sobolSequence(4, SOBOL_MAX_DIMS + 1)).toThrow(/at most/);
  });
});

/* ── uncertainties ─────────────────────────────────────────────────────────────────────────────────── */

const DECLS: Uncertainty[] = [
  { id: 'wage', path: 'inputs.outside_wage_growth', dist: 'uniform', min: 0, max: 0.08 },
  { id: 'trust', path: 'initial.trust_providers_to_commissioner', dist: 'triangular', min: 0.1, max: 0.9, mode: 0.3 },
  { id: 'x', path: 'params.x', dist: 'normal-truncated', min: 0, max: 10, mean: 4, sd: 2 },
  { id: 'share', path: 'events[2].share', dist: 'loguniform', min: 0.01, max: 1 },
  { id: 'n', path: 'params.providers', dist: 'discrete', min: 1, max: 9, values: [5, 1, 9] },
];

describe('uncertainty declarations', () => {
  it('accepts valid declarations', () => {
    expect(validateUncertainties(DECLS)).toEqual([]);
    expect(() => assertValidUncertainties(DECLS)).not.toThrow();
  });

  it('explains what is wrong', () => {
    const bad = (u: Partial<Uncertainty>) => validateUncertainty({ ...DECLS[0], ...u } as Uncertainty).join('\n');
    expect(bad({ min: 1, max: 0 })).toMatch(/min \(1\) must be less than max \(0\)/);
    expect(bad({ dist: 'triangular', min: 0, max: 1, mode: 2 })).toMatch(/mode \(2\) must lie within \[min, max\]/);
    expect(bad({ dist: 'loguniform', min: 0, max: 1 })).toMatch(/loguniform needs min > 0/);
    expect(bad({ dist: 'normal-truncated', sd: -1 })).toMatch(/sd must be a positive number/);
    expect(bad({ dist: 'discrete', values: [] })).toMatch(/non-empty 'values'/);
    expect(bad({ dist: 'discrete', min: 0, max: 1, values: [0.5, 2] })).toMatch(/values 2 are not/);
    expect(bad({ dist: 'gamma' as never })).toMatch(/dist must be one of/);
    expect(bad({ path: 'events[2' })).toMatch(/path/);
    expect(bad({ mode: 0.01 })).toMatch(/'mode' only applies to triangular/);
    const dup = validateUncertainties([DECLS[0], { ...DECLS[1], id: 'wage' }]).join('\n');
    expect(dup).toMatch(/id is already used/);
    expect(() => assertValidUncertainties([{ ...DECLS[0], min: 2, max: 1 }])).toThrow(
      /invalid uncertainty declarations/,
    );
  });

  it('inverse CDFs are monotone, stay in [min, max] and invert the CDF (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, p, q) => {
          const u = DECLS[d];
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const a = sampleValue(u, lo);
          const b = sampleValue(u, hi);
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(u.min);
          expect(b).toBeLessThanOrEqual(u.max);
          if (u.dist !== 'discrete') expect(cdfValue(u, a)).toBeCloseTo(lo, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the right quantiles', () => {
    expect(sampleValue(DECLS[0], 0.25)).toBeCloseTo(0.02, 12);
    // triangular (0.1, 0.3, 0.9): F(mode) = 0.25
    expect(sampleValue(DECLS[1], 0.25)).toBeCloseTo(0.3, 12);
    expect(sampleValue(DECLS[1], 1)).toBeCloseTo(0.9, 12);
    // loguniform median is the geometric mean
    expect(sampleValue(DECLS[3], 0.5)).toBeCloseTo(0.1, 12);
    // discrete: equally likely, ascending
    expect([0, 0.3, 0.34, 0.67, 0.999].map((p) => sampleValue(DECLS[4], p))).toEqual([1, 1, 5, 9, 9]);
    // symmetric truncation keeps the median at the mean
    expect(sampleValue({ ...DECLS[2], mean: 5 }, 0.5)).toBeCloseTo(5, 10);
    // truncated normal: P(X <= 4 | 0 <= X <= 10) with X ~ N(4, 2)
    const pa = normalCdf(-2);
    const expected = (0.5 - pa) / (normalCdf(3) - pa);
    expect(sampleValue(DECLS[2], expected)).toBeCloseTo(4, 9);
  });

  it('normal helpers are accurate', () => {
    expect(normalInv(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-6)).toBeCloseTo(9.86587645037698e-10, 20);
    expect(normalInv(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });

  it('maps unit samples to declared values and records', () => {
    const unit = latinHypercube(20, DECLS.length, createRng(2));
    const values = mapToUncertainties(unit, DECLS);
    values.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(sampleValue(DECLS[j], unit[i][j]))));
    const recs = toRecords(unit, DECLS);
    expect(Object.keys(recs[0])).toEqual(['wage', 'trust', 'x', 'share', 'n']);
    expect(recs[3].trust).toBe(values[3][1]);
    expect(boundsOf(DECLS).lo).toEqual([0, 0.1, 0, 0.01, 1]);
    expect(() => mapToUncertainties([new Float64Array(2)], DECLS)).toThrow(/2 columns for 5 uncertainties/);
  });
});

/* ── Morris ────────────────────────────────────────────────────────────────────────────────────────── */

describe('Morris elementary effects', () => {
  it('builds one-at-a-time trajectories of ±Δ on the grid', () => {
    const k = 5;
    const d = morrisDesign(k, 10, 4, createRng(1));
    expect(d.points).toHaveLength(morrisBudget(k, 10));
    expect(d.delta).toBeCloseTo(2 / 3, 12);
    for (const t of d.trajectories) {
      expect(t.steps.map((s) => s.dim).sort()).toEqual([0, 1, 2, 3, 4]);
      for (const s of t.steps) {
        const a = d.points[s.from];
        const b = d.points[s.to];
        for (let i = 0; i < k; i++) {
          expect(a[i] * 3).toBeCloseTo(Math.round(a[i] * 3), 9);
          if (i === s.dim) expect(Math.abs(b[i] - a[i])).toBeCloseTo(d.delta, 12);
          else expect(b[i]).toBe(a[i]);
        }
      }
    }
  });

  it('recovers exact effects of a linear function (scaled by range)', () => {
    const coef = [3, -2, 0.5, 0];
    const d = morrisDesign(4, 8, 4, createRng(4));
    const out = d.points.map((x) => coef.reduce((s, c, i) => s + c * x[i], 1));
    const res = morrisAnalyse(d, out, { bootstrap: 0 });
    res.forEach((r, i) => {
      expect(r.mu).toBeCloseTo(coef[i], 10);
      expect(r.muStar).toBeCloseTo(Math.abs(coef[i]), 10);
      expect(r.sigma).toBeCloseTo(0, 10);
    });
  });

  for (const scheme of ['trajectory', 'radial'] as const) {
    it(`ranks g-function inputs (a = ${G_A.join(', ')}) in the order of a — ${scheme} design`, () => {
      const g = gFunction(G_A);
      const d = morrisDesign(6, 40, 4, createRng(12), {
        scheme,
        candidates: scheme === 'trajectory' ? 120 : undefined,
      });
      const res = morrisAnalyse(d, d.points.map(g), { seed: 3, names: ['a0', 'a1', 'a4.5', 'a9', 'a99', 'a99b'] });
      const mu = res.map((r) => r.muStar);
      expect(mu[0]).toBeGreaterThan(mu[1]);
      expect(mu[1]).toBeGreaterThan(mu[2]);
      expect(mu[2]).toBeGreaterThan(mu[3]);
      expect(mu[3]).toBeGreaterThan(Math.max(mu[4], mu[5]));
      // the bootstrap intervals of the top three inputs do not overlap for the trajectory design
      if (scheme === 'trajectory') {
        expect(res[0].muStarConfLow).toBeGreaterThan(res[1].muStarConfHigh);
        expect(res[1].muStarConfLow).toBeGreaterThan(res[2].muStarConfHigh);
      }
      for (const r of res) {
        expect(r.muStarConfLow).toBeLessThanOrEqual(r.muStar);
        expect(r.muStarConfHigh).toBeGreaterThanOrEqual(r.muStar);
      }
      expect(res[0].name).toBe('a0');
    });
  }

  it('ranking is unchanged when the number of trajectories is doubled', () => {
    const g = gFunction(G_A);
    const ranks = [20, 40].map((r) => {
      const d = morrisDesign(6, r, 4, createRng(99));
      return rankDescending(morrisAnalyse(d, d.points.map(g), { bootstrap: 0 }).map((x) => x.muStar)).slice(0, 4);
    });
    expect(ranks[0]).toEqual([0, 1, 2, 3]);
    expect(ranks[1]).toEqual(ranks[0]);
  });

  it('is deterministic given the seed', () => {
    const g = gFunction(G_A);
    const run = (seed: number) => {
      const d = morrisDesign(6, 10, 4, createRng(seed), { candidates: 30 });
      return { d, res: morrisAnalyse(d, d.points.map(g), { rng: createRng(seed + 1), bootstrap: 200 }) };
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5).d.points).not.toEqual(run(6).d.points);
  });

  it('rejects outputs that do not match the design', () => {
    const d = morrisDesign(3, 4, 4, createRng(1));
    expect(() => morrisAnalyse(d, [1, 2, 3])).toThrow(/expected 16 outputs/);
    expect(() =>
      morrisAnalyse(
        d,
        d.points.map((_, i) => (i === 3 ? NaN : 1)),
      ),
    ).toThrow(/output 3 is NaN/);
  });
});

/* ── Sobol ─────────────────────────────────────────────────────────────────────────────────────────── */

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('design has n × (k + 2) points, A_B^i = A with column i from B', () => {
    const d = saltelliDesign(4, 64, createRng(1));
    expect(d.points).toHaveLength(saltelliBudget(4, 64));
    expect(d.budget).toBe(64 * 6);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 64; j++) {
        for (let c = 0; c < 4; c++) expect(d.AB[i][j][c]).toBe(c === i ? d.B[j][c] : d.A[j][c]);
        expect(d.points[(2 + i) * 64 + j]).toBe(d.AB[i][j]);
      }
    }
  });

  it('Ishigami (a=7, b=0.1), n = 4096 Sobol points: S1 and ST within ±0.02 of analytic', () => {
    const f = ishigami(7, 0.1);
    const exact = ishigamiIndices(7, 0.1);
    const d = saltelliDesign(3, 4096, createRng(2024));
    const res = sobolAnalyse(d, d.points.map(f), { seed: 1 });
    res.indices.forEach((r, i) => {
      expect(Math.abs(r.S1 - exact.S1[i]), `S1[${i}] = ${r.S1}`).toBeLessThan(0.02);
      expect(Math.abs(r.ST - exact.ST[i]), `ST[${i}] = ${r.ST}`).toBeLessThan(0.02);
      // the 95% bootstrap intervals cover the analytic values (with a small margin) and are not silly
      expect(r.S1ConfLow - 0.005).toBeLessThan(exact.S1[i]);
      expect(r.S1ConfHigh + 0.005).toBeGreaterThan(exact.S1[i]);
      expect(r.STConfLow - 0.005).toBeLessThan(exact.ST[i]);
      expect(r.STConfHigh + 0.005).toBeGreaterThan(exact.ST[i]);
      expect(r.S1ConfHigh - r.S1ConfLow).toBeLessThan(0.15);
    });
    // variance of Ishigami: a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
    expect(res.variance).toBeCloseTo(7 ** 2 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5, 0);
  });

  it('Ishigami with a Latin hypercube sampler and the Saltelli 2010 first-order estimator: within ±0.05', () => {
    const f = ishigami(7, 0.1);
    const exact = ishigamiIndices(7, 0.1);
    const d = saltelliDesign(3, 4096, createRng(7), { sampler: 'lhs' });
    const res = sobolAnalyse(d, d.points.map(f), { bootstrap: 0, firstOrder: 'saltelli2010' });
    res.indices.forEach((r, i) => {
      expect(Math.abs(r.S1 - exact.S1[i])).toBeLessThan(0.05);
      expect(Math.abs(r.ST - exact.ST[i])).toBeLessThan(0.05);
    });
  });

  it('g-function (a = 0, 1, 4.5, 9, 99, 99), n = 4096: S1 and ST within ±0.02 of analytic', () => {
    const f = gFunction(G_A);
    const exact = gIndices(G_A);
    const d = saltelliDesign(6, 4096, createRng(31));
    const res = sobolAnalyse(d, d.points.map(f), { bootstrap: 100 });
    res.indices.forEach((r, i) => {
      expect(Math.abs(r.S1 - exact.S1[i]), `S1[${i}] = ${r.S1} vs ${exact.S1[i]}`).toBeLessThan(0.02);
      expect(Math.abs(r.ST - exact.ST[i]), `ST[${i}] = ${r.ST} vs ${exact.ST[i]}`).toBeLessThan(0.02);
    });
    expect(rankDescending(res.indices.map((r) => r.ST)).slice(0, 4)).toEqual([0, 1, 2, 3]);
  });

  it('ST ranking is unchanged when the sample is doubled', () => {
    const f = gFunction(G_A);
    const ranks = [1024, 2048].map((n) => {
      const d = saltelliDesign(6, n, createRng(5));
      return rankDescending(sobolAnalyse(d, d.points.map(f), { bootstrap: 0 }).indices.map((r) => r.ST)).slice(0, 4);
    });
    expect(ranks[0]).toEqual([0, 1, 2, 3]);
    expect(ranks[1]).toEqual(ranks[0]);
  });

  it('is deterministic given the seed', () => {
    const f = ishigami(7, 0.1);
    const run = (seed: number) => {
      const d = saltelliDesign(3, 256, createRng(seed));
      return sobolAnalyse(d, d.points.map(f), { rng: createRng(seed), bootstrap: 50 });
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3).indices[0].S1).not.toBe(run(4).indices[0].S1);
  });

  it('gives zero indices for a constant output and rejects mismatched outputs', () => {
    const d = saltelliDesign(2, 16, createRng(1));
    const res = sobolAnalyse(
      d,
      d.points.map(() => 5),
      { bootstrap: 10 },
    );
    for (const r of res.indices) {
      expect(r.S1).toBe(0);
      expect(r.ST).toBe(0);
    }
    expect(() => sobolAnalyse(d, [1, 2])).toThrow(/expected 64 outputs/);
    expect(() => saltelliDesign(30, 16, createRng(1), { sampler: 'sobol' })).toThrow(/supports k <= 26/);
    expect(saltelliDesign(30, 16, createRng(1)).sampler).toBe('lhs');
  });
});
