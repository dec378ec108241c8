/**
 * The statistics of runs, ensembles, comparisons and the analyses built on them (sim/analysis imports these
 * rather than keeping its own). Quantiles follow Hyndman & Fan type 7 (the default of
 * R and numpy): h = (n - 1) q, interpolate between the order statistics around h.
 */

/** Type-7 quantile of an ascending-sorted array (NaN if empty). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The central `level` interval of an ascending-sorted sample, e.g. a bootstrap percentile interval (level 0.95: p2.5 to p97.5). */
export function percentileInterval(sorted: ArrayLike<number>, level: number): { low: number; high: number } {
  const q = (1 - level) / 2;
  return { low: quantileSorted(sorted, q), high: quantileSorted(sorted, 1 - q) };
}

/** Sum in the order given (callers fix the order, e.g. replicate order, so results are reproducible). */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Sample standard deviation (n - 1). */
export function sd(values: ArrayLike<number>, m = mean(values)): number {
  const n = values.length;
  if (n < 2) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

export interface SummaryStats {
  n: number;
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

/** mean, sd and p5/p50/p95 of values (NaN values are dropped); values in a fixed order for exact repeatability. */
export function summaryStats(values: readonly number[]): SummaryStats {
  const v = values.filter((x) => !Number.isNaN(x));
  const m = mean(v);
  const sorted = Float64Array.from(v).sort();
  return {
    n: v.length,
    mean: m,
    sd: sd(v, m),
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

// Student t 0.95 quantiles for 1..30 degrees of freedom; above 30 the Cornish-Fisher expansion
// (Abramowitz & Stegun 26.7.5) is accurate to about 1e-4.
const T95 = [
  NaN,
  6.3138,
  2.92,
  2.3534,
  2.1318,
  2.015,
  1.9432,
  1.8946,
  1.8595,
  1.8331,
  1.8125,
  1.7959,
  1.7823,
  1.7709,
  1.7613,
  1.7531,
  1.7459,
  1.7396,
  1.7341,
  1.7291,
  1.7247,
  1.7207,
  1.7171,
  1.7139,
  1.7109,
  1.7081,
  1.7056,
  1.7033,
  1.7011,
  1.6991,
  1.6973,
];

/** Upper 0.95 quantile of Student's t with df degrees of freedom (non-integer df rounded down; Welch). */
export function t95(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30) return T95[Math.floor(df)];
  const z = 1.6448536269514722;
  const z3 = z ** 3,
    z5 = z ** 5,
    z7 = z ** 7,
    z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/**
 * Counts of values in logarithmic bins of relative width 2α (DDSketch, Masson et al. 2019): a quantile read
 * from it is a true order statistic's value to within ±α relative (values with |x| < ZERO_BAND count as 0).
 * Counts only add, so the result does not depend on the order values arrive in, or on how they were split
 * across shards. α = 0.5%.
 */
export const HIST_ALPHA = 0.005;
const GAMMA = (1 + HIST_ALPHA) / (1 - HIST_ALPHA);
const LN_GAMMA = Math.log(GAMMA);
export const ZERO_BAND = 1e-9;
/** the bins a finite value outside the zero band can fall in (|x| from ZERO_BAND to the largest double) */
const MIN_KEY = Math.floor(Math.log(ZERO_BAND) / LN_GAMMA) - 2;
const MAX_KEY = Math.ceil(Math.log(Number.MAX_VALUE) / LN_GAMMA) + 2;

class DenseStore {
  offset = 0;
  counts: Uint32Array | null = null;

  add(key: number, count = 1): void {
    if (!this.counts) {
      this.offset = key - 8;
      this.counts = new Uint32Array(16);
    }
    let i = key - this.offset;
    if (i < 0 || i >= this.counts.length) {
      const lo = Math.min(this.offset, key);
      const hi = Math.max(this.offset + this.counts.length, key + 1);
      const len = Math.max(hi - lo, this.counts.length * 2);
      const start = i < 0 ? hi - len : lo;
      const grown = new Uint32Array(len);
      grown.set(this.counts, this.offset - start);
      this.counts = grown;
      this.offset = start;
      i = key - start;
    }
    this.counts[i] += count;
  }

  /** adds every count of another store (a plain copy when this one is still empty) */
  addStore(other: DenseStore): void {
    const c = other.counts;
    if (!c) return;
    if (!this.counts) {
      this.offset = other.offset;
      this.counts = c.slice();
      return;
    }
    for (let i = 0; i < c.length; i++) if (c[i]) this.add(i + other.offset, c[i]);
  }

  total(): number {
    let s = 0;
    if (this.counts) for (const c of this.counts) s += c;
    return s;
  }
}

const scratchArrays: Float64Array[] = [];
/** reusable per-call work arrays of at least n entries (quantiles allocates nothing per histogram) */
function scratch(n: number, which: number): Float64Array {
  let a = scratchArrays[which];
  if (!a || a.length < n) scratchArrays[which] = a = new Float64Array(Math.max(8, n));
  return a;
}

export class LogHistogram {
  zero = 0;
  nan = 0;
  private pos = new DenseStore();
  private neg = new DenseStore();

  add(x: number): void {
    if (Number.isNaN(x)) this.nan++;
    else if (Math.abs(x) < ZERO_BAND) this.zero++;
    else if (x > 0) this.pos.add(Math.ceil(Math.log(x) / LN_GAMMA));
    else this.neg.add(Math.ceil(Math.log(-x) / LN_GAMMA));
  }

  /** adds values[from], values[from + step], … (n of them): the same counts as adding them one by one */
  addStrided(values: Float64Array, from: number, step: number, n: number): void {
    for (let k = 0, i = from; k < n; k++, i += step) this.add(values[i]);
  }

  /** number of non-NaN values */
  count(): number {
    return this.zero + this.pos.total() + this.neg.total();
  }

  private static value(key: number): number {
    return (2 * GAMMA ** key) / (GAMMA + 1);
  }

  /**
   * Values of the (k + plus)-th smallest (0-based) non-NaN values for ascending ks (NaN beyond the count), each to within
   * α relative, in one pass over the bins: most negative first (highest key of the negative store), then zero,
   * then the positive store.
   */
  private ranks(ks: ArrayLike<number>, plus: number, out: Float64Array): void {
    let j = 0;
    let below = 0; // values in the bins already passed
    const neg = this.neg.counts;
    if (neg)
      for (let i = neg.length - 1; i >= 0 && j < ks.length; i--) {
        below += neg[i];
        while (j < ks.length && ks[j] + plus < below) out[j++] = -LogHistogram.value(i + this.neg.offset);
      }
    below += this.zero;
    while (j < ks.length && ks[j] + plus < below) out[j++] = 0;
    const pos = this.pos.counts;
    if (pos)
      for (let i = 0; i < pos.length && j < ks.length; i++) {
        below += pos[i];
        while (j < ks.length && ks[j] + plus < below) out[j++] = LogHistogram.value(i + this.pos.offset);
      }
    while (j < ks.length) out[j++] = NaN;
  }

  /** type-7 quantile over the binned values */
  quantile(q: number): number {
    const out = [NaN];
    this.quantiles([q], out);
    return out[0];
  }

  /**
   * type-7 quantiles for ascending qs, written to out (the same values quantile(q) gives one by one), with one
   * count and two passes over the bins
   */
  quantiles(qs: readonly number[], out: { [i: number]: number }): void {
    const n = this.count();
    const lo = scratch(qs.length, 0);
    const a = scratch(qs.length, 1);
    const b = scratch(qs.length, 2);
    for (let i = 0; i < qs.length; i++) {
      if (i > 0 && !(qs[i] >= qs[i - 1])) throw new Error('quantiles: qs must be ascending');
      lo[i] = Math.floor((n - 1) * qs[i]);
    }
    if (n === 0) {
      for (let i = 0; i < qs.length; i++) out[i] = NaN;
      return;
    }
    this.ranks(lo, 0, a);
    this.ranks(lo, 1, b);
    for (let i = 0; i < qs.length; i++) {
      const h = (n - 1) * qs[i];
      out[i] = h === lo[i] ? a[i] : a[i] + (h - lo[i]) * (b[i] - a[i]);
    }
  }

  merge(other: LogHistogram): void {
    this.zero += other.zero;
    this.nan += other.nan;
    this.pos.addStore(other.pos);
    this.neg.addStore(other.neg);
  }

  /** compact plain-data form: [zero, nan, posOffset, posLength, ...posCounts, negOffset, negLength, ...negCounts] */
  toArray(): number[] {
    const out = [this.zero, this.nan];
    for (const s of [this.pos, this.neg]) {
      const c = s.counts;
      // trim empty ends so the form does not depend on how the store happened to grow
      let a = 0;
      let b = c ? c.length : 0;
      while (c && a < b && c[a] === 0) a++;
      while (c && b > a && c[b - 1] === 0) b--;
      out.push(s.offset + a, b - a);
      for (let i = a; i < b; i++) out.push(c![i]);
    }
    return out;
  }

  /**
   * A histogram from toArray's form, checked: counts are whole numbers of at most `maxCount` in all, and bins lie
   * where finite values can fall, so a damaged or hostile file cannot hang or exhaust memory. Throws saying what
   * is wrong.
   */
  static fromArray(a: readonly number[], maxCount = 2 ** 31): LogHistogram {
    const bad = (what: string): never => {
      throw new Error(`a histogram ${what}`);
    };
    if (!Array.isArray(a) || a.length < 6) bad('is incomplete');
    const count = (v: unknown): number =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= maxCount
        ? v
        : bad(`count ${String(v)} is not a whole number from 0 to ${maxCount}`);
    let total = count(a[0]) + count(a[1]);
    let q = 2;
    for (let s = 0; s < 2; s++) {
      const offset = a[q];
      const len = a[q + 1];
      if (!Number.isInteger(offset) || offset < MIN_KEY || offset > MAX_KEY)
        bad(`bin ${String(offset)} is outside the bins values can fall in`);
      if (!Number.isInteger(len) || len < 0 || offset + len - 1 > MAX_KEY || q + 2 + len > a.length)
        bad(`has a bin range of ${String(len)} that does not fit`);
      for (let i = 0; i < len; i++) total += count(a[q + 2 + i]);
      q += 2 + len;
    }
    if (total > maxCount) bad(`holds ${total} values, more than the ${maxCount} runs it can hold`);
    const h = new LogHistogram();
    h.zero = a[0];
    h.nan = a[1];
    let p = 2;
    for (const s of [h.pos, h.neg]) {
      const offset = a[p];
      const len = a[p + 1];
      p += 2;
      for (let i = 0; i < len; i++) if (a[p + i]) s.add(offset + i, a[p + i]);
      p += len;
    }
    return h;
  }
}
