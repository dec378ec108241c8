/**
 * Rank correlation of uncertain inputs with an outcome across futures already run: a cheap "what matters" that
 * needs no extra runs (the web app's tornado when Morris trajectories are set to 0). Spearman's ρ is Pearson's
 * correlation of the ranks, ties given their average rank (Spearman 1904); its 95% interval comes from the
 * Fisher z-transform with standard error 1/√(n − 3) (Fisher 1915). An association in these futures, not a
 * measured effect: inputs that move together in the design share each other's correlation.
 *
 * Runtime-neutral and pure: plain arrays in, numbers out.
 */

/** One input's rank correlation with the outcome. */
export interface RankCorrelation {
  /** Spearman's ρ, in [-1, 1]; 0 when either side is constant or there are fewer than two futures */
  rho: number;
  /** 95% interval of ρ (Fisher z); [-1, 1] with three futures or fewer */
  low: number;
  high: number;
}

/** Ranks 0..n-1 in ascending order of value; tied values share the mean of their ranks. */
export function ranks(values: ArrayLike<number>): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => [values[i], i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) out[idx[k][1]] = (i + j) / 2;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two equally long samples; 0 when either is constant or shorter than two. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n < 2) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) ma += a[i];
  for (let i = 0; i < n; i++) mb += b[i];
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Spearman's rank correlation of two equally long samples. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

/** 95% interval of a correlation from n pairs, by the Fisher z-transform. */
export function fisherInterval(rho: number, n: number): { low: number; high: number } {
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const se = n > 3 ? 1 / Math.sqrt(n - 3) : Infinity;
  return { low: Math.tanh(z - 1.96 * se), high: Math.tanh(z + 1.96 * se) };
}

/**
 * Spearman's ρ of each input column with the outcome, with its 95% interval. `inputs[j][f]` is input j in future
 * f and `outcome[f]` the outcome in that future; every column must be as long as the outcome.
 */
export function rankCorrelations(inputs: readonly ArrayLike<number>[], outcome: ArrayLike<number>): RankCorrelation[] {
  const n = outcome.length;
  const y = ranks(outcome);
  return inputs.map((column, j) => {
    if (column.length !== n) throw new Error(`input ${j + 1} has ${column.length} values for ${n} outcomes`);
    const rho = pearson(ranks(column), y);
    return { rho, ...fisherInterval(rho, n) };
  });
}
