/**
 * Declared uncertain inputs of a stress test, and the inverse CDFs that turn a point of the unit interval
 * into a value of each declared distribution.
 *
 * An `Uncertainty` names where its value goes (`path`, e.g. 'initial.trust_providers_to_commissioner',
 * 'params.x', 'events[2].share', 'inputs.outside_wage_growth'); this module only checks the path's
 * syntax, the stress-test layer resolves it. Every sampler in sim/experiment works on the unit cube and
 * maps through `sampleValue`, so stratification (Latin hypercube, Sobol nets) carries over to the declared
 * distributions: the map is monotone non-decreasing in `unit`.
 *
 * Pure TypeScript, no runtime-specific imports.
 */

export type UncertaintyDist = 'uniform' | 'triangular' | 'normal-truncated' | 'loguniform' | 'discrete';

export const UNCERTAINTY_DISTS: readonly UncertaintyDist[] = [
  'uniform',
  'triangular',
  'normal-truncated',
  'loguniform',
  'discrete',
];

export type Uncertainty = {
  id: string;
  /** where the value goes, e.g. 'initial.trust_providers_to_commissioner', 'params.x', 'events[2].share' */
  path: string;
  label?: string;
  dist: UncertaintyDist;
  /** lower bound of the support (for 'discrete', the smallest admissible value) */
  min: number;
  /** upper bound of the support (for 'discrete', the largest admissible value) */
  max: number;
  /** 'triangular': the peak; defaults to the midpoint */
  mode?: number;
  /** 'normal-truncated': mean of the untruncated normal; defaults to the midpoint */
  mean?: number;
  /** 'normal-truncated': sd of the untruncated normal; defaults to (max - min) / 4 */
  sd?: number;
  /** 'discrete': the equally likely values (sampled in ascending order of value) */
  values?: number[];
};

const PATH_RE = /^[A-Za-z_][A-Za-z0-9_-]*(\[\d+\])*(\.[A-Za-z_][A-Za-z0-9_-]*(\[\d+\])*)*$/;
const ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;

/**
 * Problems with one declaration, in plain words; empty when it is valid.
 */
export function validateUncertainty(u: Uncertainty): string[] {
  const errors: string[] = [];
  const name = typeof u?.id === 'string' && u.id ? `uncertainty "${u.id}"` : 'an uncertainty';
  if (typeof u?.id !== 'string' || !ID_RE.test(u.id)) {
    errors.push(
      `${name}: id must be a non-empty string of letters, digits, '_', '-', '.', ':' (got ${JSON.stringify(u?.id)})`,
    );
  }
  if (typeof u?.path !== 'string' || !PATH_RE.test(u.path)) {
    errors.push(
      `${name}: path ${JSON.stringify(u?.path)} is not of the form 'a.b', 'a.b[2].c' (e.g. 'initial.trust_providers_to_commissioner', 'events[2].share')`,
    );
  }
  if (!UNCERTAINTY_DISTS.includes(u?.dist)) {
    errors.push(`${name}: dist must be one of ${UNCERTAINTY_DISTS.join(', ')} (got ${JSON.stringify(u?.dist)})`);
    return errors;
  }
  if (!Number.isFinite(u.min) || !Number.isFinite(u.max)) {
    errors.push(`${name}: min and max must be finite numbers (got min=${u.min}, max=${u.max})`);
    return errors;
  }
  if (!(u.min < u.max)) errors.push(`${name}: min (${u.min}) must be less than max (${u.max})`);
  switch (u.dist) {
    case 'uniform':
      break;
    case 'triangular':
      if (u.mode !== undefined && (!Number.isFinite(u.mode) || u.mode < u.min || u.mode > u.max)) {
        errors.push(`${name}: mode (${u.mode}) must lie within [min, max] = [${u.min}, ${u.max}]`);
      }
      break;
    case 'normal-truncated':
      if (u.mean !== undefined && !Number.isFinite(u.mean)) errors.push(`${name}: mean must be a finite number`);
      if (u.sd !== undefined && !(Number.isFinite(u.sd) && u.sd > 0)) {
        errors.push(`${name}: sd must be a positive number (got ${u.sd})`);
      }
      if (errors.length === 0) {
        const { mean, sd } = normalParams(u);
        const za = (u.min - mean) / sd;
        const zb = (u.max - mean) / sd;
        if (Math.min(Math.abs(za), Math.abs(zb)) > 30 && za * zb > 0) {
          errors.push(
            `${name}: the range [${u.min}, ${u.max}] lies more than 30 sd from the mean ${mean}; the truncated normal is numerically degenerate there`,
          );
        }
      }
      break;
    case 'loguniform':
      if (!(u.min > 0)) errors.push(`${name}: loguniform needs min > 0 (got ${u.min})`);
      break;
    case 'discrete': {
      const v = u.values;
      if (!Array.isArray(v) || v.length === 0) {
        errors.push(`${name}: discrete needs a non-empty 'values' list`);
        break;
      }
      const bad = v.filter((x) => !Number.isFinite(x) || x < u.min || x > u.max);
      if (bad.length > 0) {
        errors.push(
          `${name}: discrete values ${bad.join(', ')} are not finite numbers within [min, max] = [${u.min}, ${u.max}]`,
        );
      }
      if (new Set(v).size !== v.length) errors.push(`${name}: discrete values must be distinct`);
      break;
    }
  }
  if (u.dist !== 'triangular' && u.mode !== undefined) errors.push(`${name}: 'mode' only applies to triangular`);
  if (u.dist !== 'normal-truncated' && (u.mean !== undefined || u.sd !== undefined)) {
    errors.push(`${name}: 'mean' and 'sd' only apply to normal-truncated`);
  }
  if (u.dist !== 'discrete' && u.values !== undefined) errors.push(`${name}: 'values' only applies to discrete`);
  return errors;
}

/** Problems with a whole list of declarations (each one, plus duplicate ids and paths). */
export function validateUncertainties(list: readonly Uncertainty[]): string[] {
  const errors: string[] = [];
  if (!Array.isArray(list)) return ['uncertainties must be a list'];
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  list.forEach((u, i) => {
    errors.push(...validateUncertainty(u).map((e) => `#${i + 1} ${e}`));
    if (typeof u?.id === 'string') {
      if (ids.has(u.id))
        errors.push(`#${i + 1} uncertainty "${u.id}": the id is already used by #${ids.get(u.id)! + 1}`);
      else ids.set(u.id, i);
    }
    if (typeof u?.path === 'string') {
      const other = paths.get(u.path);
      if (other !== undefined)
        errors.push(`#${i + 1} uncertainty "${u.id}": the path '${u.path}' is already set by "${other}"`);
      else paths.set(u.path, u.id);
    }
  });
  return errors;
}

/** Throws one Error listing every problem, or returns the list unchanged. */
export function assertValidUncertainties<T extends readonly Uncertainty[]>(list: T): T {
  const errors = validateUncertainties(list);
  if (errors.length > 0) throw new Error(`invalid uncertainty declarations:\n  - ${errors.join('\n  - ')}`);
  return list;
}

function normalParams(u: Uncertainty): { mean: number; sd: number } {
  return { mean: u.mean ?? (u.min + u.max) / 2, sd: u.sd ?? (u.max - u.min) / 4 };
}

/**
 * Inverse CDF of the declared distribution at `unit` ∈ [0, 1]. Monotone non-decreasing in `unit`; the
 * result always lies in [min, max]. Does not re-validate; call `validateUncertainty` on declarations first.
 */
export function sampleValue(u: Uncertainty, unit: number): number {
  if (!(unit >= 0 && unit <= 1)) throw new Error(`sampleValue(${u.id}): unit must be in [0, 1] (got ${unit})`);
  const { min, max } = u;
  let x: number;
  switch (u.dist) {
    case 'uniform':
      x = min + unit * (max - min);
      break;
    case 'triangular': {
      const c = u.mode ?? (min + max) / 2;
      const fc = (c - min) / (max - min);
      x =
        unit < fc
          ? min + Math.sqrt(unit * (max - min) * (c - min))
          : max - Math.sqrt((1 - unit) * (max - min) * (max - c));
      break;
    }
    case 'normal-truncated': {
      const { mean, sd } = normalParams(u);
      x = mean + sd * truncatedStdNormalInv((min - mean) / sd, (max - mean) / sd, unit);
      break;
    }
    case 'loguniform':
      x = Math.exp(Math.log(min) + unit * (Math.log(max) - Math.log(min)));
      break;
    case 'discrete': {
      const values = [...(u.values ?? [])].sort((a, b) => a - b);
      if (values.length === 0) throw new Error(`sampleValue(${u.id}): discrete needs values`);
      x = values[Math.min(values.length - 1, Math.floor(unit * values.length))];
      break;
    }
    default:
      throw new Error(`sampleValue: unknown dist ${(u as Uncertainty).dist}`);
  }
  return Math.min(max, Math.max(min, x));
}

/** The unit-interval position of a value (the CDF); inverse of `sampleValue` for continuous distributions. */
export function cdfValue(u: Uncertainty, value: number): number {
  const { min, max } = u;
  if (value <= min) return 0;
  if (value >= max) return 1;
  switch (u.dist) {
    case 'uniform':
      return (value - min) / (max - min);
    case 'triangular': {
      const c = u.mode ?? (min + max) / 2;
      return value <= c
        ? ((value - min) * (value - min)) / ((max - min) * (c - min))
        : 1 - ((max - value) * (max - value)) / ((max - min) * (max - c));
    }
    case 'normal-truncated': {
      const { mean, sd } = normalParams(u);
      const pa = normalCdf((min - mean) / sd);
      const pb = normalCdf((max - mean) / sd);
      return (normalCdf((value - mean) / sd) - pa) / (pb - pa);
    }
    case 'loguniform':
      return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
    case 'discrete': {
      const values = u.values ?? [];
      return values.filter((v) => v <= value).length / values.length;
    }
  }
}

/* ── normal distribution helpers (accurate to ~1e-15) ──────────────────────────────────────────── */

const SQRT_PI = Math.sqrt(Math.PI);

/** Complementary error function; series below 3, continued fraction above. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (2n+1)!!  (all terms positive)
    let term = x;
    let sum = x;
    const x2 = 2 * x * x;
    for (let n = 1; n < 200; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal quantile (Acklam's approximation refined by one Halley step). */
export function normalInv(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // Halley refinement; in the upper tail work with the upper-tail probability to keep precision.
  const e = x > 0 ? -(0.5 * erfc(x / Math.SQRT2) - (1 - p)) : 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  if (Number.isFinite(u)) x = x - u / (1 + (x * u) / 2);
  return x;
}

/** Quantile of the standard normal truncated to [za, zb] at probability `unit`. */
export function truncatedStdNormalInv(za: number, zb: number, unit: number): number {
  if (za > 0) {
    // both bounds in the upper tail: reflect, so tail probabilities keep their precision
    return -truncatedStdNormalInv(-zb, -za, 1 - unit);
  }
  const pa = normalCdf(za);
  const pb = normalCdf(zb);
  const z = normalInv(pa + unit * (pb - pa));
  return Math.min(zb, Math.max(za, z));
}
