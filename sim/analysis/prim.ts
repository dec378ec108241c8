/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for scenario discovery as in the EMA
 * workbench (Kwakkel 2017): find boxes (one interval per input) in which a plan fails far more often than
 * on average, described by as few inputs as possible.
 *
 * Terms, for a box and the points (futures) it holds:
 *   coverage = failures in the box / all failures     (how much of the failure the box explains)
 *   density  = failures in the box / points in box    (how reliably the plan fails there)
 *   mass     = points in the box / all points
 *
 * Peeling: repeatedly remove the alpha-fraction slice (at least one point, ties kept together) from the
 * low or high end of one input, whichever scores best under the objective ('lenient1' by default, the
 * EMA workbench's: density gain per point removed), until the next box would hold less than `massMin` of
 * the points or density reaches 1. Pasting (optional, default on) then widens the last box one slice at
 * a time while density increases. Every box along the way is recorded in the peeling steps.
 * Box limits are placed halfway between the last point removed and the first point kept.
 *
 * Covering (`findBoxes`): choose a box, remove the points it holds, run PRIM on the rest, repeat.
 * Quasi-p-values (`restrictionPValues`): for each restricted input, the hypergeometric probability of at
 * least as many failures in the box if the box were a random subset of the box without that restriction
 * (the EMA workbench's test); `pruneBox` drops restrictions that are not significant.
 *
 * Pure TypeScript, deterministic (no randomness at all).
 */

export interface Bounds {
  lo: readonly number[];
  hi: readonly number[];
}

export interface BoxLimits {
  lo: number[];
  hi: number[];
}

export interface PrimStep {
  box: BoxLimits;
  /** failures in the box / failures among all points (including points removed by earlier boxes) */
  coverage: number;
  /** failures in the box / failures among the points this run considered (= coverage for a first box) */
  coverageOfRemaining: number;
  density: number;
  /** points in the box / all points */
  mass: number;
  /** inputs whose limits are inside the bounds */
  restrictedDims: number[];
  nInBox: number;
  nFailInBox: number;
  /** 'start', 'peel' or 'paste' */
  kind: 'start' | 'peel' | 'paste';
}

export interface PrimOptions {
  /** per-input bounds; default: min and max of each column */
  bounds?: Bounds;
  /** fraction peeled per step (default 0.05) */
  alpha?: number;
  /** paste after peeling (default true) */
  paste?: boolean;
  /** fraction pasted per step (default alpha) */
  pasteAlpha?: number;
  /** smallest mass a box may have (default 0.05) */
  massMin?: number;
  /** peeling objective (default 'lenient1') */
  objective?: 'lenient1' | 'lenient2' | 'original';
  /** points still in play (1) — others were covered by earlier boxes; default all */
  active?: Uint8Array;
}

export interface PrimRun {
  n: number;
  k: number;
  bounds: Bounds;
  totalFailures: number;
  peeling: PrimStep[];
}

type Rows = readonly ArrayLike<number>[];

function toFail(y: readonly (boolean | number)[]): Uint8Array {
  return Uint8Array.from(y, (v) => (v === true || (typeof v === 'number' && v !== 0) ? 1 : 0));
}

function checkData(X: Rows, y: readonly (boolean | number)[]): number {
  if (X.length === 0) throw new Error('prim: X has no rows');
  if (X.length !== y.length) throw new Error(`prim: X has ${X.length} rows but y has ${y.length} values`);
  const k = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== k) throw new Error(`prim: row ${i} has ${row.length} columns, row 0 has ${k}`);
    for (let j = 0; j < k; j++) if (!Number.isFinite(row[j])) throw new Error(`prim: X[${i}][${j}] is ${row[j]}`);
  });
  return k;
}

export function dataBounds(X: Rows): Bounds {
  const k = X[0].length;
  const lo = new Array<number>(k).fill(Infinity);
  const hi = new Array<number>(k).fill(-Infinity);
  for (const row of X) {
    for (let j = 0; j < k; j++) {
      if (row[j] < lo[j]) lo[j] = row[j];
      if (row[j] > hi[j]) hi[j] = row[j];
    }
  }
  return { lo, hi };
}

function restricted(box: BoxLimits, bounds: Bounds): number[] {
  const out: number[] = [];
  for (let j = 0; j < box.lo.length; j++) {
    const span = bounds.hi[j] - bounds.lo[j];
    const tol = 1e-12 * Math.max(1, Math.abs(span));
    if (box.lo[j] > bounds.lo[j] + tol || box.hi[j] < bounds.hi[j] - tol) out.push(j);
  }
  return out;
}

function inside(row: ArrayLike<number>, box: BoxLimits, skipDim = -1): boolean {
  for (let j = 0; j < box.lo.length; j++) {
    if (j === skipDim) continue;
    if (row[j] < box.lo[j] || row[j] > box.hi[j]) return false;
  }
  return true;
}

/** Box statistics over the given data (coverage and mass relative to all rows; active rows only count). */
export function boxStats(
  box: BoxLimits,
  X: Rows,
  y: readonly (boolean | number)[],
  bounds: Bounds,
  active?: Uint8Array,
  kind: PrimStep['kind'] = 'start',
): PrimStep {
  const fail = toFail(y);
  let total = 0;
  let totalActive = 0;
  let nIn = 0;
  let fIn = 0;
  for (let i = 0; i < X.length; i++) {
    total += fail[i];
    if (active && !active[i]) continue;
    totalActive += fail[i];
    if (inside(X[i], box)) {
      nIn++;
      fIn += fail[i];
    }
  }
  return makeStep(box, bounds, nIn, fIn, X.length, total, totalActive, kind);
}

function makeStep(
  box: BoxLimits,
  bounds: Bounds,
  nIn: number,
  fIn: number,
  n: number,
  totalFail: number,
  activeFail: number,
  kind: PrimStep['kind'],
): PrimStep {
  return {
    box: { lo: [...box.lo], hi: [...box.hi] },
    coverage: totalFail > 0 ? fIn / totalFail : 0,
    coverageOfRemaining: activeFail > 0 ? fIn / activeFail : 0,
    density: nIn > 0 ? fIn / nIn : 0,
    mass: nIn / n,
    restrictedDims: restricted(box, bounds),
    nInBox: nIn,
    nFailInBox: fIn,
    kind,
  };
}

interface Candidate {
  dim: number;
  side: 'lo' | 'hi';
  limit: number;
  removed: number[];
  removedFails: number;
}

/**
 * One PRIM run: every step of peeling (and pasting). peeling[0] is the unrestricted box.
 */
export function prim(X: Rows, y: readonly (boolean | number)[], opts: PrimOptions = {}): PrimRun {
  const k = checkData(X, y);
  const n = X.length;
  const fail = toFail(y);
  const bounds = opts.bounds ?? dataBounds(X);
  if (bounds.lo.length !== k || bounds.hi.length !== k) throw new Error(`prim: bounds must have ${k} entries`);
  const alpha = opts.alpha ?? 0.05;
  const pasteAlpha = opts.pasteAlpha ?? alpha;
  const massMin = opts.massMin ?? 0.05;
  const objective = opts.objective ?? 'lenient1';
  if (!(alpha > 0 && alpha < 0.5)) throw new Error(`prim: alpha must be in (0, 0.5) (got ${alpha})`);
  if (!(massMin >= 0 && massMin < 1)) throw new Error(`prim: massMin must be in [0, 1) (got ${massMin})`);
  const active = opts.active ?? new Uint8Array(n).fill(1);

  let totalFail = 0;
  let activeFail = 0;
  for (let i = 0; i < n; i++) {
    totalFail += fail[i];
    if (active[i]) activeFail += fail[i];
  }
  // pre-sorted order of the active points along each input
  const order: Int32Array[] = [];
  const activeIdx: number[] = [];
  for (let i = 0; i < n; i++) if (active[i]) activeIdx.push(i);
  for (let j = 0; j < k; j++) {
    order.push(Int32Array.from([...activeIdx].sort((a, b) => X[a][j] - X[b][j] || a - b)));
  }
  const inBox = Uint8Array.from(active);
  let nIn = activeIdx.length;
  let fIn = activeFail;
  const box: BoxLimits = { lo: [...bounds.lo], hi: [...bounds.hi] };
  const peeling: PrimStep[] = [makeStep(box, bounds, nIn, fIn, n, totalFail, activeFail, 'start')];
  if (nIn === 0) return { n, k, bounds, totalFailures: totalFail, peeling };

  const score = (nOld: number, fOld: number, nNew: number, fNew: number): number => {
    const mOld = fOld / nOld;
    const mNew = fNew / nNew;
    if (objective === 'original') return mNew;
    if (mNew === mOld) return 0;
    if (objective === 'lenient1') return (mNew - mOld) / (nOld - nNew);
    return ((mNew - mOld) * nNew) / (nOld - nNew);
  };

  // one slice off the low (dir = +1) or high (dir = -1) end of input j, ties kept together
  const slice = (
    j: number,
    dir: 1 | -1,
    count: number,
    member: (i: number) => boolean,
  ): { removed: number[]; limit: number } | null => {
    const ord = order[j];
    const removed: number[] = [];
    let last = NaN;
    let p = dir === 1 ? 0 : ord.length - 1;
    for (; p >= 0 && p < ord.length; p += dir) {
      const i = ord[p];
      if (!member(i)) continue;
      const v = X[i][j];
      if (removed.length >= count && v !== last) break;
      removed.push(i);
      last = v;
    }
    // next member beyond the slice
    for (; p >= 0 && p < ord.length; p += dir) if (member(ord[p])) break;
    if (p < 0 || p >= ord.length) return null; // would remove every member
    const next = X[ord[p]][j];
    return { removed, limit: (last + next) / 2 };
  };

  // ── peeling ──
  for (;;) {
    if (fIn === nIn) break; // density 1: nothing left to gain
    const count = Math.max(1, Math.floor(alpha * nIn));
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (let j = 0; j < k; j++) {
      for (const dir of [1, -1] as const) {
        const s = slice(j, dir, count, (i) => inBox[i] === 1);
        if (!s) continue;
        const nNew = nIn - s.removed.length;
        if (nNew / n < massMin) continue;
        let rf = 0;
        for (const i of s.removed) rf += fail[i];
        const sc = score(nIn, fIn, nNew, fIn - rf);
        if (sc > bestScore || (sc === bestScore && best !== null && s.removed.length < best.removed.length)) {
          bestScore = sc;
          best = { dim: j, side: dir === 1 ? 'lo' : 'hi', limit: s.limit, removed: s.removed, removedFails: rf };
        }
      }
    }
    if (!best) break;
    for (const i of best.removed) inBox[i] = 0;
    nIn -= best.removed.length;
    fIn -= best.removedFails;
    box[best.side][best.dim] = best.limit;
    peeling.push(makeStep(box, bounds, nIn, fIn, n, totalFail, activeFail, 'peel'));
  }

  // ── pasting ──
  if (opts.paste ?? true) {
    for (;;) {
      const count = Math.max(1, Math.floor(pasteAlpha * nIn));
      let best: { dim: number; side: 'lo' | 'hi'; limit: number; added: number[]; addedFails: number } | null = null;
      let bestDensity = fIn / nIn;
      for (const j of restricted(box, bounds)) {
        for (const side of ['lo', 'hi'] as const) {
          const atBound = side === 'lo' ? box.lo[j] <= bounds.lo[j] : box.hi[j] >= bounds.hi[j];
          if (atBound) continue;
          // candidates: active points outside the box only because of input j, on this side
          const member = (i: number): boolean =>
            active[i] === 1 &&
            inBox[i] === 0 &&
            inside(X[i], box, j) &&
            (side === 'lo' ? X[i][j] < box.lo[j] : X[i][j] > box.hi[j]);
          // walk outward from the box: descending for 'lo', ascending for 'hi'
          const s = slice(j, side === 'lo' ? -1 : 1, count, member);
          let added: number[];
          let limit: number;
          if (s) {
            added = s.removed;
            limit = s.limit;
          } else {
            added = [];
            for (let i = 0; i < n; i++) if (member(i)) added.push(i);
            limit = side === 'lo' ? bounds.lo[j] : bounds.hi[j];
          }
          if (added.length === 0) continue;
          let af = 0;
          for (const i of added) af += fail[i];
          const d = (fIn + af) / (nIn + added.length);
          if (d > bestDensity) {
            bestDensity = d;
            best = { dim: j, side, limit, added, addedFails: af };
          }
        }
      }
      if (!best) break;
      for (const i of best.added) inBox[i] = 1;
      nIn += best.added.length;
      fIn += best.addedFails;
      box[best.side][best.dim] = best.limit;
      peeling.push(makeStep(box, bounds, nIn, fIn, n, totalFail, activeFail, 'paste'));
    }
  }
  return { n, k, bounds, totalFailures: totalFail, peeling };
}

export interface ChooseBoxOptions {
  /** take this step of the peeling as it is */
  index?: number;
  /** only boxes holding at least this share of the (remaining) failures qualify (default 0.5) */
  minCoverage?: number;
  /**
   * accept boxes whose density is within this relative tolerance of the densest qualifying box, and take
   * the one with most coverage among them (default 0.05). 0 picks the densest box outright, which on
   * noisy data tends to be over-peeled: the last few peels mostly shave off label noise.
   */
  densityTolerance?: number;
}

/**
 * Index of the box to use: `index` if given; otherwise, among boxes with coverage of the remaining
 * failures ≥ `minCoverage`, the one with most coverage whose density is at least
 * (1 − densityTolerance) × the highest density among them; ties go to fewer restricted inputs, then the
 * earlier box. Returns 0 (the whole space) if no box qualifies.
 */
export function chooseBox(peeling: readonly PrimStep[], opts: ChooseBoxOptions = {}): number {
  if (opts.index !== undefined) {
    if (!Number.isInteger(opts.index) || opts.index < 0 || opts.index >= peeling.length) {
      throw new Error(`chooseBox: index ${opts.index} is outside the peeling (0..${peeling.length - 1})`);
    }
    return opts.index;
  }
  const minCov = opts.minCoverage ?? 0.5;
  const tol = opts.densityTolerance ?? 0.05;
  const qualifying = peeling.map((s, t) => ({ s, t })).filter(({ s, t }) => t > 0 && s.coverageOfRemaining >= minCov);
  if (qualifying.length === 0) return 0;
  const dMax = Math.max(...qualifying.map(({ s }) => s.density));
  if (!(dMax > peeling[0].density)) return 0;
  let best: { s: PrimStep; t: number } | null = null;
  for (const c of qualifying) {
    if (c.s.density < (1 - tol) * dMax) continue;
    if (
      !best ||
      c.s.coverageOfRemaining > best.s.coverageOfRemaining ||
      (c.s.coverageOfRemaining === best.s.coverageOfRemaining &&
        c.s.restrictedDims.length < best.s.restrictedDims.length)
    ) {
      best = c;
    }
  }
  return best ? best.t : 0;
}

/* ── quasi-p-values ──────────────────────────────────────────────────────────────────────────────── */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function logChoose(n: number, r: number): number {
  return logGamma(n + 1) - logGamma(r + 1) - logGamma(n - r + 1);
}

/** P(X ≥ x) for X ~ Hypergeometric(population N, successes K, draws n). */
export function hypergeomUpperTail(x: number, N: number, K: number, n: number): number {
  const lo = Math.max(0, n - (N - K));
  const hi = Math.min(n, K);
  if (x <= lo) return 1;
  if (x > hi) return 0;
  const denom = logChoose(N, n);
  let p = 0;
  for (let i = x; i <= hi; i++) p += Math.exp(logChoose(K, i) + logChoose(N - K, n - i) - denom);
  return Math.min(1, p);
}

/**
 * Quasi-p-value of each restricted input of `box` (EMA workbench): with B' the box with input j
 * unrestricted, holding N points of which F fail, the probability that a random subset of N' = |box|
 * of them holds at least as many failures as the box does. Small values: the restriction matters.
 */
export function restrictionPValues(
  box: BoxLimits,
  X: Rows,
  y: readonly (boolean | number)[],
  bounds: Bounds,
  active?: Uint8Array,
): { dim: number; pValue: number }[] {
  const fail = toFail(y);
  let nIn = 0;
  let fIn = 0;
  for (let i = 0; i < X.length; i++) {
    if (active && !active[i]) continue;
    if (inside(X[i], box)) {
      nIn++;
      fIn += fail[i];
    }
  }
  return restricted(box, bounds).map((j) => {
    let N = 0;
    let F = 0;
    for (let i = 0; i < X.length; i++) {
      if (active && !active[i]) continue;
      if (inside(X[i], box, j)) {
        N++;
        F += fail[i];
      }
    }
    return { dim: j, pValue: hypergeomUpperTail(fIn, N, F, nIn) };
  });
}

/**
 * Drop restrictions whose quasi-p-value exceeds `pMax` (default 0.05), the least significant first,
 * recomputing after each drop. Each side of an input (its lower and its upper limit) is tested on its
 * own, so a box "between 0.71 and 0.99" whose upper limit is noise becomes "above 0.71".
 * Returns the new box's statistics.
 */
export function pruneBox(
  box: BoxLimits,
  X: Rows,
  y: readonly (boolean | number)[],
  bounds: Bounds,
  opts: { pMax?: number; active?: Uint8Array } = {},
): PrimStep {
  const pMax = opts.pMax ?? 0.05;
  const fail = toFail(y);
  const b: BoxLimits = { lo: [...box.lo], hi: [...box.hi] };
  const count = (bx: BoxLimits): [number, number] => {
    let nIn = 0;
    let fIn = 0;
    for (let i = 0; i < X.length; i++) {
      if (opts.active && !opts.active[i]) continue;
      if (inside(X[i], bx)) {
        nIn++;
        fIn += fail[i];
      }
    }
    return [nIn, fIn];
  };
  for (;;) {
    const [nIn, fIn] = count(b);
    let worst: { dim: number; side: 'lo' | 'hi'; pValue: number } | null = null;
    for (const j of restricted(b, bounds)) {
      for (const side of ['lo', 'hi'] as const) {
        if (side === 'lo' ? b.lo[j] <= bounds.lo[j] : b.hi[j] >= bounds.hi[j]) continue;
        const relaxed: BoxLimits = { lo: [...b.lo], hi: [...b.hi] };
        relaxed[side][j] = bounds[side][j];
        const [N, F] = count(relaxed);
        const pValue = hypergeomUpperTail(fIn, N, F, nIn);
        if (pValue > pMax && (!worst || pValue > worst.pValue)) worst = { dim: j, side, pValue };
      }
    }
    if (!worst) break;
    b[worst.side][worst.dim] = bounds[worst.side][worst.dim];
  }
  return boxStats(b, X, y, bounds, opts.active);
}

export interface FoundBox {
  /** the chosen (and, unless pruning is off, pruned) box; stats over the points left for this search */
  step: PrimStep;
  /** index chosen in the peeling (before pruning) */
  chosenIndex: number;
  peeling: PrimStep[];
  pValues: { dim: number; pValue: number }[];
}

export interface FindBoxesOptions extends Omit<PrimOptions, 'active'> {
  /** at most this many boxes (default 3) */
  maxBoxes?: number;
  /** passed to chooseBox (default 0.5 of the failures still uncovered) */
  minCoverage?: number;
  /** passed to chooseBox (default 0.05) */
  densityTolerance?: number;
  /**
   * prune restrictions with quasi-p-value above this (default 0.01, stricter than the usual 0.05 because
   * the peeling chose each restriction for its effect, which makes quasi-p-values optimistic; false: keep all)
   */
  prune?: number | false;
  /** stop when the best box is not at least this many times denser than the remaining data (default 1.5) */
  minLift?: number;
  /** stop when the best box's density is below this (default 0.5: the plan fails in most futures there) */
  minDensity?: number;
}

/**
 * Covering: find a box, set its points aside, search the rest; stop after `maxBoxes`, when no failures
 * remain, or when the best box is not clearly denser than the data left (`minLift`) or is not dense
 * enough to count as a failure region (`minDensity`).
 */
export function findBoxes(X: Rows, y: readonly (boolean | number)[], opts: FindBoxesOptions = {}): FoundBox[] {
  checkData(X, y);
  const bounds = opts.bounds ?? dataBounds(X);
  const maxBoxes = opts.maxBoxes ?? 3;
  const minLift = opts.minLift ?? 1.5;
  const minDensity = opts.minDensity ?? 0.5;
  const active = new Uint8Array(X.length).fill(1);
  const fail = toFail(y);
  const found: FoundBox[] = [];
  while (found.length < maxBoxes) {
    let nA = 0;
    let fA = 0;
    for (let i = 0; i < X.length; i++) {
      if (active[i]) {
        nA++;
        fA += fail[i];
      }
    }
    if (fA === 0 || nA === 0) break;
    const run = prim(X, y, { ...opts, bounds, active: Uint8Array.from(active) });
    const chosenIndex = chooseBox(run.peeling, {
      minCoverage: opts.minCoverage,
      densityTolerance: opts.densityTolerance,
    });
    if (chosenIndex === 0) break;
    let step = run.peeling[chosenIndex];
    if (opts.prune !== false) step = pruneBox(step.box, X, y, bounds, { pMax: opts.prune ?? 0.01, active });
    if (step.restrictedDims.length === 0 || step.density < minLift * (fA / nA) || step.density < minDensity) break;
    const pValues = restrictionPValues(step.box, X, y, bounds, active);
    found.push({ step, chosenIndex, peeling: run.peeling, pValues });
    for (let i = 0; i < X.length; i++) if (active[i] && inside(X[i], step.box)) active[i] = 0;
  }
  return found;
}

/* ── plain words ─────────────────────────────────────────────────────────────────────────────────── */

export interface DescribeOptions {
  /** verb phrase for the outcome of interest (default 'fails') */
  outcome?: string;
  /** how to write a limit of input `dim` (default: `percent` dims as %, others to `digits` significant digits) */
  format?: (value: number, dim: number) => string;
  /** inputs whose values are fractions to be written as percentages */
  percent?: readonly number[];
  /** significant digits of the default format (default 2) */
  digits?: number;
  /** add the share of all futures the box holds */
  includeMass?: boolean;
}

/** A number to `digits` significant digits, without trailing zeros or exponent for everyday magnitudes. */
export function formatNumber(value: number, digits = 2): string {
  if (value === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - mag);
  const s = value.toFixed(Math.min(20, decimals));
  return decimals > 0 ? s.replace(/\.?0+$/, '') : s;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * The box in plain words, naming only restricted inputs, e.g.
 * "fails in 78% of futures where outside wage growth is above 5% and starting trust is below 0.35
 * (these futures hold 64% of all failures)". Without density/coverage (a bare BoxLimits), only the
 * conditions are given.
 */
export function describeBox(
  box: PrimStep | BoxLimits,
  names: readonly string[],
  bounds: Bounds,
  opts: DescribeOptions = {},
): string {
  const limits: BoxLimits = 'box' in box ? box.box : box;
  const stats = 'box' in box ? box : null;
  const digits = opts.digits ?? 2;
  const percent = new Set(opts.percent ?? []);
  const fmt =
    opts.format ??
    ((v: number, dim: number): string =>
      percent.has(dim) ? `${formatNumber(v * 100, digits)}%` : formatNumber(v, digits));
  const parts = restricted(limits, bounds).map((j) => {
    const name = names[j] ?? `input ${j + 1}`;
    const lowCut = limits.lo[j] > bounds.lo[j];
    const highCut = limits.hi[j] < bounds.hi[j];
    if (lowCut && highCut) return `${name} is between ${fmt(limits.lo[j], j)} and ${fmt(limits.hi[j], j)}`;
    if (lowCut) return `${name} is above ${fmt(limits.lo[j], j)}`;
    return `${name} is below ${fmt(limits.hi[j], j)}`;
  });
  const where =
    parts.length === 0
      ? 'all futures'
      : `futures where ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}`;
  if (!stats) return parts.length === 0 ? 'all futures' : where;
  const outcome = opts.outcome ?? 'fails';
  const massText = opts.includeMass ? `, ${pct(stats.mass)} of all futures,` : '';
  return `${outcome} in ${pct(stats.density)} of ${where} (these futures${massText} hold ${pct(stats.coverage)} of all failures)`;
}
