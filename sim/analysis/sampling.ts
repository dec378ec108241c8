/**
 * Space-filling samples of the unit cube, and the map from unit samples to declared uncertainties.
 *
 * - `latinHypercube`: one point per stratum per dimension, strata randomly permuted, jittered within.
 * - `sobolSequence`: Sobol low-discrepancy sequence (Gray-code order, Joe & Kuo 2008 direction numbers,
 *   new-joe-kuo-6.21201) for up to SOBOL_MAX_DIMS dimensions, with an optional random digital shift
 *   (XOR of a random 32-bit word per dimension), which keeps every (t, m, s)-net property and makes the
 *   points depend on the seed.
 * - `mapToUncertainties` / `toRecords`: unit rows → values of declared distributions (inverse CDF).
 *
 * Everything is deterministic given the Rng; never Math.random. Pure TypeScript.
 */
import type { Rng } from '../core/random.ts';
import { sampleValue, type Uncertainty } from './uncertainty.ts';

/** Random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min} (got ${value})`);
}

/**
 * Latin hypercube of n points in [0, 1)^k: for every dimension, each of the n strata [i/n, (i+1)/n)
 * holds exactly one point. Returns n rows of length k. Draw order: dimension by dimension, the
 * permutation then the n jitters, so the result depends only on (n, k, rng state).
 */
export function latinHypercube(n: number, k: number, rng: Rng, opts: { centred?: boolean } = {}): Float64Array[] {
  checkCount('latinHypercube: n', n, 1);
  checkCount('latinHypercube: k', k, 1);
  const rows = Array.from({ length: n }, () => new Float64Array(k));
  for (let d = 0; d < k; d++) {
    const p = permutation(n, rng);
    for (let i = 0; i < n; i++) {
      const jitter = opts.centred ? 0.5 : rng.next();
      rows[i][d] = (p[i] + jitter) / n;
    }
  }
  return rows;
}

/** n independent uniform points in [0, 1)^k (plain Monte Carlo). */
export function uniformSample(n: number, k: number, rng: Rng): Float64Array[] {
  checkCount('uniformSample: n', n, 1);
  checkCount('uniformSample: k', k, 1);
  return Array.from({ length: n }, () => {
    const row = new Float64Array(k);
    for (let d = 0; d < k; d++) row[d] = rng.next();
    return row;
  });
}

/* ── Sobol sequence ──────────────────────────────────────────────────────────────────────────────── */

/**
 * Joe & Kuo (2008) direction numbers, file new-joe-kuo-6.21201, dimensions 2..53: rows 's a m_1 .. m_s'
 * (degree of the primitive polynomial, its inner coefficients as bits, initial direction integers).
 * Dimension 1 is van der Corput and needs no row.
 */
const JOE_KUO =
  '1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|5 7 1 1 7 11 19|5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|6 13 1 1 1 15 21 21|6 16 1 3 1 13 27 49|6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|7 4 1 3 7 13 13 15 69|7 7 1 1 3 13 7 35 63|7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|7 41 1 3 5 13 23 1 55|7 42 1 3 7 3 13 59 17|7 50 1 3 1 3 5 53 69|7 55 1 1 5 5 23 33 13|7 56 1 1 7 7 1 61 123|7 59 1 1 7 9 13 61 49|7 62 1 3 3 5 3 55 33|8 14 1 3 1 15 31 13 49 245|8 21 1 3 5 15 31 59 63 97|8 22 1 3 1 11 11 11 77 249|8 38 1 3 1 11 27 43 71 9|8 47 1 1 7 15 21 11 81 45|8 49 1 3 7 3 25 31 65 79|8 50 1 3 1 1 19 11 3 205|8 52 1 1 5 9 19 21 29 157|8 56 1 3 7 11 1 33 89 185|8 67 1 3 3 3 15 9 79 71|8 70 1 3 7 11 15 39 119 27|8 84 1 1 3 1 11 31 97 225|8 97 1 1 1 3 23 43 57 177|8 103 1 3 7 7 17 17 37 71|8 115 1 3 1 5 27 63 123 213|8 122 1 1 3 5 11 43 53 133';

const BITS = 32;

const DIRECTIONS: readonly Uint32Array[] = (() => {
  const all: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let j = 0; j < BITS; j++) first[j] = (1 << (BITS - 1 - j)) >>> 0;
  all.push(first);
  for (const row of JOE_KUO.split('|')) {
    const nums = row.split(' ').map(Number);
    const s = nums[0];
    const a = nums[1];
    const m = nums.slice(2);
    const v = new Uint32Array(BITS);
    for (let j = 0; j < BITS; j++) {
      if (j < s) {
        v[j] = (m[j] << (BITS - 1 - j)) >>> 0;
      } else {
        let x = v[j - s] ^ (v[j - s] >>> s);
        for (let q = 1; q < s; q++) if ((a >>> (s - 1 - q)) & 1) x ^= v[j - q];
        v[j] = x >>> 0;
      }
    }
    all.push(v);
  }
  return all;
})();

/** Number of dimensions the built-in Sobol direction numbers cover. */
export const SOBOL_MAX_DIMS = DIRECTIONS.length;

/**
 * First n points (after `skip`) of the dims-dimensional Sobol sequence, in Gray-code order (the order of
 * SciPy's and SALib's generators: 0, 1/2, 3/4, 1/4, ...). Any prefix of 2^m points is a (t, m, s)-net, so
 * powers of two give the best balance. With `shift`, a random digital shift per dimension is applied
 * (one 32-bit draw per dimension, drawn before anything else).
 */
export function sobolSequence(n: number, dims: number, opts: { skip?: number; shift?: Rng } = {}): Float64Array[] {
  checkCount('sobolSequence: n', n, 0);
  checkCount('sobolSequence: dims', dims, 1);
  const skip = opts.skip ?? 0;
  checkCount('sobolSequence: skip', skip, 0);
  if (dims > SOBOL_MAX_DIMS) {
    throw new Error(
      `sobolSequence: at most ${SOBOL_MAX_DIMS} dimensions are supported (asked for ${dims}); use latinHypercube instead`,
    );
  }
  if (n + skip > 2 ** BITS - 1) throw new Error('sobolSequence: too many points for 32-bit direction numbers');
  const shifts = new Uint32Array(dims);
  if (opts.shift) for (let d = 0; d < dims; d++) shifts[d] = Math.floor(opts.shift.next() * 2 ** 32) >>> 0;
  const state = new Uint32Array(dims);
  const out: Float64Array[] = [];
  const total = skip + n;
  for (let i = 0; i < total; i++) {
    if (i > 0) {
      // Gray code: point i differs from point i-1 by the direction of the lowest zero bit of (i - 1)
      let c = 0;
      let v = i - 1;
      while (v & 1) {
        v >>>= 1;
        c++;
      }
      for (let d = 0; d < dims; d++) state[d] = (state[d] ^ DIRECTIONS[d][c]) >>> 0;
    }
    if (i >= skip) {
      const row = new Float64Array(dims);
      for (let d = 0; d < dims; d++) row[d] = ((state[d] ^ shifts[d]) >>> 0) / 2 ** BITS;
      out.push(row);
    }
  }
  return out;
}

/* ── mapping to declared distributions ───────────────────────────────────────────────────────────── */

/** Map unit rows (n × k, column j ↔ uncertainties[j]) to values via each declared inverse CDF. */
export function mapToUncertainties(
  unit: readonly ArrayLike<number>[],
  uncertainties: readonly Uncertainty[],
): Float64Array[] {
  return unit.map((row, i) => {
    if (row.length !== uncertainties.length) {
      throw new Error(
        `mapToUncertainties: row ${i} has ${row.length} columns for ${uncertainties.length} uncertainties`,
      );
    }
    const out = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) out[j] = sampleValue(uncertainties[j], row[j]);
    return out;
  });
}

/** Map unit rows to one { id: value } record per row. */
export function toRecords(
  unit: readonly ArrayLike<number>[],
  uncertainties: readonly Uncertainty[],
): Record<string, number>[] {
  return mapToUncertainties(unit, uncertainties).map((row) => {
    const rec: Record<string, number> = {};
    uncertainties.forEach((u, j) => {
      rec[u.id] = row[j];
    });
    return rec;
  });
}

/** Linear map of unit rows to boxes [lo_j, hi_j] (for plain numeric ranges without a declaration). */
export function scaleToBounds(
  unit: readonly ArrayLike<number>[],
  lo: readonly number[],
  hi: readonly number[],
): Float64Array[] {
  return unit.map((row) => {
    const out = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) out[j] = lo[j] + row[j] * (hi[j] - lo[j]);
    return out;
  });
}

/** Bounds { lo, hi } of a list of declarations, in declaration order (for PRIM). */
export function boundsOf(uncertainties: readonly Uncertainty[]): { lo: number[]; hi: number[] } {
  return { lo: uncertainties.map((u) => u.min), hi: uncertainties.map((u) => u.max) };
}
