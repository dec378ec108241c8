/**
 * Morris elementary-effects screening (Morris 1991; μ* of Campolongo, Cariboni & Saltelli 2007).
 *
 * Designs live in the unit cube [0, 1]^k; map them to declared uncertainties with
 * sampling.ts#mapToUncertainties before running the model. Run budget: r × (k + 1) model runs.
 *
 * - 'trajectory' (default): r one-at-a-time trajectories on a `levels`-level grid, step
 *   Δ = levels / (2 (levels − 1)) in each input in random order. With `candidates` > r, that many
 *   trajectories are drawn and the r most spread out are kept (Campolongo et al. 2007, greedy
 *   elimination as in Ruano et al. 2012).
 * - 'radial': r radial designs (Campolongo, Saltelli & Cariboni 2011) built from a digitally shifted Sobol
 *   sequence: base point a and auxiliary b, then a with coordinate i replaced by b_i, for each i.
 *
 * Elementary effects are scaled by input range: EE_i = Δy / Δx_i with Δx_i measured as a fraction of the
 * input's range, so EE_i is "change in output per full range of input i" whatever the input's units.
 * (For non-uniform declarations, the range is the unit-probability range.)
 */
import type { Rng } from '../core/random.ts';
import { createRng } from '../core/random.ts';
import { mean, percentileInterval, sd } from '../experiment/stats.ts';
import { sobolSequence, SOBOL_MAX_DIMS, uniformSample } from './sampling.ts';

export interface MorrisStep {
  /** input changed at this step */
  dim: number;
  /** index into design.points of the point before the step */
  from: number;
  /** index into design.points of the point after the step */
  to: number;
}

export interface MorrisTrajectory {
  /** point indices in order (k + 1 of them; for radial designs the base point comes first) */
  points: number[];
  /** one step per input (each input exactly once) */
  steps: MorrisStep[];
}

export interface MorrisDesign {
  scheme: 'trajectory' | 'radial';
  k: number;
  r: number;
  levels: number;
  /** grid step for 'trajectory' designs (NaN for radial) */
  delta: number;
  /** unit-cube points to run, r × (k + 1) of them */
  points: Float64Array[];
  trajectories: MorrisTrajectory[];
}

export interface MorrisDesignOptions {
  scheme?: 'trajectory' | 'radial';
  /** 'trajectory' only: draw this many candidates and keep the r most spread out (Campolongo 2007) */
  candidates?: number;
}

/** Model runs a Morris design needs. */
export function morrisBudget(k: number, r: number): number {
  return r * (k + 1);
}

function oneTrajectory(k: number, levels: number, delta: number, rng: Rng): Float64Array[] {
  // Base point on the grid {0, 1/(p-1), ..., 1}; each coordinate moves +Δ if it can, else −Δ.
  // For even p (the usual choice) exactly half the levels move up, so directions are balanced.
  const x = new Float64Array(k);
  for (let i = 0; i < k; i++) x[i] = rng.int(levels) / (levels - 1);
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pts = [Float64Array.from(x)];
  for (const d of order) {
    x[d] = x[d] + delta <= 1 + 1e-12 ? x[d] + delta : x[d] - delta;
    pts.push(Float64Array.from(x));
  }
  return pts;
}

function trajectoryDistance(a: Float64Array[], b: Float64Array[]): number {
  let total = 0;
  for (const p of a) {
    for (const q of b) {
      let s = 0;
      for (let i = 0; i < p.length; i++) s += (p[i] - q[i]) ** 2;
      total += Math.sqrt(s);
    }
  }
  return total;
}

/** Keep r of the candidate trajectories, greedily dropping the one contributing least spread. */
function selectSpread(cands: Float64Array[][], r: number): Float64Array[][] {
  const m = cands.length;
  const dist = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = trajectoryDistance(cands[i], cands[j]);
      dist[i][j] = d;
      dist[j][i] = d;
    }
  }
  const alive = new Set(Array.from({ length: m }, (_, i) => i));
  while (alive.size > r) {
    let worst = -1;
    let worstScore = Infinity;
    for (const i of alive) {
      let s = 0;
      for (const j of alive) s += dist[i][j] ** 2;
      if (s < worstScore) {
        worstScore = s;
        worst = i;
      }
    }
    alive.delete(worst);
  }
  return [...alive].sort((a, b) => a - b).map((i) => cands[i]);
}

/**
 * A Morris design of r trajectories (or radial designs) in k inputs. `levels` (even, default 4 is usual)
 * is ignored by the radial scheme. Deterministic given the rng state.
 */
export function morrisDesign(
  k: number,
  r: number,
  levels: number,
  rng: Rng,
  opts: MorrisDesignOptions = {},
): MorrisDesign {
  if (!Number.isInteger(k) || k < 1) throw new Error(`morrisDesign: k must be an integer >= 1 (got ${k})`);
  if (!Number.isInteger(r) || r < 2) throw new Error(`morrisDesign: r must be an integer >= 2 (got ${r})`);
  const scheme = opts.scheme ?? 'trajectory';
  const points: Float64Array[] = [];
  const trajectories: MorrisTrajectory[] = [];
  if (scheme === 'trajectory') {
    if (!Number.isInteger(levels) || levels < 2)
      throw new Error(`morrisDesign: levels must be an integer >= 2 (got ${levels})`);
    const delta = levels / (2 * (levels - 1));
    const m = Math.max(r, opts.candidates ?? r);
    let trajs = Array.from({ length: m }, () => oneTrajectory(k, levels, delta, rng));
    if (m > r) trajs = selectSpread(trajs, r);
    for (const t of trajs) {
      const start = points.length;
      points.push(...t);
      const steps: MorrisStep[] = [];
      for (let s = 1; s <= k; s++) {
        const a = t[s - 1];
        const b = t[s];
        let dim = -1;
        for (let i = 0; i < k; i++) if (a[i] !== b[i]) dim = i;
        steps.push({ dim, from: start + s - 1, to: start + s });
      }
      trajectories.push({ points: t.map((_, s) => start + s), steps });
    }
    return { scheme, k, r, levels, delta, points, trajectories };
  }
  if (scheme !== 'radial') throw new Error(`morrisDesign: unknown scheme ${String(scheme)}`);
  // Radial: a = Sobol point i, b = Sobol point i + r (a shift of the same sequence, Campolongo 2011);
  // coordinates where a_i == b_i (probability ~0 after shifting) are redrawn uniformly.
  const base =
    2 * k <= SOBOL_MAX_DIMS ? sobolSequence(r, 2 * k, { shift: rng, skip: 1 }) : uniformSample(r, 2 * k, rng);
  for (let t = 0; t < r; t++) {
    const a = base[t].slice(0, k);
    const b = base[t].slice(k, 2 * k);
    for (let i = 0; i < k; i++) {
      while (Math.abs(b[i] - a[i]) < 1e-6) b[i] = rng.next();
    }
    const start = points.length;
    points.push(Float64Array.from(a));
    const steps: MorrisStep[] = [];
    const idx = [start];
    for (let i = 0; i < k; i++) {
      const p = Float64Array.from(a);
      p[i] = b[i];
      steps.push({ dim: i, from: start, to: points.length });
      idx.push(points.length);
      points.push(p);
    }
    trajectories.push({ points: idx, steps });
  }
  return { scheme, k, r, levels, delta: NaN, points, trajectories };
}

export interface MorrisIndex {
  input: number;
  name?: string;
  /** mean of |EE| (Campolongo 2007), the screening measure */
  muStar: number;
  /** mean of EE (signed; cancels for non-monotone effects) */
  mu: number;
  /** sd of EE (interactions / non-linearity) */
  sigma: number;
  /** bootstrap percentile interval for μ* (level set by `confidence`, default 95%) */
  muStarConfLow: number;
  muStarConfHigh: number;
  /** the r elementary effects */
  effects: Float64Array;
}

/** Bootstrap intervals of an analysis (Morris μ*, Sobol S1 and ST). */
export interface BootstrapOptions {
  /** bootstrap resamples (0 turns them off: an interval collapses to its point estimate) */
  bootstrap?: number;
  /** stream for the bootstrap (default createRng(seed)) */
  rng?: Rng;
  seed?: number;
  /** interval level (default 0.95) */
  confidence?: number;
  names?: readonly string[];
}

/** `bootstrap`: resamples for the μ* interval (default 1000). */
export type MorrisAnalyseOptions = BootstrapOptions;

/** Throws unless there is one finite output per design point (shared with sobol.ts). */
export function checkOutputs(outputs: ArrayLike<number>, expected: number, who: string): void {
  if (outputs.length !== expected) {
    throw new Error(`${who}: expected ${expected} outputs (one per design point), got ${outputs.length}`);
  }
  for (let i = 0; i < outputs.length; i++) {
    if (!Number.isFinite(outputs[i]))
      throw new Error(`${who}: output ${i} is ${outputs[i]}; every run must return a finite number`);
  }
}

/**
 * μ*, μ, σ per input from model outputs aligned with design.points. Bootstrap resamples the r
 * elementary effects of each input with replacement.
 */
export function morrisAnalyse(
  design: MorrisDesign,
  outputs: ArrayLike<number>,
  opts: MorrisAnalyseOptions = {},
): MorrisIndex[] {
  checkOutputs(outputs, design.points.length, 'morrisAnalyse');
  const { k, r } = design;
  const B = opts.bootstrap ?? 1000;
  const rng = opts.rng ?? createRng(opts.seed ?? 1);
  const level = opts.confidence ?? 0.95;
  const ee = Array.from({ length: k }, () => new Float64Array(r));
  design.trajectories.forEach((t, ti) => {
    for (const s of t.steps) {
      const dx = design.points[s.to][s.dim] - design.points[s.from][s.dim];
      ee[s.dim][ti] = (outputs[s.to] - outputs[s.from]) / dx;
    }
  });
  return ee.map((e, i) => {
    const mu = mean(e);
    const muStar = mean(e.map(Math.abs));
    const sigma = sd(e, mu);
    let lo = muStar;
    let hi = muStar;
    if (B > 0) {
      const stats = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        let s = 0;
        for (let j = 0; j < r; j++) s += Math.abs(e[rng.int(r)]);
        stats[b] = s / r;
      }
      stats.sort();
      ({ low: lo, high: hi } = percentileInterval(stats, level));
    }
    const out: MorrisIndex = { input: i, muStar, mu, sigma, muStarConfLow: lo, muStarConfHigh: hi, effects: e };
    if (opts.names) out.name = opts.names[i];
    return out;
  });
}

/** Input indices ordered by decreasing value (ties keep input order). */
export function rankDescending(values: readonly number[]): number[] {
  return values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);
}
