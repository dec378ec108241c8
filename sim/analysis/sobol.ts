/**
 * Variance-based (Sobol) sensitivity indices from a Saltelli design.
 *
 * Design (Saltelli 2002, 2010): two independent n × k base matrices A and B (the two halves of one
 * 2k-dimensional digitally shifted Sobol sequence, or of a Latin hypercube), and for each input i the matrix
 * A_B^i = A with column i taken from B.
 *
 *   RUN BUDGET: n × (k + 2) model runs  (n for A, n for B, n for each of the k matrices A_B^i).
 *   e.g. k = 10 inputs, n = 512 → 6,144 runs. Powers of two for n keep the Sobol points balanced.
 *
 * Estimators (Saltelli et al. 2010, Table 2), with V the variance of f over A and B together:
 *   first order, Jansen (1999):       S1_i = 1 − mean[(f(B) − f(A_B^i))²] / (2V)      (default)
 *   first order, Saltelli (2010):     S1_i = mean[f(B) (f(A_B^i) − f(A))] / V           (firstOrder: 'saltelli2010')
 *   total, Jansen (1999):             ST_i = mean[(f(A) − f(A_B^i))²] / (2V)
 * Confidence intervals: percentile bootstrap over the n rows (A, B and every A_B^i resampled together).
 */
import type { Rng } from '../core/random.ts';
import { createRng } from '../core/random.ts';
import { percentileInterval } from '../experiment/stats.ts';
import { checkOutputs, type BootstrapOptions } from './morris.ts';
import { latinHypercube, SOBOL_MAX_DIMS, sobolSequence, uniformSample } from './sampling.ts';

export type SaltelliSampler = 'sobol' | 'lhs' | 'random';

export interface SaltelliDesign {
  k: number;
  n: number;
  sampler: SaltelliSampler;
  A: Float64Array[];
  B: Float64Array[];
  /** AB[i][j]: row j of A with column i from B */
  AB: Float64Array[][];
  /** every point to run, in block order [A (n rows); B (n rows); A_B^0 (n rows); ...; A_B^{k-1} (n rows)] */
  points: Float64Array[];
  /** n × (k + 2) */
  budget: number;
}

/** Model runs a Saltelli design needs: n × (k + 2). */
export function saltelliBudget(k: number, n: number): number {
  return n * (k + 2);
}

/**
 * Saltelli design in the unit cube. Sampler 'sobol' (default when 2k ≤ SOBOL_MAX_DIMS, i.e. k ≤ 26) uses a
 * randomly digitally shifted Sobol sequence; otherwise a 2k-dimensional Latin hypercube.
 */
export function saltelliDesign(
  k: number,
  n: number,
  rng: Rng,
  opts: { sampler?: SaltelliSampler } = {},
): SaltelliDesign {
  if (!Number.isInteger(k) || k < 1) throw new Error(`saltelliDesign: k must be an integer >= 1 (got ${k})`);
  if (!Number.isInteger(n) || n < 2) throw new Error(`saltelliDesign: n must be an integer >= 2 (got ${n})`);
  const sampler = opts.sampler ?? (2 * k <= SOBOL_MAX_DIMS ? 'sobol' : 'lhs');
  let base: Float64Array[];
  if (sampler === 'sobol') {
    if (2 * k > SOBOL_MAX_DIMS) {
      throw new Error(
        `saltelliDesign: the Sobol sampler supports k <= ${Math.floor(SOBOL_MAX_DIMS / 2)} inputs (got ${k}); use sampler 'lhs'`,
      );
    }
    base = sobolSequence(n, 2 * k, { shift: rng });
  } else if (sampler === 'lhs') {
    base = latinHypercube(n, 2 * k, rng);
  } else if (sampler === 'random') {
    base = uniformSample(n, 2 * k, rng);
  } else {
    throw new Error(`saltelliDesign: unknown sampler ${String(sampler)}`);
  }
  const A = base.map((row) => row.slice(0, k));
  const B = base.map((row) => row.slice(k, 2 * k));
  const AB = Array.from({ length: k }, (_, i) =>
    A.map((row, j) => {
      const p = Float64Array.from(row);
      p[i] = B[j][i];
      return p;
    }),
  );
  const points = [...A, ...B, ...AB.flat()];
  return { k, n, sampler, A, B, AB, points, budget: saltelliBudget(k, n) };
}

export interface SobolIndex {
  input: number;
  name?: string;
  S1: number;
  S1ConfLow: number;
  S1ConfHigh: number;
  ST: number;
  STConfLow: number;
  STConfHigh: number;
}

export interface SobolResult {
  /** output variance V over A and B */
  variance: number;
  mean: number;
  indices: SobolIndex[];
}

/** `bootstrap`: resamples (default 500). */
export interface SobolAnalyseOptions extends BootstrapOptions {
  /** first-order estimator (default 'jansen') */
  firstOrder?: 'jansen' | 'saltelli2010';
}

function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: Float64Array[],
  rows: ArrayLike<number>,
  firstOrder: 'jansen' | 'saltelli2010',
  s1: Float64Array,
  st: Float64Array,
): number {
  const n = rows.length;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += fA[rows[j]] + fB[rows[j]];
  mean /= 2 * n;
  let v = 0;
  for (let j = 0; j < n; j++) v += (fA[rows[j]] - mean) ** 2 + (fB[rows[j]] - mean) ** 2;
  v /= 2 * n - 1;
  const k = fAB.length;
  for (let i = 0; i < k; i++) {
    const f = fAB[i];
    let first = 0;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j];
      total += (fA[r] - f[r]) ** 2;
      first += firstOrder === 'jansen' ? (fB[r] - f[r]) ** 2 : (fB[r] - mean) * (f[r] - fA[r]);
    }
    st[i] = v > 0 ? total / (2 * n * v) : 0;
    s1[i] = v > 0 ? (firstOrder === 'jansen' ? 1 - first / (2 * n * v) : first / (n * v)) : 0;
  }
  return v;
}

/** First-order and total Sobol indices with bootstrap intervals, from outputs aligned with design.points. */
export function sobolAnalyse(
  design: SaltelliDesign,
  outputs: ArrayLike<number>,
  opts: SobolAnalyseOptions = {},
): SobolResult {
  const { k, n } = design;
  checkOutputs(outputs, design.points.length, 'sobolAnalyse');
  const firstOrder = opts.firstOrder ?? 'jansen';
  const fA = Float64Array.from({ length: n }, (_, j) => outputs[j]);
  const fB = Float64Array.from({ length: n }, (_, j) => outputs[n + j]);
  const fAB = Array.from({ length: k }, (_, i) => Float64Array.from({ length: n }, (_, j) => outputs[(2 + i) * n + j]));
  const identity = Int32Array.from({ length: n }, (_, j) => j);
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  const variance = estimate(fA, fB, fAB, identity, firstOrder, s1, st);
  let mean = 0;
  for (let j = 0; j < n; j++) mean += fA[j] + fB[j];
  mean /= 2 * n;

  const Bn = opts.bootstrap ?? 500;
  const level = opts.confidence ?? 0.95;
  const s1Boot = Array.from({ length: k }, () => new Float64Array(Bn));
  const stBoot = Array.from({ length: k }, () => new Float64Array(Bn));
  if (Bn > 0) {
    const rng = opts.rng ?? createRng(opts.seed ?? 1);
    const rows = new Int32Array(n);
    const bs1 = new Float64Array(k);
    const bst = new Float64Array(k);
    for (let b = 0; b < Bn; b++) {
      for (let j = 0; j < n; j++) rows[j] = rng.int(n);
      estimate(fA, fB, fAB, rows, firstOrder, bs1, bst);
      for (let i = 0; i < k; i++) {
        s1Boot[i][b] = bs1[i];
        stBoot[i][b] = bst[i];
      }
    }
    for (let i = 0; i < k; i++) {
      s1Boot[i].sort();
      stBoot[i].sort();
    }
  }
  const indices: SobolIndex[] = Array.from({ length: k }, (_, i) => {
    const s1Conf = Bn > 0 ? percentileInterval(s1Boot[i], level) : { low: s1[i], high: s1[i] };
    const stConf = Bn > 0 ? percentileInterval(stBoot[i], level) : { low: st[i], high: st[i] };
    const idx: SobolIndex = {
      input: i,
      S1: s1[i],
      S1ConfLow: s1Conf.low,
      S1ConfHigh: s1Conf.high,
      ST: st[i],
      STConfLow: stConf.low,
      STConfHigh: stConf.high,
    };
    if (opts.names) idx.name = opts.names[i];
    return idx;
  });
  return { variance, mean, indices };
}
